using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.Notifications;

/// <summary>
/// Sends the outbox messages that are due. Each message is claimed with an optimistic
/// concurrency check before it is sent, so two dispatchers (two jobs, or two servers) never send
/// the same message; a failed send is retried later with back-off and never dropped.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<ContestsDbContext> dbFactory,
    IEmailTransport transport,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 25;

    /// <summary>Sends every due message, batch after batch. Returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (claimed, sentInBatch) = await DispatchBatchAsync(cancellationToken);
            sent += sentInBatch;
            if (claimed < BatchSize)
            {
                break;
            }
        }
        return sent;
    }

    private async Task<(int Claimed, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var token = Guid.NewGuid();
        var claimed = new List<OutboxMessage>();
        foreach (var message in candidates)
        {
            message.Claim(token, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another dispatcher claimed or changed it first: it is theirs to send.
                db.Entry(message).State = EntityState.Detached;
            }
        }
        if (claimed.Count == 0)
        {
            return (candidates.Count, 0);
        }

        var batch = claimed
            .Select(m => new OutgoingEmail(m.Id, m.MessageId, m.To, m.Subject, m.TextBody, m.HtmlBody))
            .ToList();
        IReadOnlyDictionary<long, string?> results;
        try
        {
            results = await transport.SendAsync(batch, cancellationToken);
        }
#pragma warning disable CA1031 // Any transport failure must be recorded on the messages, not crash the job.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            results = batch.ToDictionary(e => e.OutboxId, _ => (string?)ex.Message);
        }

        var after = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var message in claimed)
        {
            var error = results.TryGetValue(message.Id, out var e) ? e : "The transport did not report on this message.";
            if (error is null)
            {
                message.MarkSent(after);
                sent++;
            }
            else
            {
                message.MarkFailed(error, after);
                // The id, not the address: /admin/outbox shows whom it was for (docs/decisions/027-logs-and-health.md).
                logger.LogWarning("Email {OutboxId} failed (attempt {Attempts}): {Error}", message.Id, message.Attempts, error);
            }
            // One save per message: if another dispatcher took over one expired claim, only that
            // message is affected, and the others are still recorded as sent.
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(message).State = EntityState.Detached;
                logger.LogWarning("Email {OutboxId} was taken over by another dispatcher after its claim expired; its result here was not recorded.", message.Id);
            }
        }
        return (candidates.Count, sent);
    }
}
