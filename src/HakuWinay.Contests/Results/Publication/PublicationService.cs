using System.Data.Common;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>What a publication stored.</summary>
public sealed record PublishedVersion(int PublicationId, int Version, string Hash, int EmailsQueued);

/// <summary>
/// Publishes a contest's results as an immutable version and opens corrections of them. A
/// publication ranks the database's input, writes the open results package, stores it with one
/// entry per profile, creates or corrects the awards (<see cref="Disbursements.AwardSync"/>), moves the contest on (first time) or closes the open correction, audits it and
/// queues one email per group, all in one transaction. Two clicks at once publish once: the
/// version is unique per contest and the contest's row version is checked.
/// </summary>
public sealed class PublicationService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IContestEvents? events = null,
    Notifications.Sms.IPortalAddress? address = null)
{
    /// <summary>
    /// Publishes version 1 (contest in Evaluation, no reason) or, while a correction is open, the
    /// next version with <paramref name="correctionReason"/> (the reason the correction was opened
    /// with when none is given). Refused with every blocker while any remains.
    /// </summary>
    public async Task<ServiceResult<PublishedVersion>> PublishAsync(int contestId, ActingUser admin, string? correctionReason = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<PublishedVersion>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return ServiceResult<PublishedVersion>.Fail(ServiceOutcome.NotFound);
        }
        if (!await Territories.StaffReach.ReachesAsync(db, admin, Territories.TerritoryResource.Contest, contestId, ct))
        {
            return Territories.StaffReach.Refused<PublishedVersion>();
        }
        var latest = await db.ResultsPublications.Where(p => p.ContestId == contestId).MaxAsync(p => (int?)p.Version, ct) ?? 0;
        correctionReason = string.IsNullOrWhiteSpace(correctionReason) ? null : correctionReason.Trim();
        if (Refusal(contest, latest, ref correctionReason) is { } refusal)
        {
            return ServiceResult<PublishedVersion>.Invalid([refusal]);
        }
        var readiness = (await ResultsReadiness.AssessAsync(db, contestId, ct))!;
        if (readiness.Blockers.Count > 0)
        {
            return ServiceResult<PublishedVersion>.Invalid(readiness.Blockers.Select(b => b.ToViolation()).ToList());
        }
        var (ranking, error) = ResultsPreviewService.TryRank(readiness.Built.Input);
        if (ranking is null)
        {
            return ServiceResult<PublishedVersion>.Invalid("Rules", "Results.InputRefused", error ?? "");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = latest + 1;
        var metadata = new PublicationMetadata(contest.Code, contest.Title, version, now, correctionReason);
        var (json, hash) = ResultsPackageText.Write(metadata, readiness.Built.Input, ranking);
        var ids = readiness.Built.ProfileIds;
        var publication = new ResultsPublication(contestId, version, now, admin.UserId, correctionReason, json, hash,
            ranking.Entries.Select(e => new ResultsPublicationEntry(ids[e.ProfileCode], e)));
        db.ResultsPublications.Add(publication);
        await StorePseudonymsAsync(db, contestId, readiness.Built.Pseudonyms, ct);
        var statusBefore = contest.Status;
        contest.RecordResultsPublication(now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "results.published", "ResultsPublication",
            $"{contest.Code}:v{version.ToString(CultureInfo.InvariantCulture)}", contestId,
            before: new { Status = statusBefore.ToString(), Version = latest },
            after: new { Status = contest.Status.ToString(), Version = version, Hash = hash, CorrectionReason = correctionReason, Entries = ranking.Entries.Count }));

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await RecordUpheldAppealsAsync(db, contestId, version, ct);
            await Disbursements.AwardSync.ApplyAsync(db, publication, admin.UserId, now, ct);
            var emails = await ResultEmails.QueueAsync(db, contest, publication, readiness.Built, ranking, now, address, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            outboxSignal.MessagesQueued();
            events?.Publish(new ContestEvent(contestId, ContestChange.ResultsPublished));
            return ServiceResult<PublishedVersion>.Ok(new PublishedVersion(publication.Id, version, hash, emails));
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Another click published this version first (unique version, or the contest's row version moved on).
            return ServiceResult<PublishedVersion>.Fail(ServiceOutcome.Conflict);
        }
    }

    /// <summary>Opens a correction of the published results, for a reason (required); audited.</summary>
    public async Task<ServiceResult<DateTime>> OpenCorrectionAsync(int contestId, ActingUser admin, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<DateTime>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return ServiceResult<DateTime>.Fail(ServiceOutcome.NotFound);
        }
        if (!await Territories.StaffReach.ReachesAsync(db, admin, Territories.TerritoryResource.Contest, contestId, ct))
        {
            return Territories.StaffReach.Refused<DateTime>();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            contest.OpenCorrection(reason ?? "", now);
        }
        catch (ContestRuleException e)
        {
            return ServiceResult<DateTime>.Invalid([e.Violation]);
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "results.correction-opened", nameof(Contest), contest.Code, contestId,
            after: new { Reason = contest.CorrectionReason }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<DateTime>.Fail(ServiceOutcome.Conflict);
        }
        events?.Publish(new ContestEvent(contestId, ContestChange.ResultsPublished));
        return ServiceResult<DateTime>.Ok(now);
    }

    private static RuleViolation? Refusal(Contest contest, int latest, ref string? correctionReason)
    {
        if (latest == 0)
        {
            if (contest.Status != ContestStatus.Evaluation)
            {
                return new RuleViolation("Contest", "Results.NotInEvaluation");
            }
            return correctionReason is null ? null : new RuleViolation("CorrectionReason", "Results.NothingToCorrect");
        }
        if (!contest.CorrectionOpen)
        {
            return new RuleViolation("Correction", "Results.NoOpenCorrection");
        }
        correctionReason ??= contest.CorrectionReason;
        return correctionReason!.Length > ResultsPublication.MaxReasonLength
            ? new RuleViolation("CorrectionReason", "Results.ReasonTooLong", ResultsPublication.MaxReasonLength)
            : null;
    }

    private static async Task StorePseudonymsAsync(ContestsDbContext db, int contestId, IReadOnlyDictionary<string, string> pseudonyms, CancellationToken ct)
    {
        var stored = await db.JurorPseudonyms.Where(p => p.ContestId == contestId).Select(p => p.JurorUserId).ToListAsync(ct);
        foreach (var (jurorUserId, pseudonym) in pseudonyms.Where(p => !stored.Contains(p.Key)))
        {
            db.JurorPseudonyms.Add(new JurorPseudonym(contestId, jurorUserId, int.Parse(pseudonym[1..], CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Every appeal upheld since the last version is corrected by this one.</summary>
    private static async Task RecordUpheldAppealsAsync(ContestsDbContext db, int contestId, int version, CancellationToken ct)
    {
        foreach (var appeal in await db.Appeals.Where(a => a.ContestId == contestId && a.Status == AppealStatus.Upheld && a.CorrectedInVersion == null).ToListAsync(ct))
        {
            appeal.RecordCorrection(version);
        }
    }
}
