using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Profiles;

/// <summary>
/// A producer group's business profile for one contest and category. It is edited as a draft,
/// checked against the contest's rules and submitted once (then read-only), may be withdrawn
/// before the deadline, and is declared eligible or not by an administrator.
/// </summary>
public sealed class BusinessProfile : IVersioned
{
    public const int MaxInvestmentLines = 100;
    public const int MaxReasonLength = 2_000;

    private readonly List<InvestmentLine> _lines = [];

    private BusinessProfile() { }

    public BusinessProfile(int contestId, int categoryId, int producerGroupId, DateTime nowUtc)
    {
        ContestId = contestId;
        CategoryId = categoryId;
        ProducerGroupId = producerGroupId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Status = ProfileStatus.Draft;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int CategoryId { get; private set; }
    public int ProducerGroupId { get; private set; }

    /// <summary>
    /// The earlier profile of the same business this one was presented again from (null for a first
    /// presentation). Unique: a profile is presented again at most once, so a business is one chain.
    /// </summary>
    public int? PreviousPresentationId { get; private set; }

    /// <summary>Given at submission, e.g. AYA-2026-01-017.</summary>
    public string? Code { get; private set; }

    public ProfileStatus Status { get; private set; }

    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string BusinessAndProducts { get; private set; } = "";
    public string MarketAndClients { get; private set; } = "";
    public string ProductionProcess { get; private set; } = "";
    public string OrganizationAndRoles { get; private set; } = "";
    public string Sustainability { get; private set; } = "";
    public string Risks { get; private set; } = "";

    public decimal? ExpectedSalesPerYear { get; private set; }
    public int? ExpectedJobs { get; private set; }
    public int? HouseholdsBenefiting { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public DateTime? EligibilityDecidedAtUtc { get; private set; }
    public string? EligibilityDecidedByUserId { get; private set; }
    public string? EligibilityReason { get; private set; }

    /// <summary>The checklist as the administrator answered it, JSON: [{"item":"…","met":true}, …].</summary>
    public string? EligibilityChecklistJson { get; private set; }
    public Guid Version { get; set; }

    /// <summary>
    /// Counts the changes to the draft. Every change bumps it, so the profile row itself is
    /// updated (and its <see cref="Version"/> checked) even when only a line was added or removed.
    /// </summary>
    public int Revision { get; private set; }

    public IReadOnlyList<InvestmentLine> Lines => _lines;

    public bool IsEditable => Status == ProfileStatus.Draft;

    /// <summary>Whether the group still takes part with this profile (a withdrawn one frees the group to start another).</summary>
    public bool IsActive => Status != ProfileStatus.Withdrawn;

    public InvestmentTotals Totals => InvestmentTotals.Of(_lines);

    /// <summary>
    /// A new draft of the same business for a later contest: the sections, the investment plan and
    /// the expected results of <paramref name="earlier"/>, linked to it. Attachments are not copied
    /// (each contest asks for its own, current documents). The caller has checked <see cref="PresentAgainRules"/>.
    /// </summary>
    public static BusinessProfile PresentAgain(BusinessProfile earlier, int contestId, int categoryId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier.Id == 0 || earlier.ContestId == contestId)
        {
            throw new InvalidOperationException("A profile is presented again from a stored profile into another contest.");
        }
        var copy = new BusinessProfile(contestId, categoryId, earlier.ProducerGroupId, nowUtc) { PreviousPresentationId = earlier.Id };
        foreach (var section in ProfileSections.All)
        {
            copy.WriteSection(section, earlier.Section(section), nowUtc);
        }
        copy.SetExpectedResults(earlier.ExpectedSalesPerYear, earlier.ExpectedJobs, earlier.HouseholdsBenefiting, nowUtc);
        foreach (var line in earlier.Lines.OrderBy(l => l.Id))
        {
            copy._lines.Add(new InvestmentLine(line.Description, line.Category, line.Unit, line.Quantity, line.UnitCost, line.FinancedBy));
        }
        return copy;
    }

    /// <summary>
    /// Unlinks a draft presented again that was never submitted (withdrawn, or left when its call
    /// closed): it was never presented, so it must not keep the earlier profile from being presented again.
    /// </summary>
    public void LeaveChain()
    {
        if (SubmittedAtUtc is not null)
        {
            throw new InvalidOperationException("A submitted profile was presented and stays in its chain.");
        }
        PreviousPresentationId = null;
    }

    public string Section(ProfileSection section) => section switch
    {
        ProfileSection.Title => Title,
        ProfileSection.Summary => Summary,
        ProfileSection.BusinessAndProducts => BusinessAndProducts,
        ProfileSection.MarketAndClients => MarketAndClients,
        ProfileSection.ProductionProcess => ProductionProcess,
        ProfileSection.OrganizationAndRoles => OrganizationAndRoles,
        ProfileSection.Sustainability => Sustainability,
        ProfileSection.Risks => Risks,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>Saves one section of the draft. Text over the section's limit is refused, never cut.</summary>
    public void WriteSection(ProfileSection section, string? markdown, DateTime nowUtc)
    {
        EnsureEditable();
        var text = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > ProfileSections.MaxLength(section))
        {
            throw new ArgumentException($"Section {section} has at most {ProfileSections.MaxLength(section)} characters.", nameof(markdown));
        }
        switch (section)
        {
            case ProfileSection.Title: Title = text.Trim(); break;
            case ProfileSection.Summary: Summary = text; break;
            case ProfileSection.BusinessAndProducts: BusinessAndProducts = text; break;
            case ProfileSection.MarketAndClients: MarketAndClients = text; break;
            case ProfileSection.ProductionProcess: ProductionProcess = text; break;
            case ProfileSection.OrganizationAndRoles: OrganizationAndRoles = text; break;
            case ProfileSection.Sustainability: Sustainability = text; break;
            case ProfileSection.Risks: Risks = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(section));
        }
        Touch(nowUtc);
    }

    public void SetExpectedResults(decimal? salesPerYear, int? jobs, int? householdsBenefiting, DateTime nowUtc)
    {
        EnsureEditable();
        if (salesPerYear is < 0 or > 100_000_000m || jobs is < 0 or > 10_000 || householdsBenefiting is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(salesPerYear), "Expected results must be between 0 and a plausible maximum.");
        }
        ExpectedSalesPerYear = salesPerYear is null ? null : Money.Round(salesPerYear.Value);
        ExpectedJobs = jobs;
        HouseholdsBenefiting = householdsBenefiting;
        Touch(nowUtc);
    }

    public InvestmentLine AddLine(string description, InvestmentCategory category, string unit, decimal quantity, decimal unitCost, FinancedBy financedBy, DateTime nowUtc)
    {
        EnsureEditable();
        if (_lines.Count >= MaxInvestmentLines)
        {
            throw new InvalidOperationException($"An investment plan has at most {MaxInvestmentLines} lines.");
        }
        var line = new InvestmentLine(description, category, unit, quantity, unitCost, financedBy);
        _lines.Add(line);
        Touch(nowUtc);
        return line;
    }

    public void ChangeLine(int lineId, string description, InvestmentCategory category, string unit, decimal quantity, decimal unitCost, FinancedBy financedBy, DateTime nowUtc)
    {
        EnsureEditable();
        FindLine(lineId).Change(description, category, unit, quantity, unitCost, financedBy);
        Touch(nowUtc);
    }

    public void RemoveLine(int lineId, DateTime nowUtc)
    {
        EnsureEditable();
        _lines.Remove(FindLine(lineId));
        Touch(nowUtc);
    }

    /// <summary>
    /// Makes the plan match what the editor sends: lines with a known id are changed, lines
    /// without one are added, and lines no longer sent are removed. All or nothing: a bad line
    /// leaves the plan as it was.
    /// </summary>
    public void ReplacePlan(IReadOnlyList<PlanLine> lines, DateTime nowUtc)
    {
        EnsureEditable();
        if (lines.Count > MaxInvestmentLines)
        {
            throw new InvalidOperationException($"An investment plan has at most {MaxInvestmentLines} lines.");
        }
        var unknown = lines.Where(l => l.LineId is { } id && _lines.All(existing => existing.Id != id)).Select(l => l.LineId).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Line {unknown[0]} is not part of this profile.");
        }
        // Validate every line before touching any, so a refusal changes nothing.
        var validated = lines.Select(l => (l.LineId, Line: new InvestmentLine(l.Description, l.Category, l.Unit, l.Quantity, l.UnitCost, l.FinancedBy))).ToList();
        var kept = validated.Where(v => v.LineId is not null).Select(v => v.LineId!.Value).ToHashSet();
        _lines.RemoveAll(l => !kept.Contains(l.Id));
        foreach (var (lineId, line) in validated)
        {
            if (lineId is { } id)
            {
                _lines.Single(l => l.Id == id).Change(line.Description, line.Category, line.Unit, line.Quantity, line.UnitCost, line.FinancedBy);
            }
            else
            {
                _lines.Add(line);
            }
        }
        Touch(nowUtc);
    }

    /// <summary>Records that a file was attached to or removed from the draft: only a draft takes them, and the version moves on.</summary>
    public void RecordAttachmentChange(DateTime nowUtc)
    {
        EnsureEditable();
        Touch(nowUtc);
    }

    /// <summary>Makes the draft a submission. The caller has checked <see cref="ProfileRules"/> and assigns the code.</summary>
    public void Submit(string code, DateTime nowUtc)
    {
        EnsureEditable();
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Status = ProfileStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        Touch(nowUtc);
    }

    /// <summary>Withdraws a draft or a submission before the deadline, with the group's reason.</summary>
    public void Withdraw(string reason, DateTime nowUtc, DateTime deadlineUtc)
    {
        if (Status is not (ProfileStatus.Draft or ProfileStatus.Submitted))
        {
            throw new InvalidOperationException("Only a draft or a submitted profile can be withdrawn.");
        }
        if (nowUtc >= deadlineUtc)
        {
            throw new InvalidOperationException("A profile can be withdrawn only before the submission deadline.");
        }
        WithdrawalReason = RequireReason(reason);
        if (Status == ProfileStatus.Draft)
        {
            LeaveChain();
        }
        Status = ProfileStatus.Withdrawn;
        WithdrawnAtUtc = nowUtc;
        Touch(nowUtc);
    }

    /// <summary>The administrator's eligibility decision on a submitted profile; the reason is required either way.</summary>
    public void DecideEligibility(bool eligible, string reason, string adminUserId, DateTime nowUtc, string? checklistJson = null)
    {
        if (Status is not (ProfileStatus.Submitted or ProfileStatus.Eligible or ProfileStatus.Ineligible))
        {
            throw new InvalidOperationException("Eligibility is decided on submitted profiles only.");
        }
        EligibilityReason = RequireReason(reason);
        EligibilityChecklistJson = checklistJson;
        Status = eligible ? ProfileStatus.Eligible : ProfileStatus.Ineligible;
        EligibilityDecidedAtUtc = nowUtc;
        EligibilityDecidedByUserId = adminUserId;
        Touch(nowUtc);
    }

    private static string RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason is required.", nameof(reason));
        }
        if (reason.Length > MaxReasonLength)
        {
            throw new ArgumentException($"A reason has at most {MaxReasonLength} characters.", nameof(reason));
        }
        return reason.Trim();
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Revision++;
    }

    private InvestmentLine FindLine(int lineId) =>
        _lines.SingleOrDefault(l => l.Id == lineId) ?? throw new InvalidOperationException($"Line {lineId} is not part of this profile.");

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException($"Profile {Code ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} is {Status} and can no longer be edited.");
        }
    }
}
