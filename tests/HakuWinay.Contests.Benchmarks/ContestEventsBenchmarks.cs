using BenchmarkDotNet.Attributes;
using HakuWinay.Contests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace HakuWinay.Contests.Benchmarks;

/// <summary>
/// How long the live screens of a CLAR session wait for a change: one <see cref="ContestEvent"/>
/// published and handled by every open screen of the contest (jurors' tablets, the console, the
/// projector), while other contests' screens are open too. A handler here only counts; the
/// screens' own reload is measured apart (see docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class ContestEventsBenchmarks
{
    private ContestEvents _events = null!;
    private readonly List<IDisposable> _subscriptions = [];
    private TaskCompletionSource _allHeard = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    /// <summary>Screens open on the session's contest.</summary>
    [Params(20, 200)]
    public int Screens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = new ContestEvents(NullLogger<ContestEvents>.Instance);
        for (var i = 0; i < Screens; i++)
        {
            _subscriptions.Add(_events.Subscribe(1, Heard));
        }
        // Other contests' screens, which must not be called.
        for (var i = 0; i < 500; i++)
        {
            _subscriptions.Add(_events.Subscribe(2 + (i % 10), _ => throw new InvalidOperationException("Wrong contest.")));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _subscriptions.ForEach(s => s.Dispose());

    [Benchmark]
    public async Task PublishUntilEveryScreenHeard()
    {
        _allHeard = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending = Screens;
        _events.Publish(new ContestEvent(1, ContestChange.ScorecardSubmitted, StageId: 1, ProfileId: 1, ScorecardId: 1));
        await _allHeard.Task;
    }

    private Task Heard(ContestEvent _)
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allHeard.TrySetResult();
        }
        return Task.CompletedTask;
    }
}
