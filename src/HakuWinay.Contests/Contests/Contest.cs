using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

/// <summary>
/// A competitive-fund contest: its call, rules, timeline, categories and evaluation design.
/// Opening and closing follow the clock; <see cref="SyncWithClock"/> is the single place that
/// decides it, called by the sweeper job and before every submission.
/// </summary>
public sealed class Contest : IVersioned
{
    private readonly List<ContestCategory> _categories = [];
    private readonly List<ContestStage> _stages = [];
    private readonly List<ContestProductionLine> _eligibleLines = [];
    private readonly List<ContestInvestmentCap> _investmentCaps = [];
    private readonly List<ContestChecklistItem> _checklist = [];

    private Contest() { }

    public Contest(string code, string title, string regionCode, ContestTimeline timeline, decimal passMark, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Code = code.Trim();
        Title = title.Trim();
        RegionCode = regionCode;
        Timeline = timeline;
        PassMark = passMark;
        CreatedAtUtc = createdAtUtc;
        Status = ContestStatus.Draft;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? ProvinceCode { get; private set; }
    public string? DistrictCode { get; private set; }
    public string BasesMarkdown { get; private set; } = "";
    public ContestStatus Status { get; private set; }
    public ContestTimeline Timeline { get; private set; } = null!;
    public decimal PassMark { get; private set; }
    public string? TemplateCode { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>Member households a group needs (DOMAIN.md: groups of 3 to 6 households).</summary>
    public int MinHouseholds { get; private set; } = 3;
    public int MaxHouseholds { get; private set; } = 6;

    /// <summary>The group's counterpart as a minimum percentage of the total investment.</summary>
    public decimal MinCounterpartPercent { get; private set; } = 10m;

    /// <summary>Set when the first profile is submitted: from then on the outcome-deciding rules cannot change.</summary>
    public DateTime? RulesLockedAtUtc { get; private set; }

    /// <summary>The number of the last submitted profile, for codes such as AYA-2026-01-017.</summary>
    public int LastProfileNumber { get; private set; }

    public IReadOnlyList<ContestCategory> Categories => _categories;
    public IReadOnlyList<ContestInvestmentCap> InvestmentCaps => _investmentCaps;

    /// <summary>What the administrator checks before declaring a profile eligible.</summary>
    public IReadOnlyList<ContestChecklistItem> EligibilityChecklist => _checklist;
    public IReadOnlyList<ContestStage> Stages => _stages;
    public IReadOnlyList<ContestProductionLine> EligibleLines => _eligibleLines;

    public bool RulesLocked => RulesLockedAtUtc is not null;

    public static Contest FromTemplate(
        EvaluationTemplate template, string code, string title, string regionCode, ContestTimeline timeline, DateTime createdAtUtc)
    {
        var contest = new Contest(code, title, regionCode, timeline, template.PassMark, createdAtUtc)
        {
            TemplateCode = template.Code,
        };
        foreach (var stage in template.Stages.OrderBy(s => s.Order))
        {
            var copy = contest.AddStage(stage.Code, stage.Name, stage.Weight, stage.JurorsPerProfile);
            foreach (var criterion in stage.Criteria.OrderBy(c => c.Order))
            {
                copy.AddCriterion(criterion.Code, criterion.Name, criterion.RubricMarkdown, criterion.MaxPoints, criterion.Weight);
            }
        }
        return contest;
    }

    public void LocateIn(string regionCode, string? provinceCode, string? districtCode)
    {
        RegionCode = regionCode;
        ProvinceCode = provinceCode;
        DistrictCode = districtCode;
    }

    public void WriteBases(string markdown) => BasesMarkdown = markdown;

    public ContestCategory AddCategory(string code, string name, decimal budget, decimal maxAward)
    {
        EnsureRulesOpen();
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        code = code.Trim();
        // Case-insensitive, as SQL Server's default collation compares the unique index.
        if (_categories.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The contest already has a category '{code}'.");
        }
        var category = new ContestCategory(code, name.Trim(), budget, maxAward, _categories.Count + 1);
        _categories.Add(category);
        return category;
    }

    public ContestStage AddStage(string code, string name, decimal weight, int jurorsPerProfile)
    {
        EnsureRulesOpen();
        var stage = new ContestStage(code, name, weight, jurorsPerProfile, _stages.Count + 1);
        _stages.Add(stage);
        return stage;
    }

    public void MakeEligible(int productionLineId)
    {
        EnsureRulesOpen();
        if (_eligibleLines.All(l => l.ProductionLineId != productionLineId))
        {
            _eligibleLines.Add(new ContestProductionLine(productionLineId));
        }
    }

    public void SetGroupSize(int minHouseholds, int maxHouseholds)
    {
        EnsureRulesOpen();
        if (minHouseholds < 1 || maxHouseholds < minHouseholds || maxHouseholds > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(minHouseholds), "Group size limits must satisfy 1 ≤ min ≤ max ≤ 50.");
        }
        MinHouseholds = minHouseholds;
        MaxHouseholds = maxHouseholds;
    }

    public void SetMinCounterpart(decimal percent)
    {
        EnsureRulesOpen();
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), "The counterpart is a percentage from 0 to 100.");
        }
        MinCounterpartPercent = percent;
    }

    /// <summary>Caps a category's share of the fund request (e.g. technical assistance at most 40%); null removes the cap.</summary>
    public void CapInvestment(InvestmentCategory category, decimal? maxPercentOfFund)
    {
        EnsureRulesOpen();
        _investmentCaps.RemoveAll(c => c.Category == category);
        if (maxPercentOfFund is null)
        {
            return;
        }
        if (maxPercentOfFund is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPercentOfFund), "A cap is a percentage from 0 to 100.");
        }
        _investmentCaps.Add(new ContestInvestmentCap(category, maxPercentOfFund.Value));
    }

    public ContestChecklistItem AddChecklistItem(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > ContestChecklistItem.MaxLength)
        {
            throw new ArgumentException($"A checklist item has at most {ContestChecklistItem.MaxLength} characters.", nameof(text));
        }
        var item = new ContestChecklistItem(text.Trim(), _checklist.Count + 1);
        _checklist.Add(item);
        return item;
    }

    /// <summary>The rules a profile of <paramref name="categoryId"/> is checked against at submission.</summary>
    public SubmissionRules SubmissionRulesFor(int categoryId) =>
        SubmissionRulesFor(_categories.SingleOrDefault(c => c.Id == categoryId)
            ?? throw new InvalidOperationException($"Category {categoryId} is not part of contest {Code}."));

    public SubmissionRules SubmissionRulesFor(ContestCategory category)
    {
        if (!_categories.Contains(category))
        {
            throw new InvalidOperationException($"Category {category.Code} is not part of contest {Code}.");
        }
        return new SubmissionRules(
            category.MaxAward, MinCounterpartPercent,
            _investmentCaps.ToDictionary(c => c.Category, c => c.MaxPercentOfFund),
            MinHouseholds, MaxHouseholds,
            _eligibleLines.Select(l => l.ProductionLineId).ToHashSet());
    }

    /// <summary>Numbers the next submitted profile and locks the rules at the first one.</summary>
    public string NextProfileCode(DateTime nowUtc)
    {
        RulesLockedAtUtc ??= nowUtc;
        LastProfileNumber++;
        return $"{Code}-{LastProfileNumber.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private void EnsureRulesOpen()
    {
        if (RulesLocked)
        {
            throw new InvalidOperationException($"The rules of contest {Code} are locked since the first profile was submitted.");
        }
    }

    /// <summary>Announces the call; from now on the clock opens and closes it.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (Status != ContestStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft contest can be published.");
        }
        Status = ContestStatus.Published;
        PublishedAtUtc = nowUtc;
        SyncWithClock(nowUtc);
    }

    /// <summary>Moves a published contest to Open or Closed as its timeline says. Returns true if it changed.</summary>
    public bool SyncWithClock(DateTime nowUtc)
    {
        var before = Status;
        if (Status == ContestStatus.Published && nowUtc >= Timeline.CallOpensAtUtc)
        {
            Status = ContestStatus.Open;
        }
        if (Status == ContestStatus.Open && nowUtc >= Timeline.SubmissionsCloseAtUtc)
        {
            Status = ContestStatus.Closed;
        }
        return Status != before;
    }

    /// <summary>Whether a submission made at <paramref name="nowUtc"/> is inside the call, whatever the stored status says.</summary>
    public bool AcceptsSubmissionsAt(DateTime nowUtc) =>
        Status is ContestStatus.Published or ContestStatus.Open
        && nowUtc >= Timeline.CallOpensAtUtc
        && nowUtc < Timeline.SubmissionsCloseAtUtc;
}

/// <summary>The dates of a contest, all UTC instants.</summary>
public sealed record ContestTimeline(
    DateTime CallOpensAtUtc,
    DateTime SubmissionsCloseAtUtc,
    DateTime? FieldEvaluationStartsAtUtc,
    DateTime? FieldEvaluationEndsAtUtc,
    DateTime? PublicSessionAtUtc,
    DateTime? ResultsAtUtc)
{
    /// <summary>Each date that is set comes no earlier than the last one set before it: call, field evaluation, public session, results.</summary>
    public bool IsCoherent =>
        CallOpensAtUtc < SubmissionsCloseAtUtc
        && (FieldEvaluationStartsAtUtc is null || FieldEvaluationStartsAtUtc >= SubmissionsCloseAtUtc)
        && (FieldEvaluationEndsAtUtc is null || FieldEvaluationEndsAtUtc >= (FieldEvaluationStartsAtUtc ?? SubmissionsCloseAtUtc))
        && (PublicSessionAtUtc is null || PublicSessionAtUtc >= (FieldEvaluationEndsAtUtc ?? FieldEvaluationStartsAtUtc ?? SubmissionsCloseAtUtc))
        && (ResultsAtUtc is null || ResultsAtUtc >= (PublicSessionAtUtc ?? FieldEvaluationEndsAtUtc ?? FieldEvaluationStartsAtUtc ?? SubmissionsCloseAtUtc));
}

public sealed class ContestCategory
{
    private ContestCategory() { }

    internal ContestCategory(string code, string name, decimal budget, decimal maxAward, int order)
    {
        if (budget < 0 || maxAward <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "Budget must not be negative and the maximum award must be positive.");
        }
        Code = code;
        Name = name;
        Budget = budget;
        MaxAward = maxAward;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Budget { get; private set; }
    public decimal MaxAward { get; private set; }
    public int Order { get; private set; }
}

public sealed class ContestStage
{
    private readonly List<ContestCriterion> _criteria = [];

    private ContestStage() { }

    internal ContestStage(string code, string name, decimal weight, int jurorsPerProfile, int order)
    {
        Code = code;
        Name = name;
        Weight = weight;
        JurorsPerProfile = jurorsPerProfile;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Weight { get; private set; }
    public int JurorsPerProfile { get; private set; }
    public int Order { get; private set; }
    public IReadOnlyList<ContestCriterion> Criteria => _criteria;

    public void AddCriterion(string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight) =>
        _criteria.Add(new ContestCriterion(code, name, rubricMarkdown, maxPoints, weight, _criteria.Count + 1));
}

public sealed class ContestCriterion
{
    private ContestCriterion() { }

    internal ContestCriterion(string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight, int order)
    {
        Code = code;
        Name = name;
        RubricMarkdown = rubricMarkdown;
        MaxPoints = maxPoints;
        Weight = weight;
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestStageId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RubricMarkdown { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public decimal Weight { get; private set; }
    public int Order { get; private set; }
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
    public string Text { get; private set; } = "";
    public int Order { get; private set; }
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
    public decimal MaxPercentOfFund { get; private set; }
}

public sealed class ContestProductionLine
{
    private ContestProductionLine() { }
    internal ContestProductionLine(int productionLineId) => ProductionLineId = productionLineId;
    public int ContestId { get; private set; }
    public int ProductionLineId { get; private set; }
}
