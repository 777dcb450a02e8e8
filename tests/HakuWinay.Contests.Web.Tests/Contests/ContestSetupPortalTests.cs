using System.Net;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Contests;

/// <summary>The contest setup pages through the real portal, on the Development demo.</summary>
public sealed class ContestSetupPortalTests(ContestSetupPortalTests.Fixture fixture) : IClassFixture<ContestSetupPortalTests.Fixture>
{
    [Fact]
    public async Task The_demo_contest_has_the_default_evaluation_settings_and_plans()
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var contest = (await scope.ServiceProvider.GetRequiredService<ContestAdminService>().FindAsync(fixture.ContestId))!;

        Assert.Equal(EvaluationSettings.Default, contest.Evaluation);
        Assert.Equal(Contest.DefaultTranches, contest.Tranches.OrderBy(t => t.Order).Select(t => t.Rule));
        Assert.Equal([30, 90, 180], contest.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment));
        Assert.Empty(contest.Validate());
    }

    [Fact]
    public async Task The_contest_list_links_to_a_new_contest_and_to_each_contests_setup_and_lifecycle()
    {
        var html = await fixture.Admin.GetStringAsync("/admin/contests");

        Assert.Contains("href=\"admin/contests/new\"", html);
        Assert.Contains($"href=\"admin/contests/{fixture.ContestId}/edit\"", html);
        Assert.Contains($"href=\"admin/contests/{fixture.ContestId}/lifecycle\"", html);
    }

    [Fact]
    public async Task The_setup_and_lifecycle_pages_show_the_demo_contest()
    {
        var edit = await fixture.Admin.GetStringAsync($"/admin/contests/{fixture.ContestId}/edit");
        var lifecycle = await fixture.Admin.GetStringAsync($"/admin/contests/{fixture.ContestId}/lifecycle");

        Assert.Contains("Concurso de negocios rurales inclusivos Huamanga 2026", edit);
        Assert.Contains("data-testid=\"general-form\"", edit);
        Assert.Contains("data-testid=\"extension-form\"", lifecycle);
    }

    [Theory]
    [InlineData("/admin/contests/999999/edit")]
    [InlineData("/admin/contests/999999/lifecycle")]
    [InlineData("/admin/contests/abc/edit")]
    [InlineData("/admin/contests/-1/lifecycle")]
    public async Task Unknown_contests_are_not_found(string url)
    {
        using var response = await fixture.Admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_public_page_links_to_applying_and_shows_the_tranches()
    {
        var html = await fixture.Admin.GetStringAsync("/contests/AYA-2026-01");

        Assert.Contains("href=\"contests/AYA-2026-01/apply\"", html);
        Assert.Contains("70 % al firmar el convenio", html);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

        public HttpClient Admin { get; private set; } = null!;

        public int ContestId { get; private set; }

        public async Task InitializeAsync()
        {
            var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                ContestId = await db.Contests.Where(c => c.Code == "AYA-2026-01").Select(c => c.Id).SingleAsync();
            }
            Admin = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await SignIn.AsAsync(Admin, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);
        }

        public Task DisposeAsync()
        {
            Admin.Dispose();
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
