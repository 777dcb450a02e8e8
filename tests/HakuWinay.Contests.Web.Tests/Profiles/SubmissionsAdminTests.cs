using System.Net;
using System.Text;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Profiles;

/// <summary>The administrator's contest list, submissions page and CSV export, on the demo with one submitted profile.</summary>
public sealed class SubmissionsAdminTests(SubmissionsAdminTests.Fixture fixture) : IClassFixture<SubmissionsAdminTests.Fixture>
{
    [Fact]
    public async Task The_contest_list_links_to_the_submissions_and_counts_them()
    {
        var html = await fixture.Admin.GetStringAsync("/admin/contests");

        Assert.Contains("AYA-2026-01", html);
        Assert.Contains($"href=\"admin/contests/{fixture.ContestId}/submissions\"", html);
    }

    [Fact]
    public async Task The_submissions_page_lists_the_submitted_profile()
    {
        var html = await fixture.Admin.GetStringAsync($"/admin/contests/{fixture.ContestId}/submissions");

        Assert.Contains(fixture.Code, html);
        Assert.Contains("Grupo de criadoras de cuyes Warmi Kallpa", html);
        Assert.Contains("S/ 6,600.00", html);
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_bom_and_honours_the_filters()
    {
        var all = await fixture.Admin.GetByteArrayAsync($"/admin/contests/{fixture.ContestId}/submissions.csv");
        var drafts = await fixture.Admin.GetByteArrayAsync($"/admin/contests/{fixture.ContestId}/submissions.csv?status=Draft");

        Assert.Equal([0xEF, 0xBB, 0xBF], all[..3]);
        var text = Encoding.UTF8.GetString(all, 3, all.Length - 3);
        Assert.StartsWith("codigo,titulo,categoria,grupo", text, StringComparison.Ordinal);
        Assert.Contains(fixture.Code, text);
        Assert.DoesNotContain(fixture.Code, Encoding.UTF8.GetString(drafts));
    }

    [Theory]
    [InlineData("/admin/contests/999999/submissions.csv", HttpStatusCode.NotFound)]
    [InlineData("/admin/contests/1/submissions.csv?status=Hacked", HttpStatusCode.BadRequest)]
    [InlineData("/admin/contests/1/submissions.csv?status=99", HttpStatusCode.BadRequest)]
    [InlineData("/admin/contests/abc/submissions.csv", HttpStatusCode.NotFound)]
    [InlineData("/admin/contests/999999/submissions", HttpStatusCode.NotFound)]
    public async Task Unknown_contests_and_bad_filters_get_a_clear_refusal(string url, HttpStatusCode expected)
    {
        using var response = await fixture.Admin.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

        public HttpClient Admin { get; private set; } = null!;

        public int ContestId { get; private set; }

        public string Code { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                ContestId = await db.Contests.Where(c => c.Code == "AYA-2026-01").Select(c => c.Id).SingleAsync();
            }
            // A valid profile, with the contest's required documents, submitted through the real services.
            var submitted = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupA, submit: true);
            Code = submitted.Code!;
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
