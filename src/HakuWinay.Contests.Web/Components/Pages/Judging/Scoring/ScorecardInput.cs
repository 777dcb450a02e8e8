using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Web.Localization;
using Microsoft.AspNetCore.Components.Forms;

namespace HakuWinay.Contests.Web.Components.Pages.Judging.Scoring;

/// <summary>What the scorecard form edits: one entry per criterion of the stage, in order, and the overall comment.</summary>
public sealed class ScorecardInput
{
    public List<CriterionInput> Criteria { get; set; } = [];

    [StringLength(ScoreRules.MaxOverallCommentLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? OverallComment { get; set; }

    /// <summary>Whether field attendance is recorded (a juror may record that nobody came); false sends none, leaving it unrecorded.</summary>
    public bool AttendanceRecorded { get; set; }

    /// <summary>The DNIs of the member households ticked present.</summary>
    public HashSet<string> PresentDnis { get; set; } = new(StringComparer.Ordinal);

    public static ScorecardInput From(ScorecardView view)
    {
        var input = new ScorecardInput
        {
            OverallComment = view.OverallComment,
            AttendanceRecorded = view.PresentDnis is not null,
            PresentDnis = new HashSet<string>(view.PresentDnis ?? [], StringComparer.Ordinal),
        };
        input.Criteria.AddRange(view.Entries.Select(e => new CriterionInput { Code = e.CriterionCode, Points = e.Points, Comment = e.Comment }));
        return input;
    }

    public IReadOnlyList<CriterionPoints> ToEntries() => Criteria.Select(c => new CriterionPoints(c.Code, c.Points, c.Comment)).ToList();

    /// <summary>The attendance to save: null while none is recorded (nothing changes), else the DNIs ticked.</summary>
    public IReadOnlyList<string>? ToAttendance() => AttendanceRecorded ? [.. PresentDnis.Order(StringComparer.Ordinal)] : null;

    /// <summary>
    /// The form field a rule violation belongs to ("Criterion.C1.Points", "Criterion.C1.Comment",
    /// "OverallComment"), or null for the scorecard as a whole (locked, deadline, missing criteria).
    /// </summary>
    public FieldIdentifier? FieldOf(string field)
    {
        if (field == "OverallComment")
        {
            return new FieldIdentifier(this, nameof(OverallComment));
        }
        if (field == "Attendance")
        {
            return new FieldIdentifier(this, nameof(AttendanceRecorded));
        }
        var parts = field.Split('.');
        if (parts.Length < 2 || parts[0] != "Criterion")
        {
            return null;
        }
        var criterion = Criteria.Find(c => string.Equals(c.Code, parts[1], StringComparison.OrdinalIgnoreCase));
        if (criterion is null)
        {
            return null;
        }
        return new FieldIdentifier(criterion, parts.Length > 2 && parts[2] == "Comment" ? nameof(CriterionInput.Comment) : nameof(CriterionInput.Points));
    }
}

public sealed class CriterionInput
{
    public string Code { get; set; } = "";

    public decimal? Points { get; set; }

    [StringLength(ScoreRules.MaxCriterionCommentLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Comment { get; set; }
}
