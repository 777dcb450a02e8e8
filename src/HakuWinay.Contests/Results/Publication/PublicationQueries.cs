using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Results.Package;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// The published versions of a contest's results, for the public page, the acta, the exports and
/// the Admin. Only published versions are ever answered: a contest without one has no public results.
/// </summary>
public sealed class PublicationQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>Every version of the contest's results, oldest first; empty before the first publication.</summary>
    public async Task<IReadOnlyList<PublicationVersionRow>> VersionsAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ResultsPublications.AsNoTracking().Where(p => p.ContestId == contestId).OrderBy(p => p.Version)
            .Select(p => new PublicationVersionRow(p.Id, p.Version, p.PublishedAtUtc, p.PublishedByUserId, p.CorrectionReason, p.Hash))
            .ToListAsync(ct);
    }

    /// <summary>Whether the contest's results are public (at least one version is published).</summary>
    public async Task<bool> IsPublicAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ResultsPublications.AnyAsync(p => p.ContestId == contestId, ct);
    }

    /// <summary>One version with its package and entries; null when the contest has no such version.</summary>
    public async Task<PublishedResults?> VersionAsync(int contestId, int version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ResultsPublications.Where(p => p.ContestId == contestId && p.Version == version).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(db, id.Value, ct);
    }

    /// <summary>The latest version; null before the first publication.</summary>
    public async Task<PublishedResults?> LatestAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ResultsPublications.Where(p => p.ContestId == contestId).OrderByDescending(p => p.Version).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(db, id.Value, ct);
    }

    /// <summary>The latest version of the contest with this code (as public URLs name it); null when none.</summary>
    public async Task<PublishedResults?> LatestAsync(string contestCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = (contestCode ?? "").Trim().ToUpperInvariant();
        var id = await (from p in db.ResultsPublications
                        join c in db.Contests on p.ContestId equals c.Id
                        where c.Code == code
                        orderby p.Version descending
                        select (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(db, id.Value, ct);
    }

    /// <summary>
    /// The published outcome of each of these profiles in the latest version of its contest's results;
    /// a profile whose contest has no published results (or that the version does not list) is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ProfileOutcome>> LatestOutcomesAsync(IReadOnlyCollection<int> profileIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        if (profileIds.Count == 0)
        {
            return new Dictionary<int, ProfileOutcome>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from e in db.ResultsPublicationEntries
                          join p in db.ResultsPublications on e.ResultsPublicationId equals p.Id
                          join c in db.Contests on p.ContestId equals c.Id
                          where profileIds.Contains(e.BusinessProfileId)
                                && p.Version == db.ResultsPublications.Where(q => q.ContestId == p.ContestId).Max(q => q.Version)
                          select new ProfileOutcome(e.BusinessProfileId, c.Code, e.ProfileCode, e.Outcome, e.Rank, e.Award, p.Version, p.PublishedAtUtc))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.ProfileId);
    }

    private static async Task<PublishedResults> LoadAsync(ContestsDbContext db, int publicationId, CancellationToken ct)
    {
        var publication = await db.ResultsPublications.AsNoTracking().Include(p => p.Entries).SingleAsync(p => p.Id == publicationId, ct);
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == publication.ContestId)
            .Select(c => new { c.Code, c.Title, c.Status }).SingleAsync(ct);
        var latest = await db.ResultsPublications.Where(p => p.ContestId == publication.ContestId).MaxAsync(p => p.Version, ct);
        var package = ResultsPackageText.Read(publication.PackageJson);
        var (metadata, input, results) = (ResultsPackageText.MetadataOf(package), package.Input, package.Results);
        var facts = input.Profiles.ToDictionary(p => p.Code);
        var explained = results.Entries.ToDictionary(e => e.ProfileCode);
        var entries = publication.Entries.OrderBy(e => e.CategoryCode, StringComparer.Ordinal)
            .ThenBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.ProfileCode, StringComparer.Ordinal)
            .Select(e => new PublishedEntry(e.BusinessProfileId, e.ProfileCode, e.CategoryCode, e.Rank, e.WaitlistPosition, e.Outcome, e.Award,
                e.EvaluationScore, e.Bonus, e.FinalScore,
                facts.TryGetValue(e.ProfileCode, out var f) ? f.GroupName : "", f?.ProductionLine ?? "", f?.District ?? "",
                explained.TryGetValue(e.ProfileCode, out var x) ? x.Explanation : "", x?.TieBreakNote))
            .ToList();
        return new PublishedResults(publication.Id, publication.ContestId, contest.Code, contest.Title, contest.Status, publication.Version,
            publication.Version == latest, publication.PublishedAtUtc, publication.PublishedByUserId, publication.CorrectionReason, publication.Hash,
            publication.PackageJson, metadata, input, results, entries, package);
    }
}

/// <summary>A profile's result in the latest published version of its contest's results.</summary>
public sealed record ProfileOutcome(
    int ProfileId, string ContestCode, string ProfileCode, ResultOutcome Outcome, int? Rank, decimal Award, int Version, DateTime PublishedAtUtc);

public sealed record PublicationVersionRow(int PublicationId, int Version, DateTime PublishedAtUtc, string PublishedByUserId, string? CorrectionReason, string Hash);

/// <summary>
/// One published version: its stored row (package text exactly as published, hash), the package's
/// parsed content (<see cref="Input"/>: rules, profiles, scores; <see cref="Results"/>: categories'
/// budgets and every entry with stage scores and explanation), the entries ready for a table, and
/// the package itself as <see cref="ResultsPackageJson"/> reads it.
/// </summary>
public sealed record PublishedResults(
    int PublicationId, int ContestId, string ContestCode, string ContestTitle, ContestStatus ContestStatus, int Version, bool IsLatest,
    DateTime PublishedAtUtc, string PublishedByUserId, string? CorrectionReason, string Hash, string PackageJson,
    PublicationMetadata Metadata, ResultsInput Input, RankingResult Results, IReadOnlyList<PublishedEntry> Entries, ResultsPackage Package);

/// <summary>A profile's published result with the display fields of its group (as published).</summary>
public sealed record PublishedEntry(
    int BusinessProfileId, string ProfileCode, string CategoryCode, int? Rank, int? WaitlistPosition, ResultOutcome Outcome, decimal Award,
    decimal? EvaluationScore, decimal Bonus, decimal? FinalScore, string GroupName, string ProductionLine, string District, string Explanation,
    string? TieBreakNote);
