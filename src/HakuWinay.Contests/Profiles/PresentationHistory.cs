using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Results;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>One presentation of a business: its profile, contest and, once published, its outcome and scores.</summary>
public sealed record PresentationRow(
    int Number, int ProfileId, string? ProfileCode, ProfileStatus Status, string ContestCode, string ContestTitle,
    ResultOutcome? Outcome, int? Rank, decimal? EvaluationScore, decimal? FinalScore);

/// <summary>A profile's place in its chain: the earlier presentations (oldest first), its own number and the later one, if any.</summary>
public sealed record PresentationHistoryView(int Number, IReadOnlyList<PresentationRow> Earlier, PresentationRow? Later);

/// <summary>The presentations of a profile's business, for its page and its eligibility review.</summary>
public sealed class PresentationHistory(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>NotFound when the profile does not exist, Forbidden when the user may not act for its group.</summary>
    public async Task<ServiceResult<PresentationHistoryView>> GetAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groupId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => (int?)p.ProducerGroupId).SingleOrDefaultAsync(ct);
        if (groupId is null)
        {
            return ServiceResult<PresentationHistoryView>.Fail(ServiceOutcome.NotFound);
        }
        var group = await db.ProducerGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, ct);
        if (!ProfileService.MayActFor(user, group))
        {
            return ServiceResult<PresentationHistoryView>.Fail(ServiceOutcome.Forbidden);
        }
        var profiles = await (from p in db.BusinessProfiles
                              join c in db.Contests on p.ContestId equals c.Id
                              where p.ProducerGroupId == groupId
                              select new { p.Id, p.PreviousPresentationId, ProfileCode = p.Code, p.Status, ContestCode = c.Code, c.Title })
            .ToListAsync(ct);
        var chain = PresentationChain.EndingAt(profileId, profiles.ToDictionary(p => p.Id, p => p.PreviousPresentationId));
        var later = profiles.SingleOrDefault(p => p.PreviousPresentationId == profileId)?.Id;
        var ids = later is { } next ? [.. chain, next] : chain.ToList();
        // Each profile's entry in the latest published version of its own contest's results.
        var entries = await (from e in db.ResultsPublicationEntries
                             join r in db.ResultsPublications on e.ResultsPublicationId equals r.Id
                             where ids.Contains(e.BusinessProfileId)
                                   && r.Version == db.ResultsPublications.Where(q => q.ContestId == r.ContestId).Max(q => q.Version)
                             select new { e.BusinessProfileId, e.Outcome, e.Rank, e.EvaluationScore, e.FinalScore })
            .ToDictionaryAsync(e => e.BusinessProfileId, ct);
        var byId = profiles.ToDictionary(p => p.Id);
        PresentationRow Row(int id, int number)
        {
            var p = byId[id];
            var e = entries.GetValueOrDefault(id);
            return new PresentationRow(number, id, p.ProfileCode, p.Status, p.ContestCode, p.Title, e?.Outcome, e?.Rank, e?.EvaluationScore, e?.FinalScore);
        }
        var earlier = chain.Take(chain.Count - 1).Select((id, i) => Row(id, i + 1)).ToList();
        return ServiceResult<PresentationHistoryView>.Ok(new PresentationHistoryView(chain.Count, earlier, later is { } l ? Row(l, chain.Count + 1) : null));
    }
}
