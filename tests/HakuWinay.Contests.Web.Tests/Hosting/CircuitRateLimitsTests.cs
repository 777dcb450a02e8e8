using System.Globalization;
using System.Net;
using System.Security.Claims;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>Who a circuit's permits are counted for: the signed-in account, else the address that opened the circuit.</summary>
public sealed class CircuitRateLimitsTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services;
    private readonly CircuitRateLimits _limits = new(new RateLimitSettings { UploadsPerMinute = 1 });

    public CircuitRateLimitsTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("es-PE");
        _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
    }

    public void Dispose()
    {
        _limits.Dispose();
        _services.Dispose();
        CultureInfo.CurrentUICulture = _previous;
    }

    private ClientRateLimits CircuitFrom(string address) =>
        new(_limits, new HttpContextAccessor { HttpContext = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } } },
            _services.GetRequiredService<IStringLocalizer<SharedResource>>());

    private static Task<AuthenticationState> SignedIn(string userId) =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"))));

    private static Task<AuthenticationState> Anonymous() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public async Task Without_an_account_two_circuits_from_one_address_share_a_limit_and_another_address_does_not()
    {
        Assert.Null(await CircuitFrom("190.40.1.10").RefusalAsync(CircuitLimit.Upload, Anonymous()));

        var sameAddress = await CircuitFrom("190.40.1.10").RefusalAsync(CircuitLimit.Upload, Anonymous());
        var otherAddress = await CircuitFrom("181.65.2.20").RefusalAsync(CircuitLimit.Upload, null);

        Assert.StartsWith("Demasiadas subidas seguidas; intente de nuevo en ", sameAddress, StringComparison.Ordinal);
        Assert.Null(otherAddress);
    }

    [Fact]
    public async Task An_account_keeps_its_limit_across_addresses_and_accounts_on_one_address_do_not_share_it()
    {
        Assert.Null(await CircuitFrom("190.40.1.10").RefusalAsync(CircuitLimit.Upload, SignedIn("ana")));

        var anaElsewhere = await CircuitFrom("181.65.2.20").RefusalAsync(CircuitLimit.Upload, SignedIn("ana"));
        var rosaSameAddress = await CircuitFrom("190.40.1.10").RefusalAsync(CircuitLimit.Upload, SignedIn("rosa"));

        Assert.NotNull(anaElsewhere);
        Assert.Null(rosaSameAddress);
    }

    [Fact]
    public async Task Each_kind_of_work_has_its_own_limit()
    {
        var circuit = CircuitFrom("190.40.1.10");
        Assert.Null(await circuit.RefusalAsync(CircuitLimit.Upload, SignedIn("ana")));

        Assert.Null(await circuit.RefusalAsync(CircuitLimit.Import, SignedIn("ana")));
        Assert.Null(await circuit.RefusalAsync(CircuitLimit.Preview, SignedIn("ana")));
    }
}
