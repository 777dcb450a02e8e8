using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Accounting;

/// <summary>The kinds of payment document SUNAT recognises, and anything else (a simple receipt from a village seller).</summary>
public enum ExpenseDocumentType
{
    Boleta = 0,
    Factura = 1,
    ReciboPorHonorarios = 2,
    Other = 3,
}

public enum ExpenseStatus
{
    /// <summary>Recorded by the group (or a Technician for it); the Admin is to review it.</summary>
    Submitted = 0,
    Approved = 1,
    /// <summary>Refused with a reason; it counts for nothing. The group may record a corrected one.</summary>
    Rejected = 2,
}

/// <summary>What a group declares it spent, as the form sends it.</summary>
public sealed record ExpenseInput(
    int InvestmentLineId,
    DateOnly SpentOn,
    string Supplier,
    ExpenseDocumentType DocumentType,
    string DocumentNumber,
    decimal Amount);

/// <summary>
/// One expense of a funded business (rendición de cuentas): spent against a line of its
/// investment plan, out of a paid tranche, backed by a receipt. Only approved expenses count
/// toward the accounted share of a tranche.
/// </summary>
public sealed class Expense : IVersioned
{
    public const int MaxSupplierLength = 200;
    public const int MaxDocumentNumberLength = 40;
    public const int MaxReasonLength = 2_000;
    public const decimal MaxAmount = 10_000_000m;

    private Expense() { }

    /// <summary>
    /// An expense against <paramref name="awardTrancheId"/>, a paid tranche of the award (the
    /// caller checks it is one). It may be dated from the agreement's signature up to today.
    /// </summary>
    public Expense(int awardId, int awardTrancheId, ExpenseInput input, StoredFile receipt, string recordedByUserId, DateTime nowUtc, DateOnly todayInLima, DateOnly? agreementSignedOn)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        if (input.SpentOn > todayInLima)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The expense date {input.SpentOn:dd/MM/yyyy} is in the future."), nameof(input));
        }
        if (agreementSignedOn is { } signed && input.SpentOn < signed)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The expense date {input.SpentOn:dd/MM/yyyy} is before the agreement was signed ({signed:dd/MM/yyyy})."), nameof(input));
        }
        if (input.Amount <= 0 || input.Amount > MaxAmount || Money.Round(input.Amount) != input.Amount)
        {
            throw new ArgumentException("The amount must be more than zero soles, in cents.", nameof(input));
        }
        if (!Enum.IsDefined(input.DocumentType))
        {
            throw new ArgumentException("Unknown document type.", nameof(input));
        }
        AwardId = awardId;
        AwardTrancheId = awardTrancheId;
        InvestmentLineId = input.InvestmentLineId;
        SpentOn = input.SpentOn;
        Supplier = RequiredText.Of(input.Supplier, MaxSupplierLength, "The supplier", refuseControlCharacters: true);
        DocumentType = input.DocumentType;
        DocumentNumber = RequiredText.Of(input.DocumentNumber, MaxDocumentNumberLength, "The document number", refuseControlCharacters: true);
        DocumentKey = KeyOf(DocumentType, Supplier, DocumentNumber);
        Amount = input.Amount;
        Receipt = receipt;
        Status = ExpenseStatus.Submitted;
        RecordedByUserId = recordedByUserId;
        RecordedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int AwardId { get; private set; }

    /// <summary>The paid tranche this expense accounts for.</summary>
    public int AwardTrancheId { get; private set; }
    public int InvestmentLineId { get; private set; }
    public DateOnly SpentOn { get; private set; }
    public string Supplier { get; private set; } = "";
    public ExpenseDocumentType DocumentType { get; private set; }
    public string DocumentNumber { get; private set; } = "";
    public decimal Amount { get; private set; }
    public StoredFile Receipt { get; private set; } = null!;
    public ExpenseStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public string? ReviewedByUserId { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>
    /// The payment document (type, supplier, number; case and outer spaces ignored) while the
    /// expense counts: unique per award in the database, so two requests at the same instant
    /// cannot account for one receipt twice. Cleared when the expense is rejected, so the group
    /// can record the document again, corrected.
    /// </summary>
    public string? DocumentKey { get; private set; }

    public const int MaxDocumentKeyLength = MaxSupplierLength + MaxDocumentNumberLength + 8;

    /// <summary>The key of a document: its type, then supplier and number trimmed and in capitals.</summary>
    public static string KeyOf(ExpenseDocumentType type, string supplier, string number)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(number);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)type}|{supplier.Trim().ToUpperInvariant()}|{number.Trim().ToUpperInvariant()}");
    }

    /// <summary>Whether two expenses are the same payment document (so one receipt is not accounted twice).</summary>
    public bool IsSameDocument(string supplier, ExpenseDocumentType type, string number) =>
        KeyOf(DocumentType, Supplier, DocumentNumber) == KeyOf(type, supplier, number);

    public void Approve(string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        RequireSubmitted(nameof(Approve));
        Status = ExpenseStatus.Approved;
        ReviewedByUserId = adminUserId;
        ReviewedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Reject(string reason, string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        RequireSubmitted(nameof(Reject));
        RejectionReason = RequiredText.Of(reason, MaxReasonLength, "The reason for rejecting the expense", refuseControlCharacters: true);
        Status = ExpenseStatus.Rejected;
        DocumentKey = null;
        ReviewedByUserId = adminUserId;
        ReviewedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    private void RequireSubmitted(string action)
    {
        if (Status != ExpenseStatus.Submitted)
        {
            throw new InvalidOperationException($"The expense is {Status}: {action} is only for a submitted expense.");
        }
    }
}
