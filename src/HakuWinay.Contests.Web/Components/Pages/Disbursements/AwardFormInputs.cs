namespace HakuWinay.Contests.Web.Components.Pages.Disbursements;

/// <summary>The pay form's fields; the service checks every rule.</summary>
public sealed class PaymentInput
{
    public decimal? Amount { get; set; }

    public DateOnly? PaidOn { get; set; }

    public string? BankReference { get; set; }
}

/// <summary>The closure form's fields.</summary>
public sealed class ClosingInput
{
    public DateOnly? ClosedOn { get; set; }

    public string? Notes { get; set; }
}
