using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Results;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>The contest a results page is about, with the names of the place it is held in.</summary>
public sealed record ResultsContest(int Id, string Code, string Title, string RegionName, string? ProvinceName, string? DistrictName)
{
    /// <summary>"Tambillo, Huamanga, Ayacucho": the most precise place first.</summary>
    public string Place => string.Join(", ", new[] { DistrictName, ProvinceName, RegionName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}

/// <summary>
/// A published version of the results (or the preview, version 0, never published): when it was
/// published, the SHA-256 hash of its open package, and for a correction the reason stated.
/// </summary>
public sealed record PublicationInfo(int Version, DateTime PublishedAtUtc, string Hash, string? CorrectionReason)
{
    public bool IsPreview => Version == 0;
}

/// <summary>The jurors with at least one submitted scorecard in a stage, by their real names (the acta is signed).</summary>
public sealed record StageJurors(string StageCode, string StageName, IReadOnlyList<string> Names);

/// <summary>
/// Results as the pages show them: the rules' input and output (<see cref="ResultsInput"/>,
/// <see cref="RankingResult"/>) of one publication, its metadata and the history of versions
/// (newest first). <see cref="Jurors"/> is filled for the acta only.
/// </summary>
public sealed record ShownResults(
    ResultsContest Contest,
    PublicationInfo Publication,
    IReadOnlyList<PublicationInfo> History,
    ResultsInput Input,
    RankingResult Result,
    IReadOnlyList<StageJurors>? Jurors = null)
{
    public ProfileFacts? Profile(string code) => Input.Profiles.FirstOrDefault(p => p.Code == code);

    public string CategoryName(string code) => Input.Rules.Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string StageName(string code) => Input.Rules.Stages.FirstOrDefault(s => s.Code == code)?.Name ?? code;
}

/// <summary>Where a results page's downloads and other versions are.</summary>
public sealed record ResultsLinks(string RankingCsv, string ScoresCsv, string Package, string Acta, Func<int, string> Version)
{
    /// <summary>The public addresses of a published version.</summary>
    public static ResultsLinks Public(string contestCode, int version)
    {
        var root = $"contests/{Uri.EscapeDataString(contestCode)}/results";
        var query = "?version=" + version.ToString(CultureInfo.InvariantCulture);
        return new(root + "/ranking.csv" + query, root + "/scores.csv" + query, root + "/package.json" + query, root + "/acta" + query,
            v => root + "?version=" + v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The administrator's addresses of the preview (version 0) of a contest.</summary>
    public static ResultsLinks Preview(int contestId)
    {
        var root = "admin/contests/" + contestId.ToString(CultureInfo.InvariantCulture) + "/results";
        return new(root + "/preview/ranking.csv", root + "/preview/scores.csv", root + "/preview/package.json", root + "/acta",
            _ => root);
    }
}

/// <summary>Reads the <c>?version=</c> of a results address: absent means the latest, otherwise a positive whole number.</summary>
public static class ResultsVersion
{
    public const int MaxDigits = 6;

    /// <summary>False for anything but nothing or 1..999999 written in digits ("abc", "0", "-1", "1.5", " 2").</summary>
    public static bool TryParse(string? text, out int? version)
    {
        version = null;
        if (text is null)
        {
            return true;
        }
        if (text.Length is 0 or > MaxDigits || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        var value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        version = value;
        return value > 0;
    }
}

/// <summary>The number of a contest's acta: one per published version, e.g. "001-2026-CLAR-AYA-2026-01".</summary>
public static class ActaNumber
{
    /// <summary>The version in three digits, the year of publication in Lima, and the contest's code.</summary>
    public static string Of(int version, DateTime publishedAtUtc, string contestCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{version:000}-{LimaTime.ToLima(publishedAtUtc).Year}-CLAR-{contestCode}");
}
