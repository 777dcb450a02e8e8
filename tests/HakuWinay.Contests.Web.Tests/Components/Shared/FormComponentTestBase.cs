using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bunit;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:HakuWinay.Contests.Web.Tests.Components.Shared",
    Justification = "The tests mirror the app's Components/Shared folder.")]

namespace HakuWinay.Contests.Web.Tests.Components.Shared;

/// <summary>
/// bUnit context for the shared form components: the real Spanish/English resources in es-PE,
/// and none of the database that <see cref="ComponentTestBase"/> prepares, since these need none.
/// </summary>
public abstract class FormComponentTestBase : BunitContext
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    protected FormComponentTestBase()
    {
        SetCulture("es-PE");
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // The portal's default limits on previews; a test may register lower settings after this.
        Services.AddSingleton(new RateLimitSettings());
        Services.AddCircuitRateLimits();
    }

    protected static void SetCulture(string name)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(name);
        CultureInfo.CurrentCulture = new CultureInfo(name);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        base.Dispose(disposing);
    }
}
