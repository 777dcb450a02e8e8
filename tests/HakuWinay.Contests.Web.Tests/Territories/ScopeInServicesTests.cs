using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Accounting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Territories;

/// <summary>
/// The services ask the territory again (ADR 033), whatever path an action took to reach them: the
/// demo's Ayacucho awards (<see cref="PaidAwardsPortal"/>) refuse the Apurímac Administrator, and
/// the Ayacucho Technician once his scope is narrowed to Apurímac, with the territory's message and
/// nothing changed; the national Administrator and the Technician in scope go on as before.
/// </summary>
public sealed class ScopeInServicesTests(PaidAwardsPortal portal) : IClassFixture<PaidAwardsPortal>
{
    private const string ApurimacAdmin = "ut.apurimac@demo.hakuwinay.pe";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[128]];

    private static void AssertRefused<T>(ServiceResult<T> result)
    {
        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Territory", StaffReach.OutsideScope), (violation.Field, violation.Rule));
    }

    private static void AssertOk<T>(ServiceResult<T> result) =>
        Assert.True(result.Succeeded, result.Outcome + " " + string.Join(", ", result.Violations.Select(v => v.Rule)));

    private async Task<ActingUser> OutsiderAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return new ActingUser(await db.Users.Where(u => u.Email == ApurimacAdmin).Select(u => u.Id).SingleAsync(), IsAdmin: true);
    }

    private static T Service<T>(IServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<int> AuditCountAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditLog.CountAsync();
    }

    [Fact]
    public async Task Award_changes_out_of_scope_are_refused_and_change_nothing()
    {
        using var scope = portal.Portal.Services.CreateScope();
        var awards = Service<AwardAdminService>(scope);
        var outsider = await OutsiderAsync();
        var admin = await portal.ActingAsync(Identity.Roles.Admin);
        var technician = await portal.ActingAsync(Identity.Roles.Technician);
        int visitId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            visitId = await db.AwardVisits.Where(v => v.AwardId == portal.Mine.AwardId).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        }
        var audited = await AuditCountAsync();

        AssertRefused(await awards.HoldTrancheAsync(outsider, portal.Mine.AwardId, portal.MySecondTranche, "Fuera de mi ámbito"));
        AssertRefused(await awards.PayTrancheAsync(outsider, portal.Mine.AwardId, portal.MySecondTranche, new TranchePaymentInput(100m, portal.Today, "OP-X"), null));
        AssertRefused(await awards.AssignTechnicianAsync(outsider, portal.Mine.AwardId, visitId, technician.UserId));
        AssertRefused(await awards.RescheduleVisitAsync(outsider, portal.Mine.AwardId, visitId, portal.Today.AddDays(30)));
        AssertRefused(await awards.CloseAsync(outsider, portal.Mine.AwardId, portal.Today, "Cierre"));

        Assert.Equal(audited, await AuditCountAsync());
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.Equal(TrancheStatus.Scheduled, await db.AwardTranches.Where(t => t.Id == portal.MySecondTranche).Select(t => t.Status).SingleAsync());
        }
        AssertOk(await awards.HoldTrancheAsync(admin, portal.Mine.AwardId, portal.MySecondTranche, "Falta la visita"));
        AssertOk(await awards.ReleaseTrancheAsync(admin, portal.Mine.AwardId, portal.MySecondTranche));
    }

    [Fact]
    public async Task Expenses_out_of_scope_are_neither_recorded_nor_reviewed()
    {
        var outsider = await OutsiderAsync();
        var admin = await portal.ActingAsync(Identity.Roles.Admin);
        ExpenseInput Input(string number) => new(portal.MyLine, portal.Today, "Agroveterinaria Los Andes", ExpenseDocumentType.Factura, number, 40m);
        await using var counting = await portal.Factory.CreateDbContextAsync();
        var before = await counting.Expenses.CountAsync();

        AssertRefused(await portal.Service.RecordAsync(outsider, portal.Mine.AwardId, portal.MyFirstTranche, Input("F001-90"), Receipts.File(Receipts.Pdf)));
        Assert.Equal(before, await counting.Expenses.CountAsync());

        var recorded = await portal.Service.RecordAsync(admin, portal.Mine.AwardId, portal.MyFirstTranche, Input("F001-91"), Receipts.File(Receipts.Pdf));
        AssertOk(recorded);
        AssertRefused(await portal.Service.ApproveAsync(outsider, recorded.Value));
        AssertRefused(await portal.Service.RejectAsync(outsider, recorded.Value, "No corresponde"));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.Equal(ExpenseStatus.Submitted, await db.Expenses.Where(e => e.Id == recorded.Value).Select(e => e.Status).SingleAsync());
        }
        Assert.Equal(ExpenseStatus.Approved, (await portal.Service.ApproveAsync(admin, recorded.Value)).Value);
    }

    [Fact]
    public async Task A_technician_whose_scope_was_narrowed_files_nothing_on_the_visits_still_assigned_to_him()
    {
        using var scope = portal.Portal.Services.CreateScope();
        var visits = Service<VisitService>(scope);
        var technician = await portal.ActingAsync(Identity.Roles.Technician);
        var outsider = await OutsiderAsync();
        int visitId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            visitId = await db.AwardVisits.Where(v => v.AwardId == portal.Mine.AwardId).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        }
        await StaffScopeRows.SetAsync(portal.Factory, technician.UserId, "03");
        try
        {
            AssertRefused(await visits.AddPhotoAsync(technician, visitId, new UploadedFile("galpon.png", new MemoryStream(Png))));
            AssertRefused(await visits.SubmitReportAsync(technician, visitId,
                new VisitReport(portal.Today, MembersPresent: 5, SalesToDate: 900m, Jobs: 1, Observations: "Visita", Rating: VisitRating.Satisfactory, Progress: [])));
            await using var db = await portal.Factory.CreateDbContextAsync();
            var visit = await db.AwardVisits.Include(v => v.Photos).SingleAsync(v => v.Id == visitId);
            Assert.Empty(visit.Photos);
            Assert.NotEqual(VisitStatus.Submitted, visit.Status);
        }
        finally
        {
            await StaffScopeRows.SetAsync(portal.Factory, technician.UserId, "05");
        }
        AssertRefused(await visits.ApproveAsync(outsider, visitId));
        AssertRefused(await visits.SendBackAsync(outsider, visitId, "Complete el informe"));
        var photo = await visits.AddPhotoAsync(technician, visitId, new UploadedFile("galpon.png", new MemoryStream(Png)));
        AssertOk(photo);
        AssertOk(await visits.RemovePhotoAsync(technician, visitId, photo.Value));
    }

    [Fact]
    public async Task Appeals_and_corrections_out_of_scope_are_refused_and_the_insider_s_go_through()
    {
        using var scope = portal.Portal.Services.CreateScope();
        var appeals = Service<AppealService>(scope);
        var publication = Service<PublicationService>(scope);
        var outsider = await OutsiderAsync();
        var admin = await portal.ActingAsync(Identity.Roles.Admin);
        int contestId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            contestId = await db.Awards.Where(a => a.Id == portal.Theirs.AwardId).Select(a => a.ContestId).SingleAsync();
        }

        AssertRefused(await appeals.FileAsync(outsider, portal.Theirs.ProfileId, "Reclamo desde otro territorio"));
        var filed = await appeals.FileAsync(admin, portal.Theirs.ProfileId, "El puntaje de campo está mal sumado.");
        AssertOk(filed);
        AssertRefused(await appeals.RejectAsync(outsider, filed.Value, "No procede"));
        AssertRefused(await appeals.UpholdAsync(outsider, filed.Value, "Procede"));
        AssertRefused(await publication.OpenCorrectionAsync(contestId, outsider, "Corrección desde otro territorio"));
        AssertRefused(await publication.PublishAsync(contestId, outsider, "Versión desde otro territorio"));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.Equal(AppealStatus.Filed, await db.Appeals.Where(a => a.Id == filed.Value).Select(a => a.Status).SingleAsync());
            Assert.Null(await db.Contests.Where(c => c.Id == contestId).Select(c => c.CorrectionReason).SingleAsync());
        }
        Assert.Equal(AppealStatus.Rejected, (await appeals.RejectAsync(admin, filed.Value, "El puntaje está bien sumado.")).Value);
    }
}
