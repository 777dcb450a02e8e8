using HakuWinay.Contests.Common;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.FollowUp;

public sealed class VisitServiceTests(VisitsPortal portal) : IClassFixture<VisitsPortal>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    [Fact]
    public async Task Report_by_the_assigned_technician_is_submitted_audited_and_emailed_to_the_admins()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();

        var filed = await portal.Service().SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award, VisitRating.Unsatisfactory));

        Assert.Equal(VisitStatus.Submitted, filed.Value);
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((12, 1500.50m, 3, VisitRating.Unsatisfactory), (visit.MembersPresent!.Value, visit.SalesToDate!.Value, visit.Jobs!.Value, visit.Rating!.Value));
        Assert.Equal((await portal.LineIdsAsync(award.ProfileId)).Count, visit.Progress.Count);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "visit.submitted" && e.EntityId == visitId.ToString()));
        var mail = await db.Outbox.Where(m => m.To == AwardedDemo.AdminEmail && m.DeduplicationKey!.StartsWith($"visit-submitted:{visitId}:")).SingleAsync();
        Assert.Contains("INSATISFACTORIA", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_visit_without_a_date_is_refused_with_a_clear_rule()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var planned = await db.AwardVisits.Where(v => v.AwardId == portal.UnpaidAward.AwardId).Select(v => v.Id).FirstAsync();

        var filed = await portal.Service().SubmitReportAsync(portal.Technician, planned, await portal.ReportAsync(portal.UnpaidAward));

        Assert.Equal(ServiceOutcome.Invalid, filed.Outcome);
        Assert.Equal("Visits.NotScheduled", Assert.Single(filed.Violations).Rule);
        Assert.Equal(VisitStatus.Planned, (await portal.VisitAsync(planned)).Status);
    }

    [Fact]
    public async Task Another_technicians_visit_is_not_found_for_report_photos_and_reading()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var stranger = new ActingUser(Guid.NewGuid().ToString(), IsTechnician: true);
        var service = portal.Service();

        Assert.Equal(ServiceOutcome.NotFound, (await service.SubmitReportAsync(stranger, visitId, await portal.ReportAsync(award))).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await service.AddPhotoAsync(stranger, visitId, new UploadedFile("a.jpg", new MemoryStream(Jpeg)))).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await portal.Queries().DetailAsync(stranger, visitId)).Outcome);
        Assert.DoesNotContain(await portal.Queries().AssignedToAsync(stranger), r => r.VisitId == visitId);
        Assert.Equal(VisitStatus.Scheduled, (await portal.VisitAsync(visitId)).Status);
    }

    [Fact]
    public async Task A_future_date_bad_figures_and_a_line_of_another_profile_are_refused_and_change_nothing()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var good = await portal.ReportAsync(award);
        var otherLine = (await portal.LineIdsAsync(portal.Awards.First(a => a.ProfileId != award.ProfileId).ProfileId))[0];
        var service = portal.Service();

        var future = await service.SubmitReportAsync(portal.Technician, visitId, good with { VisitedOn = VisitsPortal.Today.AddDays(1) });
        var negative = await service.SubmitReportAsync(portal.Technician, visitId, good with { MembersPresent = -1, Jobs = -2, SalesToDate = 10.001m });
        var foreign = await service.SubmitReportAsync(portal.Technician, visitId, good with { Progress = [new VisitLineProgressInput(otherLine, 10, null)] });
        var overflow = await service.SubmitReportAsync(portal.Technician, visitId, good with { Progress = [good.Progress[0] with { ProgressPercent = 101 }] });
        var tooLong = await service.SubmitReportAsync(portal.Technician, visitId, good with { Observations = new string('x', AwardVisit.MaxObservationsLength + 1) });

        Assert.Equal("Visits.FutureDate", Assert.Single(future.Violations).Rule);
        Assert.Equal(["Visits.MembersRange", "Visits.JobsRange", "Visits.SalesInvalid"], negative.Violations.Select(v => v.Rule));
        Assert.Equal("Visits.LineNotInPlan", Assert.Single(foreign.Violations).Rule);
        Assert.Equal("Visits.ProgressRange", Assert.Single(overflow.Violations).Rule);
        Assert.Equal("Visits.ObservationsTooLong", Assert.Single(tooLong.Violations).Rule);
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Scheduled, (DateOnly?)null, 0), (visit.Status, visit.VisitedOn, visit.Progress.Count));
    }

    [Fact]
    public async Task A_pdf_photo_an_11_MB_photo_and_an_eleventh_photo_are_refused_and_leave_no_file()
    {
        var (visitId, _) = await portal.NextScheduledVisitAsync();
        var service = portal.Service();
        var filesBefore = Directory.GetFiles(Path.GetDirectoryName(portal.Storage.PathOf(AttachmentStorage.NewStorageName()))!).Length;

        var pdf = await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile("foto.jpg", new MemoryStream("%PDF-1.7 fake"u8.ToArray())));
        var big = new byte[11 * 1024 * 1024];
        Jpeg.CopyTo(big, 0);
        var huge = await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile("grande.jpg", new MemoryStream(big)));
        var badName = await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile("../../etc/passwd", new MemoryStream(Jpeg)));

        Assert.Equal("Files.ImageOnly", Assert.Single(pdf.Violations).Rule);
        Assert.Equal("Attachments.TooLarge", Assert.Single(huge.Violations).Rule);
        Assert.Equal(ServiceOutcome.Invalid, badName.Outcome);
        Assert.Equal(filesBefore, Directory.GetFiles(Path.GetDirectoryName(portal.Storage.PathOf(AttachmentStorage.NewStorageName()))!).Length);
        for (var i = 0; i < AwardVisit.MaxPhotos; i++)
        {
            Assert.True((await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile($"foto{i}.jpg", new MemoryStream(Jpeg)))).Succeeded);
        }
        var eleventh = await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile("once.jpg", new MemoryStream(Jpeg)));
        Assert.Equal("Visits.TooManyPhotos", Assert.Single(eleventh.Violations).Rule);
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal(AwardVisit.MaxPhotos, visit.Photos.Count);

        var removed = await service.RemovePhotoAsync(portal.Technician, visitId, visit.Photos[0].Id);
        Assert.True(removed.Succeeded);
        Assert.False(File.Exists(portal.Storage.PathOf(visit.Photos[0].File.StorageName)));
        Assert.Equal(ServiceOutcome.NotFound, (await service.RemovePhotoAsync(portal.Technician, visitId, visit.Photos[0].Id)).Outcome);
    }

    [Fact]
    public async Task Approving_twice_is_refused_and_the_sweep_is_asked_for_once()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var service = portal.Service();
        await service.SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));
        var sweepsBefore = portal.Sweeps.Count;

        var first = await service.ApproveAsync(portal.Admin, visitId);
        var second = await service.ApproveAsync(portal.Admin, visitId);
        var sendBack = await service.SendBackAsync(portal.Admin, visitId, "Corregir");
        var refile = await service.SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));
        var photo = await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile("tarde.jpg", new MemoryStream(Jpeg)));

        Assert.Equal(VisitStatus.Approved, first.Value);
        Assert.Equal("Visits.AlreadyApproved", Assert.Single(second.Violations).Rule);
        Assert.Equal("Visits.AlreadyApproved", Assert.Single(sendBack.Violations).Rule);
        Assert.Equal("Visits.AlreadyApproved", Assert.Single(refile.Violations).Rule);
        Assert.Equal("Visits.AlreadyApproved", Assert.Single(photo.Violations).Rule);
        Assert.Equal(sweepsBefore + 1, portal.Sweeps.Count);
        var visit = await portal.VisitAsync(visitId);
        Assert.True(visit.IsApprovedSatisfactory);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == "visit.approved" && e.EntityId == visitId.ToString()));
    }

    [Fact]
    public async Task A_report_not_yet_filed_cannot_be_reviewed_and_only_an_admin_reviews()
    {
        var (visitId, _) = await portal.NextScheduledVisitAsync();

        var approve = await portal.Service().ApproveAsync(portal.Admin, visitId);
        var byTechnician = await portal.Service().ApproveAsync(portal.Technician, visitId);

        Assert.Equal("Visits.NotSubmitted", Assert.Single(approve.Violations).Rule);
        Assert.Equal(ServiceOutcome.NotFound, byTechnician.Outcome);
    }

    [Fact]
    public async Task Sending_back_needs_comments_emails_the_technician_and_reopens_the_report()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var service = portal.Service();
        await service.SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));

        var blank = await service.SendBackAsync(portal.Admin, visitId, "   ");
        var tooLong = await service.SendBackAsync(portal.Admin, visitId, new string('x', AwardVisit.MaxCommentLength + 1));
        Assert.Equal("Visits.CommentRequired", Assert.Single(blank.Violations).Rule);
        Assert.Equal("Visits.CommentTooLong", Assert.Single(tooLong.Violations).Rule);
        Assert.Equal(VisitStatus.Submitted, (await portal.VisitAsync(visitId)).Status);

        var sent = await service.SendBackAsync(portal.Admin, visitId, "Falta la foto del galpón.");
        Assert.Equal(VisitStatus.SentBack, sent.Value);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var mail = await db.Outbox.SingleAsync(m => m.DeduplicationKey!.StartsWith($"visit-sent-back:{visitId}:"));
            Assert.Equal(AwardedDemo.TechnicianEmail, mail.To);
            Assert.Contains("Falta la foto del galpón.", mail.TextBody, StringComparison.Ordinal);
        }
        var refiled = await service.SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));
        Assert.Equal(VisitStatus.Submitted, refiled.Value);
        Assert.Equal("Falta la foto del galpón.", (await portal.VisitAsync(visitId)).ReviewComment);
    }

    [Fact]
    public async Task Two_admins_approving_at_once_one_wins_and_the_other_is_told()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        await portal.Service().SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));
        var version = (await portal.VisitAsync(visitId)).Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => portal.Service().ApproveAsync(portal.Admin, visitId, version))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Outcome == ServiceOutcome.Conflict || r.Violations.Any(v => v.Rule == "Visits.AlreadyApproved")));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == "visit.approved" && e.EntityId == visitId.ToString()));
        var stale = await portal.Service().SendBackAsync(portal.Admin, visitId, "tarde", version);
        Assert.Equal("Visits.AlreadyApproved", Assert.Single(stale.Violations).Rule);
    }

    [Fact]
    public async Task The_technicians_list_puts_overdue_visits_first_and_holds_only_their_visits()
    {
        var (late, _) = await portal.NextScheduledVisitAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // The fixture's sweep marked the visits dated before today overdue; this one may be one.
            var visit = await db.AwardVisits.SingleAsync(v => v.Id == late);
            visit.MarkOverdueIfLate(visit.ScheduledOn!.Value.AddDays(1), DateTime.UtcNow);
            await db.SaveChangesAsync();
            Assert.Equal(VisitStatus.Overdue, visit.Status);
        }

        var rows = await portal.Queries().AssignedToAsync(portal.Technician);

        await using var check = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(await check.AwardVisits.CountAsync(v => v.TechnicianUserId == portal.TechnicianId), rows.Count);
        var overdue = rows.TakeWhile(r => r.IsOverdue).Select(r => r.VisitId).ToList();
        Assert.Contains(late, overdue);
        Assert.Equal(await check.AwardVisits.CountAsync(v => v.TechnicianUserId == portal.TechnicianId && v.Status == VisitStatus.Overdue), overdue.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GroupName)));
        var dated = rows.Where(r => r.Status == VisitStatus.Scheduled).Select(r => r.ScheduledOn!.Value).ToList();
        Assert.Equal(dated.Order(), dated);
        Assert.Equal(VisitStatus.Planned, rows.First(r => r.ScheduledOn is null).Status);
        Assert.Empty(await portal.Queries().AssignedToAsync(new ActingUser(Guid.NewGuid().ToString(), IsTechnician: true)));
    }
}
