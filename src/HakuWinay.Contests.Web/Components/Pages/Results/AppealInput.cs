using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Results;

/// <summary>The appeal form's text; the attachment comes with the same post as a file.</summary>
public sealed class AppealInput
{
    public const int MaxTextLength = 4000;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(MaxTextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Text { get; set; } = "";
}
