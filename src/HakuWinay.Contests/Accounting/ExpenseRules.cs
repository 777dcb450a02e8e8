using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Accounting;

/// <summary>
/// The checks of an expense's own fields, before anything is stored, each on its field with a
/// text key: the same rules <see cref="Expense"/> guards, said to the user instead of thrown.
/// </summary>
public static class ExpenseRules
{
    public static IEnumerable<RuleViolation> Check(ExpenseInput input, DateOnly todayInLima, DateOnly? agreementSignedOn)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SpentOn > todayInLima)
        {
            yield return new RuleViolation("SpentOn", "Expenses.DateInFuture");
        }
        else if (agreementSignedOn is null)
        {
            yield return new RuleViolation("SpentOn", "Expenses.NoAgreement");
        }
        else if (input.SpentOn < agreementSignedOn)
        {
            yield return new RuleViolation("SpentOn", "Expenses.DateBeforeAgreement", agreementSignedOn.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (input.Amount <= 0)
        {
            yield return new RuleViolation("Amount", "Expenses.AmountNotPositive");
        }
        else if (Money.Round(input.Amount) != input.Amount)
        {
            yield return new RuleViolation("Amount", "Expenses.AmountCents");
        }
        else if (input.Amount > Expense.MaxAmount)
        {
            yield return new RuleViolation("Amount", "Expenses.AmountTooLarge", Money.Format(Expense.MaxAmount));
        }
        if (!Enum.IsDefined(input.DocumentType))
        {
            yield return new RuleViolation("DocumentType", "Expenses.DocumentTypeUnknown");
        }
        if (Text("Supplier", input.Supplier, Expense.MaxSupplierLength) is { } supplier)
        {
            yield return supplier;
        }
        if (Text("DocumentNumber", input.DocumentNumber, Expense.MaxDocumentNumberLength) is { } number)
        {
            yield return number;
        }
    }

    private static RuleViolation? Text(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? new RuleViolation(field, "Expenses.TextRequired")
            : text.Length > maxLength ? new RuleViolation(field, "Expenses.TextTooLong", maxLength)
            : text.Any(char.IsControl) ? new RuleViolation(field, "Expenses.TextInvalid")
            : null;
    }
}
