using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Disbursements;

/// <summary>
/// The Admin's work on an award through <see cref="AwardAdminService"/>: every refusal leaves the
/// award, the audit log and the attachments folder as they were; two Admins paying at once pay once.
/// Award 0 goes from agreement to payment; award 1 takes holds, visits and the bad files.
/// </summary>
public sealed class AwardAdminServiceTests(AwardedPortal portal) : IClassFixture<AwardedPortal>
{
    public static TheoryData<string, byte[], string> BadAgreementFiles() => new()
    {
        { "convenio.pdf", AwardedPortal.Png, "Files.PdfOnly" },
        { "convenio.pdf", [], "Attachments.Empty" },
        { "convenio.pdf", [.. "%PDF-1.7\n"u8, .. new byte[11 * 1024 * 1024]], "Attachments.TooLarge" },
        { "../../etc/passwd.pdf", AwardedPortal.Pdf, "Attachments.BadName" },
    };

    [Theory]
    [MemberData(nameof(BadAgreementFiles))]
    public async Task A_bad_agreement_file_is_refused_and_nothing_is_stored(string name, byte[] bytes, string rule)
    {
        var award = portal.Awards[1];
        var files = portal.StoredFileCount();

        var result = await portal.Service().RecordAgreementAsync(portal.Admin, award.AwardId, portal.Today, AwardedPortal.File(name, bytes));

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(rule, Assert.Single(result.Violations).Rule);
        Assert.Null((await portal.AwardAsync(award.AwardId)).AgreementSignedOn);
        Assert.Equal(files, portal.StoredFileCount());
    }

    [Fact]
    public async Task An_agreement_signed_in_the_future_or_without_a_file_is_refused()
    {
        var award = portal.Awards[1];

        var future = await portal.Service().RecordAgreementAsync(portal.Admin, award.AwardId, portal.Today.AddDays(1), AwardedPortal.File("c.pdf", AwardedPortal.Pdf));
        var noFile = await portal.Service().RecordAgreementAsync(portal.Admin, award.AwardId, portal.Today, null);
        var notAdmin = await portal.Service().RecordAgreementAsync(new ActingUser(portal.AdminId), award.AwardId, portal.Today, AwardedPortal.File("c.pdf", AwardedPortal.Pdf));

        Assert.Equal("Awards.DateInFuture", Assert.Single(future.Violations).Rule);
        Assert.Equal("Files.Required", Assert.Single(noFile.Violations).Rule);
        Assert.Equal(ServiceOutcome.Forbidden, notAdmin.Outcome);
        Assert.Null((await portal.AwardAsync(award.AwardId)).AgreementSignedOn);
    }

    [Fact]
    public async Task Agreement_then_payment_every_refusal_changes_nothing_and_two_admins_pay_once()
    {
        var award = portal.Awards[0];
        var service = portal.Service();
        var sweeps = portal.Sweep.Count;
        var signed = portal.Today.AddDays(-10);

        var recorded = await service.RecordAgreementAsync(portal.Admin, award.AwardId, signed, AwardedPortal.File("convenio.pdf", AwardedPortal.Pdf));
        Assert.True(recorded.Succeeded, string.Join(", ", recorded.Violations.Select(v => v.Rule)));
        Assert.Equal(sweeps + 1, portal.Sweep.Count);
        Assert.Equal(1, await portal.AuditCountAsync("award.agreement-recorded"));

        var stored = await portal.AwardAsync(award.AwardId);
        var tranche1 = stored.Tranches.Single(t => t.Order == 1);
        var notDue = await service.PayTrancheAsync(portal.Admin, award.AwardId, tranche1.Id, new(tranche1.Amount, portal.Today, "OP-1"), null);
        Assert.Equal("Awards.TrancheNotDue", Assert.Single(notDue.Violations).Rule);

        await portal.MakeDueAsync(award.AwardId, 1);
        var refusals = new (TranchePaymentInput Input, UploadedFile? Voucher, string Rule)[]
        {
            (new(0m, portal.Today, "OP-1"), null, "Awards.AmountNotPositive"),
            (new(-5m, portal.Today, "OP-1"), null, "Awards.AmountNotPositive"),
            (new(award.Amount + 1m, portal.Today, "OP-1"), null, "Awards.AmountAboveRemaining"),
            (new(tranche1.Amount - 0.01m, portal.Today, "OP-1"), null, "Awards.AmountNotTranche"),
            (new(tranche1.Amount, portal.Today.AddDays(1), "OP-1"), null, "Awards.DateInFuture"),
            (new(tranche1.Amount, signed.AddDays(-1), "OP-1"), null, "Awards.PaidBeforeAgreement"),
            (new(tranche1.Amount, portal.Today, "  "), null, "Awards.BankReferenceRequired"),
            (new(tranche1.Amount, portal.Today, new string('9', 101)), null, "Awards.TooLong"),
            (new(tranche1.Amount, portal.Today, "OP-1"), AwardedPortal.File("voucher.pdf", "not a pdf at all"u8.ToArray()), "Attachments.WrongType"),
        };
        var files = portal.StoredFileCount();
        foreach (var (input, voucher, rule) in refusals)
        {
            var refused = await service.PayTrancheAsync(portal.Admin, award.AwardId, tranche1.Id, input, voucher);
            Assert.Equal(rule, Assert.Single(refused.Violations).Rule);
        }
        Assert.Equal(TrancheStatus.Due, (await portal.AwardAsync(award.AwardId)).Tranches.Single(t => t.Order == 1).Status);
        Assert.Equal(files, portal.StoredFileCount());
        Assert.Equal(0, await portal.AuditCountAsync("award.tranche-paid"));

        // Two Admins press "pay" at the same moment: the version token keeps exactly one payment.
        var payments = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => portal.Service().PayTrancheAsync(portal.Admin, award.AwardId, tranche1.Id,
            new(tranche1.Amount, portal.Today, $"OP-{i}"), AwardedPortal.File("voucher.png", AwardedPortal.Png))));
        Assert.Single(payments, p => p.Succeeded);
        Assert.Single(payments, p => p.Outcome is ServiceOutcome.Conflict or ServiceOutcome.Invalid);
        var repeated = await service.PayTrancheAsync(portal.Admin, award.AwardId, tranche1.Id, new(tranche1.Amount, portal.Today, "OP-9"), null);
        Assert.Equal("Awards.AlreadyPaid", Assert.Single(repeated.Violations).Rule);

        var paid = await portal.AwardAsync(award.AwardId);
        Assert.Equal(tranche1.Amount, paid.PaidAmount);
        Assert.Equal(files + 1, portal.StoredFileCount());
        Assert.Equal(1, await portal.AuditCountAsync("award.tranche-paid"));
        Assert.All(paid.Visits, v => Assert.Equal(VisitStatus.Scheduled, v.Status));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var email = Assert.Single(await db.Outbox.Where(m => m.DeduplicationKey == $"award-tranche-paid:{tranche1.Id}").ToListAsync());
            Assert.Equal(award.RepresentativeEmail, email.To);
            Assert.Contains("tramo 1", email.TextBody, StringComparison.Ordinal);
        }

        var relocked = await service.RecordAgreementAsync(portal.Admin, award.AwardId, signed, AwardedPortal.File("otro.pdf", AwardedPortal.Pdf));
        Assert.Equal("Awards.AgreementLockedByPayment", Assert.Single(relocked.Violations).Rule);

        var close = await service.CloseAsync(portal.Admin, award.AwardId, portal.Today, "Fin");
        Assert.Equal(["Awards.Blocker.TranchesUnpaid", "Awards.Blocker.SpendingNotAccounted", "Awards.Blocker.LastVisitNotApproved"], close.Violations.Select(v => v.Rule));
        Assert.Equal(AwardStatus.Active, (await portal.AwardAsync(award.AwardId)).Status);

        await AssertDownloadsAsync(award, tranche1.Id);
    }

    private async Task AssertDownloadsAsync(DemoAward award, int trancheId)
    {
        var other = portal.Awards[1];
        var admin = await portal.ClientAsync(AwardedDemo.AdminEmail);
        var owner = await portal.ClientAsync(award.RepresentativeEmail);
        var stranger = await portal.ClientAsync(other.RepresentativeEmail);

        using var agreement = await owner.GetAsync($"/awards/{award.AwardId}/agreement");
        Assert.Equal(HttpStatusCode.OK, agreement.StatusCode);
        Assert.Equal(AwardedPortal.Pdf, await agreement.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", agreement.Headers.GetValues("X-Content-Type-Options").Single());
        using var voucher = await admin.GetAsync($"/awards/{award.AwardId}/tranches/{trancheId}/voucher");
        Assert.Equal(HttpStatusCode.OK, voucher.StatusCode);
        Assert.Equal("image/png", voucher.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", voucher.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"voucher-{award.AwardId}-{trancheId}.png", voucher.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"convenio-{award.AwardId}.pdf", agreement.Content.Headers.ContentDisposition!.FileName);

        foreach (var (client, url) in new[]
        {
            (stranger, $"/awards/{award.AwardId}/agreement"),
            (stranger, $"/awards/{award.AwardId}/tranches/{trancheId}/voucher"),
            (admin, $"/awards/{other.AwardId}/tranches/{trancheId}/voucher"),
            (owner, $"/awards/{other.AwardId}/tranches/{trancheId}/voucher"),
            (admin, $"/awards/{other.AwardId}/agreement"),
            (admin, "/awards/999999/agreement"),
            (admin, "/awards/-1/agreement"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Holds_releases_cancellations_and_visit_changes_are_checked_and_audited()
    {
        var award = portal.Awards[1];
        var service = portal.Service();
        var stored = await portal.AwardAsync(award.AwardId);
        var tranche2 = stored.Tranches.Single(t => t.Order == 2);

        Assert.Equal("Awards.ReasonRequired", Assert.Single((await service.HoldTrancheAsync(portal.Admin, award.AwardId, tranche2.Id, " ")).Violations).Rule);
        Assert.Equal("Awards.NotOnHold", Assert.Single((await service.ReleaseTrancheAsync(portal.Admin, award.AwardId, tranche2.Id)).Violations).Rule);
        Assert.True((await service.HoldTrancheAsync(portal.Admin, award.AwardId, tranche2.Id, "Falta la adenda")).Succeeded);
        Assert.Equal(TrancheStatus.OnHold, (await portal.AwardAsync(award.AwardId)).Tranches.Single(t => t.Order == 2).Status);
        Assert.Equal("Awards.CannotHold", Assert.Single((await service.HoldTrancheAsync(portal.Admin, award.AwardId, tranche2.Id, "otra vez")).Violations).Rule);
        Assert.True((await service.ReleaseTrancheAsync(portal.Admin, award.AwardId, tranche2.Id)).Succeeded);
        Assert.Equal("Awards.ReasonRequired", Assert.Single((await service.CancelTrancheAsync(portal.Admin, award.AwardId, tranche2.Id, null)).Violations).Rule);
        Assert.Equal(TrancheStatus.Scheduled, (await portal.AwardAsync(award.AwardId)).Tranches.Single(t => t.Order == 2).Status);
        Assert.Equal(ServiceOutcome.NotFound, (await service.HoldTrancheAsync(portal.Admin, portal.Awards[0].AwardId, tranche2.Id, "x")).Outcome);

        var visit = stored.Visits.Single(v => v.Order == 1);
        var jurorId = await UserIdAsync("jurado1@demo.hakuwinay.pe");
        var technicianId = await UserIdAsync(AwardedDemo.TechnicianEmail);
        Assert.Equal("Awards.NotATechnician", Assert.Single((await service.AssignTechnicianAsync(portal.Admin, award.AwardId, visit.Id, jurorId)).Violations).Rule);
        Assert.Equal("Awards.NotATechnician", Assert.Single((await service.AssignTechnicianAsync(portal.Admin, award.AwardId, visit.Id, "'; DROP TABLE Awards;--")).Violations).Rule);
        Assert.True((await service.AssignTechnicianAsync(portal.Admin, award.AwardId, visit.Id, technicianId)).Succeeded);
        // Planned until the first payment: nothing to move yet.
        Assert.Equal("Awards.VisitCannotMove", Assert.Single((await service.RescheduleVisitAsync(portal.Admin, award.AwardId, visit.Id, portal.Today)).Violations).Rule);
        Assert.Equal(1, await portal.AuditCountAsync("award.tranche-held"));
        Assert.Equal(1, await portal.AuditCountAsync("award.tranche-released"));
        Assert.Equal(0, await portal.AuditCountAsync("award.tranche-cancelled"));
        Assert.True(await portal.AuditCountAsync("award.visit-assigned") >= 1);
    }

    [Fact]
    public async Task Resolving_a_correction_that_was_never_flagged_is_refused()
    {
        var result = await portal.Service().ResolveCorrectionAsync(portal.Admin, portal.Awards[1].AwardId, "Sin cambios");

        Assert.Equal("Awards.NoCorrection", Assert.Single(result.Violations).Rule);
    }

    [Fact]
    public async Task Only_the_admin_opens_the_award_pages_and_they_show_the_award()
    {
        var award = portal.Awards[1];
        var admin = await portal.ClientAsync(AwardedDemo.AdminEmail);
        var producer = await portal.ClientAsync(award.RepresentativeEmail);

        var list = await admin.GetStringAsync("/admin/contests/1/awards?status=Active");
        var page = await admin.GetStringAsync($"/admin/awards/{award.AwardId}");
        var act = await admin.GetStringAsync($"/admin/awards/{award.AwardId}/closing-act");
        using var bogusFilter = await admin.GetAsync("/admin/contests/1/awards?status=<script>");
        using var missing = await admin.GetAsync("/admin/awards/999999");
        using var refused = await producer.GetAsync($"/admin/awards/{award.AwardId}");

        Assert.Contains(award.ProfileCode, list, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"award-row-{award.AwardId}\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"tranches\"", page, StringComparison.Ordinal);
        Assert.Contains(Money.Format(award.Amount), page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"act-draft\"", act, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"act-signatures\"", act, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bogusFilter.StatusCode);
        Assert.DoesNotContain("<script>", await bogusFilter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
