using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// What exists in the contest a paper-score sheet is imported into, as plain facts the caller
/// loads: its profiles (and whether each is eligible to be scored), its stages with their criteria
/// and the contest's step, the jurors known to the portal, who is appointed to which stage, the
/// declared conflicts, and the scorecards already submitted. Codes and emails compare
/// case-insensitively.
/// </summary>
public sealed record ScoreSheetCsvContext(
    IReadOnlyList<ScoreSheetCsvContext.Profile> Profiles,
    IReadOnlyList<ScoreSheetCsvContext.Stage> Stages,
    IReadOnlyList<string> JurorEmails,
    IReadOnlyList<ScoreSheetCsvContext.Appointment> Appointments,
    IReadOnlyList<ScoreSheetCsvContext.Conflict> Conflicts,
    IReadOnlyList<ScoreSheetCsvContext.SubmittedScorecard> SubmittedScorecards)
{
    /// <summary>A profile, whether it may be scored, and the DNIs of its group's member households (for attendance).</summary>
    public sealed record Profile(string Code, bool Eligible, IReadOnlyList<string>? MemberDnis = null);

    /// <summary>A stage and its criteria in their order; <see cref="Granularity"/> is the contest's; <see cref="RecordsAttendance"/> for the field stage.</summary>
    public sealed record Stage(string Code, ScoreGranularity Granularity, IReadOnlyList<ScoringCriterion> Criteria, bool RecordsAttendance = false);

    /// <summary>A juror appointed to score a stage.</summary>
    public sealed record Appointment(string StageCode, string JurorEmail);

    /// <summary>A juror's conflict of interest with a profile's group (declared by the juror or recorded by an Admin).</summary>
    public sealed record Conflict(string JurorEmail, string ProfileCode);

    /// <summary>A scorecard already submitted, which a sheet may not overwrite (an Admin reopens it first).</summary>
    public sealed record SubmittedScorecard(string ProfileCode, string StageCode, string JurorEmail);
}
