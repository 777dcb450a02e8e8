using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>What the database says the rules should rank, and what keeps it from being published.</summary>
/// <param name="Input">The contest's rules, its submitted profiles (drafts never) and their submitted, non-excluded scores.</param>
/// <param name="Blockers">Profiles the rules cannot take yet: submitted without an eligibility decision.</param>
/// <param name="ProfileIds">The database id of each profile code in <see cref="ResultsInput.Profiles"/>.</param>
/// <param name="Pseudonyms">Each juror's pseudonymous id by user id (stored ones and the ones the next publication stores).</param>
public sealed record BuiltResultsInput(
    ResultsInput Input,
    IReadOnlyList<ResultsBlocker> Blockers,
    IReadOnlyDictionary<string, int> ProfileIds,
    IReadOnlyDictionary<string, string> Pseudonyms);

/// <summary>
/// Builds a contest's <see cref="ResultsInput"/> from the database, one context per call. The
/// rules come from the contest; every submitted profile enters with its standing (eligible,
/// ineligible, withdrawn after submission) and the facts the priority rules and tie-breakers use;
/// only submitted scorecards count, each under the juror's pseudonym (see <see cref="JurorPseudonym"/>).
/// </summary>
public sealed class ResultsInputBuilder(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The contest's input as it stands; null when the contest does not exist.</summary>
    public async Task<BuiltResultsInput?> BuildAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BuildAsync(db, contestId, ct);
    }

    /// <summary>The same, inside a caller's context (the publication reads and writes in one transaction).</summary>
    internal static async Task<BuiltResultsInput?> BuildAsync(ContestsDbContext db, int contestId, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().AsSplitQuery()
            .Include(c => c.Categories).Include(c => c.Stages).ThenInclude(s => s.Criteria)
            .Include(c => c.TieBreakers).Include(c => c.PriorityRules)
            .SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }
        var profiles = await db.BusinessProfiles.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.ContestId == contestId && p.Code != null && p.SubmittedAtUtc != null && p.Status != ProfileStatus.Draft)
            .ToListAsync(ct);
        var groupIds = profiles.Select(p => p.ProducerGroupId).Distinct().ToList();
        var groups = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var lineIds = groups.Values.Select(g => g.ProductionLineId).Distinct().ToList();
        var lines = await db.ProductionLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var districtCodes = groups.Values.Select(g => g.Location.DistrictCode).Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var accepted = await db.IncompleteAcceptances.AsNoTracking().Where(a => a.ContestId == contestId).ToListAsync(ct);
        var stageIds = contest.Stages.Select(s => s.Id).ToList();
        var scorecards = await db.Scorecards.AsNoTracking().Include(s => s.Points)
            .Where(s => stageIds.Contains(s.ContestStageId) && s.Status == ScorecardStatus.Submitted).ToListAsync(ct);
        var pseudonyms = await PseudonymsAsync(db, contestId, ct);

        var stages = contest.Stages.OrderBy(s => s.Order).ToList();
        var stageCodes = stages.ToDictionary(s => s.Id, s => s.Code);
        var deadlineYear = LimaTime.ToLima(contest.Timeline.SubmissionsCloseAtUtc).Year;
        var categories = contest.Categories.ToDictionary(c => c.Id);
        var minimumAttendance = contest.Evaluation.MinimumAttendancePercent;
        var fieldStage = stages.FirstOrDefault(s => FieldAttendanceRules.RecordsAttendance(s.Order, minimumAttendance));
        var blockers = new List<ResultsBlocker>();
        var facts = new List<ProfileFacts>();
        var included = new Dictionary<int, string>();
        foreach (var profile in profiles.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            ProfileStanding? standing = profile.Status switch
            {
                ProfileStatus.Eligible => ProfileStanding.Eligible,
                ProfileStatus.Ineligible => ProfileStanding.Ineligible,
                ProfileStatus.Withdrawn => ProfileStanding.Withdrawn,
                _ => null,
            };
            if (standing is null)
            {
                blockers.Add(new ResultsBlocker(ResultsBlockerKind.EligibilityUndecided, profile.Id, profile.Code));
                continue;
            }
            var group = groups[profile.ProducerGroupId];
            facts.Add(new ProfileFacts(
                profile.Code!, categories[profile.CategoryId].Code, profile.Totals.FundRequest, profile.SubmittedAtUtc!.Value, standing.Value,
                FactsOf(group.Households, deadlineYear),
                accepted.Where(a => a.BusinessProfileId == profile.Id && stageCodes.ContainsKey(a.ContestStageId))
                    .Select(a => new Results.IncompleteAcceptance(stageCodes[a.ContestStageId], a.Reason)).OrderBy(a => a.StageCode, StringComparer.Ordinal).ToList(),
                group.Name, lines.GetValueOrDefault(group.ProductionLineId, ""), districts.GetValueOrDefault(group.Location.DistrictCode, ""),
                fieldStage is null ? null : FieldAttendanceRules.Combine(
                    group.Households.Select(h => h.Dni).ToList(),
                    scorecards.Where(s => s.BusinessProfileId == profile.Id && s.ContestStageId == fieldStage.Id)
                        .Select(s => s.AttendanceRecorded ? s.PresentMemberDnis : null))));
            included[profile.Id] = profile.Code!;
        }

        var criteria = stages.SelectMany(s => s.Criteria).ToDictionary(c => c.Id, c => c.Code);
        var scores = scorecards.Where(s => included.ContainsKey(s.BusinessProfileId))
            .Select(s => new SubmittedScore(included[s.BusinessProfileId], stageCodes[s.ContestStageId], pseudonyms[s.JurorUserId],
                s.Points.Where(p => p.Points is not null && criteria.ContainsKey(p.ContestCriterionId))
                    .Select(p => new CriterionScore(criteria[p.ContestCriterionId], StageDesign.WithoutTrailingZeros(p.Points!.Value)))
                    .OrderBy(p => p.CriterionCode, StringComparer.Ordinal).ToList()))
            .OrderBy(s => s.ProfileCode, StringComparer.Ordinal).ThenBy(s => s.StageCode, StringComparer.Ordinal).ThenBy(s => s.JurorId, StringComparer.Ordinal)
            .ToList();

        var input = new ResultsInput(RulesOf(contest, stages, fieldStage is null ? null : minimumAttendance), facts, scores);
        return new BuiltResultsInput(input, blockers, included.ToDictionary(p => p.Value, p => p.Key), pseudonyms);
    }

    private static ResultsRules RulesOf(Contest contest, IReadOnlyList<ContestStage> stages, decimal? minimumAttendance) => new(
        contest.PassMark,
        contest.Evaluation.Aggregation,
        contest.Evaluation.Allocation,
        contest.Evaluation.PartialAwardMinimumPercent,
        contest.Evaluation.RollOverUnspentBudget,
        contest.Timeline.SubmissionsCloseAtUtc,
        stages.Select(s => new RankedStage(s.Code, s.Name, s.Weight, s.JurorsPerProfile,
            s.Criteria.OrderBy(c => c.Order).Select(c => new RankedCriterion(c.Code, c.Name, c.MaxPoints, c.Weight)).ToList())).ToList(),
        contest.Categories.OrderBy(c => c.Order).Select(c => new RankedCategory(c.Code, c.Name, c.Budget, c.MaxAward)).ToList(),
        contest.PriorityRules.OrderBy(p => p.Id).Select(p => p.Rule).ToList(),
        contest.TieBreakers.OrderBy(t => t.Order).Select(t => t.Rule).ToList(),
        minimumAttendance);

    /// <summary>
    /// Youth is counted at the submission deadline's year in Lima (issue 5, rule 4); Juntos by the
    /// Juntos padrón (a verified household), never by the declaration alone (issue 17).
    /// </summary>
    internal static GroupFacts FactsOf(IReadOnlyCollection<Household> households, int deadlineYear) => new(
        households.Count,
        households.Count(h => h.Sex == Sex.Female),
        households.Count(h => Household.IsYouth(h.BirthYear, deadlineYear)),
        households.Count(h => h.IsJuntosVerified));

    /// <summary>
    /// Every juror of the contest with a pseudonym: the stored ones first (they never change), then
    /// the others numbered on, in order of their first appointment in the contest (a juror with
    /// scorecards but no appointment left, by their first assignment).
    /// </summary>
    internal static async Task<IReadOnlyDictionary<string, string>> PseudonymsAsync(ContestsDbContext db, int contestId, CancellationToken ct)
    {
        var stored = await db.JurorPseudonyms.AsNoTracking().Where(p => p.ContestId == contestId).ToListAsync(ct);
        var appointments = await db.JurorAppointments.AsNoTracking().Where(a => a.ContestId == contestId)
            .Select(a => new { a.JurorUserId, At = a.AppointedAtUtc, a.Id }).ToListAsync(ct);
        var assignments = await (from s in db.Scorecards
                                 join st in db.Set<ContestStage>() on s.ContestStageId equals st.Id
                                 where st.ContestId == contestId
                                 select new { s.JurorUserId, At = s.AssignedAtUtc, s.Id }).ToListAsync(ct);
        var firstSeen = appointments.Select(a => (a.JurorUserId, Order: 0, a.At, a.Id))
            .Concat(assignments.Select(a => (a.JurorUserId, Order: 1, a.At, a.Id)))
            .GroupBy(a => a.JurorUserId)
            .Select(g => g.OrderBy(a => a.Order).ThenBy(a => a.At).ThenBy(a => a.Id).First())
            .OrderBy(a => a.Order).ThenBy(a => a.At).ThenBy(a => a.Id).ThenBy(a => a.JurorUserId, StringComparer.Ordinal);
        var result = stored.ToDictionary(p => p.JurorUserId, p => p.Pseudonym);
        var next = stored.Count == 0 ? 1 : stored.Max(p => p.Number) + 1;
        foreach (var juror in firstSeen.Where(j => !result.ContainsKey(j.JurorUserId)))
        {
            result[juror.JurorUserId] = JurorPseudonym.Format(next++);
        }
        return result;
    }
}
