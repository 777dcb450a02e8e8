using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Profiles;

/// <summary>The form of "presentar nuevamente": the later contest and its category.</summary>
public sealed class PresentAgainInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int? ContestId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int? CategoryId { get; set; }
}
