namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// One published version of a contest's results, never changed once stored: the open results
/// package exactly as published (its JSON text and hash) and one entry per profile for queries.
/// A correction publishes a new version; earlier versions stay (docs/decisions/012-results-publication.md).
/// </summary>
public sealed class ResultsPublication
{
    public const int MaxReasonLength = 1000;

    private readonly List<ResultsPublicationEntry> _entries = [];

    private ResultsPublication() { }

    public ResultsPublication(int contestId, int version, DateTime publishedAtUtc, string publishedByUserId, string? correctionReason,
        string packageJson, string hash, IEnumerable<ResultsPublicationEntry> entries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedByUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(packageJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        if (version == 1 && correctionReason is not null)
        {
            throw new ArgumentException("The first version corrects nothing.", nameof(correctionReason));
        }
        if (version > 1 && string.IsNullOrWhiteSpace(correctionReason))
        {
            throw new ArgumentException("A correction needs its reason.", nameof(correctionReason));
        }
        ContestId = contestId;
        Version = version;
        PublishedAtUtc = publishedAtUtc;
        PublishedByUserId = publishedByUserId;
        CorrectionReason = correctionReason?.Trim();
        PackageJson = packageJson;
        Hash = hash;
        _entries.AddRange(entries);
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }

    /// <summary>1, 2, …; unique per contest.</summary>
    public int Version { get; private set; }
    public DateTime PublishedAtUtc { get; private set; }
    public string PublishedByUserId { get; private set; } = "";

    /// <summary>Null for version 1; the stated reason of every later version.</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>The open results package, byte for byte as published and downloaded.</summary>
    public string PackageJson { get; private set; } = "";

    /// <summary>SHA-256 (lowercase hex) of the package's canonical JSON without its hash field.</summary>
    public string Hash { get; private set; } = "";

    public IReadOnlyList<ResultsPublicationEntry> Entries => _entries;
}

/// <summary>A profile's published result, copied out of the package for queries (public page, disbursements).</summary>
public sealed class ResultsPublicationEntry
{
    private ResultsPublicationEntry() { }

    public ResultsPublicationEntry(int businessProfileId, ResultEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        BusinessProfileId = businessProfileId;
        ProfileCode = entry.ProfileCode;
        CategoryCode = entry.CategoryCode;
        Rank = entry.Rank;
        WaitlistPosition = entry.WaitlistPosition;
        Outcome = entry.Outcome;
        Award = entry.Award;
        EvaluationScore = entry.EvaluationScore;
        Bonus = entry.Bonus;
        FinalScore = entry.FinalScore;
    }

    public int Id { get; private set; }
    public int ResultsPublicationId { get; private set; }
    public int BusinessProfileId { get; private set; }
    public string ProfileCode { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    public int? Rank { get; private set; }
    public int? WaitlistPosition { get; private set; }
    public ResultOutcome Outcome { get; private set; }
    public decimal Award { get; private set; }
    public decimal? EvaluationScore { get; private set; }
    public decimal Bonus { get; private set; }
    public decimal? FinalScore { get; private set; }
}
