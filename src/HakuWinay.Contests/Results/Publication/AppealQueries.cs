using System.Linq.Expressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>A filed appeal as the group and the Admin read it.</summary>
public sealed record AppealView(
    int Id, int ContestId, int ProfileId, string? ProfileCode, string GroupName, int PublicationVersion, string Text, DateTime FiledAtUtc,
    string FiledByUserId, string? AttachmentName, AttachmentKind? AttachmentKind, long? AttachmentSizeBytes, AppealStatus Status,
    string? DecisionReason, DateTime? DecidedAtUtc, int? CorrectedInVersion);

/// <summary>
/// Where a group stands on appeals for one profile: its appeal if it filed one, the latest
/// version of the results, whether the profile is in it, when the window closes, whether it may file now.
/// </summary>
public sealed record AppealStanding(
    int ContestId, string ContestCode, string ContestTitle, int ProfileId, string? ProfileCode, AppealView? Appeal, int? LatestVersion,
    bool InPublication, DateTime? WindowClosesAtUtc, bool MayFile);

/// <summary>An appeal's attachment ready to send.</summary>
public sealed record AppealAttachmentDownload(string DisplayName, string ContentType, string FilePath);

/// <summary>A juror's comment on a group's profile, the juror only by number (1, 2, … in the order of their pseudonyms); the criterion is null for an overall comment.</summary>
public sealed record AppealJurorComment(int JurorNumber, string StageName, string? CriterionName, string Text);

/// <summary>The appeals of a contest (Admin) and a group's own (its representative or staff).</summary>
public sealed class AppealQueries(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock)
{
    /// <summary>Every appeal of the contest, the undecided first, then by filing time.</summary>
    public async Task<IReadOnlyList<AppealView>> ForContestAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Views(db, a => a.ContestId == contestId).ToListAsync(ct);
        return rows.OrderBy(a => a.Status == AppealStatus.Filed ? 0 : 1).ThenBy(a => a.FiledAtUtc).ToList();
    }

    /// <summary>The group's standing on appeals for its profile; NotFound for no such profile, Forbidden for another group's.</summary>
    public async Task<ServiceResult<AppealStanding>> StandingAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await (from p in db.BusinessProfiles
                             join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                             join c in db.Contests on p.ContestId equals c.Id
                             where p.Id == profileId
                             select new { ProfileCode = p.Code, p.ContestId, p.ProducerGroupId, g.RepresentativeUserId, ContestCode = c.Code, c.Title, c.AppealWindowDays })
            .SingleOrDefaultAsync(ct);
        if (profile is null)
        {
            return ServiceResult<AppealStanding>.Fail(ServiceOutcome.NotFound);
        }
        if (!user.IsStaff && profile.RepresentativeUserId != user.UserId)
        {
            return ServiceResult<AppealStanding>.Fail(ServiceOutcome.Forbidden);
        }
        // One appeal per group and contest, whichever of its profiles it was filed for.
        var appealId = await db.Appeals.Where(a => a.ContestId == profile.ContestId && a.ProducerGroupId == profile.ProducerGroupId)
            .Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        var appeal = appealId is null ? null : await Views(db, a => a.Id == appealId).SingleAsync(ct);
        var latest = await db.ResultsPublications.AsNoTracking().Where(p => p.ContestId == profile.ContestId).OrderByDescending(p => p.Version)
            .Select(p => new { p.Id, p.Version, p.PublishedAtUtc }).FirstOrDefaultAsync(ct);
        var inPublication = latest is not null
            && await db.ResultsPublicationEntries.AnyAsync(e => e.ResultsPublicationId == latest.Id && e.BusinessProfileId == profileId, ct);
        DateTime? closes = latest?.PublishedAtUtc.AddDays(profile.AppealWindowDays);
        var mayFile = appeal is null && inPublication && clock.GetUtcNow().UtcDateTime < closes;
        return ServiceResult<AppealStanding>.Ok(new AppealStanding(profile.ContestId, profile.ContestCode, profile.Title, profileId, profile.ProfileCode, appeal,
            latest?.Version, inPublication, closes, mayFile));
    }

    /// <summary>An appeal's attachment for the Admin, or the group that filed it; NotFound otherwise (ids reveal nothing).</summary>
    public async Task<ServiceResult<AppealAttachmentDownload>> AttachmentAsync(ActingUser user, int appealId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appeal = await (from a in db.Appeals
                            join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                            where a.Id == appealId
                            select new { a.AttachmentDisplayName, a.AttachmentStorageName, a.AttachmentKind, g.RepresentativeUserId }).SingleOrDefaultAsync(ct);
        if (appeal?.AttachmentStorageName is null || !(user.IsStaff || appeal.RepresentativeUserId == user.UserId))
        {
            return ServiceResult<AppealAttachmentDownload>.Fail(ServiceOutcome.NotFound);
        }
        var path = storage.PathOf(appeal.AttachmentStorageName);
        return File.Exists(path)
            ? ServiceResult<AppealAttachmentDownload>.Ok(new AppealAttachmentDownload(appeal.AttachmentDisplayName!, AttachmentFile.ContentType(appeal.AttachmentKind!.Value), path))
            : ServiceResult<AppealAttachmentDownload>.Fail(ServiceOutcome.NotFound);
    }

    /// <summary>
    /// The comments of the profile's submitted scorecards when the contest shares them with groups
    /// (empty otherwise), stage by stage; each juror is a number (1, 2, … in the order of their
    /// pseudonyms), never a name: what was said, never who said it.
    /// </summary>
    public async Task<IReadOnlyList<AppealJurorComment>> JurorCommentsAsync(int contestId, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contests.AnyAsync(c => c.Id == contestId && c.ShareJurorCommentsWithGroups, ct))
        {
            return [];
        }
        var stages = await db.Set<ContestStage>().AsNoTracking().Include(s => s.Criteria).Where(s => s.ContestId == contestId).OrderBy(s => s.Order).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var cards = await db.Scorecards.AsNoTracking().Include(s => s.Points)
            .Where(s => s.BusinessProfileId == profileId && stageIds.Contains(s.ContestStageId) && s.Status == ScorecardStatus.Submitted).ToListAsync(ct);
        var numbers = await db.JurorPseudonyms.Where(p => p.ContestId == contestId).ToDictionaryAsync(p => p.JurorUserId, p => p.Number, ct);
        var jurors = cards.Select(c => c.JurorUserId).Distinct().OrderBy(j => numbers.GetValueOrDefault(j, int.MaxValue)).ThenBy(j => j, StringComparer.Ordinal).ToList();
        var criteria = stages.SelectMany(s => s.Criteria).ToDictionary(c => c.Id, c => c.Name);
        var comments = new List<AppealJurorComment>();
        foreach (var card in cards.OrderBy(c => stages.FindIndex(s => s.Id == c.ContestStageId)).ThenBy(c => jurors.IndexOf(c.JurorUserId)))
        {
            var juror = jurors.IndexOf(card.JurorUserId) + 1;
            var stage = stages.Single(s => s.Id == card.ContestStageId).Name;
            comments.AddRange(card.Points.Where(p => !string.IsNullOrWhiteSpace(p.Comment))
                .Select(p => new AppealJurorComment(juror, stage, criteria.GetValueOrDefault(p.ContestCriterionId), p.Comment!)));
            if (!string.IsNullOrWhiteSpace(card.OverallComment))
            {
                comments.Add(new AppealJurorComment(juror, stage, null, card.OverallComment));
            }
        }
        return comments;
    }

    private static IQueryable<AppealView> Views(ContestsDbContext db, Expression<Func<Appeal, bool>> filter) =>
        from a in db.Appeals.AsNoTracking().Where(filter)
        join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
        join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
        select new AppealView(a.Id, a.ContestId, a.BusinessProfileId, p.Code, g.Name, a.PublicationVersion, a.Text, a.FiledAtUtc, a.FiledByUserId,
            a.AttachmentDisplayName, a.AttachmentKind, a.AttachmentSizeBytes, a.Status, a.DecisionReason, a.DecidedAtUtc, a.CorrectedInVersion);
}
