using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// The score sheet's messages as the portal writes them in Spanish, read from the portal's
/// resource file (copied next to the tests), so these tests check the very sentences users see.
/// Mirrors <c>ScoreSheetText</c> in the web project: rule "Scoring.X" is the resource "ScoreSheet.Scoring.X".
/// </summary>
internal static class ScoreSheetCsvMessages
{
    private static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    private static readonly FrozenDictionary<string, string> Resources = XDocument
        .Load(Path.Combine(AppContext.BaseDirectory, "Resources", "SharedResource.resx"))
        .Root!.Elements("data").ToFrozenDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    /// <summary>Every message key of the sheet and of the scoring rules, with its Spanish text.</summary>
    public static FrozenDictionary<string, string> Texts { get; } = Resources
        .Where(r => r.Key.StartsWith("ScoreSheet.", StringComparison.Ordinal))
        .ToFrozenDictionary(r => r.Key.StartsWith("ScoreSheet.Scoring.", StringComparison.Ordinal) ? r.Key["ScoreSheet.".Length..] : r.Key, r => r.Value);

    public static string Spanish(ScoreSheetCsvError error)
    {
        var text = Format(error.Rule, error.Arguments);
        return error.Row is { } row ? string.Format(Peru, Resources["ScoreSheetCsv.Row"], row, text) : text;
    }

    public static string Spanish(RuleViolation violation)
    {
        var text = Format(violation.Rule, violation.Arguments);
        return text.Length == 0 ? text : char.ToUpper(text[0], Peru) + text[1..];
    }

    private static string Format(string rule, object[] arguments)
    {
        if (!Texts.TryGetValue(rule, out var text))
        {
            throw new ArgumentException($"No Spanish text for the message key {rule}.", nameof(rule));
        }
        var shown = arguments.Select(a => a is decimal d ? d.ToString("0.##########", Peru) : a).ToArray();
        return string.Format(Peru, text, shown);
    }
}
