using System.Collections.Concurrent;
using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Tests.Notifications;

/// <summary>
/// Records what it was asked to send. By default every email goes out; a test can make chosen
/// messages fail, leave them unreported, or make the whole batch throw (a connection failure).
/// Safe to share between dispatchers running at once.
/// </summary>
internal sealed class FakeEmailTransport : IEmailTransport
{
    private readonly ConcurrentQueue<OutgoingEmail> _sent = new();
    private int _batches;

    /// <summary>The error to report for an email, or null when it is delivered.</summary>
    public Func<OutgoingEmail, string?> ErrorFor { get; set; } = _ => null;

    /// <summary>Emails the transport leaves out of its report.</summary>
    public Func<OutgoingEmail, bool> Unreported { get; set; } = _ => false;

    /// <summary>When set, every batch throws it, as when the SMTP server cannot be reached.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Every email delivered, in order, across all batches.</summary>
    public IReadOnlyList<OutgoingEmail> Delivered => [.. _sent];

    public int Batches => Volatile.Read(ref _batches);

    /// <summary>Runs in the middle of a batch, after the emails left and before the report: a place to change the world.</summary>
    public Func<IReadOnlyList<OutgoingEmail>, Task>? WhileSending { get; set; }

    public async Task<IReadOnlyDictionary<long, string?>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batches);
        // Hand the thread back, as real network I/O would, so concurrent dispatchers interleave.
        await Task.Yield();
        if (Failure is not null)
        {
            throw Failure;
        }
        if (WhileSending is not null)
        {
            await WhileSending(batch);
        }
        var results = new Dictionary<long, string?>();
        foreach (var email in batch.Where(e => !Unreported(e)))
        {
            var error = ErrorFor(email);
            if (error is null)
            {
                _sent.Enqueue(email);
            }
            results[email.OutboxId] = error;
        }
        return results;
    }
}
