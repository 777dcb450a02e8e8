namespace HakuWinay.Contests.Contests;

/// <summary>How the scores of a stage's jurors are combined into the stage's score.</summary>
public enum ScoreAggregation
{
    Mean = 0,
    Median = 1,
    /// <summary>The mean after dropping the highest and the lowest juror score (with four scorecards or more; with fewer, the mean).</summary>
    TrimmedMean = 2,
}

/// <summary>The steps a juror may score in.</summary>
public enum ScoreGranularity
{
    WholePoints = 0,
    HalfPoints = 1,
}

/// <summary>How a category's budget goes to the ranked profiles that passed.</summary>
public enum BudgetAllocationPolicy
{
    /// <summary>In ranking order, skipping a profile whose request no longer fits and going on with the next.</summary>
    SkipToFit = 0,
    /// <summary>In ranking order; the first that does not fit gets what is left if that is at least a minimum share of its request.</summary>
    PartialLast = 1,
    /// <summary>In ranking order, stopping at the first profile that does not fit.</summary>
    StrictOrder = 2,
}

/// <summary>One way to order two profiles with the same final score.</summary>
public enum TieBreakerKind
{
    HigherStageScore = 0,
    HigherCriterionMean = 1,
    HigherJuntosShare = 2,
    HigherWomenHeadedShare = 3,
    EarlierSubmission = 4,
}

/// <summary>The groups a priority rule favours.</summary>
public enum PriorityKind
{
    WomenHeaded = 0,
    Youth = 1,
    Juntos = 2,
}

/// <summary>What releases a disbursement tranche.</summary>
public enum TrancheTrigger
{
    AgreementSigned = 0,
    /// <summary>The CLAR approved the follow-up and the group accounted for a share of the previous tranche.</summary>
    FollowUpApprovedAndAccounted = 1,
}

/// <summary>
/// How a contest turns jurors' scores into awards; stored now, computed with by the results.
/// </summary>
public sealed record EvaluationSettings(
    ScoreAggregation Aggregation,
    ScoreGranularity Granularity,
    BudgetAllocationPolicy Allocation,
    decimal? PartialAwardMinimumPercent,
    bool RollOverUnspentBudget,
    decimal MinimumAttendancePercent = EvaluationSettings.DefaultMinimumAttendancePercent)
{
    /// <summary>
    /// Sierra Sur's rule (issue 17): a profile whose member households are under half present at the
    /// field evaluation is disqualified. 0 switches the check off.
    /// </summary>
    public const decimal DefaultMinimumAttendancePercent = 50m;

    public static EvaluationSettings Default { get; } = new(ScoreAggregation.Mean, ScoreGranularity.WholePoints, BudgetAllocationPolicy.SkipToFit, null, false);
}

/// <summary>A tie-breaker as the administrator states it; the stage and criterion are named by code.</summary>
public sealed record TieBreakerRule(TieBreakerKind Kind, string? StageCode = null, string? CriterionCode = null);

/// <summary>Bonus points for a group when at least <see cref="ThresholdPercent"/> of its member households are of a kind.</summary>
public sealed record PriorityRule(PriorityKind Kind, decimal ThresholdPercent, decimal BonusPoints);

/// <summary>A tranche as the administrator states it.</summary>
public sealed record TrancheRule(decimal Percent, TrancheTrigger Trigger, decimal? RequiredAccountedPercent = null);

public sealed class ContestTieBreaker
{
    private ContestTieBreaker() { }

    internal ContestTieBreaker(TieBreakerRule rule, int order)
    {
        Kind = rule.Kind;
        StageCode = rule.StageCode;
        CriterionCode = rule.CriterionCode;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int Order { get; private set; }
    public TieBreakerKind Kind { get; private set; }
    public string? StageCode { get; private set; }
    public string? CriterionCode { get; private set; }

    public TieBreakerRule Rule => new(Kind, StageCode, CriterionCode);
}

public sealed class ContestPriorityRule
{
    private ContestPriorityRule() { }

    internal ContestPriorityRule(PriorityRule rule)
    {
        Kind = rule.Kind;
        ThresholdPercent = rule.ThresholdPercent;
        BonusPoints = rule.BonusPoints;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public PriorityKind Kind { get; private set; }
    public decimal ThresholdPercent { get; private set; }
    public decimal BonusPoints { get; private set; }

    public PriorityRule Rule => new(Kind, ThresholdPercent, BonusPoints);
}

public sealed class DisbursementTranche
{
    /// <summary>DOMAIN.md: the second tranche needs at least 70% of the first accounted for.</summary>
    public const decimal DefaultRequiredAccountedPercent = 70m;

    private DisbursementTranche() { }

    internal DisbursementTranche(TrancheRule rule, int order)
    {
        Percent = rule.Percent;
        Trigger = rule.Trigger;
        RequiredAccountedPercent = rule.RequiredAccountedPercent;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int Order { get; private set; }
    public decimal Percent { get; private set; }
    public TrancheTrigger Trigger { get; private set; }

    /// <summary>For <see cref="TrancheTrigger.FollowUpApprovedAndAccounted"/>: the share of the previous tranche accounted for.</summary>
    public decimal? RequiredAccountedPercent { get; private set; }

    public TrancheRule Rule => new(Percent, Trigger, RequiredAccountedPercent);
}

public sealed class FollowUpVisit
{
    private FollowUpVisit() { }

    internal FollowUpVisit(int daysAfterFirstPayment, int order)
    {
        DaysAfterFirstPayment = daysAfterFirstPayment;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int Order { get; private set; }
    public int DaysAfterFirstPayment { get; private set; }
}

/// <summary>A rule of the contest's setup that an edit breaks, with the field it belongs to.</summary>
public sealed class ContestRuleException(Profiles.RuleViolation violation)
    : ArgumentException($"{violation.Field}: {violation.Rule}")
{
    public Profiles.RuleViolation Violation { get; } = violation;

    internal static ContestRuleException Of(string field, string rule, params object[] arguments) => new(new(field, rule, arguments));
}
