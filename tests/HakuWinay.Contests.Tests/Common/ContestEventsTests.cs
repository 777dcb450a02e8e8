using HakuWinay.Contests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace HakuWinay.Contests.Tests.Common;

public sealed class ContestEventsTests
{
    private readonly ContestEvents _events = new(NullLogger<ContestEvents>.Instance);

    [Fact]
    public async Task A_subscriber_hears_its_contest_only_until_it_disposes()
    {
        var heard = new List<ContestEvent>();
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var subscription = _events.Subscribe(1, e =>
        {
            lock (heard)
            {
                heard.Add(e);
                (heard.Count == 1 ? first : second).TrySetResult();
            }
            return Task.CompletedTask;
        });

        _events.Publish(new ContestEvent(2, ContestChange.ScorecardSaved));
        _events.Publish(new ContestEvent(1, ContestChange.ScorecardSubmitted, StageId: 3, ProfileId: 4, ScorecardId: 5));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Dispose();
        subscription.Dispose();
        _events.Publish(new ContestEvent(1, ContestChange.ScorecardSaved));

        Assert.Equal([new ContestEvent(1, ContestChange.ScorecardSubmitted, 3, 4, 5)], heard);
        Assert.Equal(0, _events.SubscriptionCount);
        Assert.False(second.Task.IsCompleted);
    }

    [Fact]
    public async Task A_failing_or_slow_subscriber_neither_stops_the_others_nor_holds_up_the_publisher()
    {
        var stuck = new TaskCompletionSource();
        var heard = new TaskCompletionSource<ContestEvent>();
        using var slow = _events.Subscribe(1, _ => stuck.Task);
        using var failing = _events.Subscribe(1, _ => throw new InvalidOperationException("screen gone"));
        using var healthy = _events.Subscribe(1, e => { heard.TrySetResult(e); return Task.CompletedTask; });

        _events.Publish(new ContestEvent(1, ContestChange.LiveSessionChanged, StageId: 7));

        Assert.Equal(ContestChange.LiveSessionChanged, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Change);
        Assert.Equal(3, _events.SubscriptionCount);
        stuck.SetResult();
    }
}
