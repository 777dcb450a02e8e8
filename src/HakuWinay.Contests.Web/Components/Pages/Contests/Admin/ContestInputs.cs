using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Contests.Admin;

// The setup forms bind to these; the entity is only changed through ContestAdminService.

public sealed class NewContestInput
{
    /// <summary>"template:CODE" or "contest:ID".</summary>
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Source { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Contest.MaxCodeLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Contest.MaxTitleLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string RegionCode { get; set; } = "";

    public TimelineInput Timeline { get; set; } = new();
}

/// <summary>The dates as Lima wall-clock times (datetime-local inputs); stored as UTC instants.</summary>
public sealed class TimelineInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateTime? CallOpens { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateTime? SubmissionsClose { get; set; }

    public DateTime? FieldEvaluationStarts { get; set; }
    public DateTime? FieldEvaluationEnds { get; set; }
    public DateTime? PublicSession { get; set; }
    public DateTime? Results { get; set; }

    public static TimelineInput From(ContestTimeline t) => new()
    {
        CallOpens = LimaTime.ToLima(t.CallOpensAtUtc),
        SubmissionsClose = LimaTime.ToLima(t.SubmissionsCloseAtUtc),
        FieldEvaluationStarts = Lima(t.FieldEvaluationStartsAtUtc),
        FieldEvaluationEnds = Lima(t.FieldEvaluationEndsAtUtc),
        PublicSession = Lima(t.PublicSessionAtUtc),
        Results = Lima(t.ResultsAtUtc),
    };

    public ContestTimeline ToTimeline() => new(
        LimaTime.ToUtc(CallOpens!.Value), LimaTime.ToUtc(SubmissionsClose!.Value),
        Utc(FieldEvaluationStarts), Utc(FieldEvaluationEnds), Utc(PublicSession), Utc(Results));

    private static DateTime? Lima(DateTime? utc) => utc is { } value ? LimaTime.ToLima(value) : null;

    private static DateTime? Utc(DateTime? lima) => lima is { } value ? LimaTime.ToUtc(value) : null;
}

public sealed class GeneralInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Contest.MaxCodeLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Contest.MaxTitleLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string RegionCode { get; set; } = "";

    public string? ProvinceCode { get; set; }
    public string? DistrictCode { get; set; }

    [StringLength(Contest.MaxBasesLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Bases { get; set; }
}

public sealed class CategoryInput
{
    public int? Id { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(20, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(120, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Name { get; set; } = "";

    public decimal Budget { get; set; }
    public decimal MaxAward { get; set; }
}

public sealed class CategoriesInput
{
    public List<CategoryInput> Items { get; set; } = [];
}

public sealed class CriterionInput
{
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Rubric { get; set; }
    public decimal MaxPoints { get; set; } = 10;
    public decimal Weight { get; set; }
}

public sealed class StageInput
{
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Weight { get; set; }
    public int JurorsPerProfile { get; set; } = 3;
    public List<CriterionInput> Criteria { get; set; } = [];
}

public sealed class StagesInput
{
    [Range(typeof(decimal), "0.01", "100", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Percent))]
    public decimal PassMark { get; set; }

    public List<StageInput> Stages { get; set; } = [];
}

public sealed class EligibilityInput
{
    public HashSet<int> Lines { get; set; } = [];

    [Range(1, 50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Households))]
    public int MinHouseholds { get; set; }

    [Range(1, 50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Households))]
    public int MaxHouseholds { get; set; }

    [Range(typeof(decimal), "0", "100", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Percent))]
    public decimal MinCounterpartPercent { get; set; }

    /// <summary>Every member household must be a user of a project of the group's district (its padrón).</summary>
    public bool RequiresProjectMembership { get; set; }

    public Dictionary<HakuWinay.Contests.Profiles.InvestmentCategory, decimal?> Caps { get; set; } = [];
}

public sealed class ChecklistInput
{
    public List<ChecklistItemInput> Items { get; set; } = [];
}

public sealed class ChecklistItemInput
{
    public int? Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed class DocumentSlotsInput
{
    public List<DocumentSlotInput> Slots { get; set; } = [];
}

public sealed class DocumentSlotInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsRequired { get; set; } = true;
    public bool PdfOnly { get; set; } = true;
}

public sealed class RankingInput
{
    public ScoreAggregation Aggregation { get; set; }
    public ScoreGranularity Granularity { get; set; }
    public BudgetAllocationPolicy Allocation { get; set; }
    public decimal? PartialAwardMinimumPercent { get; set; }
    public bool RollOver { get; set; }

    /// <summary>The least share of member households present at the field evaluation (0 to 100; 0: not checked).</summary>
    [Range(typeof(decimal), "0", "100", ErrorMessage = "ContestRules.AttendanceRange")]
    public decimal MinimumAttendancePercent { get; set; } = EvaluationSettings.DefaultMinimumAttendancePercent;
    public List<TieBreakerInput> TieBreakers { get; set; } = [];
    public Dictionary<PriorityKind, PriorityInput> Priorities { get; set; } = [];
}

public sealed class TieBreakerInput
{
    public TieBreakerKind Kind { get; set; }
    public string? StageCode { get; set; }
    public string? CriterionCode { get; set; }
}

public sealed class PriorityInput
{
    public bool Enabled { get; set; }
    public decimal ThresholdPercent { get; set; } = 50;
    public decimal BonusPoints { get; set; } = 5;
}

public sealed class PlansInput
{
    public List<TrancheInput> Tranches { get; set; } = [];
}

public sealed class TrancheInput
{
    public decimal Percent { get; set; }
    public TrancheTrigger Trigger { get; set; }
    public decimal? RequiredAccountedPercent { get; set; }
}

public sealed class VisitsInput
{
    /// <summary>Days after the first payment, separated by commas, e.g. "30, 90, 180".</summary>
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [RegularExpression(@"^\s*\d{1,4}(\s*,\s*\d{1,4})*\s*$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.DayList))]
    public string Days { get; set; } = "";
}

public sealed class ExtensionInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateTime? NewDeadline { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(Contest.MaxReasonLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Reason { get; set; } = "";
}

public sealed class ResultsCommunicationInput
{
    [Range(0, Contest.MaxAppealWindowDays, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.OutOfRange))]
    public int AppealWindowDays { get; set; } = Contest.DefaultAppealWindowDays;

    public bool ShareJurorComments { get; set; } = true;
}
