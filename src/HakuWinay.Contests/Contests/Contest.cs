using HakuWinay.Contests.Common;

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

    public IReadOnlyList<ContestCategory> Categories => _categories;
    public IReadOnlyList<ContestStage> Stages => _stages;
    public IReadOnlyList<ContestProductionLine> EligibleLines => _eligibleLines;

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
        var stage = new ContestStage(code, name, weight, jurorsPerProfile, _stages.Count + 1);
        _stages.Add(stage);
        return stage;
    }

    public void MakeEligible(int productionLineId)
    {
        if (_eligibleLines.All(l => l.ProductionLineId != productionLineId))
        {
            _eligibleLines.Add(new ContestProductionLine(productionLineId));
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

public sealed class ContestProductionLine
{
    private ContestProductionLine() { }
    internal ContestProductionLine(int productionLineId) => ProductionLineId = productionLineId;
    public int ContestId { get; private set; }
    public int ProductionLineId { get; private set; }
}
