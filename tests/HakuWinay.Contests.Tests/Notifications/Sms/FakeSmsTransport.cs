using System.Collections.Concurrent;
using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

/// <summary>Records the SMS handed to it; a test chooses the outcome per SMS. Safe to share between dispatchers.</summary>
internal sealed class FakeSmsTransport : ISmsTransport
{
    private readonly ConcurrentQueue<OutgoingSms> _accepted = new();
    private int _calls;

    public Func<OutgoingSms, SmsSendResult> ResultFor { get; set; } = _ => SmsSendResult.Accepted;

    /// <summary>Runs during the hand-over, before the answer: a place to crash or to change the world.</summary>
    public Func<OutgoingSms, Task>? WhileSending { get; set; }

    public IReadOnlyList<OutgoingSms> Accepted => [.. _accepted];

    public int Calls => Volatile.Read(ref _calls);

    public async Task<SmsSendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Yield();
        if (WhileSending is not null)
        {
            await WhileSending(sms);
        }
        var result = ResultFor(sms);
        if (result.Outcome == SmsSendOutcome.Accepted)
        {
            _accepted.Enqueue(sms);
        }
        return result;
    }
}
