using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FieldSync;

/// <summary>A field scorecard as the device sends it once it finds a network: what the juror submitted offline.</summary>
public sealed record OfflineScorecard(
    int ScorecardId, Guid Version, IReadOnlyList<CriterionPoints> Entries, string? OverallComment, IReadOnlyList<string>? PresentDnis);

/// <summary>What the server answers a device's item, the first time and every time after.</summary>
public sealed record DeviceAnswer(Guid Id, DeviceSubmissionState State, IReadOnlyList<RuleViolation> Refusals, DateTime ReceivedAtUtc);

/// <summary>
/// Applies what a device did offline through the same services the online pages call, so the same
/// checks hold (stage closed, juror unappointed or in conflict, profile withdrawn, scorecard already
/// submitted from another device or from paper, ranges). Each item is applied at most once under
/// its device-made id: the row claimed before applying is the answer to every later send.
/// </summary>
public sealed class FieldSyncService(IDbContextFactory<ContestsDbContext> dbFactory, ScoringService scoring, TimeProvider clock, IContestEvents? events = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Submits an offline field scorecard of the juror's own. NotFound when the scorecard is not
    /// theirs (ids reveal nothing); Conflict while another send of the same id is being applied;
    /// Invalid ("FieldSync.IdReused") when the id came before with other content. Otherwise the answer.
    /// </summary>
    public async Task<ServiceResult<DeviceAnswer>> SubmitScorecardAsync(ActingUser juror, Guid id, OfflineScorecard item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(juror);
        ArgumentNullException.ThrowIfNull(item);
        if (id == Guid.Empty)
        {
            return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.BadId");
        }
        var hash = Hash(item);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var target = await (from s in db.Scorecards
                                join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                                where s.Id == item.ScorecardId && s.JurorUserId == juror.UserId
                                select new { p.ContestId, ProfileId = p.Id }).SingleOrDefaultAsync(ct);
            var existing = await db.DeviceSubmissions.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (existing is not null)
            {
                if (existing.UserId != juror.UserId)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                if (existing.PayloadHash != hash || existing.TargetId != item.ScorecardId)
                {
                    return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.IdReused");
                }
                if (existing.State != DeviceSubmissionState.Pending)
                {
                    return ServiceResult<DeviceAnswer>.Ok(AnswerOf(existing));
                }
                if (!existing.IsAbandoned(now))
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
                }
                existing.Reclaim(now);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                if (target is null)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                db.DeviceSubmissions.Add(new DeviceSubmission(id, juror.UserId, DeviceSubmissionKind.Scorecard, item.ScorecardId, target.ContestId, target.ProfileId, hash, now));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // The same id arrived at the same moment on another request: that one applies it.
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
                }
            }
        }

        var result = await scoring.SubmitAsync(juror, item.ScorecardId, item.Version, item.Entries ?? [], item.OverallComment, item.PresentDnis, ct);
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        var claim = await save.DeviceSubmissions.SingleAsync(s => s.Id == id, ct);
        var answeredAt = clock.GetUtcNow().UtcDateTime;
        if (result.Succeeded)
        {
            claim.Accept(answeredAt);
        }
        else
        {
            var refusals = await ReasonsAsync(save, juror.UserId, item.ScorecardId, result, ct);
            claim.Refuse(JsonSerializer.Serialize(refusals.Select(r => new StoredRefusal(r.Field, r.Rule, r.Arguments.Select(Text).ToList())), Json), answeredAt);
            save.AuditLog.Add(AuditEntry.Record(answeredAt, juror.UserId, "device.refused", nameof(DeviceSubmission), id.ToString(), claim.ContestId,
                claim.ProfileId, after: new { ScorecardId = item.ScorecardId, Rules = refusals.Select(r => r.Rule).ToList() }));
        }
        await save.SaveChangesAsync(ct);
        events?.Publish(FieldSyncEvents.Answered(claim));
        return ServiceResult<DeviceAnswer>.Ok(AnswerOf(claim));
    }

    /// <summary>
    /// What devices sent for a contest, for the Administrator: how many were taken, and each refusal
    /// (what kind of item, who sent it, which profile, why), newest first. Jurors' scorecards and
    /// conflicts and Technicians' visit reports alike.
    /// </summary>
    public async Task<FieldSyncOverview?> OverviewAsync(ActingUser admin, int contestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Code, c.Title }).SingleOrDefaultAsync(ct);
        if (!admin.IsAdmin || contest is null)
        {
            return null;
        }
        var accepted = await db.DeviceSubmissions.CountAsync(s => s.ContestId == contestId && s.State == DeviceSubmissionState.Accepted, ct);
        var rows = await (from s in db.DeviceSubmissions
                          join u in db.Users on s.UserId equals u.Id
                          join p in db.BusinessProfiles on s.ProfileId equals p.Id into profiles
                          from p in profiles.DefaultIfEmpty()
                          where s.ContestId == contestId && s.State == DeviceSubmissionState.Refused
                          select new { s.Id, s.Kind, s.TargetId, s.ReceivedAtUtc, s.Refusals, u.FullName, u.Email, Code = p == null ? null : p.Code }).ToListAsync(ct);
        return new FieldSyncOverview(contestId, contest.Code, contest.Title, accepted, rows.OrderByDescending(r => r.ReceivedAtUtc)
            .Select(r => new RefusedItem(r.Id, r.Kind, r.TargetId, r.Code, r.FullName.Length > 0 ? r.FullName : r.Email ?? "", r.ReceivedAtUtc, Read(r.Refusals)))
            .ToList());
    }

    internal static DeviceAnswer AnswerOf(DeviceSubmission row) => new(row.Id, row.State, Read(row.Refusals), row.ReceivedAtUtc);

    internal static List<RuleViolation> Read(string? refusals) => refusals is null
        ? []
        : (JsonSerializer.Deserialize<List<StoredRefusal>>(refusals, Json) ?? []).Select(r => new RuleViolation(r.Field, r.Rule, [.. r.Arguments])).ToList();

    /// <summary>
    /// The online service's refusal, told as the device needs it: a scorecard already submitted says
    /// whether it came from paper; one the juror may no longer open says why (the service, like the
    /// online pages, only says "not found").
    /// </summary>
    private static async Task<IReadOnlyList<RuleViolation>> ReasonsAsync(ContestsDbContext db, string jurorUserId, int scorecardId,
        ServiceResult<ScoringSave> result, CancellationToken ct)
    {
        var card = await db.Scorecards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
        if (card is null)
        {
            // Taken off meanwhile (a conflict recorded before it was started removes the seat).
            return [new("Scorecard", "FieldSync.NotAvailable")];
        }
        switch (result.Outcome)
        {
            case ServiceOutcome.Invalid when result.Violations.Any(v => v.Rule is "Scoring.AlreadySubmitted" or "Scoring.Locked") && card.SubmittedAtUtc is { } at:
                return [new("Scorecard", card.EnteredByAdminUserId is null ? "FieldSync.SubmittedElsewhere" : "FieldSync.EnteredFromPaper", LimaTime.Format(at))];
            case ServiceOutcome.Invalid:
                return result.Violations;
            case ServiceOutcome.Conflict:
                return [new("Scorecard", "FieldSync.ChangedElsewhere")];
            case ServiceOutcome.Forbidden:
                return [new("Scorecard", "FieldSync.NotAJuror")];
        }
        var profile = await db.BusinessProfiles.Where(p => p.Id == card.BusinessProfileId).Select(p => new { p.ContestId, p.Status, p.ProducerGroupId }).SingleAsync(ct);
        string rule;
        if (card.Status == ScorecardStatus.Excluded)
        {
            rule = "FieldSync.Excluded";
        }
        else if (profile.Status == ProfileStatus.Withdrawn)
        {
            rule = "FieldSync.ProfileWithdrawn";
        }
        else if (profile.Status != ProfileStatus.Eligible)
        {
            rule = "FieldSync.ProfileNotEligible";
        }
        else if (!await db.JurorAppointments.AnyAsync(a => a.ContestStageId == card.ContestStageId && a.JurorUserId == jurorUserId, ct))
        {
            rule = "FieldSync.Unappointed";
        }
        else if (await db.ConflictsOfInterest.AnyAsync(x => x.ContestId == profile.ContestId && x.JurorUserId == jurorUserId && x.ProducerGroupId == profile.ProducerGroupId, ct))
        {
            rule = "FieldSync.ConflictOfInterest";
        }
        else
        {
            rule = "FieldSync.NotAvailable";
        }
        return [new("Scorecard", rule)];
    }

    private static string Hash(OfflineScorecard item) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(item, Json))));

    internal static string Text(object argument) => Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "";

    internal sealed record StoredRefusal(string Field, string Rule, List<string> Arguments);
}

/// <summary>The Administrator's view of a contest's offline sends.</summary>
public sealed record FieldSyncOverview(int ContestId, string ContestCode, string ContestTitle, int Accepted, IReadOnlyList<RefusedItem> Refused);

/// <summary>
/// A refused offline item as the Administrator's list shows it. <paramref name="TargetId"/> is the
/// scorecard (a scorecard or a conflict declared for its profile) or the visit (a visit report).
/// </summary>
public sealed record RefusedItem(Guid Id, DeviceSubmissionKind Kind, int TargetId, string? ProfileCode, string SenderName, DateTime ReceivedAtUtc,
    IReadOnlyList<RuleViolation> Refusals);
