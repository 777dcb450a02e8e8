using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Profiles;

/// <summary>The expected results as the form edits them; the limits match <c>BusinessProfile.SetExpectedResults</c>.</summary>
public sealed class ExpectedResultsInput
{
    [Range(typeof(decimal), "0", "100000000", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.OutOfRange))]
    public decimal? SalesPerYear { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.OutOfRange))]
    public int? Jobs { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.OutOfRange))]
    public int? HouseholdsBenefiting { get; set; }
}
