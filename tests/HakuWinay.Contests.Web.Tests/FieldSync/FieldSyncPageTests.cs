using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Components.Pages.FieldSync;
using HakuWinay.Contests.Web.Tests.Components;
using HakuWinay.Contests.Web.Tests.Judging;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>
/// The Administrator's field-sync page follows the devices' sends live: a refusal answered meanwhile
/// shows on the open page, without a reload, with its kind (scorecard or visit report), who sent it
/// and a link to what it was for.
/// </summary>
public sealed class FieldSyncPageTests : PortalComponentTestBase
{
    [Fact]
    public async Task FieldSyncPage_shows_a_device_item_refused_meanwhile_on_the_same_render()
    {
        var profile = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupA, submit: true);
        var scorecardId = await DemoScorecards.AssignAsync(Portal, profile.Id, "jurado1@demo.hakuwinay.pe");
        var factory = Service<IDbContextFactory<ContestsDbContext>>();
        var adminId = await DemoScorecards.UserIdAsync(factory, "admin@demo.hakuwinay.pe");
        var jurorId = await DemoScorecards.UserIdAsync(factory, "jurado1@demo.hakuwinay.pe");
        Guid version;
        int contestId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            version = await db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Version).SingleAsync();
            contestId = await db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.ContestId).SingleAsync();
        }
        SignInAs(adminId, "admin@demo.hakuwinay.pe", Roles.Admin);
        var cut = Render<FieldSyncPage>(p => p.Add(c => c.ContestId, contestId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=field-sync-none]")));

        // Sent from a juror's device in another request: no points at all, so the online rules refuse it.
        var answer = await Service<FieldSyncService>().SubmitScorecardAsync(new ActingUser(jurorId), Guid.NewGuid(),
            new OfflineScorecard(scorecardId, version, [], null, null));

        Assert.Equal(DeviceSubmissionState.Refused, answer.Value!.State);
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=field-sync-row]");
            Assert.Equal(scorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-scorecard"));
            Assert.Contains(profile.Code!, row.TextContent, StringComparison.Ordinal);
            Assert.Equal("scorecard", row.GetAttribute("data-kind"));
            Assert.Equal("Ficha de evaluación", row.QuerySelector("[data-testid=field-sync-kind]")!.TextContent);
            Assert.Equal($"admin/scorecards/{scorecardId}", row.QuerySelector("a")!.GetAttribute("href"));
        });
        Assert.Empty(cut.FindAll("[data-testid=field-sync-none]"));

        // A conflict declared offline as "other" without a note is refused too, and told apart from the scorecard.
        var declared = await Service<ConflictSync>().DeclareAsync(new ActingUser(jurorId), Guid.NewGuid(), new OfflineConflict(scorecardId, ConflictKind.Other, null));

        Assert.Equal(DeviceSubmissionState.Refused, declared.Value!.State);
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=field-sync-row][data-kind=conflict]");
            Assert.Equal("Conflicto de interés", row.QuerySelector("[data-testid=field-sync-kind]")!.TextContent);
            Assert.Equal($"admin/scorecards/{scorecardId}", row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(2, cut.FindAll("[data-testid=field-sync-row]").Count);
        });
    }

    [Fact]
    public async Task FieldSyncPage_shows_a_visit_report_refused_meanwhile_as_a_visit_with_its_technician_and_a_link_to_the_visit()
    {
        var award = (await AwardedDemo.PublishAsync(Portal))[0];
        var factory = Service<IDbContextFactory<ContestsDbContext>>();
        var adminId = await DemoScorecards.UserIdAsync(factory, AwardedDemo.AdminEmail);
        var technicianId = await DemoScorecards.UserIdAsync(factory, AwardedDemo.TechnicianEmail);
        int contestId, visitId;
        Guid version;
        string technicianName;
        await using (var db = await factory.CreateDbContextAsync())
        {
            contestId = await db.Awards.Where(a => a.Id == award.AwardId).Select(a => a.ContestId).SingleAsync();
            var visit = await db.AwardVisits.Where(v => v.AwardId == award.AwardId).OrderBy(v => v.Order).Select(v => new { v.Id, v.Version }).FirstAsync();
            (visitId, version) = (visit.Id, visit.Version);
            await db.AwardVisits.Where(v => v.Id == visitId).ExecuteUpdateAsync(s => s.SetProperty(v => v.TechnicianUserId, technicianId));
            var user = await db.Users.Where(u => u.Id == technicianId).Select(u => new { u.FullName, u.Email }).SingleAsync();
            technicianName = user.FullName.Length > 0 ? user.FullName : user.Email!;
        }
        SignInAs(adminId, AwardedDemo.AdminEmail, Roles.Admin);
        var cut = Render<FieldSyncPage>(p => p.Add(c => c.ContestId, contestId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=field-sync-none]")));

        // Sent from the technician's device in another request: the first tranche is unpaid, so the visit is not yet scheduled and the report is refused.
        var report = new VisitReport(DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow)).AddDays(-1), 8, 0m, 1, "Sin señal", VisitRating.Satisfactory, []);
        var answer = await Service<VisitSyncService>().SubmitVisitReportAsync(new ActingUser(technicianId, IsTechnician: true), Guid.NewGuid(),
            new OfflineVisitReport(visitId, version, report), []);

        Assert.Equal(DeviceSubmissionState.Refused, answer.Value!.State);
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=field-sync-row]");
            Assert.Equal("visit", row.GetAttribute("data-kind"));
            Assert.Equal(visitId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-visit"));
            Assert.False(row.HasAttribute("data-scorecard"));
            Assert.Equal("Informe de visita", row.QuerySelector("[data-testid=field-sync-kind]")!.TextContent);
            Assert.Contains(technicianName, row.TextContent, StringComparison.Ordinal);
            Assert.Contains(award.ProfileCode, row.TextContent, StringComparison.Ordinal);
            Assert.Equal($"admin/visits/{visitId}", row.QuerySelector("a")!.GetAttribute("href"));
        });
        Assert.Empty(cut.FindAll("[data-testid=field-sync-none]"));
        Assert.Contains("Enviado por", cut.Find("[data-testid=field-sync-refused] thead").TextContent, StringComparison.Ordinal);
    }
}
