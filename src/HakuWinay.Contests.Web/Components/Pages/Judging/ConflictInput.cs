using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Judging;

/// <summary>A conflict as the forms send it: the group, the kind, a note (and, for the Admin, the juror).</summary>
public sealed class ConflictInput
{
    [StringLength(450, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? JurorUserId { get; set; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int GroupId { get; set; }

    public ConflictKind Kind { get; set; }

    // Oversized notes get a field message from the service's rule; the input is not cut here.
    public string? Note { get; set; }
}
