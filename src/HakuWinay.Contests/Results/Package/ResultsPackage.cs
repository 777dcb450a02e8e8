namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// The open results package (docs/results-package.md): everything needed to recompute a
/// publication's results, the results as published, and the hash that seals them. The portal
/// writes one per publication; anyone can read it back and re-check it with the command-line tool.
/// </summary>
public sealed record ResultsPackage(
    PublishedContest Contest,
    ResultsRules Rules,
    IReadOnlyList<ProfileFacts> Profiles,
    IReadOnlyList<SubmittedScore> Scores,
    RankingResult Results,
    string Hash = "")
{
    /// <summary>The value of the package's <c>format</c> field: version 2 carries field attendance (issue 17).</summary>
    public const string FormatId = "hakuwinay-results/2";

    /// <summary>The format before field attendance: still read, verified and written back as it was (its hash unchanged).</summary>
    public const string PreviousFormatId = "hakuwinay-results/1";

    /// <summary>The package's format: <see cref="FormatId"/> for every new package, <see cref="PreviousFormatId"/> for one read from a version 1 file.</summary>
    public string Format { get; init; } = FormatId;

    /// <summary>Whether the package is of version 1, which has no attendance fields.</summary>
    public bool IsPreviousFormat => Format == PreviousFormatId;

    /// <summary>What <see cref="Ranking.Compute"/> needs to recompute <see cref="Results"/>.</summary>
    public ResultsInput Input => new(Rules, Profiles, Scores);
}

/// <summary>Which contest and which publication of its results: the version counts up from 1 (0 for a preview, not published); a correction states its reason.</summary>
public sealed record PublishedContest(string Code, string Title, int PublicationVersion, DateTime PublishedAtUtc, string? CorrectionReason);

/// <summary>A package read from JSON, or every error found, each naming its JSON path; never both.</summary>
public sealed record ResultsPackageReadResult(ResultsPackage? Package, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Package is not null;
}
