using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>An acceptance as the results page lists it.</summary>
public sealed record IncompleteAcceptanceRow(int Id, int ProfileId, string? ProfileCode, int StageId, string StageCode, string Reason, DateTime AcceptedAtUtc);

/// <summary>
/// Rule 5: an Admin accepts that an eligible profile is ranked in a stage with fewer submitted
/// scorecards than required (at least one), for a reason; or revokes that acceptance. Both are
/// audited and refused while the results are frozen (published, no correction open).
/// </summary>
public sealed class IncompleteAcceptanceService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<IncompleteAcceptanceRow>> ListAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from a in db.IncompleteAcceptances.AsNoTracking()
                      join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
                      join s in db.Set<ContestStage>() on a.ContestStageId equals s.Id
                      where a.ContestId == contestId
                      orderby p.Code, s.Order
                      select new IncompleteAcceptanceRow(a.Id, p.Id, p.Code, s.Id, s.Code, a.Reason, a.AcceptedAtUtc)).ToListAsync(ct);
    }

    public async Task<ServiceResult<int>> AcceptAsync(ActingUser admin, int profileId, int stageId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => new { p.Id, p.Code, p.ContestId, p.Status }).SingleOrDefaultAsync(ct);
        if (!await Territories.StaffReach.ReachesAsync(db, admin, Territories.TerritoryResource.Profile, profileId, ct))
        {
            return Territories.StaffReach.Refused<int>();
        }
        var stage = await db.Set<ContestStage>().AsNoTracking().Where(s => s.Id == stageId)
            .Select(s => new { s.Id, s.Code, s.ContestId, s.JurorsPerProfile }).SingleOrDefaultAsync(ct);
        if (profile is null || stage is null || stage.ContestId != profile.ContestId)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (await ResultsFreeze.IsFrozenAsync(db, profile.ContestId, ct))
        {
            return ServiceResult<int>.Invalid("Profile", ResultsFreeze.Rule);
        }
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > IncompleteAcceptance.MaxReasonLength)
        {
            return ServiceResult<int>.Invalid("Reason", "Results.ReasonRequired", IncompleteAcceptance.MaxReasonLength);
        }
        if (profile.Status != ProfileStatus.Eligible)
        {
            return ServiceResult<int>.Invalid("Profile", "Results.AcceptNeedsEligible");
        }
        var submitted = await db.Scorecards.CountAsync(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.Status == ScorecardStatus.Submitted, ct);
        if (submitted == 0)
        {
            return ServiceResult<int>.Invalid("Stage", "Results.AcceptNeedsOneScorecard");
        }
        if (submitted >= stage.JurorsPerProfile)
        {
            return ServiceResult<int>.Invalid("Stage", "Results.NotIncomplete");
        }
        if (await db.IncompleteAcceptances.AnyAsync(a => a.BusinessProfileId == profileId && a.ContestStageId == stageId, ct))
        {
            return ServiceResult<int>.Invalid("Stage", "Results.AlreadyAccepted");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var acceptance = new IncompleteAcceptance(profile.ContestId, profileId, stageId, reason, admin.UserId, now);
        db.IncompleteAcceptances.Add(acceptance);
        try
        {
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "results.incomplete-accepted", nameof(IncompleteAcceptance), Key(acceptance.Id),
                profile.ContestId, profileId, after: new { Stage = stage.Code, Submitted = submitted, Required = stage.JurorsPerProfile, Reason = reason }));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ServiceResult<int>.Invalid("Stage", "Results.AlreadyAccepted");
        }
        return ServiceResult<int>.Ok(acceptance.Id);
    }

    public async Task<ServiceResult<bool>> RevokeAsync(ActingUser admin, int acceptanceId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acceptance = await db.IncompleteAcceptances.SingleOrDefaultAsync(a => a.Id == acceptanceId, ct);
        if (acceptance is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        if (await ResultsFreeze.IsFrozenAsync(db, acceptance.ContestId, ct))
        {
            return ServiceResult<bool>.Invalid("Profile", ResultsFreeze.Rule);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.IncompleteAcceptances.Remove(acceptance);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "results.incomplete-revoked", nameof(IncompleteAcceptance), Key(acceptance.Id),
            acceptance.ContestId, acceptance.BusinessProfileId, before: new { acceptance.ContestStageId, acceptance.Reason }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<bool>.Ok(true);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
