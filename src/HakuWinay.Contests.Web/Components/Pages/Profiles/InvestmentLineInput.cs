using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Profiles;

/// <summary>One line of the investment plan as the form edits it; the entity is only changed through the service.</summary>
public sealed class InvestmentLineInput
{
    public int? LineId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(InvestmentLine.MaxDescriptionLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Description { get; set; } = "";

    public InvestmentCategory Category { get; set; } = InvestmentCategory.Equipment;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(40, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Unit { get; set; } = "";

    [Range(typeof(decimal), "0.01", "1000000", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Quantity))]
    public decimal Quantity { get; set; } = 1;

    public decimal UnitCost { get; set; }

    public FinancedBy FinancedBy { get; set; } = FinancedBy.Fund;

    public decimal Total => Money.Round(Quantity * UnitCost);

    public LineAmount Amount => new(Category, Total, FinancedBy);
}
