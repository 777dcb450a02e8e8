using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FieldSync;

/// <summary>What a juror takes to the field for one contest: the field stage and their scorecards there, each with what it is scored on.</summary>
public sealed record JurorFieldPackage(
    int ContestId, string ContestCode, string ContestTitle, int StageId, string StageName, DateTime? ScoringDeadlineUtc,
    DateTime PreparedAtUtc, DateTime ValidUntilUtc, IReadOnlyList<ScorecardView> Scorecards);

/// <summary>
/// The juror's field package: only what the online pages already show them (their own scorecards
/// of the profiles assigned to them, with no conflict, once they confirmed their declaration), read
/// through <see cref="ScoringService.OpenAsync"/> so nothing more leaves the server.
/// </summary>
public sealed class FieldPackageQueries(IDbContextFactory<ContestsDbContext> dbFactory, JudgingQueries judging, ScoringService scoring, TimeProvider clock)
{
    /// <summary>With no scoring deadline the package is valid this long: long enough for a week in the field, short enough to be prepared afresh.</summary>
    public static readonly TimeSpan ValidityWithoutDeadline = TimeSpan.FromDays(14);

    /// <summary>NotFound unless the juror is appointed to the contest's field stage (the first, docs/decisions/030).</summary>
    public async Task<ServiceResult<JurorFieldPackage>> JurorPackageAsync(ActingUser juror, int contestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(juror);
        (int Id, string Name, DateTime? Deadline, string Code, string Title)? stage;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var row = await (from a in db.JurorAppointments
                             join s in db.Set<ContestStage>() on a.ContestStageId equals s.Id
                             join c in db.Contests on s.ContestId equals c.Id
                             where a.ContestId == contestId && a.JurorUserId == juror.UserId && s.Order == 1
                             select new { s.Id, s.Name, s.ScoringDeadlineUtc, c.Code, c.Title }).FirstOrDefaultAsync(ct);
            stage = row is null ? null : (row.Id, row.Name, row.ScoringDeadlineUtc, row.Code, row.Title);
        }
        if (stage is not { } field || juror.IsTechnician || juror.IsAdmin)
        {
            return ServiceResult<JurorFieldPackage>.Fail(ServiceOutcome.NotFound);
        }
        var scorecards = new List<ScorecardView>();
        foreach (var visible in await judging.VisibleProfilesAsync(juror.UserId, contestId, ct))
        {
            var opened = await scoring.OpenAsync(juror, visible.ScorecardId, ct);
            if (opened.Succeeded && opened.Value!.Design.StageId == field.Id)
            {
                scorecards.Add(opened.Value);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return ServiceResult<JurorFieldPackage>.Ok(new JurorFieldPackage(contestId, field.Code, field.Title, field.Id, field.Name, field.Deadline,
            now, field.Deadline ?? now + ValidityWithoutDeadline, scorecards));
    }
}
