using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

public sealed record JurorContest(int ContestId, string Code, string Title, IReadOnlyList<string> Stages, bool DeclarationConfirmed, int Assigned);

public sealed record VisibleProfile(int ScorecardId, int ProfileId, string? Code, string Title, string GroupName, string StageName, ScorecardStatus Status);

/// <summary>
/// What a juror may see: the contests they are appointed to, and only there, once they confirmed
/// their declaration of conflicts, the profiles assigned to them that they have no conflict with.
/// </summary>
public sealed class JudgingQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<JurorContest>> ContestsOfAsync(string jurorUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointments = await (from a in db.JurorAppointments
                                  join c in db.Contests on a.ContestId equals c.Id
                                  join s in db.Set<ContestStage>() on a.ContestStageId equals s.Id
                                  where a.JurorUserId == jurorUserId
                                  select new { c.Id, c.Code, c.Title, Stage = s.Name, s.Order }).ToListAsync(ct);
        var confirmed = await db.ConflictDeclarations.Where(d => d.JurorUserId == jurorUserId).Select(d => d.ContestId).ToListAsync(ct);
        var assigned = await (from s in db.Scorecards
                              join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                              where s.JurorUserId == jurorUserId && s.Status != ScorecardStatus.Excluded
                              group s by p.ContestId into g
                              select new { ContestId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ContestId, x => x.Count, ct);
        return appointments.GroupBy(a => (a.Id, a.Code, a.Title)).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new JurorContest(g.Key.Id, g.Key.Code, g.Key.Title, g.OrderBy(a => a.Order).Select(a => a.Stage).ToList(),
                confirmed.Contains(g.Key.Id), assigned.GetValueOrDefault(g.Key.Id)))
            .ToList();
    }

    /// <summary>The juror's assigned, non-conflicted profiles of a contest; none before the declaration is confirmed.</summary>
    public async Task<IReadOnlyList<VisibleProfile>> VisibleProfilesAsync(string jurorUserId, int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ConflictDeclarations.AnyAsync(d => d.ContestId == contestId && d.JurorUserId == jurorUserId, ct))
        {
            return [];
        }
        var rows = await (from s in db.Scorecards
                          join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                          join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                          join st in db.Set<ContestStage>() on s.ContestStageId equals st.Id
                          where s.JurorUserId == jurorUserId && p.ContestId == contestId && s.Status != ScorecardStatus.Excluded
                                && p.Status == ProfileStatus.Eligible
                                && !db.ConflictsOfInterest.Any(x => x.ContestId == contestId && x.JurorUserId == jurorUserId && x.ProducerGroupId == g.Id)
                                && db.JurorAppointments.Any(a => a.ContestStageId == s.ContestStageId && a.JurorUserId == jurorUserId)
                          select new { s.Id, ProfileId = p.Id, p.Code, p.Title, GroupName = g.Name, Stage = st.Name, st.Order, s.Status }).ToListAsync(ct);
        return rows.OrderBy(r => r.Order).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new VisibleProfile(r.Id, r.ProfileId, r.Code, r.Title, r.GroupName, r.Stage, r.Status)).ToList();
    }

    /// <summary>Whether the juror may open the profile: it is among <see cref="VisibleProfilesAsync"/> of its contest.</summary>
    public async Task<bool> MayOpenProfileAsync(string jurorUserId, int profileId, CancellationToken ct = default)
    {
        int? contestId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            contestId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => (int?)p.ContestId).SingleOrDefaultAsync(ct);
        }
        return contestId is { } id && (await VisibleProfilesAsync(jurorUserId, id, ct)).Any(p => p.ProfileId == profileId);
    }

    /// <summary>The groups taking part in a contest: those with a submitted or eligible profile. Names and communities only.</summary>
    internal static async Task<IReadOnlyList<GroupForDeclaration>> ParticipatingGroupsAsync(ContestsDbContext db, int contestId, CancellationToken ct)
    {
        var groups = await (from g in db.ProducerGroups
                            where db.BusinessProfiles.Any(p => p.ProducerGroupId == g.Id && p.ContestId == contestId
                                                               && (p.Status == ProfileStatus.Submitted || p.Status == ProfileStatus.Eligible))
                            select new { g.Id, g.Name, g.Location.CentroPoblado, g.Location.DistrictCode }).ToListAsync(ct);
        var districtCodes = groups.Select(g => g.DistrictCode).Distinct().ToList();
        var districts = await db.Districts.Where(d => districtCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return groups.OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .Select(g => new GroupForDeclaration(g.Id, g.Name, g.CentroPoblado, g.DistrictCode, districts.GetValueOrDefault(g.DistrictCode))).ToList();
    }
}
