using System.Globalization;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Programme;

/// <summary>
/// The demo of every stage (last year's contest published, in execution, with awards at risk and
/// closed), an Administrator's client, and the at-risk group renamed as a formula to be neutralised.
/// </summary>
public sealed class ProgrammePortal : IAsyncLifetime
{
    public const string FormulaName = "=HYPERLINK(\"http://x.example\",\"ver\")";

    public PortalFactory Portal { get; } = new(FullDemo.Settings);

    public HttpClient Admin { get; private set; } = null!;

    public Contest LastYear { get; private set; } = null!;

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public async Task InitializeAsync()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            LastYear = await FullDemo.LastYearContestAsync(db);
            var atRisk = await FullDemo.AwardOfAsync(db, FullDemo.AtRiskEmail);
            await db.ProducerGroups.Where(g => g.Id == atRisk.ProducerGroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, FormulaName));
        }
        Admin = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(Admin, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);
    }

    /// <summary>An address of the table with last year's contest's id and code in it.</summary>
    public string Url(string template) => template
        .Replace("{id}", LastYear.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{code}", LastYear.Code, StringComparison.Ordinal);

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Portal.Dispose();
        return Task.CompletedTask;
    }
}
