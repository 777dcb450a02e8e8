using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Eligibility;

/// <summary>The administrator's answers: each checklist item met or not, the decision, the reason, and the version read.</summary>
public sealed class EligibilityInput
{
    public const string Eligible = "Eligible";
    public const string Ineligible = "Ineligible";

    public Guid Version { get; set; }

    public List<ChecklistInput> Items { get; set; } = [];

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [RegularExpression("^(Eligible|Ineligible)$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string? Decision { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(BusinessProfile.MaxReasonLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Reason { get; set; } = "";
}

public sealed class ChecklistInput
{
    public int ItemId { get; set; }

    public bool Met { get; set; }
}
