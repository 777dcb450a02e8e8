using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

public sealed record StageRef(int Id, string Code, string Name);

public sealed record JurorRow(string UserId, string FullName, string Email, string? Institution, string? DistrictCode, string? DistrictName,
    IReadOnlyList<int> AppointedStageIds, bool HasPassword, bool DeclarationConfirmed);

/// <summary>A juror registered in the same district as a group: shown to the Admin, who decides.</summary>
public sealed record PossibleConflict(string JurorUserId, string JurorName, int GroupId, string GroupName, string DistrictCode, string? DistrictName, bool Recorded);

public sealed record ConflictRow(int Id, string JurorUserId, string JurorName, int GroupId, string GroupName, ConflictKind Kind, string? Note,
    bool RecordedByAdmin, DateTime DeclaredAtUtc);

public sealed record JurorsOverview(
    int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<StageRef> Stages, IReadOnlyList<JurorRow> Jurors,
    IReadOnlyList<GroupForDeclaration> Groups, IReadOnlyList<PossibleConflict> PossibleConflicts, IReadOnlyList<ConflictRow> Conflicts);

/// <summary>The Admin's jurors page of a contest: every juror account, appointments per stage, conflicts declared and possible.</summary>
public sealed class JurorsOverviewQuery(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public async Task<JurorsOverview?> ForContestAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Include(c => c.Stages).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }
        var jurorRole = Roles.Juror.ToUpperInvariant();
        var jurors = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.NormalizedName == jurorRole
                            select new { u.Id, u.FullName, u.Email, u.Institution, u.DistrictCode, HasPassword = u.PasswordHash != null }).ToListAsync(ct);
        var appointments = await db.JurorAppointments.Where(a => a.ContestId == contestId).Select(a => new { a.JurorUserId, a.ContestStageId }).ToListAsync(ct);
        var confirmed = await db.ConflictDeclarations.Where(d => d.ContestId == contestId).Select(d => d.JurorUserId).ToListAsync(ct);
        var codes = jurors.Select(j => j.DistrictCode).OfType<string>().Distinct().ToList();
        var districts = await db.Districts.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var groups = await JudgingQueries.ParticipatingGroupsAsync(db, contestId, ct);
        var conflicts = await db.ConflictsOfInterest.Where(c => c.ContestId == contestId).ToListAsync(ct);
        var names = jurors.ToDictionary(j => j.Id, j => j.FullName);
        var groupNames = await db.ProducerGroups.Where(g => conflicts.Select(c => c.ProducerGroupId).Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var appointed = appointments.Select(a => a.JurorUserId).ToHashSet();

        var rows = jurors.OrderBy(j => j.FullName, StringComparer.CurrentCulture)
            .Select(j => new JurorRow(j.Id, j.FullName, j.Email ?? "", j.Institution, j.DistrictCode, j.DistrictCode is null ? null : districts.GetValueOrDefault(j.DistrictCode),
                appointments.Where(a => a.JurorUserId == j.Id).Select(a => a.ContestStageId).ToList(), j.HasPassword, confirmed.Contains(j.Id)))
            .ToList();
        var possible = (from j in rows
                        where appointed.Contains(j.UserId) && j.DistrictCode is not null
                        from g in groups
                        where g.DistrictCode == j.DistrictCode
                        select new PossibleConflict(j.UserId, j.FullName, g.GroupId, g.Name, g.DistrictCode, g.DistrictName,
                            conflicts.Any(c => c.JurorUserId == j.UserId && c.ProducerGroupId == g.GroupId))).ToList();
        var conflictRows = conflicts.OrderBy(c => c.DeclaredAtUtc)
            .Select(c => new ConflictRow(c.Id, c.JurorUserId, names.GetValueOrDefault(c.JurorUserId, c.JurorUserId), c.ProducerGroupId,
                groupNames.GetValueOrDefault(c.ProducerGroupId, ""), c.Kind, c.Note, c.RecordedByAdmin, c.DeclaredAtUtc)).ToList();
        var stages = contest.Stages.OrderBy(s => s.Order).Select(s => new StageRef(s.Id, s.Code, s.Name)).ToList();
        return new JurorsOverview(contest.Id, contest.Code, contest.Title, stages, rows, groups, possible, conflictRows);
    }
}
