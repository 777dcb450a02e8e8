using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Judging;

public enum ScorecardStatus
{
    NotStarted = 0,
    Draft = 1,
    Submitted = 2,
    /// <summary>Set aside because the juror declared a conflict after starting; kept for the record.</summary>
    Excluded = 3,
}

/// <summary>
/// One assignment: a juror scores a profile in a stage. It exists from the moment the juror is
/// assigned (NotStarted); the juror's first save starts it. A started scorecard is never moved or
/// removed by assignment; a conflict declared after scoring excludes it instead.
/// </summary>
public sealed class Scorecard : IVersioned
{
    public const int MaxCommentLength = 4_000;
    public const int MaxReasonLength = 500;

    private readonly List<ScorecardPoint> _points = [];

    private Scorecard() { }

    public Scorecard(int contestStageId, int businessProfileId, string jurorUserId, string assignedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(assignedByUserId);
        ContestStageId = contestStageId;
        BusinessProfileId = businessProfileId;
        JurorUserId = jurorUserId;
        AssignedByUserId = assignedByUserId;
        AssignedAtUtc = nowUtc;
        Status = ScorecardStatus.NotStarted;
    }

    public int Id { get; private set; }
    public int ContestStageId { get; private set; }
    public int BusinessProfileId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public ScorecardStatus Status { get; private set; }
    public string AssignedByUserId { get; private set; } = "";
    public DateTime AssignedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? ExcludedAtUtc { get; private set; }
    public string? ExclusionReason { get; private set; }
    public string? OverallComment { get; private set; }

    /// <summary>Set when an Admin entered a paper score sheet on the juror's behalf.</summary>
    public string? EnteredByAdminUserId { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<ScorecardPoint> Points => _points;

    /// <summary>
    /// Field attendance (issue 17): the DNIs of the member households this juror found present,
    /// sorted and comma-separated; "" when the juror recorded that nobody came; null while it is
    /// not recorded. Only field-stage scorecards record it (see <see cref="FieldAttendanceRules"/>).
    /// </summary>
    public string? PresentDnis { get; private set; }

    /// <summary>Whether the juror recorded attendance (possibly nobody).</summary>
    public bool AttendanceRecorded => PresentDnis is not null;

    /// <summary>The DNIs recorded present, sorted; empty when none or not recorded.</summary>
    public IReadOnlyList<string> PresentMemberDnis => string.IsNullOrEmpty(PresentDnis) ? [] : PresentDnis.Split(',');

    /// <summary>Whether the juror has begun: such a scorecard stays where it is.</summary>
    public bool IsStarted => StartedAtUtc is not null;

    /// <summary>Whether it still counts as one of the profile's jurors (not set aside).</summary>
    public bool IsActive => Status != ScorecardStatus.Excluded;

    /// <summary>The juror (or an Admin with a paper sheet) begins scoring.</summary>
    public void Start(DateTime nowUtc, string? enteredByAdminUserId = null)
    {
        if (Status != ScorecardStatus.NotStarted)
        {
            throw new InvalidOperationException($"Scorecard {Id} was already started ({Status}).");
        }
        Status = ScorecardStatus.Draft;
        StartedAtUtc = nowUtc;
        EnteredByAdminUserId = enteredByAdminUserId;
    }

    /// <summary>Whether its points may still change: started or not, but neither submitted nor excluded.</summary>
    public bool IsOpen => Status is ScorecardStatus.NotStarted or ScorecardStatus.Draft;

    /// <summary>
    /// Replaces the draft's points and comments (the caller checked them with <see cref="ScoreRules"/>):
    /// one entry per criterion id, null points for a criterion left empty. Starts the scorecard when
    /// it was not started; an Admin entering a paper sheet is recorded as having entered it.
    /// </summary>
    public void Record(IReadOnlyDictionary<int, (decimal? Points, string? Comment)> entries, string? overallComment, DateTime nowUtc, string? enteredByAdminUserId = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Scorecard {Id} is {Status}: it cannot change.");
        }
        if (Status == ScorecardStatus.NotStarted)
        {
            Start(nowUtc, enteredByAdminUserId);
        }
        else if (enteredByAdminUserId is not null)
        {
            EnteredByAdminUserId = enteredByAdminUserId;
        }
        _points.RemoveAll(p => !entries.ContainsKey(p.ContestCriterionId));
        foreach (var (criterionId, (points, comment)) in entries)
        {
            var existing = _points.Find(p => p.ContestCriterionId == criterionId);
            var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            if (existing is null)
            {
                _points.Add(new ScorecardPoint(criterionId, points, text));
            }
            else
            {
                existing.Points = points;
                existing.Comment = text;
            }
        }
        OverallComment = string.IsNullOrWhiteSpace(overallComment) ? null : overallComment.Trim();
    }

    /// <summary>
    /// Replaces the attendance list of an open scorecard (the caller checked each DNI against the
    /// group's members with <see cref="FieldAttendanceRules.Check"/>); started like <see cref="Record"/>.
    /// </summary>
    public void RecordAttendance(IEnumerable<string> presentDnis, DateTime nowUtc, string? enteredByAdminUserId = null)
    {
        ArgumentNullException.ThrowIfNull(presentDnis);
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Scorecard {Id} is {Status}: it cannot change.");
        }
        var dnis = presentDnis.Select(d => d.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (dnis.Any(d => !FieldAttendanceRules.IsDni(d)))
        {
            throw new ArgumentException("Attendance holds a value that is not a DNI.", nameof(presentDnis));
        }
        if (Status == ScorecardStatus.NotStarted)
        {
            Start(nowUtc, enteredByAdminUserId);
        }
        PresentDnis = string.Join(',', dnis);
    }

    /// <summary>Locks a draft (the caller checked every criterion is scored); only an Admin's reopening unlocks it.</summary>
    public void Submit(DateTime nowUtc)
    {
        if (Status != ScorecardStatus.Draft)
        {
            throw new InvalidOperationException($"Scorecard {Id} is {Status}: only a draft can be submitted.");
        }
        Status = ScorecardStatus.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>An Admin unlocks a submitted scorecard (the reason goes to the audit log); it is a draft again.</summary>
    public void Reopen()
    {
        if (Status != ScorecardStatus.Submitted)
        {
            throw new InvalidOperationException($"Scorecard {Id} is {Status}: only a submitted scorecard can be reopened.");
        }
        Status = ScorecardStatus.Draft;
        SubmittedAtUtc = null;
    }

    /// <summary>Sets a started scorecard aside (a conflict came to light after scoring began); its points stay on record.</summary>
    public void Exclude(string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsStarted)
        {
            throw new InvalidOperationException("A scorecard not started is removed, not excluded.");
        }
        if (Status == ScorecardStatus.Excluded)
        {
            return;
        }
        reason = reason.Trim();
        Status = ScorecardStatus.Excluded;
        ExcludedAtUtc = nowUtc;
        ExclusionReason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }
}

/// <summary>A juror's points and comment for one criterion of the stage; null points: not scored yet.</summary>
public sealed class ScorecardPoint
{
    private ScorecardPoint() { }

    internal ScorecardPoint(int contestCriterionId, decimal? points, string? comment)
    {
        ContestCriterionId = contestCriterionId;
        Points = points;
        Comment = comment;
    }

    public int Id { get; private set; }
    public int ScorecardId { get; private set; }
    public int ContestCriterionId { get; private set; }
    public decimal? Points { get; internal set; }
    public string? Comment { get; internal set; }
}

/// <summary>
/// The stage's assignment bookkeeping: the last automatic run and its seed. Every change to the
/// stage's assignment touches this row, so two admins changing the same stage at once cannot both
/// win (its version is checked on save).
/// </summary>
public sealed class StageAssignmentState : IVersioned
{
    private StageAssignmentState() { }

    public StageAssignmentState(int contestStageId) => ContestStageId = contestStageId;

    public int ContestStageId { get; private set; }
    public int? LastSeed { get; private set; }
    public DateTime? LastRunAtUtc { get; private set; }
    public int Revision { get; private set; }
    public Guid Version { get; set; }

    public void RecordChange() => Revision++;

    public void RecordRun(int seed, DateTime nowUtc)
    {
        LastSeed = seed;
        LastRunAtUtc = nowUtc;
        Revision++;
    }
}
