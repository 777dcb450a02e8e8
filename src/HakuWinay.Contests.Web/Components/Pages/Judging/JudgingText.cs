using HakuWinay.Contests.Judging;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Judging;

/// <summary>The words the judging pages show for the judging enums.</summary>
internal static class JudgingText
{
    public static string Kind(IStringLocalizer localizer, ConflictKind kind) => localizer[$"Judging.Kind.{kind}"];

    public static string Status(IStringLocalizer localizer, ScorecardStatus status) => localizer[$"Judging.Status.{status}"];

    public static IReadOnlyList<ConflictKind> Kinds { get; } = Enum.GetValues<ConflictKind>();
}
