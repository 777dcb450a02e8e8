using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Judging.Live;

/// <summary>
/// The public session of one contest stage before the CLAR: the presentation order drawn with a
/// recorded seed, the profile presenting now, its timer, whether its stage score is shown, and
/// when the session started and ended. One per stage. The order may be drawn again only until the
/// first presenter starts; once ended, the session is read-only.
/// </summary>
public sealed class LiveSession : IVersioned
{
    public const int DefaultPresentationMinutes = 10;
    public const int MaxPresentationMinutes = 120;
    public const int MaxSeed = 999_999_999;

    private LiveSession() { }

    public LiveSession(int contestId, int contestStageId)
    {
        ContestId = contestId;
        ContestStageId = contestStageId;
        PresentationMinutes = DefaultPresentationMinutes;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int ContestStageId { get; private set; }

    /// <summary>The seed of the draw; the same seed and profiles always give the same order.</summary>
    public int? Seed { get; private set; }

    /// <summary>The drawn order as stored: profile ids separated by commas.</summary>
    public string OrderText { get; private set; } = "";
    public string? DrawnByUserId { get; private set; }
    public DateTime? DrawnAtUtc { get; private set; }

    /// <summary>Index into <see cref="Order"/> of the profile presenting; null before the first starts.</summary>
    public int? CurrentPosition { get; private set; }
    public DateTime? TimerStartedAtUtc { get; private set; }
    public int PresentationMinutes { get; private set; }
    public bool ScoreRevealed { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>The profile ids in presentation order; empty until drawn.</summary>
    public IReadOnlyList<int> Order => OrderText.Length == 0
        ? []
        : OrderText.Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

    public bool IsDrawn => DrawnAtUtc is not null;
    public bool IsStarted => StartedAtUtc is not null;
    public bool IsEnded => EndedAtUtc is not null;

    /// <summary>Started and not ended: there is a presenter.</summary>
    public bool IsRunning => IsStarted && !IsEnded;

    /// <summary>The profile presenting now, while the session runs.</summary>
    public int? CurrentProfileId => IsRunning && CurrentPosition is { } position ? Order[position] : null;

    /// <summary>When the current presenter's time is up, while the timer runs.</summary>
    public DateTime? TimerEndsAtUtc => TimerStartedAtUtc?.AddMinutes(PresentationMinutes);

    public bool HasNext => IsDrawn && !IsEnded && (CurrentPosition ?? -1) + 1 < Order.Count;
    public bool HasPrevious => IsRunning && CurrentPosition > 0;

    /// <summary>
    /// Draws the order of the given profiles with the seed (Fisher–Yates over the ids in ascending
    /// order, <see cref="Random"/> seeded): deterministic for a seed. Refused once the first presenter started.
    /// </summary>
    public void Draw(int seed, IEnumerable<int> eligibleProfileIds, string userId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seed, MaxSeed);
        if (IsStarted)
        {
            throw new InvalidOperationException("The order cannot be drawn again once the first presenter started.");
        }
        var order = DrawOrder(seed, eligibleProfileIds);
        if (order.Count == 0)
        {
            throw new InvalidOperationException("There is no eligible profile to draw.");
        }
        Seed = seed;
        OrderText = string.Join(',', order.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        DrawnByUserId = userId;
        DrawnAtUtc = nowUtc;
    }

    /// <summary>The order a seed gives: pure, for the draw and for anyone re-checking it.</summary>
    public static IReadOnlyList<int> DrawOrder(int seed, IEnumerable<int> profileIds)
    {
        var ids = profileIds.Distinct().Order().ToList();
        var random = new Random(seed);
        for (var i = ids.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return ids;
    }

    public void SetPresentationMinutes(int minutes)
    {
        EnsureNotEnded();
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MaxPresentationMinutes);
        PresentationMinutes = minutes;
    }

    /// <summary>The next profile presents (the first one starts the session); its timer is stopped and its score hidden.</summary>
    public void Advance(DateTime nowUtc)
    {
        EnsureNotEnded();
        if (!HasNext)
        {
            throw new InvalidOperationException(IsDrawn ? "The last profile already presented." : "The order is not drawn yet.");
        }
        CurrentPosition = (CurrentPosition ?? -1) + 1;
        StartedAtUtc ??= nowUtc;
        NewPresenter();
    }

    /// <summary>Goes back to the previous presenter (a mistaken "next").</summary>
    public void Back()
    {
        if (!HasPrevious)
        {
            throw new InvalidOperationException("There is no previous presenter.");
        }
        CurrentPosition--;
        NewPresenter();
    }

    public void StartTimer(DateTime nowUtc)
    {
        EnsureRunning();
        TimerStartedAtUtc = nowUtc;
    }

    public void ResetTimer()
    {
        EnsureRunning();
        TimerStartedAtUtc = null;
    }

    /// <summary>Shows the current profile's stage score on the projector.</summary>
    public void Reveal()
    {
        EnsureRunning();
        ScoreRevealed = true;
    }

    public void End(DateTime nowUtc)
    {
        EnsureNotEnded();
        if (!IsDrawn)
        {
            throw new InvalidOperationException("A session not drawn cannot end.");
        }
        EndedAtUtc = nowUtc;
        TimerStartedAtUtc = null;
    }

    private void NewPresenter()
    {
        TimerStartedAtUtc = null;
        ScoreRevealed = false;
    }

    private void EnsureRunning()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException("The session is not running.");
        }
    }

    private void EnsureNotEnded()
    {
        if (IsEnded)
        {
            throw new InvalidOperationException("The session has ended.");
        }
    }
}
