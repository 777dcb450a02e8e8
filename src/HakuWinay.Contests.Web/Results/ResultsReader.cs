using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Results.Publication;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>
/// One version's open results package: its exact JSON (as stored at publication: it must hash-verify;
/// for the preview, written now) and what it holds, read back by the publication's queries.
/// </summary>
public sealed record StoredPackage(
    ResultsContest Contest, PublicationInfo Publication, string Json, ResultsInput Input, RankingResult Results, IReadOnlyList<PublicationInfo> History);

/// <summary>
/// What the results pages, the acta and the downloads read: a published version of a contest's
/// results (from its stored package, so what the public sees is exactly what the hash seals), or
/// the administrator's preview (version 0) computed now. Every published read answers null before
/// the first publication, for an unknown contest or version: the caller answers 404.
/// </summary>
public sealed class ResultsReader(
    ResultsPageQueries pages, PublicationQueries publications, ResultsPreviewService previews, TimeProvider clock)
{
    /// <summary>A published version (the latest when <paramref name="version"/> is null), with the jurors' names if asked (the acta).</summary>
    public async Task<ShownResults?> PublishedAsync(string contestCode, int? version, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var stored = await PublishedPackageAsync(contestCode, version, cancellationToken);
        return stored is null ? null : await ShowAsync(stored, withJurors, cancellationToken);
    }

    /// <summary>The stored package of a published version, as published.</summary>
    public async Task<StoredPackage?> PublishedPackageAsync(string contestCode, int? version, CancellationToken cancellationToken = default)
    {
        var contest = Heading(await pages.ContestAsync(contestCode, cancellationToken));
        if (contest is null)
        {
            return null;
        }
        var versions = await publications.VersionsAsync(contest.Id, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }
        var published = await publications.VersionAsync(contest.Id, version ?? versions.Max(v => v.Version), cancellationToken);
        if (published is null)
        {
            return null;
        }
        var history = versions.OrderByDescending(v => v.Version)
            .Select(v => new PublicationInfo(v.Version, v.PublishedAtUtc, v.Hash, v.CorrectionReason)).ToList();
        return new StoredPackage(contest, new PublicationInfo(published.Version, published.PublishedAtUtc, published.Hash, published.CorrectionReason),
            published.PackageJson, published.Input, published.Results, history);
    }

    /// <summary>The preview of a contest's results as they stand (version 0, never published), or null for an unknown contest or one the rules cannot rank yet.</summary>
    public async Task<ShownResults?> PreviewAsync(int contestId, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewPackageAsync(contestId, cancellationToken);
        return preview is null ? null : await ShowAsync(preview, withJurors, cancellationToken);
    }

    /// <summary>
    /// The preview as an open package, written now in the package format with version 0 (never a
    /// published version's number) and hashed like a real one; null when there is nothing to rank.
    /// </summary>
    public async Task<StoredPackage?> PreviewPackageAsync(int contestId, CancellationToken cancellationToken = default)
    {
        var contest = Heading(await pages.ContestAsync(contestId, cancellationToken));
        var preview = contest is null ? null : await previews.PreviewAsync(contestId, cancellationToken);
        if (contest is null || preview?.Ranking is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var package = ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest(contest.Code, contest.Title, 0, now, null), preview.Input.Rules, preview.Input.Profiles, preview.Input.Scores, preview.Ranking));
        return new StoredPackage(contest, new PublicationInfo(0, now, package.Hash, null), ResultsPackageJson.Write(package), preview.Input, preview.Ranking, []);
    }

    /// <summary>What the dashboard counts: the latest publication once there is one, the preview before.</summary>
    public async Task<ShownResults?> DashboardSourceAsync(int contestId, CancellationToken cancellationToken = default)
    {
        if (await publications.IsPublicAsync(contestId, cancellationToken))
        {
            var contest = Heading(await pages.ContestAsync(contestId, cancellationToken));
            return contest is null ? null : await PublishedAsync(contest.Code, null, cancellationToken: cancellationToken);
        }
        return await PreviewAsync(contestId, cancellationToken: cancellationToken);
    }

    private async Task<ShownResults> ShowAsync(StoredPackage stored, bool withJurors, CancellationToken cancellationToken) =>
        new(stored.Contest, stored.Publication, stored.History, stored.Input, stored.Results,
            withJurors ? await JurorsAsync(stored.Contest.Id, stored.Input.Rules, cancellationToken) : null);

    private static ResultsContest? Heading(ResultsContestPlace? place) =>
        place is null ? null : new(place.Id, place.Code, place.Title, place.RegionName, place.ProvinceName, place.DistrictName);

    /// <summary>Per stage of the rules, the real names of the jurors with at least one submitted scorecard in it.</summary>
    private async Task<IReadOnlyList<StageJurors>> JurorsAsync(int contestId, ResultsRules rules, CancellationToken cancellationToken) =>
        (await pages.JurorsByStageAsync(contestId, rules, cancellationToken)).Select(s => new StageJurors(s.StageCode, s.StageName, s.Names)).ToList();
}
