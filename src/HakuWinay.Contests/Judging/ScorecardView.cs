using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// A scorecard as its page shows it: the stage's design, the profile (read-only), the juror's
/// entries in the stage's order, and whether the person looking may still change it.
/// </summary>
public sealed record ScorecardView(
    int Id, StageDesign Design, string ContestCode, string ContestTitle,
    string JurorUserId, string JurorName, ScorecardStatus Status, IReadOnlyList<CriterionPoints> Entries, string? OverallComment,
    Guid Version, DateTime? StartedAtUtc, DateTime? SubmittedAtUtc, string? EnteredByAdminName, bool IsEditable, ProfileView Profile,
    IReadOnlyList<AttendanceMember>? Members = null, IReadOnlyList<string>? PresentDnis = null)
{
    /// <summary>Whether this scorecard records field attendance (the field stage of a contest that checks it).</summary>
    public bool RecordsAttendance => Design.RecordsAttendance && Members is not null;
    /// <summary>The juror's stage total when every criterion has points (0..100), else null: exact, rounded once to two decimals.</summary>
    public decimal? Total => Entries.All(e => e.Points is not null) ? ScoreRules.ExactStageTotal(Design.Rules, Entries).Round(2) : null;
}

/// <summary>A member household as the attendance list shows it: its head's DNI and name.</summary>
public sealed record AttendanceMember(string Dni, string HeadFullName);

/// <summary>What a save answers: the scorecard's new version (for the next save) and when it was saved.</summary>
public sealed record ScoringSave(Guid Version, DateTime SavedAtUtc);
