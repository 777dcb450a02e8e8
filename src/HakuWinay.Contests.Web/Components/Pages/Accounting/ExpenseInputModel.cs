using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Accounting;

/// <summary>The expense form's fields; the receipt comes with the same post as a file. The service checks every rule again.</summary>
public sealed class ExpenseInputModel
{
    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int InvestmentLineId { get; set; }

    /// <summary>Null: the latest paid tranche.</summary>
    public int? AwardTrancheId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateOnly? SpentOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Expense.MaxSupplierLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Supplier { get; set; } = "";

    public ExpenseDocumentType DocumentType { get; set; } = ExpenseDocumentType.Boleta;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Expense.MaxDocumentNumberLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string DocumentNumber { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public decimal? Amount { get; set; }

    public ExpenseInput ToInput() => new(InvestmentLineId, SpentOn ?? default, Supplier, DocumentType, DocumentNumber, Amount ?? 0m);
}
