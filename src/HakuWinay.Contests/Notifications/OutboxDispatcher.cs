using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.Notifications;

/// <summary>
/// Sends the outbox messages that are due. Each message is claimed with an optimistic
/// concurrency check before it is sent, so two dispatchers (two jobs, or two servers) never send
/// the same message; a failed send is retried later with back-off and never dropped. An SMS is
/// sent at most once: its send is recorded as begun before the gateway is called, and one whose
/// outcome is unknown waits for the Administrator or a delivery report (docs/decisions/035).
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<ContestsDbContext> dbFactory,
    IEmailTransport transport,
    ISmsTransport smsTransport,
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
            if (message.IsInterruptedSmsAt(now))
            {
                message.MarkOutcomeUnknown("The sending process stopped during the hand-over.", now);
                logger.LogWarning("SMS {OutboxId} was interrupted mid-send; left for the Administrator.", message.Id);
            }
            else
            {
                message.Claim(token, now);
                if (message.Channel == OutboxChannel.Sms)
                {
                    // Saved with the claim, before the gateway is called: a crash from here on is recognisable.
                    message.BeginSmsSend(now);
                }
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (message.ClaimToken == token)
                {
                    claimed.Add(message);
                }
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

        var results = await SendEmailsAsync(claimed.Where(m => m.Channel == OutboxChannel.Email).ToList(), cancellationToken);
        var sent = 0;
        foreach (var message in claimed.Where(m => m.Channel == OutboxChannel.Sms))
        {
            sent += await SendSmsAsync(db, message, cancellationToken);
        }

        var after = clock.GetUtcNow().UtcDateTime;
        foreach (var message in claimed.Where(m => m.Channel == OutboxChannel.Email))
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

    private async Task<IReadOnlyDictionary<long, string?>> SendEmailsAsync(List<OutboxMessage> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return new Dictionary<long, string?>();
        }
        var batch = emails
            .Select(m => new OutgoingEmail(m.Id, m.MessageId, m.To, m.Subject, m.TextBody, m.HtmlBody))
            .ToList();
        try
        {
            return await transport.SendAsync(batch, cancellationToken);
        }
#pragma warning disable CA1031 // Any transport failure must be recorded on the messages, not crash the job.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return batch.ToDictionary(e => e.OutboxId, _ => (string?)ex.Message);
        }
    }

    /// <summary>One SMS, one gateway call, its result saved at once (so the next SMS's crash cannot hide it).</summary>
    private async Task<int> SendSmsAsync(ContestsDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        SmsSendResult result;
        try
        {
            result = await smsTransport.SendAsync(new OutgoingSms(message.Id, message.To, message.TextBody, message.DeliveryToken!), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The request may have left: in doubt, never again by itself.
            result = new SmsSendResult(SmsSendOutcome.Unknown, "Cancelled during the hand-over.");
        }
#pragma warning disable CA1031 // A gateway failure must be recorded on the message, not crash the job.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = new SmsSendResult(SmsSendOutcome.Unknown, ex.Message);
        }
        var after = clock.GetUtcNow().UtcDateTime;
        switch (result.Outcome)
        {
            case SmsSendOutcome.Accepted:
                message.MarkSent(after);
                break;
            case SmsSendOutcome.NotSent:
                message.MarkFailed(result.Error ?? "Not sent.", after);
                logger.LogWarning("SMS {OutboxId} not sent (attempt {Attempts}): {Error}", message.Id, message.Attempts, result.Error);
                break;
            default:
                message.MarkOutcomeUnknown(result.Error ?? "", after);
                logger.LogWarning("SMS {OutboxId} outcome unknown: {Error}", message.Id, result.Error);
                break;
        }
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A delivery report may have settled it meanwhile; the report wins.
            db.Entry(message).State = EntityState.Detached;
            return 0;
        }
        return result.Outcome == SmsSendOutcome.Accepted ? 1 : 0;
    }
}
