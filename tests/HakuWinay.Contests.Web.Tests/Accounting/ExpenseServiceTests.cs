using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Accounting;

public sealed class ExpenseServiceTests(PaidAwardsPortal portal) : IClassFixture<PaidAwardsPortal>
{
    private static int _number;

    /// <summary>A valid expense of the Producer's award, with a document number no other test uses.</summary>
    private ExpenseInput Valid(decimal amount = 250.00m, int? line = null) =>
        new(line ?? portal.MyLine, portal.Today.AddDays(-3), "Agroveterinaria Los Andes", ExpenseDocumentType.Boleta,
            "B001-" + Interlocked.Increment(ref _number).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), amount);

    private async Task<(int Expenses, int Files)> CountsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return (await db.Expenses.CountAsync(), portal.Storage.StoredFiles().Count());
    }

    private async Task AssertRefusedAsync(ServiceResult<int> result, (int, int) before, string? rule = null, ServiceOutcome outcome = ServiceOutcome.Invalid)
    {
        Assert.Equal(outcome, result.Outcome);
        if (rule is not null)
        {
            Assert.Contains(result.Violations, v => v.Rule == rule);
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_group_records_an_expense_against_its_latest_paid_tranche_and_it_awaits_review()
    {
        var producer = await portal.ActingAsync(Roles.Producer);

        var result = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid(), Receipts.File(Receipts.Pdf));

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Rule)));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var expense = await db.Expenses.SingleAsync(e => e.Id == result.Value);
        Assert.Equal((portal.MyFirstTranche, ExpenseStatus.Submitted, "boleta.pdf"), (expense.AwardTrancheId, expense.Status, expense.Receipt.DisplayName));
        Assert.True(File.Exists(portal.Storage.PathOf(expense.Receipt.StorageName)));
    }

    [Fact]
    public async Task An_expense_against_another_groups_award_is_not_found_and_keeps_nothing()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await CountsAsync();

        var result = await portal.Service.RecordAsync(producer, portal.Theirs.AwardId, null, Valid(line: portal.TheirLine), Receipts.File(Receipts.Pdf));

        await AssertRefusedAsync(result, before, outcome: ServiceOutcome.NotFound);
    }

    [Fact]
    public async Task A_technician_not_following_the_award_cannot_record_for_it()
    {
        var technician = await portal.ActingAsync(Roles.Technician);
        var before = await CountsAsync();

        var theirs = await portal.Service.RecordAsync(technician, portal.Theirs.AwardId, null, Valid(line: portal.TheirLine), Receipts.File(Receipts.Pdf));
        await AssertRefusedAsync(theirs, before, outcome: ServiceOutcome.NotFound);

        var mine = await portal.Service.RecordAsync(technician, portal.Mine.AwardId, null, Valid(), Receipts.File(Receipts.Png, "boleta.png"));
        Assert.True(mine.Succeeded);
    }

    public static TheoryData<string> BadLines() => new() { "theirs", "counterpart" };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task A_line_outside_the_awards_fund_plan_is_refused(string which)
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await CountsAsync();
        var line = which == "theirs" ? portal.TheirLine : portal.MyCounterpartLine;

        var result = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid(line: line), Receipts.File(Receipts.Pdf));

        await AssertRefusedAsync(result, before, "Expenses.LineNotInPlan");
    }

    [Fact]
    public async Task An_unpaid_tranche_or_another_awards_tranche_is_refused()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await CountsAsync();

        await AssertRefusedAsync(await portal.Service.RecordAsync(producer, portal.Mine.AwardId, portal.MySecondTranche, Valid(), Receipts.File(Receipts.Pdf)), before, "Expenses.TrancheNotPaid");
        await AssertRefusedAsync(await portal.Service.RecordAsync(producer, portal.Mine.AwardId, portal.TheirFirstTranche, Valid(), Receipts.File(Receipts.Pdf)), before, "Expenses.TrancheNotPaid");
    }

    [Fact]
    public async Task Bad_dates_and_amounts_are_refused_each_with_its_rule()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await CountsAsync();
        var cases = new (ExpenseInput Input, string Rule)[]
        {
            (Valid() with { SpentOn = portal.Today.AddDays(1) }, "Expenses.DateInFuture"),
            (Valid() with { SpentOn = portal.SignedOn.AddDays(-1) }, "Expenses.DateBeforeAgreement"),
            (Valid(0m), "Expenses.AmountNotPositive"),
            (Valid(-50m), "Expenses.AmountNotPositive"),
            (Valid(10.001m), "Expenses.AmountCents"),
            (Valid(Expense.MaxAmount + 1m), "Expenses.AmountTooLarge"),
            (Valid() with { Supplier = "  " }, "Expenses.TextRequired"),
            (Valid() with { DocumentNumber = new string('9', Expense.MaxDocumentNumberLength + 1) }, "Expenses.TextTooLong"),
            (Valid() with { Supplier = "Bodega\u0000" }, "Expenses.TextInvalid"),
            (Valid() with { DocumentType = (ExpenseDocumentType)42 }, "Expenses.DocumentTypeUnknown"),
        };
        foreach (var (input, rule) in cases)
        {
            await AssertRefusedAsync(await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, input, Receipts.File(Receipts.Pdf)), before, rule);
        }
    }

    public static TheoryData<string, string, int> BadReceipts() => new()
    {
        { "an executable named .pdf", "boleta.pdf", 0 },
        { "html with a script", "boleta.pdf", 1 },
        { "an empty file", "boleta.pdf", 2 },
        { "eleven megabytes", "boleta.pdf", 3 },
        { "a path in the name", "../../etc/passwd.pdf", 4 },
    };

    [Theory]
    [MemberData(nameof(BadReceipts))]
    public async Task A_receipt_that_is_not_a_pdf_or_an_image_is_refused_and_leaves_no_file(string why, string name, int kind)
    {
        Assert.NotEmpty(why);
        var producer = await portal.ActingAsync(Roles.Producer);
        var before = await CountsAsync();
        byte[] bytes = kind switch
        {
            0 => Receipts.Executable,
            1 => Receipts.Html,
            2 => [],
            3 => [.. Receipts.Pdf, .. new byte[11 * 1024 * 1024]],
            _ => Receipts.Pdf,
        };
        var rule = kind switch { 2 => "Attachments.Empty", 3 => "Attachments.TooLarge", 4 => "Attachments.BadName", _ => "Attachments.WrongType" };

        var result = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid(), Receipts.File(bytes, name));

        await AssertRefusedAsync(result, before, rule);
    }

    [Fact]
    public async Task The_same_receipt_cannot_be_accounted_twice_unless_the_first_was_rejected()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var admin = await portal.ActingAsync(Roles.Admin);
        var input = Valid();
        var first = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, input, Receipts.File(Receipts.Pdf));
        Assert.True(first.Succeeded);
        var before = await CountsAsync();

        var again = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, input with { Supplier = " agroveterinaria los andes " }, Receipts.File(Receipts.Pdf));
        await AssertRefusedAsync(again, before, "Expenses.DuplicateDocument");

        Assert.True((await portal.Service.RejectAsync(admin, first.Value, "El monto no coincide con la boleta.")).Succeeded);
        Assert.True((await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, input, Receipts.File(Receipts.Pdf))).Succeeded);
    }

    [Fact]
    public async Task A_cancelled_award_takes_no_expenses()
    {
        var admin = await portal.ActingAsync(Roles.Admin);
        var before = await CountsAsync();

        var result = await portal.Service.RecordAsync(admin, portal.Cancelled.AwardId, null, Valid(), Receipts.File(Receipts.Pdf));

        await AssertRefusedAsync(result, before, "Expenses.AwardNotActive");
    }

    [Fact]
    public async Task Only_an_admin_reviews_once_a_rejection_needs_a_reason_and_an_approval_asks_for_a_sweep()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var admin = await portal.ActingAsync(Roles.Admin);
        var recorded = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid(), Receipts.File(Receipts.Pdf));
        var sweeps = portal.Sweep.Count;

        Assert.Equal(ServiceOutcome.Forbidden, (await portal.Service.ApproveAsync(producer, recorded.Value)).Outcome);
        Assert.Contains((await portal.Service.RejectAsync(admin, recorded.Value, "  ")).Violations, v => v.Rule == "Expenses.ReasonRequired");
        Assert.True((await portal.Service.ApproveAsync(admin, recorded.Value)).Succeeded);
        Assert.Contains((await portal.Service.ApproveAsync(admin, recorded.Value)).Violations, v => v.Rule == "Expenses.AlreadyReviewed");
        Assert.Contains((await portal.Service.RejectAsync(admin, recorded.Value, "Tarde")).Violations, v => v.Rule == "Expenses.AlreadyReviewed");

        Assert.Equal(sweeps + 1, portal.Sweep.Count);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(ExpenseStatus.Approved, await db.Expenses.Where(e => e.Id == recorded.Value).Select(e => e.Status).SingleAsync());
    }

    [Fact]
    public async Task Two_admins_reviewing_at_once_leave_one_decision()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var admin = await portal.ActingAsync(Roles.Admin);
        var recorded = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null, Valid(), Receipts.File(Receipts.Pdf));

        var results = await Task.WhenAll(
            portal.Service.ApproveAsync(admin, recorded.Value),
            portal.Service.RejectAsync(admin, recorded.Value, "La boleta está borrosa."));

        Assert.Single(results, r => r.Succeeded);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var expense = await db.Expenses.SingleAsync(e => e.Id == recorded.Value);
        Assert.NotEqual(ExpenseStatus.Submitted, expense.Status);
        Assert.Equal(expense.Status == ExpenseStatus.Rejected, expense.RejectionReason is not null);
    }
}
