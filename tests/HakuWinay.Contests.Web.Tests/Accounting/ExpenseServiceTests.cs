using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Accounting;

/// <summary>Recording and reviewing expenses through the real service: every refusal keeps nothing, neither a row nor a file.</summary>
public sealed class ExpenseServiceTests(PaidAwardsPortal portal) : IClassFixture<PaidAwardsPortal>
{
    private ExpenseInput Valid(string number) => new(portal.MyLine, portal.Today.AddDays(-5), "Agroveterinaria Huanta", ExpenseDocumentType.Boleta, number, 350.50m);

    private async Task<(int Rows, int Files)> StoredAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return (await db.Expenses.CountAsync(), portal.Storage.StoredFiles().Count());
    }

    private async Task AssertRefusedAsync(string principal, int awardId, int? trancheId, ExpenseInput input, UploadedFile? receipt, ServiceOutcome outcome, string? rule = null)
    {
        var before = await StoredAsync();
        var result = await portal.Service.RecordAsync(await portal.ActingAsync(principal), awardId, trancheId, input, receipt);

        Assert.Equal(outcome, result.Outcome);
        if (rule is not null)
        {
            Assert.Contains(result.Violations, v => v.Rule == rule);
        }
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData(Roles.Producer)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Admin)]
    public async Task The_representative_the_assigned_technician_and_an_admin_record_an_expense_against_the_latest_paid_tranche(string principal)
    {
        var result = await portal.Service.RecordAsync(await portal.ActingAsync(principal), portal.Mine.AwardId, null, Valid("OK-" + principal), Receipts.File(Receipts.Pdf));

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Rule)));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var expense = await db.Expenses.SingleAsync(e => e.Id == result.Value);
        Assert.Equal((portal.MyFirstTranche, ExpenseStatus.Submitted), (expense.AwardTrancheId, expense.Status));
        Assert.True(File.Exists(portal.Storage.PathOf(expense.Receipt.StorageName)));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "expense.recorded" && a.EntityId == result.Value.ToString()));
    }

    [Fact]
    public async Task An_expense_against_another_groups_award_is_not_found_and_its_file_is_not_kept() =>
        await AssertRefusedAsync(Roles.Producer, portal.Theirs.AwardId, null, Valid("OTHER-1") with { InvestmentLineId = portal.TheirLine },
            Receipts.File(Receipts.Pdf), ServiceOutcome.NotFound);

    [Fact]
    public async Task A_technician_not_assigned_to_the_awards_visits_is_not_found() =>
        await AssertRefusedAsync(Roles.Technician, portal.Theirs.AwardId, null, Valid("OTHER-2") with { InvestmentLineId = portal.TheirLine },
            Receipts.File(Receipts.Pdf), ServiceOutcome.NotFound);

    [Fact]
    public async Task A_line_of_another_profile_or_a_counterpart_line_is_refused()
    {
        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, Valid("L-1") with { InvestmentLineId = portal.TheirLine }, Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, "Expenses.LineNotInPlan");
        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, Valid("L-2") with { InvestmentLineId = portal.MyCounterpartLine }, Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, "Expenses.LineNotInPlan");
    }

    [Fact]
    public async Task A_tranche_not_paid_or_of_another_award_is_refused()
    {
        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, portal.MySecondTranche, Valid("T-1"), Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, "Expenses.TrancheNotPaid");
        await AssertRefusedAsync(Roles.Admin, portal.Mine.AwardId, portal.TheirFirstTranche, Valid("T-2"), Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, "Expenses.TrancheNotPaid");
    }

    [Fact]
    public async Task A_cancelled_award_takes_no_expense() =>
        await AssertRefusedAsync(Roles.Admin, portal.Cancelled.AwardId, null, Valid("C-1"), Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, "Expenses.AwardNotActive");

    public static TheoryData<string, string> BadFields() => new()
    {
        { "future", "Expenses.DateInFuture" },
        { "before-agreement", "Expenses.DateBeforeAgreement" },
        { "zero", "Expenses.AmountNotPositive" },
        { "negative", "Expenses.AmountNotPositive" },
        { "decimals", "Expenses.AmountCents" },
        { "empty-supplier", "Expenses.TextRequired" },
        { "long-number", "Expenses.TextTooLong" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Wrong_fields_are_refused_with_nothing_stored(string what, string rule)
    {
        var input = Valid("F-" + what);
        input = what switch
        {
            "future" => input with { SpentOn = portal.Today.AddDays(1) },
            "before-agreement" => input with { SpentOn = portal.SignedOn.AddDays(-1) },
            "zero" => input with { Amount = 0m },
            "negative" => input with { Amount = -5m },
            "decimals" => input with { Amount = 10.001m },
            "empty-supplier" => input with { Supplier = " " },
            _ => input with { DocumentNumber = new string('9', Expense.MaxDocumentNumberLength + 1) },
        };

        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, input, Receipts.File(Receipts.Pdf), ServiceOutcome.Invalid, rule);
    }

    [Theory]
    [InlineData("exe", "Attachments.WrongType")]
    [InlineData("html", "Attachments.WrongType")]
    [InlineData("empty", "Attachments.Empty")]
    [InlineData("badname", "Attachments.BadName")]
    [InlineData("none", "Files.Required")]
    public async Task A_receipt_that_is_not_a_pdf_or_image_is_refused_and_not_kept(string what, string rule)
    {
        var receipt = what switch
        {
            "exe" => Receipts.File(Receipts.Executable, "boleta.pdf"),
            "html" => Receipts.File(Receipts.Html, "boleta.png"),
            "empty" => Receipts.File([], "boleta.pdf"),
            "badname" => Receipts.File(Receipts.Pdf, "../../etc/passwd"),
            _ => null,
        };

        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, Valid("R-" + what), receipt, ServiceOutcome.Invalid, rule);
    }

    [Fact]
    public async Task An_oversized_receipt_is_refused_and_not_kept() =>
        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, Valid("R-big"),
            Receipts.File([.. Receipts.Pdf, .. new byte[HakuWinay.Contests.Profiles.AttachmentFile.MaxBytes]]), ServiceOutcome.Invalid, "Attachments.TooLarge");

    [Fact]
    public async Task The_same_document_is_refused_while_not_rejected_and_accepted_again_after_a_rejection()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var first = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid("DUP-1"), Receipts.File(Receipts.Png, "foto.png"));
        Assert.True(first.Succeeded);

        await AssertRefusedAsync(Roles.Producer, portal.Mine.AwardId, null, Valid("dup-1") with { Supplier = " agroveterinaria huanta " }, Receipts.File(Receipts.Pdf),
            ServiceOutcome.Invalid, "Expenses.DuplicateDocument");

        Assert.True((await portal.Service.RejectAsync(await portal.ActingAsync(Roles.Admin), first.Value, "Boleta ilegible")).Succeeded);
        Assert.True((await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid("DUP-1"), Receipts.File(Receipts.Pdf))).Succeeded);
    }

    [Fact]
    public async Task Approving_asks_for_a_sweep_and_approving_again_is_refused()
    {
        var recorded = await portal.Service.RecordAsync(await portal.ActingAsync(Roles.Producer), portal.Mine.AwardId, null, Valid("AP-1"), Receipts.File(Receipts.Pdf));
        var admin = await portal.ActingAsync(Roles.Admin);
        var sweeps = portal.Sweep.Count;

        var approved = await portal.Service.ApproveAsync(admin, recorded.Value);
        var again = await portal.Service.ApproveAsync(admin, recorded.Value);
        var reject = await portal.Service.RejectAsync(admin, recorded.Value, "tarde");

        Assert.Equal(ServiceOutcome.Ok, approved.Outcome);
        Assert.Equal(sweeps + 1, portal.Sweep.Count);
        Assert.Equal("Expenses.AlreadyReviewed", Assert.Single(again.Violations).Rule);
        Assert.Equal("Expenses.AlreadyReviewed", Assert.Single(reject.Violations).Rule);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "expense.approved" && a.EntityId == recorded.Value.ToString()));
    }

    [Fact]
    public async Task Only_an_admin_reviews_and_a_rejection_needs_a_reason_and_emails_the_group()
    {
        var recorded = await portal.Service.RecordAsync(await portal.ActingAsync(Roles.Producer), portal.Mine.AwardId, null, Valid("RJ-1"), Receipts.File(Receipts.Pdf));
        var admin = await portal.ActingAsync(Roles.Admin);

        Assert.Equal(ServiceOutcome.Forbidden, (await portal.Service.ApproveAsync(await portal.ActingAsync(Roles.Technician), recorded.Value)).Outcome);
        Assert.Equal("Expenses.ReasonRequired", Assert.Single((await portal.Service.RejectAsync(admin, recorded.Value, "  ")).Violations).Rule);
        Assert.Equal("Expenses.ReasonInvalid", Assert.Single((await portal.Service.RejectAsync(admin, recorded.Value, new string('x', Expense.MaxReasonLength + 1))).Violations).Rule);
        var rejected = await portal.Service.RejectAsync(admin, recorded.Value, "El comprobante no corresponde al negocio.");

        Assert.Equal(ExpenseStatus.Rejected, rejected.Value);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var mail = await db.Outbox.SingleAsync(m => m.DeduplicationKey == $"expense-rejected:{recorded.Value}");
        Assert.Equal(portal.Mine.RepresentativeEmail, mail.To);
        Assert.Equal("El comprobante no corresponde al negocio.", (await db.Expenses.SingleAsync(e => e.Id == recorded.Value)).RejectionReason);
    }

    [Fact]
    public async Task The_same_document_sent_four_times_at_once_is_accounted_once_and_no_other_file_is_kept()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await StoredAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid("RACE-1"), Receipts.File(Receipts.Pdf)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Expenses.DuplicateDocument", Assert.Single(r.Violations).Rule));
        Assert.Equal((before.Rows + 1, before.Files + 1), await StoredAsync());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Expenses.CountAsync(e => e.DocumentNumber == "RACE-1"));
    }

    [Fact]
    public async Task The_database_refuses_a_document_twice_on_one_award_but_takes_it_again_once_the_first_is_rejected()
    {
        var recorded = await portal.Service.RecordAsync(await portal.ActingAsync(Roles.Producer), portal.Mine.AwardId, null, Valid("IDX-1"), Receipts.File(Receipts.Pdf));
        var admin = await portal.ActingAsync(Roles.Admin);
        Expense Copy(Expense e) => new(e.AwardId, e.AwardTrancheId,
            new ExpenseInput(e.InvestmentLineId, e.SpentOn, " " + e.Supplier.ToLowerInvariant(), e.DocumentType, e.DocumentNumber.ToLowerInvariant(), 1m),
            new StoredFile("copia.pdf", Guid.NewGuid().ToString("N") + ".pdf", AttachmentKind.Pdf, 100, new string('b', 64)), admin.UserId, DateTime.UtcNow, portal.Today, null);

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // Past the service's own check, straight to the database, as a request racing another would be.
            db.Expenses.Add(Copy(await db.Expenses.AsNoTracking().SingleAsync(e => e.Id == recorded.Value)));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.True((await portal.Service.RejectAsync(admin, recorded.Value, "Boleta ilegible")).Succeeded);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var rejected = await db.Expenses.AsNoTracking().SingleAsync(e => e.Id == recorded.Value);
            Assert.Null(rejected.DocumentKey);
            db.Expenses.Add(Copy(rejected));
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.Expenses.CountAsync(e => e.DocumentNumber == "IDX-1" || e.DocumentNumber == "idx-1"));
        }
    }

    [Fact]
    public async Task Two_admins_reviewing_at_once_leave_one_decision()
    {
        var recorded = await portal.Service.RecordAsync(await portal.ActingAsync(Roles.Producer), portal.Mine.AwardId, null, Valid("CC-1"), Receipts.File(Receipts.Pdf));
        var admin = await portal.ActingAsync(Roles.Admin);

        var results = await Task.WhenAll(
            portal.Service.ApproveAsync(admin, recorded.Value),
            portal.Service.RejectAsync(admin, recorded.Value, "Duplicado"));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.True(loser.Outcome == ServiceOutcome.Conflict || loser.Violations.Single().Rule == "Expenses.AlreadyReviewed");
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(winner.Value, (await db.Expenses.SingleAsync(e => e.Id == recorded.Value)).Status);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => (a.Action == "expense.approved" || a.Action == "expense.rejected") && a.EntityId == recorded.Value.ToString()));
    }
}
