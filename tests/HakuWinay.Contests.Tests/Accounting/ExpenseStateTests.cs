using HakuWinay.Contests.Accounting;
using static HakuWinay.Contests.Tests.Disbursements.AwardBuilder;

namespace HakuWinay.Contests.Tests.Accounting;

public sealed class ExpenseStateTests
{
    private static readonly ExpenseInput Valid = new(7, Today.AddDays(-2), "Agroveterinaria Los Andes", ExpenseDocumentType.Boleta, "B001-000123", 450.50m);

    private static Expense New(ExpenseInput? input = null, DateOnly? signedOn = null) =>
        new(1, 101, input ?? Valid, Jpeg(), "producer-1", Now, Today, signedOn ?? Today.AddDays(-30));

    [Fact]
    public void A_recorded_expense_awaits_review()
    {
        var expense = New();

        Assert.Equal((ExpenseStatus.Submitted, 450.50m, "B001-000123"), (expense.Status, expense.Amount, expense.DocumentNumber));
    }

    public static TheoryData<string, ExpenseInput> Refused() => new()
    {
        { "future date", Valid with { SpentOn = Today.AddDays(1) } },
        { "before the agreement", Valid with { SpentOn = Today.AddDays(-31) } },
        { "zero", Valid with { Amount = 0m } },
        { "negative", Valid with { Amount = -10m } },
        { "fractions of a cent", Valid with { Amount = 10.005m } },
        { "too large", Valid with { Amount = Expense.MaxAmount + 1 } },
        { "no supplier", Valid with { Supplier = "  " } },
        { "no number", Valid with { DocumentNumber = "" } },
        { "overlong number", Valid with { DocumentNumber = new string('1', Expense.MaxDocumentNumberLength + 1) } },
        { "control characters", Valid with { Supplier = "Tienda\u0007" } },
        { "unknown document type", Valid with { DocumentType = (ExpenseDocumentType)99 } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_input_is_refused(string why, ExpenseInput input)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Throws<ArgumentException>(() => New(input));
    }

    [Fact]
    public void An_expense_is_reviewed_once()
    {
        var approved = New();
        approved.Approve("admin-1", Now);
        var rejected = New();
        rejected.Reject("La boleta no es legible.", "admin-1", Now);

        Assert.Throws<InvalidOperationException>(() => approved.Approve("admin-1", Now));
        Assert.Throws<InvalidOperationException>(() => approved.Reject("No", "admin-1", Now));
        Assert.Throws<InvalidOperationException>(() => rejected.Approve("admin-1", Now));
        Assert.Equal((ExpenseStatus.Approved, ExpenseStatus.Rejected), (approved.Status, rejected.Status));
        Assert.Equal("La boleta no es legible.", rejected.RejectionReason);
    }

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        var expense = New();

        Assert.Throws<ArgumentException>(() => expense.Reject(" ", "admin-1", Now));
        Assert.Equal(ExpenseStatus.Submitted, expense.Status);
    }

    [Fact]
    public void The_same_document_is_recognised_whatever_the_case_or_spaces()
    {
        var expense = New();

        Assert.True(expense.IsSameDocument(" agroveterinaria los andes ", ExpenseDocumentType.Boleta, "b001-000123 "));
        Assert.False(expense.IsSameDocument("Agroveterinaria Los Andes", ExpenseDocumentType.Factura, "B001-000123"));
    }
}
