using System.Globalization;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Judging.Paper;

/// <summary>
/// The sentences of the score sheet's errors, from the resources: a <see cref="ScoreSheetCsvError"/>
/// is a key and arguments (the domain holds no UI text). The scoring rules' keys ("Scoring.…") are
/// looked up under "ScoreSheet.Scoring.…", written to follow "Fila 7: ".
/// </summary>
internal static class ScoreSheetText
{
    public static string Describe(IStringLocalizer localizer, ScoreSheetCsvError error)
    {
        var text = Format(localizer, error.Rule, error.Arguments);
        return error.Row is { } row ? string.Format(CultureInfo.CurrentCulture, localizer["ScoreSheetCsv.Row"], row, text) : text;
    }

    /// <summary>A scoring rule's violation as a sentence of its own, e.g. "El puntaje 12 supera el máximo 10 del criterio C2."</summary>
    public static string Describe(IStringLocalizer localizer, RuleViolation violation)
    {
        var text = Format(localizer, violation.Rule, violation.Arguments);
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    private static string Format(IStringLocalizer localizer, string rule, object[] arguments)
    {
        var text = localizer[rule.StartsWith("Scoring.", StringComparison.Ordinal) ? "ScoreSheet." + rule : rule];
        if (text.ResourceNotFound)
        {
            return rule;
        }
        var shown = arguments.Select(a => a is decimal d ? d.ToString("0.##########", CultureInfo.CurrentCulture) : a).ToArray();
        return string.Format(CultureInfo.CurrentCulture, text.Value, shown);
    }
}
