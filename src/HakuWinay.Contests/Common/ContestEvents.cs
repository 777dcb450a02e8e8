using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using HakuWinay.Contests.Diagnostics;

namespace HakuWinay.Contests.Common;

/// <summary>What changed in a contest, for the screens that show it live.</summary>
public enum ContestChange
{
    ScorecardSaved,
    ScorecardSubmitted,
    ScorecardReopened,
    ScorecardExcluded,
    AssignmentChanged,
    LiveSessionChanged,
    /// <summary>An award's agreement, tranches, payments, expenses, visits or closure changed; the event names the award.</summary>
    AwardChanged,
    /// <summary>A submitted profile was declared eligible or not; the event names the profile.</summary>
    EligibilityDecided,
    /// <summary>A juror was appointed or removed, or a conflict of interest was declared, recorded, withdrawn or confirmed; the event names the juror.</summary>
    JurorsChanged,
    /// <summary>The contest's public face changed: its settings or bases were saved, it moved on in its lifecycle (an administrator, or the clock opening or closing its call), its deadline was extended.</summary>
    ContestChanged,
    /// <summary>A results version was published (the first or a correction), or a correction was opened.</summary>
    ResultsPublished,
    /// <summary>
    /// A padrón import was queued, moved on or finished. Padrones belong to no contest: the event
    /// goes to <see cref="ContestEvent.ProgrammeWide"/>, where the padrón pages listen.
    /// </summary>
    RegistryImportChanged,
    /// <summary>A device's offline item (a scorecard, a conflict declaration) was answered, taken or refused; the Administrator's field-sync page reloads.</summary>
    DeviceItemAnswered,
}

/// <summary>A change, told after it was saved; the ids say where, the receiver reloads what it shows.</summary>
public sealed record ContestEvent(int ContestId, ContestChange Change, int? StageId = null, int? ProfileId = null, int? ScorecardId = null, int? AwardId = null,
    string? JurorUserId = null)
{
    /// <summary>The contest's jurors or their conflicts changed (an appointment, a declaration, a confirmation).</summary>
    public static ContestEvent Jurors(int contestId, string jurorUserId, int? stageId = null) =>
        new(contestId, ContestChange.JurorsChanged, StageId: stageId, JurorUserId: jurorUserId);

    /// <summary>The "contest" of changes that belong to the whole programme rather than one contest (padrón imports).</summary>
    public const int ProgrammeWide = 0;

    /// <summary>A padrón import changed: the padrón pages reload what they show.</summary>
    public static ContestEvent RegistryImport() => new(ProgrammeWide, ContestChange.RegistryImportChanged);

    /// <summary>An award of the contest changed (by an Admin, the group, a Technician or the sweep).</summary>
    public static ContestEvent Award(int contestId, int awardId) => new(contestId, ContestChange.AwardChanged, AwardId: awardId);
}

/// <summary>
/// The app-wide notifier behind every live screen (juror tablets, the session console, the
/// projector): services publish a <see cref="ContestEvent"/> once their change is committed; a
/// screen subscribes to its contest and disposes the subscription when it goes away. This class
/// delivers to the screens of this copy of the portal; <see cref="RelayedContestEvents"/> also
/// sends each event to the other copies (docs/decisions/024-contest-events-across-servers.md).
/// </summary>
public interface IContestEvents
{
    /// <summary>Calls <paramref name="handler"/> for every event of the contest until the returned subscription is disposed.</summary>
    IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler);

    /// <summary>Tells every subscriber of the event's contest; does not wait for them, and one failing handler does not stop the others.</summary>
    void Publish(ContestEvent contestEvent);
}

public sealed class ContestEvents(ILogger<ContestEvents> logger) : IContestEvents
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Subscription, byte>> _byContest = new();
    private readonly ConcurrentDictionary<Subscription, byte> _everyContest = new();

    /// <summary>How many subscriptions are open: a screen that forgets to dispose one shows here (tests).</summary>
    public int SubscriptionCount => _byContest.Values.Sum(s => s.Count) + _everyContest.Count;

    /// <summary>
    /// Calls <paramref name="handler"/> for every event of every contest, published here or relayed
    /// from another copy, until the returned subscription is disposed: for what serves all contests
    /// at once (the public pages' output cache), not for a screen.
    /// </summary>
    public IDisposable SubscribeAll(Func<ContestEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, null, handler);
        _everyContest.TryAdd(subscription, 0);
        return subscription;
    }

    public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, contestId, handler);
        _byContest.GetOrAdd(contestId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(ContestEvent contestEvent)
    {
        ArgumentNullException.ThrowIfNull(contestEvent);
        foreach (var subscription in _everyContest.Keys)
        {
            _ = DeliverAsync(subscription, contestEvent);
        }
        if (!_byContest.TryGetValue(contestEvent.ContestId, out var subscriptions))
        {
            return;
        }
        foreach (var subscription in subscriptions.Keys)
        {
            _ = DeliverAsync(subscription, contestEvent);
        }
    }

    private async Task DeliverAsync(Subscription subscription, ContestEvent contestEvent)
    {
        try
        {
            // Off the publisher's thread: a slow screen never holds up the service that saved.
            await Task.Yield();
            await subscription.Handler(contestEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live screen failed to handle {Change} of contest {ContestId}.", contestEvent.Change, contestEvent.ContestId);
        }
    }

    private void Remove(Subscription subscription)
    {
        if (subscription.ContestId is not int contestId)
        {
            _everyContest.TryRemove(subscription, out _);
        }
        else if (_byContest.TryGetValue(contestId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
        }
    }

    /// <summary>One handler of one contest's events, or of every contest's when <see cref="ContestId"/> is null.</summary>
    private sealed class Subscription(ContestEvents owner, int? contestId, Func<ContestEvent, Task> handler) : IDisposable
    {
        private int _disposed;

        public int? ContestId { get; } = contestId;
        public Func<ContestEvent, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}

/// <summary>Carries contest events to the other copies of the portal that share the database.</summary>
public interface IContestEventRelay
{
    /// <summary>Sends an event published here to the other copies; never blocks, never throws.</summary>
    void Send(ContestEvent contestEvent);
}

/// <summary>
/// What services and screens use: an event published here reaches this copy's screens at once
/// and, through the relay, every other copy's; the relay hands events from other copies straight
/// to <see cref="ContestEvents"/>, so none comes back twice.
/// </summary>
public sealed class RelayedContestEvents(ContestEvents local, IContestEventRelay relay) : IContestEvents
{
    public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler) => local.Subscribe(contestId, handler);

    public void Publish(ContestEvent contestEvent)
    {
        // Counted once, on the copy where the change was made, not again where it is relayed to.
        PortalMeters.ContestEventPublished(contestEvent.Change);
        local.Publish(contestEvent);
        relay.Send(contestEvent);
    }
}
