using HakuWinay.Contests.Accounting;

namespace HakuWinay.Contests.Tests.Accounting;

public sealed class ExpenseRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Signed = new(2026, 3, 1);

    private static ExpenseInput Valid() => new(1, new DateOnly(2026, 6, 1), "Agroveterinaria Huanta", ExpenseDocumentType.Boleta, "B001-000123", 350.50m);

    private static IEnumerable<(string Field, string Rule)> Check(ExpenseInput input, DateOnly? signed = null) =>
        ExpenseRules.Check(input, Today, signed ?? Signed).Select(v => (v.Field, v.Rule));

    [Fact]
    public void A_valid_expense_passes() => Assert.Empty(Check(Valid()));

    [Fact]
    public void The_day_of_the_signature_and_today_are_allowed()
    {
        Assert.Empty(Check(Valid() with { SpentOn = Signed }));
        Assert.Empty(Check(Valid() with { SpentOn = Today }));
    }

    [Theory]
    [InlineData(1, "Expenses.DateInFuture")]
    [InlineData(-107, "Expenses.DateBeforeAgreement")]
    public void A_date_in_the_future_or_before_the_agreement_is_refused(int daysFromToday, string rule)
    {
        Assert.Equal([("SpentOn", rule)], Check(Valid() with { SpentOn = Today.AddDays(daysFromToday) }));
    }

    [Theory]
    [InlineData("0", "Expenses.AmountNotPositive")]
    [InlineData("-10", "Expenses.AmountNotPositive")]
    [InlineData("10.005", "Expenses.AmountCents")]
    [InlineData("10000000.01", "Expenses.AmountTooLarge")]
    public void A_zero_negative_fractional_or_huge_amount_is_refused(string amount, string rule)
    {
        Assert.Equal([("Amount", rule)], Check(Valid() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Theory]
    [InlineData("", "Expenses.TextRequired")]
    [InlineData("   ", "Expenses.TextRequired")]
    [InlineData("Tienda\u0000", "Expenses.TextInvalid")]
    public void An_empty_or_control_character_supplier_or_number_is_refused(string text, string rule)
    {
        Assert.Equal([("Supplier", rule), ("DocumentNumber", rule)], Check(Valid() with { Supplier = text, DocumentNumber = text }));
    }

    [Fact]
    public void An_overlong_supplier_or_number_is_refused()
    {
        var input = Valid() with { Supplier = new string('a', Expense.MaxSupplierLength + 1), DocumentNumber = new string('1', Expense.MaxDocumentNumberLength + 1) };

        Assert.Equal([("Supplier", "Expenses.TextTooLong"), ("DocumentNumber", "Expenses.TextTooLong")], Check(input));
    }

    [Fact]
    public void An_unknown_document_type_is_refused()
    {
        Assert.Equal([("DocumentType", "Expenses.DocumentTypeUnknown")], Check(Valid() with { DocumentType = (ExpenseDocumentType)42 }));
    }

    [Fact]
    public void Without_an_agreement_no_date_passes()
    {
        Assert.Equal([("SpentOn", "Expenses.NoAgreement")], ExpenseRules.Check(Valid(), Today, null).Select(v => (v.Field, v.Rule)));
    }
}
