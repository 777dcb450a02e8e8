using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Groups;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The jurors, conflicts and assignment pages through the real portal on the demo (jurado1–3 appointed to both stages of contest 1).</summary>
public sealed partial class JudgingPortalTests : IDisposable
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

    private static string PathOf(HttpClient client, HttpResponseMessage response) => new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery;

    /// <summary>A demo group's profile, submitted and declared eligible through the real services.</summary>
    private async Task<DemoProfile> EligibleAsync(string group)
    {
        var profile = await DemoProfiles.CreateAsync(_portal, group, submit: true);
        await using var scope = _portal.Services.CreateAsyncScope();
        var eligibility = scope.ServiceProvider.GetRequiredService<EligibilityService>();
        var items = await InDatabaseAsync(db => db.Contests.Where(c => c.Code == "AYA-2026-01").SelectMany(c => c.EligibilityChecklist.Select(i => i.Id)).ToListAsync());
        var decided = await eligibility.DecideAsync("admin", profile.Id, await DemoProfiles.VersionAsync(
            _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>(), profile.Id), true, "Cumple", items.Select(i => new ChecklistAnswer(i, true)).ToList());
        Assert.True(decided.Succeeded, decided.Outcome.ToString());
        return profile;
    }

    [Fact]
    public async Task A_juror_opens_the_conflicts_page_of_a_contest_they_are_appointed_to_and_nothing_else()
    {
        var jurado1 = await SignedInAsync("jurado1@demo.hakuwinay.pe");
        var otherContest = await InDatabaseAsync(async db =>
        {
            var template = await db.EvaluationTemplates.Include(t => t.Stages).ThenInclude(s => s.Criteria).FirstAsync();
            var contest = Contest.FromTemplate(template, "OTRO-2026", "Otro concurso", "05",
                new ContestTimeline(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), null, null, null, null), DateTime.UtcNow);
            db.Contests.Add(contest);
            await db.SaveChangesAsync();
            return contest.Id;
        });

        Assert.Equal(HttpStatusCode.OK, (await jurado1.GetAsync("/juror/contests/1/conflicts")).StatusCode);
        using var other = await jurado1.GetAsync($"/juror/contests/{otherContest}/conflicts");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/account/access-denied", PathOf(jurado1, other));
        Assert.Equal(HttpStatusCode.NotFound, (await jurado1.GetAsync("/juror/contests/99999/conflicts")).StatusCode);
        var dashboard = await jurado1.GetStringAsync("/juror");
        Assert.Contains("href=\"juror/contests/1/conflicts\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_in_the_admin_addresses_are_not_found()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/contests/99999/jurors")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/contests/99999/assignment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/contests/1/assignment?stage=99999")).StatusCode);
        Assert.Contains("href=\"admin/contests/1/jurors\"", await admin.GetStringAsync("/admin/contests"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_juror_declares_a_conflict_and_confirms_and_bad_notes_are_refused_with_a_message()
    {
        var profile = await EligibleAsync(DemoProfiles.GroupA);
        var groupId = await InDatabaseAsync(db => db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.ProducerGroupId).SingleAsync());
        var jurado2 = await SignedInAsync("jurado2@demo.hakuwinay.pe");
        const string url = "/juror/contests/1/conflicts";
        var page = await jurado2.GetStringAsync(url);
        Assert.Contains(DemoProfiles.GroupA, page, StringComparison.Ordinal);
        Assert.Contains("Huayllapampa", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Texto de", page, StringComparison.Ordinal);

        var other = await (await FormPost.SendAsync(jurado2, url, "declare-conflict",
            [new("Input.GroupId", groupId.ToString()), new("Input.Kind", "Other"), new("Input.Note", "")])).Content.ReadAsStringAsync();
        var huge = await (await FormPost.SendAsync(jurado2, url, "declare-conflict",
            [new("Input.GroupId", groupId.ToString()), new("Input.Kind", "Kinship"), new("Input.Note", new string('ñ', 5_000))])).Content.ReadAsStringAsync();
        Assert.Contains("Para «Otro», explique el conflicto en la nota.", other, StringComparison.Ordinal);
        Assert.Contains("La nota tiene como máximo 500 caracteres.", huge, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.ConflictsOfInterest.AnyAsync()));

        using var declared = await FormPost.SendAsync(jurado2, url, "declare-conflict",
            [new("Input.GroupId", groupId.ToString()), new("Input.Kind", "Kinship"), new("Input.Note", "Mi sobrina es socia")]);
        using var confirmed = await FormPost.SendAsync(jurado2, url, "confirm-declaration", []);

        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var conflict = await InDatabaseAsync(db => db.ConflictsOfInterest.SingleAsync());
        Assert.Equal((groupId, ConflictKind.Kinship, "Mi sobrina es socia", false), (conflict.ProducerGroupId, conflict.Kind, conflict.Note, conflict.RecordedByAdmin));
        Assert.Contains("data-testid=\"declaration-confirmed\"", await jurado2.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_invites_a_juror_whose_account_is_created_and_emailed()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        const string url = "/admin/contests/1/jurors";

        var bad = await (await FormPost.SendAsync(admin, url, "invite-juror",
            [new("Invite.Email", "jurado1@demo.hakuwinay.pe"), new("Invite.FullName", "Repetido"), new("Invite.DistrictCode", "050101")])).Content.ReadAsStringAsync();
        using var invited = await FormPost.SendAsync(admin, url, "invite-juror",
            [new("Invite.Email", "rosa.jurado@correo.pe"), new("Invite.FullName", "Rosa Huamán"), new("Invite.Institution", "Agencia Agraria"), new("Invite.DistrictCode", "050108")]);

        Assert.Contains("Ya existe una cuenta con este correo.", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var email = await InDatabaseAsync(db => db.Outbox.SingleAsync(m => m.To == "rosa.jurado@correo.pe"));
        Assert.Matches(SetPasswordLink(), email.TextBody);
        var page = await admin.GetStringAsync(url);
        Assert.Contains("Rosa Huamán", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_assigns_automatically_and_a_conflicted_cell_is_refused_with_its_reason()
    {
        var profiles = new[] { await EligibleAsync(DemoProfiles.GroupA), await EligibleAsync(DemoProfiles.GroupB) };
        var stageId = await InDatabaseAsync(db => db.Contests.Where(c => c.Id == 1).SelectMany(c => c.Stages).Where(s => s.Code == "CAMPO").Select(s => s.Id).SingleAsync());
        var jurado1 = await InDatabaseAsync(db => db.Users.Where(u => u.Email == "jurado1@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync());
        var groupA = await InDatabaseAsync(db => db.BusinessProfiles.Where(p => p.Id == profiles[0].Id).Select(p => p.ProducerGroupId).SingleAsync());
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        using (var recorded = await FormPost.SendAsync(admin, "/admin/contests/1/jurors", "record-conflict",
                   [new("Input.JurorUserId", jurado1), new("Input.GroupId", groupA.ToString()), new("Input.Kind", "SameCommunity"), new("Input.Note", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }
        var url = $"/admin/contests/1/assignment?stage={stageId}";

        var run = await (await FormPost.SendAsync(admin, url, "run-assignment", [new("Input.Seed", "2026")])).Content.ReadAsStringAsync();

        Assert.Contains("Asignación automática con semilla 2026", run, StringComparison.Ordinal);
        Assert.Contains("faltan 1", run, StringComparison.Ordinal);
        var scorecards = await InDatabaseAsync(db => db.Scorecards.Where(s => s.ContestStageId == stageId).ToListAsync());
        // Every eligible profile (the demo's own and these two) gets the three demo jurors, but for the conflicted seat.
        var seats = 3 * await InDatabaseAsync(db => db.BusinessProfiles.CountAsync(p => p.ContestId == 1 && p.Status == ProfileStatus.Eligible)) - 1;
        Assert.Equal(seats, scorecards.Count);
        Assert.DoesNotContain(scorecards, s => s.JurorUserId == jurado1 && s.BusinessProfileId == profiles[0].Id);
        Assert.True(await InDatabaseAsync(db => db.AuditLog.AnyAsync(a => a.Action == "assignment.run" && a.AfterJson!.Contains("\"seed\":2026"))));

        var refused = await (await FormPost.SendAsync(admin, url, "assignment-cell", [new("Cell", $"add:{profiles[0].Id}:{jurado1}")])).Content.ReadAsStringAsync();
        var forged = await (await FormPost.SendAsync(admin, url, "assignment-cell", [new("Cell", "add:abc")])).Content.ReadAsStringAsync();
        var badSeed = await (await FormPost.SendAsync(admin, url, "run-assignment", [new("Input.Seed", "-5")])).Content.ReadAsStringAsync();

        Assert.Contains("El jurado tiene un conflicto de interés con este grupo.", refused, StringComparison.Ordinal);
        Assert.Contains("Esa acción no es válida", forged, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"run-assignment\"", badSeed, StringComparison.Ordinal);
        Assert.Equal(seats, await InDatabaseAsync(db => db.Scorecards.CountAsync(s => s.ContestStageId == stageId)));
    }

    [GeneratedRegex(@"https?://\S+/account/set-password/\S+")]
    private static partial Regex SetPasswordLink();
}
