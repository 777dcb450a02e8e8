using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Judging.Live;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The live session's screens through the real portal on the demo (jurado1–3 appointed to both stages of contest 1).</summary>
public sealed class LivePortalTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
        return client;
    }

    private async Task<T> InDatabaseAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private async Task<DemoProfile> EligibleAsync(string group)
    {
        var profile = await DemoProfiles.CreateAsync(_portal, group, submit: true);
        await using var scope = _portal.Services.CreateAsyncScope();
        var items = await InDatabaseAsync(db => db.Contests.Where(c => c.Code == "AYA-2026-01").SelectMany(c => c.EligibilityChecklist.Select(i => i.Id)).ToListAsync());
        var decided = await scope.ServiceProvider.GetRequiredService<EligibilityService>().DecideAsync("admin", profile.Id, await DemoProfiles.VersionAsync(
            _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>(), profile.Id), true, "Cumple", items.Select(i => new ChecklistAnswer(i, true)).ToList());
        Assert.True(decided.Succeeded, decided.Outcome.ToString());
        return profile;
    }

    [Fact]
    public async Task Unknown_contests_and_stages_are_not_found_on_the_live_screens()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        var juror = await SignedInAsync("jurado1@demo.hakuwinay.pe");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/contests/99999/session")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/contests/1/session?stage=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/contests/99999/projector")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/contests/1/projector?stage=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync("/juror/contests/99999/live")).StatusCode);
    }

    [Fact]
    public async Task A_juror_of_another_contest_is_refused_its_live_page()
    {
        var jurado1 = await SignedInAsync("jurado1@demo.hakuwinay.pe");
        var other = await InDatabaseAsync(async db =>
        {
            var template = await db.EvaluationTemplates.Include(t => t.Stages).ThenInclude(s => s.Criteria).FirstAsync();
            var contest = Contest.FromTemplate(template, "OTRO-VIVO", "Otro concurso", "05",
                new ContestTimeline(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), null, null, null, null), DateTime.UtcNow);
            db.Contests.Add(contest);
            await db.SaveChangesAsync();
            return contest.Id;
        });

        using var response = await jurado1.GetAsync($"/juror/contests/{other}/live");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", new Uri(jurado1.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_judging_pages_and_the_jurors_dashboard_link_the_live_screens()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        var jurado1 = await SignedInAsync("jurado1@demo.hakuwinay.pe");

        var assignment = await admin.GetStringAsync("/admin/contests/1/assignment");
        Assert.Contains("href=\"admin/contests/1/session\"", assignment, StringComparison.Ordinal);
        Assert.Contains("href=\"contests/1/projector\"", assignment, StringComparison.Ordinal);
        Assert.Contains("href=\"juror/contests/1/live\"", await jurado1.GetStringAsync("/juror"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_projector_is_full_screen_and_shows_the_presenter_with_numbered_jurors_and_no_names()
    {
        await EligibleAsync(DemoProfiles.GroupA);
        await EligibleAsync(DemoProfiles.GroupB);
        var stageId = await InDatabaseAsync(db => db.Set<ContestStage>().Where(s => s.Code == "PUBLICA" && s.ContestId == 1).Select(s => s.Id).SingleAsync());
        var adminId = await InDatabaseAsync(db => db.Users.Where(u => u.Email == "admin@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync());
        var acting = new ActingUser(adminId, IsAdmin: true);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AssignmentService>().RunAsync(acting, stageId, 9)).Succeeded);
            var sessions = scope.ServiceProvider.GetRequiredService<LiveSessionService>();
            var drawn = await sessions.DrawAsync(acting, stageId, 31, 10, null);
            Assert.True((await sessions.ApplyAsync(acting, drawn.Value!.Id, drawn.Value.Version, LiveCommand.Advance)).Succeeded);
        }
        var current = await InDatabaseAsync(db => db.LiveSessions.SingleAsync());
        // The order includes the demo's own eligible profiles too: the presenter is whichever was drawn first.
        var code = await InDatabaseAsync(db => db.BusinessProfiles.Where(p => p.Id == current.CurrentProfileId).Select(p => p.Code).SingleAsync());
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");

        var projector = await technician.GetStringAsync("/contests/1/projector");

        Assert.Contains(code!, projector, StringComparison.Ordinal);
        Assert.Contains("Jurado 3", projector, StringComparison.Ordinal);
        Assert.DoesNotContain("navbar", projector, StringComparison.Ordinal);
        foreach (var name in await InDatabaseAsync(db => db.Users.Where(u => u.Email!.StartsWith("jurado")).Select(u => u.FullName).ToListAsync()))
        {
            Assert.DoesNotContain(name, projector, StringComparison.Ordinal);
        }
        var console = await (await SignedInAsync("admin@demo.hakuwinay.pe")).GetStringAsync("/admin/contests/1/session");
        Assert.Contains("Semilla 31", console, StringComparison.Ordinal);
    }
}
