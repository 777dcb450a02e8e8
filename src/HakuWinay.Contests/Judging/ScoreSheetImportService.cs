using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Imports a CSV of paper scores into a contest (docs/score-sheets.md): parsed and checked whole
/// (<see cref="ScoreSheetCsv"/>) against what the database holds, then every scorecard saved in one
/// transaction as submitted, entered by the Admin on the juror's behalf, with one audit entry for
/// the file. A sheet for a juror who has no scorecard on the profile yet creates the assignment when
/// the juror could have been assigned (appointed, not conflicted, the profile still has room);
/// otherwise the row is an error and nothing is imported. The stage's deadline does not apply, as
/// for a sheet entered by hand. The database is read in a few batched queries, never per row.
/// </summary>
public sealed class ScoreSheetImportService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents events)
{
    public const int MaxFileNameLength = 200;

    /// <summary>The contest the import page is for (its code and title), or null when there is none.</summary>
    public async Task<ImportTarget?> TargetAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contests.Where(c => c.Id == contestId).Select(c => new ImportTarget(c.Id, c.Code, c.Title)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Imports the file; <paramref name="progress"/> hears the bytes read so far (the upload's progress bar).</summary>
    public async Task<ScoreSheetImport> ImportAsync(ActingUser admin, int contestId, string fileName, Stream file, IProgress<long>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!admin.IsAdmin)
        {
            return ScoreSheetImport.Failed(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => new { c.Id, c.Evaluation.Granularity }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return ScoreSheetImport.Failed(ServiceOutcome.NotFound);
        }
        if (await ResultsFreeze.IsFrozenAsync(db, contestId, ct))
        {
            return ScoreSheetImport.Rejected([new ScoreSheetCsvError(null, ResultsFreeze.Rule)]);
        }
        var bytes = await ReadAsync(file, progress, ct);
        var parsed = ScoreSheetCsv.Parse(bytes);
        if (!parsed.Succeeded)
        {
            return ScoreSheetImport.Rejected(parsed.Errors);
        }
        var facts = await ContestFacts.LoadAsync(db, contestId, contest.Granularity, parsed.Rows, ct);
        var validation = ScoreSheetCsv.Validate(parsed.Rows, facts.Context);
        if (!validation.Succeeded)
        {
            return ScoreSheetImport.Rejected(validation.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (saved, created, errors) = await PrepareAsync(db, admin, facts, validation.Scorecards, now, ct);
        if (errors.Count > 0)
        {
            var listed = errors.OrderBy(e => e.Row).Take(ScoreSheetCsv.MaxErrorsListed).ToList();
            if (errors.Count > listed.Count)
            {
                listed.Add(new(null, "ScoreSheet.MoreErrors", errors.Count - listed.Count));
            }
            return ScoreSheetImport.Rejected(listed);
        }
        // Only the name: a browser on Windows may send the whole path, with backslashes.
        var name = (fileName ?? "")[((fileName ?? "").LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        name = name.Length <= MaxFileNameLength ? name : name[..MaxFileNameLength];
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "scoresheet.imported", "ScoreSheetImport", sha256, contestId,
            after: new { FileName = name, Rows = parsed.Rows.Count, Scorecards = saved.Count, CreatedAssignments = created, Sha256 = sha256 }));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Another import (the same file sent twice) or a juror's own submission got there first.
            return ScoreSheetImport.Failed(ServiceOutcome.Conflict);
        }
        PortalMeters.ScorecardsSubmitted(contestId, "import", saved.Count);
        foreach (var (stageId, scorecard) in saved)
        {
            events.Publish(new ContestEvent(contestId, ContestChange.ScorecardSubmitted, stageId, scorecard.BusinessProfileId, scorecard.Id));
        }
        return new ScoreSheetImport(ServiceOutcome.Ok, [], parsed.Rows.Count, saved.Count, created);
    }

    /// <summary>Reads at most one byte past the limit, so an oversized file is told apart without reading all of it.</summary>
    private static async Task<byte[]> ReadAsync(Stream file, IProgress<long>? progress, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= ScoreSheetCsv.MaxBytes && (read = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            progress?.Report(buffer.Length);
        }
        return buffer.ToArray();
    }

    /// <summary>Records and submits each sheet's scorecard, creating the missing assignments; or the rows that cannot be saved.</summary>
    private static async Task<(List<(int StageId, Scorecard Scorecard)> Saved, int Created, List<ScoreSheetCsvError> Errors)> PrepareAsync(
        ContestsDbContext db, ActingUser admin, ContestFacts facts, IReadOnlyList<ScoreSheetCsvScorecard> sheets, DateTime now, CancellationToken ct)
    {
        var stageIds = facts.Stages.Values.Select(s => s.StageId).ToList();
        var existing = await db.Scorecards.Include(s => s.Points).Where(s => stageIds.Contains(s.ContestStageId)).ToListAsync(ct);
        var bySeat = existing.ToDictionary(s => (s.ContestStageId, s.BusinessProfileId, s.JurorUserId));
        var active = existing.Where(s => s.IsActive).GroupBy(s => (s.ContestStageId, s.BusinessProfileId)).ToDictionary(g => g.Key, g => g.Count());
        var saved = new List<(int, Scorecard)>();
        var errors = new List<ScoreSheetCsvError>();
        var touchedStages = new HashSet<int>();
        foreach (var sheet in sheets)
        {
            var stage = facts.Stages[sheet.StageCode];
            var profile = facts.Profiles[sheet.ProfileCode];
            var jurorId = facts.JurorIds[sheet.JurorEmail];
            if (!bySeat.TryGetValue((stage.StageId, profile.Id, jurorId), out var scorecard))
            {
                var taken = active.GetValueOrDefault((stage.StageId, profile.Id));
                if (taken >= facts.JurorsPerProfile[stage.StageId])
                {
                    errors.Add(new(sheet.FirstRow, "ScoreSheet.ProfileFull", sheet.ProfileCode, sheet.StageCode, facts.JurorsPerProfile[stage.StageId], sheet.JurorEmail));
                    continue;
                }
                active[(stage.StageId, profile.Id)] = taken + 1;
                scorecard = new Scorecard(stage.StageId, profile.Id, jurorId, admin.UserId, now);
                db.Scorecards.Add(scorecard);
                touchedStages.Add(stage.StageId);
                db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "assignment.added", nameof(Scorecard),
                    $"{Key(stage.StageId)}:{Key(profile.Id)}:{jurorId}", facts.ContestId, profile.Id,
                    after: new { Stage = stage.StageCode, JurorUserId = jurorId, PaperSheet = true }));
            }
            else if (scorecard.Status == ScorecardStatus.Excluded)
            {
                errors.Add(new(sheet.FirstRow, "ScoreSheet.ScorecardExcluded", sheet.ProfileCode, sheet.StageCode, sheet.JurorEmail));
                continue;
            }
            else if (scorecard.Status == ScorecardStatus.Submitted)
            {
                // Submitted since the file was validated: the same file imported twice at once, or the juror's own submission.
                errors.Add(new(sheet.FirstRow, "ScoreSheet.AlreadySubmitted", sheet.ProfileCode, sheet.StageCode, sheet.JurorEmail));
                continue;
            }
            if (errors.Count > 0)
            {
                continue;
            }
            scorecard.Record(stage.ToRecord(sheet.Points), scorecard.OverallComment, now, admin.UserId);
            if (sheet.PresentDnis is { } present)
            {
                scorecard.RecordAttendance(present, now, admin.UserId);
            }
            scorecard.Submit(now);
            saved.Add((stage.StageId, scorecard));
        }
        foreach (var stageId in touchedStages)
        {
            // As a manual assignment does: an automatic run saved meanwhile makes this import fail rather than overfill a profile.
            (await AssignmentService.StateAsync(db, stageId, ct)).RecordChange();
        }
        return (saved, saved.Count(s => s.Item2.Id == 0), errors);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The contest as the sheet is checked against, and the ids its codes and emails stand for.</summary>
    private sealed class ContestFacts
    {
        public required int ContestId { get; init; }
        public required ScoreSheetCsvContext Context { get; init; }
        public required Dictionary<string, (int Id, int GroupId)> Profiles { get; init; }
        public required Dictionary<string, StageDesign> Stages { get; init; }
        public required Dictionary<int, int> JurorsPerProfile { get; init; }
        public required Dictionary<string, string> JurorIds { get; init; }

        public static async Task<ContestFacts> LoadAsync(ContestsDbContext db, int contestId, ScoreGranularity granularity,
            IReadOnlyList<ScoreSheetCsvRow> rows, CancellationToken ct)
        {
            var profiles = await db.BusinessProfiles.AsNoTracking().Where(p => p.ContestId == contestId && p.Code != null)
                .Select(p => new { p.Id, Code = p.Code!, p.ProducerGroupId, Eligible = p.Status == ProfileStatus.Eligible }).ToListAsync(ct);
            var stages = await db.Set<ContestStage>().AsNoTracking().Include(s => s.Criteria).Where(s => s.ContestId == contestId).ToListAsync(ct);
            var minimumAttendance = await db.Contests.Where(c => c.Id == contestId).Select(c => c.Evaluation.MinimumAttendancePercent).SingleAsync(ct);
            var designs = stages.Select(s => new StageDesign(contestId, s.Id, s.Code, s.Name, s.ScoringDeadlineUtc, granularity,
                [.. s.Criteria.OrderBy(c => c.Order)], FieldAttendanceRules.RecordsAttendance(s.Order, minimumAttendance), minimumAttendance)).ToList();
            var groupIds = profiles.Select(p => p.ProducerGroupId).Distinct().ToList();
            var members = (await db.ProducerGroups.AsNoTracking().Include(g => g.Households).Where(g => groupIds.Contains(g.Id)).ToListAsync(ct))
                .SelectMany(g => g.Households.Select(h => (GroupId: g.Id, h.Dni))).ToLookup(h => h.GroupId, h => h.Dni);
            var emails = rows.Select(r => r.JurorEmail.Trim().ToUpperInvariant()).Distinct().ToList();
            var jurors = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where r.Name == Roles.Juror && u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)
                                select new { u.Id, Email = u.Email! }).ToListAsync(ct);
            var emailOf = jurors.ToDictionary(j => j.Id, j => j.Email);
            var appointments = await db.JurorAppointments.AsNoTracking().Where(a => a.ContestId == contestId)
                .Select(a => new { a.ContestStageId, a.JurorUserId }).ToListAsync(ct);
            var conflicts = await db.ConflictsOfInterest.AsNoTracking().Where(c => c.ContestId == contestId)
                .Select(c => new { c.JurorUserId, c.ProducerGroupId }).ToListAsync(ct);
            var stageIds = stages.Select(s => s.Id).ToList();
            var submitted = await db.Scorecards.AsNoTracking().Where(s => stageIds.Contains(s.ContestStageId) && s.Status == ScorecardStatus.Submitted)
                .Select(s => new { s.ContestStageId, s.BusinessProfileId, s.JurorUserId }).ToListAsync(ct);
            var stageCode = stages.ToDictionary(s => s.Id, s => s.Code);
            var profileCode = profiles.ToDictionary(p => p.Id, p => p.Code);
            var context = new ScoreSheetCsvContext(
                [.. profiles.Select(p => new ScoreSheetCsvContext.Profile(p.Code, p.Eligible, [.. members[p.ProducerGroupId]]))],
                [.. designs.Select(d => new ScoreSheetCsvContext.Stage(d.StageCode, granularity, d.Rules, d.RecordsAttendance))],
                [.. jurors.Select(j => j.Email)],
                [.. appointments.Where(a => emailOf.ContainsKey(a.JurorUserId)).Select(a => new ScoreSheetCsvContext.Appointment(stageCode[a.ContestStageId], emailOf[a.JurorUserId]))],
                [.. from c in conflicts
                    where emailOf.ContainsKey(c.JurorUserId)
                    from p in profiles
                    where p.ProducerGroupId == c.ProducerGroupId
                    select new ScoreSheetCsvContext.Conflict(emailOf[c.JurorUserId], p.Code)],
                [.. submitted.Where(s => emailOf.ContainsKey(s.JurorUserId) && profileCode.ContainsKey(s.BusinessProfileId))
                    .Select(s => new ScoreSheetCsvContext.SubmittedScorecard(profileCode[s.BusinessProfileId], stageCode[s.ContestStageId], emailOf[s.JurorUserId]))]);
            return new ContestFacts
            {
                ContestId = contestId,
                Context = context,
                Profiles = profiles.ToDictionary(p => p.Code, p => (p.Id, p.ProducerGroupId), StringComparer.OrdinalIgnoreCase),
                Stages = designs.ToDictionary(d => d.StageCode, StringComparer.OrdinalIgnoreCase),
                JurorsPerProfile = stages.ToDictionary(s => s.Id, s => s.JurorsPerProfile),
                JurorIds = jurors.ToDictionary(j => j.Email, j => j.Id, StringComparer.OrdinalIgnoreCase),
            };
        }
    }
}

public sealed record ImportTarget(int ContestId, string Code, string Title);

/// <summary>
/// The outcome of an import: <see cref="ServiceOutcome.Ok"/> with the counts, <see cref="ServiceOutcome.Invalid"/>
/// with the row-numbered errors (nothing imported), or NotFound, Forbidden, Conflict (changed meanwhile, nothing imported).
/// </summary>
public sealed record ScoreSheetImport(ServiceOutcome Outcome, IReadOnlyList<ScoreSheetCsvError> Errors, int Rows, int Scorecards, int CreatedAssignments)
{
    public bool Succeeded => Outcome == ServiceOutcome.Ok;

    internal static ScoreSheetImport Failed(ServiceOutcome outcome) => new(outcome, [], 0, 0, 0);

    internal static ScoreSheetImport Rejected(IReadOnlyList<ScoreSheetCsvError> errors) => new(ServiceOutcome.Invalid, errors, 0, 0, 0);
}
