using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Judging.Live;

/// <summary>Where a stage's session stands.</summary>
public enum LivePhase
{
    /// <summary>No order drawn yet.</summary>
    NotDrawn,
    /// <summary>Drawn; the first presenter has not started.</summary>
    Drawn,
    Running,
    Ended,
}

public sealed record LiveStage(int Id, string Code, string Name);

/// <summary>A profile as the session shows it: code, title, group and production line (no scores).</summary>
public sealed record LivePresenter(int ProfileId, string? Code, string Title, string GroupName, string ProductionLine);

/// <summary>The presenter's clock: when it started (null: not running) and the minutes allowed.</summary>
public sealed record LiveTimer(DateTime? StartedAtUtc, int Minutes)
{
    public DateTime? EndsAtUtc => StartedAtUtc?.AddMinutes(Minutes);

    /// <summary>Time left at <paramref name="nowUtc"/> (negative once over), or null when not running.</summary>
    public TimeSpan? RemainingAt(DateTime nowUtc) => EndsAtUtc - nowUtc;
}

/// <summary>A juror of the current profile as the Admin's console lists them (names are for the Admin only).</summary>
public sealed record JurorProgress(int ScorecardId, string JurorName, ScorecardStatus Status)
{
    public bool Submitted => Status == ScorecardStatus.Submitted;
}

/// <summary>A juror of the current profile on the projector: a number, never a name.</summary>
public sealed record JurorSlot(int Number, bool Submitted);

/// <summary>The current profile's stage score so far and how many submitted scorecards it is made of.</summary>
public sealed record LiveScore(decimal? Score, int Submitted, int Expected, ScoreAggregation Aggregation);

public sealed record LiveConsoleView(
    int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<LiveStage> Stages, LiveStage Stage, int EligibleProfiles,
    LiveSession? Session, LivePhase Phase, IReadOnlyList<LivePresenter> Order, LivePresenter? Current, LiveTimer Timer,
    IReadOnlyList<JurorProgress> Jurors, LiveScore? Score, string? DrawnByName);

public sealed record LiveProjectorView(
    int ContestId, string ContestTitle, LiveStage Stage, LivePhase Phase, LivePresenter? Current, int Position, int Count,
    LiveTimer Timer, IReadOnlyList<JurorSlot> Slots, decimal? RevealedScore);

/// <summary>What a juror's tablet shows: the presenter and, when the juror scores that profile, their scorecard.</summary>
public sealed record JurorLiveView(
    int ContestId, string ContestCode, string ContestTitle, LivePhase Phase, string? StageName, LivePresenter? Current, int? ScorecardId,
    bool DeclarationConfirmed = true);
