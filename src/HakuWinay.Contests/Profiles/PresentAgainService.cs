using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Groups;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>An open contest that takes the profile presented again, with its categories and the one matching the earlier category.</summary>
public sealed record PresentAgainContest(int ContestId, string Code, string Title, DateTime SubmissionsCloseAtUtc, IReadOnlyList<ApplyCategory> Categories, int? SuggestedCategoryId);

/// <summary>
/// Whether a profile may be presented again, and where: <see cref="Refusals"/> say why not (empty
/// when allowed); <see cref="PresentedAgainAs"/> is the later profile that already continues it.
/// </summary>
public sealed record PresentAgainOptions(
    int ProfileId, string? ProfileCode, string GroupName, int PresentationsSoFar, int? PresentedAgainAs,
    IReadOnlyList<RuleViolation> Refusals, IReadOnlyList<PresentAgainContest> Contests)
{
    public bool Allowed => Refusals.Count == 0;
}

/// <summary>
/// "Presentar nuevamente": a not-funded profile of a published contest becomes a new draft in a
/// later open contest of the group's territory, copied from it and linked to it, at most
/// <see cref="PresentationChain.MaxPresentations"/> presentations per business. The representative
/// or staff acting for the group may do it; the unique link makes two tabs at once create one draft.
/// </summary>
public sealed class PresentAgainService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The options of the profile's page: NotFound when it does not exist, Forbidden when the user may not act for its group.</summary>
    public async Task<ServiceResult<PresentAgainOptions>> GetOptionsAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (facts, failure) = await ReadAsync(db, user, profileId, ct);
        return failure is { } outcome ? ServiceResult<PresentAgainOptions>.Fail(outcome) : ServiceResult<PresentAgainOptions>.Ok(facts!.Options());
    }

    /// <summary>Creates the new draft in <paramref name="contestId"/>'s <paramref name="categoryId"/>; answers its id, or why not (nothing is created then).</summary>
    public async Task<ServiceResult<int>> PresentAgainAsync(ActingUser user, int profileId, int contestId, int categoryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (facts, failure) = await ReadAsync(db, user, profileId, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<int>.Fail(outcome);
        }
        var target = facts!.Candidates.SingleOrDefault(c => c.Contest.Id == contestId);
        if (target is null || target.Contest.Categories.All(k => k.Id != categoryId))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var violations = facts.SourceRefusals.Concat(PresentAgainRules.CheckTarget(target.Facts)).ToList();
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.BusinessProfiles.Include(p => p.Lines).SingleAsync(p => p.Id == profileId, ct);
        if (facts.AbandonedContinuation is { } abandoned)
        {
            // A draft presented again but never submitted before its call closed: it frees the earlier profile.
            (await db.BusinessProfiles.SingleAsync(p => p.Id == abandoned, ct)).LeaveChain();
        }
        var copy = BusinessProfile.PresentAgain(earlier, contestId, categoryId, now);
        db.BusinessProfiles.Add(copy);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await ContinuedElsewhereAsync(profileId, ct))
            {
                throw;
            }
            // Another tab presented it again between our check and our save: the unique link kept it to one draft.
            return ServiceResult<int>.Invalid("Profile", "PresentAgain.AlreadyPresentedAgain");
        }
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.presented-again", nameof(BusinessProfile), Key(copy.Id), contestId, copy.Id,
            after: new
            {
                CategoryId = categoryId, GroupId = earlier.ProducerGroupId, PreviousPresentationId = earlier.Id, PreviousCode = earlier.Code,
                Presentation = facts.PresentationsSoFar + 1, Lines = copy.Lines.Count, ReleasedAbandonedDraft = facts.AbandonedContinuation,
            }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ServiceResult<int>.Ok(copy.Id);
    }

    private async Task<(Facts? Facts, ServiceOutcome? Failure)> ReadAsync(ContestsDbContext db, ActingUser user, int profileId, CancellationToken ct)
    {
        var profile = await db.BusinessProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return (null, ServiceOutcome.NotFound);
        }
        var group = await db.ProducerGroups.AsNoTracking().SingleAsync(g => g.Id == profile.ProducerGroupId, ct);
        if (!ProfileService.MayActFor(user, group))
        {
            return (null, ServiceOutcome.Forbidden);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // A chain never leaves its group, so the group's profiles hold every link.
        var siblings = await db.BusinessProfiles.AsNoTracking().Where(p => p.ProducerGroupId == group.Id)
            .Select(p => new { p.Id, p.PreviousPresentationId, p.ContestId, p.Status, p.SubmittedAtUtc }).ToListAsync(ct);
        var presentations = PresentationChain.Count(profileId, siblings.ToDictionary(p => p.Id, p => p.PreviousPresentationId));
        var continuation = siblings.SingleOrDefault(p => p.PreviousPresentationId == profileId);
        int? abandoned = null;
        if (continuation is { SubmittedAtUtc: null, Status: ProfileStatus.Draft }
            && !(await db.Contests.AsNoTracking().SingleAsync(c => c.Id == continuation.ContestId, ct)).AcceptsSubmissionsAt(now))
        {
            abandoned = continuation.Id;
        }
        var latest = await db.ResultsPublications.Where(p => p.ContestId == profile.ContestId).OrderByDescending(p => p.Version)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var outcome = latest is null ? null : await db.ResultsPublicationEntries
            .Where(e => e.ResultsPublicationId == latest && e.BusinessProfileId == profileId).Select(e => (Results.ResultOutcome?)e.Outcome).SingleOrDefaultAsync(ct);
        var hasAward = await db.Awards.AnyAsync(a => a.BusinessProfileId == profileId && a.Status != AwardStatus.Cancelled, ct);
        var source = new PresentAgainSource(latest is not null, outcome, hasAward, abandoned is null ? continuation?.Id : null, presentations);

        var region = group.Location.RegionCode;
        var open = await db.Contests.AsNoTracking().Include(c => c.Categories).Include(c => c.EligibleLines).AsSplitQuery()
            .Where(c => c.RegionCode == region && (c.Status == ContestStatus.Published || c.Status == ContestStatus.Open)).ToListAsync(ct);
        var earlierCategory = await db.Set<ContestCategory>().AsNoTracking().Where(k => k.Id == profile.CategoryId).Select(k => k.Code).SingleAsync(ct);
        var candidates = open.Select(c => new Candidate(c, new PresentAgainTarget(
                c.AcceptsSubmissionsAt(now), c.Id == profile.ContestId,
                PresentAgainRules.Covers(c.RegionCode, c.ProvinceCode, c.DistrictCode, group.Location.DistrictCode),
                c.EligibleLines.Any(l => l.ProductionLineId == group.ProductionLineId),
                siblings.Any(p => p.ContestId == c.Id && p.Status != ProfileStatus.Withdrawn))))
            .ToList();
        return (new Facts(profile, group, presentations, continuation?.Id, abandoned, PresentAgainRules.CheckSource(source), candidates, earlierCategory), null);
    }

    private async Task<bool> ContinuedElsewhereAsync(int profileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BusinessProfiles.AnyAsync(p => p.PreviousPresentationId == profileId, ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Candidate(Contest Contest, PresentAgainTarget Facts);

    private sealed record Facts(
        BusinessProfile Profile, ProducerGroup Group, int PresentationsSoFar, int? Continuation, int? AbandonedContinuation,
        IReadOnlyList<RuleViolation> SourceRefusals, IReadOnlyList<Candidate> Candidates, string EarlierCategoryCode)
    {
        public PresentAgainOptions Options()
        {
            var takers = Candidates.Where(c => PresentAgainRules.CheckTarget(c.Facts).Count == 0)
                .OrderBy(c => c.Contest.Timeline.SubmissionsCloseAtUtc)
                .Select(c => new PresentAgainContest(c.Contest.Id, c.Contest.Code, c.Contest.Title, c.Contest.Timeline.SubmissionsCloseAtUtc,
                    c.Contest.Categories.OrderBy(k => k.Order).Select(k => new ApplyCategory(k.Id, k.Name, k.MaxAward)).ToList(),
                    c.Contest.Categories.FirstOrDefault(k => k.Code == EarlierCategoryCode)?.Id))
                .ToList();
            var refusals = SourceRefusals.Count > 0 || takers.Count > 0 ? SourceRefusals : [new RuleViolation("Contest", "PresentAgain.NoOpenContest")];
            return new PresentAgainOptions(Profile.Id, Profile.Code, Group.Name, PresentationsSoFar,
                AbandonedContinuation is null ? Continuation : null, refusals, refusals.Count == 0 ? takers : []);
        }
    }
}
