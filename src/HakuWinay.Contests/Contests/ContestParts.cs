using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

public sealed class ContestCategory
{
    private ContestCategory() { }

    internal ContestCategory(string code, string name, decimal budget, decimal maxAward, int order)
    {
        Revise(code, name, budget, maxAward);
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Budget { get; private set; }
    public decimal MaxAward { get; private set; }
    public int Order { get; internal set; }

    internal void Revise(string code, string name, decimal budget, decimal maxAward)
    {
        var field = "Category." + code;
        if (budget < 0 || budget > Contest.MaxAmount)
        {
            throw ContestRuleException.Of(field + ".Budget", "ContestRules.AmountRange", Contest.MaxAmount);
        }
        if (maxAward <= 0 || maxAward > Contest.MaxAmount)
        {
            throw ContestRuleException.Of(field + ".MaxAward", "ContestRules.MaxAwardPositive");
        }
        if (maxAward > budget)
        {
            throw ContestRuleException.Of(field + ".MaxAward", "ContestRules.MaxAwardAboveBudget", maxAward, budget);
        }
        if (budget != Money.Round(budget) || maxAward != Money.Round(maxAward))
        {
            throw ContestRuleException.Of(field + ".Budget", "ContestRules.Cents");
        }
        Code = code;
        Name = name;
        Budget = budget;
        MaxAward = maxAward;
    }
}

public sealed class ContestStage
{
    public const int MaxJurors = 15;

    private readonly List<ContestCriterion> _criteria = [];

    private ContestStage() { }

    internal ContestStage(string code, string name, decimal weight, int jurorsPerProfile, int order)
    {
        Revise(code, name, weight, jurorsPerProfile);
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The stage's share of the final score, in points of 100.</summary>
    public decimal Weight { get; private set; }
    public int JurorsPerProfile { get; private set; }
    public int Order { get; internal set; }
    public IReadOnlyList<ContestCriterion> Criteria => _criteria;

    /// <summary>When the stage's scoring closes (UTC); null while the Admin has not set it. Nothing is submitted after it.</summary>
    public DateTime? ScoringDeadlineUtc { get; private set; }

    /// <summary>
    /// How far apart (in points of the stage total, 0..100) the jurors' totals for one profile may be
    /// before the evaluation page flags the profile for discussion.
    /// </summary>
    public decimal SpreadThreshold { get; private set; } = DefaultSpreadThreshold;

    public const decimal DefaultSpreadThreshold = 15m;

    /// <summary>Sets the scoring deadline and the spread threshold (0..100).</summary>
    public void ScheduleScoring(DateTime? deadlineUtc, decimal spreadThreshold)
    {
        if (spreadThreshold is < 0 or > 100)
        {
            throw ContestRuleException.Of($"Stage.{Code}.SpreadThreshold", "ContestRules.SpreadThresholdRange");
        }
        if (deadlineUtc is { Kind: DateTimeKind.Local })
        {
            throw new ArgumentException("The deadline must be in UTC.", nameof(deadlineUtc));
        }
        ScoringDeadlineUtc = deadlineUtc;
        SpreadThreshold = spreadThreshold;
    }

    internal void Revise(string code, string name, decimal weight, int jurorsPerProfile)
    {
        if (weight is <= 0 or > 100)
        {
            throw ContestRuleException.Of($"Stage.{code}.Weight", "ContestRules.WeightRange");
        }
        if (jurorsPerProfile is < 1 or > MaxJurors)
        {
            throw ContestRuleException.Of($"Stage.{code}.Jurors", "ContestRules.JurorsRange", MaxJurors);
        }
        Code = code;
        Name = name;
        Weight = weight;
        JurorsPerProfile = jurorsPerProfile;
    }

    internal ContestCriterion AddCriterion(string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight)
    {
        EnsureUnique(code, except: null);
        var criterion = new ContestCriterion(Code, code, name, rubricMarkdown, maxPoints, weight, _criteria.Count + 1);
        _criteria.Add(criterion);
        return criterion;
    }

    internal void ReviseCriterion(ContestCriterion criterion, string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight)
    {
        EnsureMine(criterion);
        EnsureUnique(code, except: criterion);
        criterion.Revise(Code, code, name, rubricMarkdown, maxPoints, weight);
    }

    internal void RemoveCriterion(ContestCriterion criterion)
    {
        EnsureMine(criterion);
        _criteria.Remove(criterion);
        Contest.Renumber(_criteria, (c, n) => c.Order = n);
    }

    internal void OrderCriteria(IReadOnlyList<ContestCriterion> order) => Contest.Reorder(_criteria, order, (c, n) => c.Order = n);

    private void EnsureUnique(string code, ContestCriterion? except)
    {
        if (_criteria.Any(c => c != except && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw ContestRuleException.Of($"Criterion.{Code}.{code}", "ContestRules.DuplicateCode", code);
        }
    }

    private void EnsureMine(ContestCriterion criterion)
    {
        if (!_criteria.Contains(criterion))
        {
            throw new InvalidOperationException($"The criterion is not part of stage {Code}.");
        }
    }
}

public sealed class ContestCriterion
{
    public const int MaxRubricLength = 8000;
    public const decimal MaxPointsLimit = 1000m;

    private ContestCriterion() { }

    internal ContestCriterion(string stageCode, string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight, int order)
    {
        Revise(stageCode, code, name, rubricMarkdown, maxPoints, weight);
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestStageId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RubricMarkdown { get; private set; } = "";
    public decimal MaxPoints { get; private set; }

    /// <summary>The criterion's share of its stage, in points of 100.</summary>
    public decimal Weight { get; private set; }
    public int Order { get; internal set; }

    internal void Revise(string stageCode, string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight)
    {
        var field = $"Criterion.{stageCode}.{code}";
        if (maxPoints is <= 0 or > MaxPointsLimit)
        {
            throw ContestRuleException.Of(field + ".MaxPoints", "ContestRules.MaxPointsRange", MaxPointsLimit);
        }
        if (weight is <= 0 or > 100)
        {
            throw ContestRuleException.Of(field + ".Weight", "ContestRules.WeightRange");
        }
        if ((rubricMarkdown ?? "").Length > MaxRubricLength)
        {
            throw ContestRuleException.Of(field + ".Rubric", "ContestRules.TooLong", MaxRubricLength);
        }
        Code = code;
        Name = name;
        RubricMarkdown = rubricMarkdown ?? "";
        MaxPoints = maxPoints;
        Weight = weight;
    }
}

public sealed class ContestChecklistItem
{
    public const int MaxLength = 300;

    private ContestChecklistItem() { }

    internal ContestChecklistItem(string text, int order)
    {
        Text = text;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string Text { get; internal set; } = "";
    public int Order { get; internal set; }
}

public sealed class ContestInvestmentCap
{
    private ContestInvestmentCap() { }

    internal ContestInvestmentCap(InvestmentCategory category, decimal maxPercentOfFund)
    {
        Category = category;
        MaxPercentOfFund = maxPercentOfFund;
    }

    public int ContestId { get; private set; }
    public InvestmentCategory Category { get; private set; }
    public decimal MaxPercentOfFund { get; internal set; }
}

public sealed class ContestProductionLine
{
    private ContestProductionLine() { }
    internal ContestProductionLine(int productionLineId) => ProductionLineId = productionLineId;
    public int ContestId { get; private set; }
    public int ProductionLineId { get; private set; }
}
