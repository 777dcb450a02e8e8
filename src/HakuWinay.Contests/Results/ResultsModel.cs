using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results;

// The input and the output of the results rules (issue 5). The same records are the open results
// package (docs/results-package.md): the portal builds a ResultsInput from its database, the
// command-line tool reads one from a package file, and both hand it to Ranking.Compute. Nothing
// here knows about EF, HTTP or a clock.

/// <summary>Everything the rules need to turn scores into results: the contest's rules, its profiles and their submitted scores.</summary>
public sealed record ResultsInput(
    ResultsRules Rules,
    IReadOnlyList<ProfileFacts> Profiles,
    IReadOnlyList<SubmittedScore> Scores);

/// <summary>The contest's outcome-deciding rules as they stood when it was ranked.</summary>
public sealed record ResultsRules(
    decimal PassMark,
    ScoreAggregation Aggregation,
    BudgetAllocationPolicy Allocation,
    decimal? PartialAwardMinimumPercent,
    bool RollOverUnspentBudget,
    DateTime SubmissionDeadlineUtc,
    IReadOnlyList<RankedStage> Stages,
    IReadOnlyList<RankedCategory> Categories,
    IReadOnlyList<PriorityRule> PriorityRules,
    IReadOnlyList<TieBreakerRule> TieBreakers,
    decimal? MinimumAttendancePercent = null);

/// <summary>A stage: its weight (the stages' weights sum to 100), the scorecards each profile needs, its criteria in order.</summary>
public sealed record RankedStage(string Code, string Name, decimal Weight, int RequiredScorecards, IReadOnlyList<RankedCriterion> Criteria);

/// <summary>A criterion: its maximum points and its weight within the stage (the weights sum to 100).</summary>
public sealed record RankedCriterion(string Code, string Name, decimal MaxPoints, decimal Weight);

/// <summary>A category, listed in the contest's order (the order of allocation and of rollover).</summary>
public sealed record RankedCategory(string Code, string Name, decimal Budget, decimal MaxAward);

/// <summary>How a profile stands before scoring: only eligible profiles are ranked.</summary>
public enum ProfileStanding
{
    Eligible = 0,
    Ineligible = 1,
    Withdrawn = 2,
}

/// <summary>
/// A profile as the rules see it. <see cref="Group"/> holds the counts the priority rules and the
/// share tie-breakers use; the display fields (group name, production line, district) are carried
/// for the published tables and never change a result.
/// </summary>
public sealed record ProfileFacts(
    string Code,
    string CategoryCode,
    decimal FundRequest,
    DateTime SubmittedAtUtc,
    ProfileStanding Standing,
    GroupFacts Group,
    IReadOnlyList<IncompleteAcceptance> AcceptedIncomplete,
    string GroupName = "",
    string ProductionLine = "",
    string District = "",
    FieldAttendance? Attendance = null);

/// <summary>
/// Who was present at the field evaluation (issue 17): of the group's <see cref="Households"/>
/// member households, the <see cref="Present"/> ones some field juror recorded by DNI. Null on a
/// profile when no field scorecard recorded attendance (then it is not checked).
/// </summary>
public sealed record FieldAttendance(int Households, int Present)
{
    /// <summary>Whether the share present reaches the minimum, compared exactly: present × 100 ≥ minimum × households.</summary>
    public bool Reaches(decimal minimumPercent) => Present * 100m >= minimumPercent * Households;
}

/// <summary>
/// A group's member households and, of them, those headed by a woman, by a person aged 18 to 29 at
/// the submission deadline, and those that are Juntos users as the Juntos padrón verified them.
/// </summary>
public sealed record GroupFacts(int Households, int WomenHeaded, int Youth, int Juntos);

/// <summary>An Admin accepted that the profile is scored in a stage with fewer scorecards than required (rule 5).</summary>
public sealed record IncompleteAcceptance(string StageCode, string Reason);

/// <summary>A submitted, non-excluded scorecard: one juror (pseudonymous id) for one profile in one stage.</summary>
public sealed record SubmittedScore(string ProfileCode, string StageCode, string JurorId, IReadOnlyList<CriterionScore> Points);

public sealed record CriterionScore(string CriterionCode, decimal Points);

/// <summary>What a profile got (rule 8).</summary>
public enum ResultOutcome
{
    Funded = 0,
    PartiallyFunded = 1,
    Waitlisted = 2,
    Failed = 3,
    Incomplete = 4,
    Ineligible = 5,
    Withdrawn = 6,
    /// <summary>Eligible and scored, but its member households were under the contest's minimum share present at the field evaluation.</summary>
    Disqualified = 7,
}

/// <summary>The results of a contest: per category its budget and use, and one entry per profile.</summary>
public sealed record RankingResult(IReadOnlyList<CategoryOutcome> Categories, IReadOnlyList<ResultEntry> Entries);

/// <summary>
/// A category after allocation. <see cref="Budget"/> is the category's own budget,
/// <see cref="RolledOverIn"/> what the previous category left to it (rollover), <see cref="Used"/>
/// the sum of its awards and <see cref="Left"/> what remains (and rolls on when rollover is on).
/// </summary>
public sealed record CategoryOutcome(string CategoryCode, decimal Budget, decimal RolledOverIn, decimal Used, decimal Left, int Ranked, int Funded);

/// <summary>
/// A profile's result. Scores are rounded to two decimals here (stage scores for showing; the
/// evaluation score as rule 3 says); null where the profile was not scored (ineligible, withdrawn,
/// incomplete). <see cref="Rank"/> only for profiles that passed; <see cref="WaitlistPosition"/>
/// only for Waitlisted ones. <see cref="Explanation"/> is the plain-Spanish reason (rule 8);
/// <see cref="TieBreakNote"/> says, in Spanish, how a tie with a neighbour was broken, if one was.
/// </summary>
public sealed record ResultEntry(
    string ProfileCode,
    string CategoryCode,
    IReadOnlyList<StageResult> Stages,
    decimal? EvaluationScore,
    decimal Bonus,
    decimal? FinalScore,
    bool Passed,
    int? Rank,
    int? WaitlistPosition,
    ResultOutcome Outcome,
    decimal Award,
    string Explanation,
    string? TieBreakNote);

/// <summary>A profile's score in one stage (two decimals, null with no scorecard) and the scorecards it counted of those required.</summary>
public sealed record StageResult(string StageCode, decimal? Score, int Scorecards, int Required, bool AcceptedIncomplete);
