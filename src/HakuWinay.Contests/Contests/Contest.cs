using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

/// <summary>
/// A competitive-fund contest: its call, rules, timeline, categories and evaluation design.
/// Opening and closing follow the clock; <see cref="SyncWithClock"/> is the single place that
/// decides it, called by the sweeper job and before every submission. The rules that decide
/// outcomes lock at the first submitted profile (<see cref="RulesLockedAtUtc"/>); texts stay editable.
/// </summary>
public sealed partial class Contest : IVersioned
{
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 300;
    public const int MaxBasesLength = 100_000;
    public const decimal MaxAmount = 1_000_000_000m;

    private readonly List<ContestCategory> _categories = [];
    private readonly List<ContestStage> _stages = [];
    private readonly List<ContestProductionLine> _eligibleLines = [];
    private readonly List<ContestInvestmentCap> _investmentCaps = [];
    private readonly List<ContestChecklistItem> _checklist = [];
    private readonly List<ContestTieBreaker> _tieBreakers = [];
    private readonly List<ContestPriorityRule> _priorityRules = [];
    private readonly List<DisbursementTranche> _tranches = [];
    private readonly List<FollowUpVisit> _followUpVisits = [];

    private Contest() { }

    public Contest(string code, string title, string regionCode, ContestTimeline timeline, decimal passMark, DateTime createdAtUtc)
    {
        Code = CheckedCode(code);
        Title = CheckedTitle(title);
        RegionCode = regionCode;
        Timeline = timeline;
        PassMark = passMark;
        CreatedAtUtc = createdAtUtc;
        Status = ContestStatus.Draft;
        _tieBreakers.AddRange(DefaultTieBreakers.Select((r, i) => new ContestTieBreaker(r, i + 1)));
        _tranches.AddRange(DefaultTranches.Select((t, i) => new DisbursementTranche(t, i + 1)));
        _followUpVisits.AddRange(DefaultFollowUpDays.Select((d, i) => new FollowUpVisit(d, i + 1)));
    }

    /// <summary>DOMAIN.md: at most 70% after the agreement is signed, the rest after follow-up and 70% of it accounted for.</summary>
    public static IReadOnlyList<TrancheRule> DefaultTranches { get; } =
    [
        new(70m, TrancheTrigger.AgreementSigned),
        new(30m, TrancheTrigger.FollowUpApprovedAndAccounted, DisbursementTranche.DefaultRequiredAccountedPercent),
    ];

    public static IReadOnlyList<int> DefaultFollowUpDays { get; } = [30, 90, 180];

    public static IReadOnlyList<TieBreakerRule> DefaultTieBreakers { get; } =
        [new(TieBreakerKind.HigherJuntosShare), new(TieBreakerKind.HigherWomenHeadedShare), new(TieBreakerKind.EarlierSubmission)];

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

    /// <summary>
    /// Whether every member household must be a user of a project of the group's district (its
    /// padrón); the eligibility review then refuses "eligible" while a household is not.
    /// </summary>
    public bool RequiresProjectMembership { get; private set; }

    public EvaluationSettings Evaluation { get; private set; } = EvaluationSettings.Default;

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
    public IReadOnlyList<ContestTieBreaker> TieBreakers => _tieBreakers;
    public IReadOnlyList<ContestPriorityRule> PriorityRules => _priorityRules;
    public IReadOnlyList<DisbursementTranche> Tranches => _tranches;
    public IReadOnlyList<FollowUpVisit> FollowUpVisits => _followUpVisits;

    public bool RulesLocked => RulesLockedAtUtc is not null;

    /// <summary>Whether the call's dates may still be edited directly; after publication only an extension moves the deadline.</summary>
    public bool CallDatesEditable => Status == ContestStatus.Draft;

    public bool IsArchived => Status == ContestStatus.Archived;

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
                contest.AddCriterion(copy, criterion.Code, criterion.Name, criterion.RubricMarkdown, criterion.MaxPoints, criterion.Weight);
            }
        }
        return contest;
    }

    /// <summary>
    /// A new draft with everything <paramref name="source"/> decided: categories, eligible lines,
    /// limits, caps, checklist, document slots, evaluation design and settings, plans and bases. Not its code,
    /// title, timeline, status, counters or lock.
    /// </summary>
    public static Contest CloneOf(Contest source, string code, string title, ContestTimeline timeline, DateTime createdAtUtc)
    {
        var contest = new Contest(code, title, source.RegionCode, timeline, source.PassMark, createdAtUtc)
        {
            TemplateCode = source.TemplateCode,
            ProvinceCode = source.ProvinceCode,
            DistrictCode = source.DistrictCode,
            BasesMarkdown = source.BasesMarkdown,
            MinHouseholds = source.MinHouseholds,
            MaxHouseholds = source.MaxHouseholds,
            MinCounterpartPercent = source.MinCounterpartPercent,
            RequiresProjectMembership = source.RequiresProjectMembership,
            Evaluation = source.Evaluation,
            AppealWindowDays = source.AppealWindowDays,
            ShareJurorCommentsWithGroups = source.ShareJurorCommentsWithGroups,
        };
        foreach (var category in source.Categories.OrderBy(c => c.Order))
        {
            contest.AddCategory(category.Code, category.Name, category.Budget, category.MaxAward);
        }
        foreach (var line in source.EligibleLines)
        {
            contest.MakeEligible(line.ProductionLineId);
        }
        foreach (var cap in source.InvestmentCaps)
        {
            contest.CapInvestment(cap.Category, cap.MaxPercentOfFund);
        }
        foreach (var item in source.EligibilityChecklist.OrderBy(i => i.Order))
        {
            contest.AddChecklistItem(item.Text);
        }
        foreach (var stage in source.Stages.OrderBy(s => s.Order))
        {
            var copy = contest.AddStage(stage.Code, stage.Name, stage.Weight, stage.JurorsPerProfile);
            foreach (var criterion in stage.Criteria.OrderBy(c => c.Order))
            {
                contest.AddCriterion(copy, criterion.Code, criterion.Name, criterion.RubricMarkdown, criterion.MaxPoints, criterion.Weight);
            }
        }
        contest.SetTieBreakers(source.TieBreakers.OrderBy(t => t.Order).Select(t => t.Rule).ToList());
        contest.SetPriorityRules(source.PriorityRules.Select(p => p.Rule).ToList());
        contest.PlanDisbursement(source.Tranches.OrderBy(t => t.Order).Select(t => t.Rule).ToList());
        contest.PlanFollowUp(source.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment).ToList());
        contest.SetDocumentSlots(source.DocumentSlots.OrderBy(s => s.Order)
            .Select(s => new DocumentSlotSettings(null, s.Name, s.Description, s.IsRequired, s.PdfOnly)).ToList());
        return contest;
    }

    // ---- Texts: editable until the contest is archived ----

    /// <summary>The code names the contest in URLs and in its profiles' codes, so it changes only while a draft.</summary>
    public void Recode(string code)
    {
        EnsureNotArchived();
        code = CheckedCode(code);
        if (code == Code)
        {
            return;
        }
        if (Status != ContestStatus.Draft)
        {
            throw ContestRuleException.Of("Code", "ContestRules.CodeFixedAfterPublication");
        }
        Code = code;
    }

    public void Retitle(string title)
    {
        EnsureNotArchived();
        Title = CheckedTitle(title);
    }

    public void LocateIn(string regionCode, string? provinceCode, string? districtCode)
    {
        EnsureNotArchived();
        if (string.IsNullOrWhiteSpace(regionCode)
            || (provinceCode is not null && !provinceCode.StartsWith(regionCode, StringComparison.Ordinal))
            || (districtCode is not null && (provinceCode is null || !districtCode.StartsWith(provinceCode, StringComparison.Ordinal))))
        {
            throw ContestRuleException.Of("Territory", "ContestRules.TerritoryIncoherent");
        }
        RegionCode = regionCode;
        ProvinceCode = provinceCode;
        DistrictCode = districtCode;
    }

    public void WriteBases(string markdown)
    {
        EnsureNotArchived();
        if (markdown.Length > MaxBasesLength)
        {
            throw ContestRuleException.Of("Bases", "ContestRules.TooLong", MaxBasesLength);
        }
        BasesMarkdown = markdown;
    }

    /// <summary>
    /// Sets the dates. In a draft, every date; once published, the call's opening and deadline stay
    /// (only <see cref="ExtendDeadline"/> moves the deadline) while the later dates may be rescheduled.
    /// </summary>
    public void Reschedule(ContestTimeline timeline)
    {
        EnsureNotArchived();
        if (!CallDatesEditable
            && (timeline.CallOpensAtUtc != Timeline.CallOpensAtUtc || timeline.SubmissionsCloseAtUtc != Timeline.SubmissionsCloseAtUtc))
        {
            throw ContestRuleException.Of("Timeline.SubmissionsClose", "ContestRules.CallDatesFixed");
        }
        if (Status >= ContestStatus.ResultsPublished && timeline != Timeline)
        {
            throw ContestRuleException.Of("Timeline", "ContestRules.TimelineFinished");
        }
        if (!timeline.IsCoherent)
        {
            throw ContestRuleException.Of("Timeline", "ContestRules.TimelineIncoherent");
        }
        Timeline = timeline;
    }

    private static string CheckedCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        code = code.Trim().ToUpperInvariant();
        if (code.Length > MaxCodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || code[0] == '-')
        {
            throw ContestRuleException.Of("Code", "ContestRules.CodeFormat", MaxCodeLength);
        }
        return code;
    }

    private static string CheckedTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        title = title.Trim();
        if (title.Length > MaxTitleLength)
        {
            throw ContestRuleException.Of("Title", "ContestRules.TooLong", MaxTitleLength);
        }
        return title;
    }

    // ---- Submissions ----

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
            _eligibleLines.Select(l => l.ProductionLineId).ToHashSet(),
            RequiredDocuments());
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
        EnsureNotArchived();
        if (RulesLocked)
        {
            throw new InvalidOperationException($"The rules of contest {Code} are locked since the first profile was submitted.");
        }
    }

    private void EnsureNotArchived()
    {
        if (IsArchived)
        {
            throw new InvalidOperationException($"Contest {Code} is archived.");
        }
    }

    private static string CheckedChildCode(string code, string field)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw ContestRuleException.Of(field, "ContestRules.Required");
        }
        code = code.Trim();
        if (code.Length > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw ContestRuleException.Of(field + "." + code, "ContestRules.ChildCodeFormat", 20);
        }
        return code;
    }

    private static string CheckedName(string name, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ContestRuleException.Of(field, "ContestRules.Required");
        }
        name = name.Trim();
        return name.Length <= maxLength ? name : throw ContestRuleException.Of(field, "ContestRules.TooLong", maxLength);
    }

    private static void EnsureOwn<T>(List<T> items, T item) where T : class
    {
        if (!items.Contains(item))
        {
            throw new InvalidOperationException("The item is not part of this contest.");
        }
    }

    internal static void Renumber<T>(List<T> items, Action<T, int> setOrder)
    {
        for (var i = 0; i < items.Count; i++)
        {
            setOrder(items[i], i + 1);
        }
    }

    internal static void Reorder<T>(List<T> items, IReadOnlyList<T> order, Action<T, int> setOrder) where T : class
    {
        if (order.Count != items.Count || order.Distinct().Count() != order.Count || order.Any(o => !items.Contains(o)))
        {
            throw new ArgumentException("The new order must name every item exactly once.", nameof(order));
        }
        items.Clear();
        items.AddRange(order);
        Renumber(items, setOrder);
    }
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
