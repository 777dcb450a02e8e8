using System.Net;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Account;

public sealed class SignInTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private HttpClient Client() => _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("admin@demo.hakuwinay.pe", "/admin")]
    [InlineData("jurado1@demo.hakuwinay.pe", "/juror")]
    [InlineData("grupo1@demo.hakuwinay.pe", "/producer")]
    [InlineData("tecnico@demo.hakuwinay.pe", "/technician")]
    public async Task Demo_user_signs_in_and_lands_on_their_dashboard(string email, string dashboard)
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, email, PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(dashboard, new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        using var page = await client.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
