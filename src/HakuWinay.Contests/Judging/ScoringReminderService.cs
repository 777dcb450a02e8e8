using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Text;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Emails each juror with pending scorecards of a stage 48 and 24 hours before its scoring
/// deadline (window rule: <see cref="ScoringReminder.DueAt"/>). Pending: not submitted, not
/// excluded, of an eligible profile the juror has no conflict with and whose stage they are
/// still appointed to. Each reminder is a <see cref="ScoringReminder"/> row saved with its email
/// in one transaction; its unique index keeps a second or concurrent run from sending it again.
/// </summary>
public sealed class ScoringReminderService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IScoringLinks links)
{
    /// <summary>Queues the reminders due now; returns how many were queued by this run.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddHours(48);
        List<DueStage> stages;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stages = await (from s in db.Set<ContestStage>()
                            join c in db.Contests on s.ContestId equals c.Id
                            where s.ScoringDeadlineUtc != null && s.ScoringDeadlineUtc > now && s.ScoringDeadlineUtc <= horizon
                            select new DueStage(s.Id, s.Name, s.ScoringDeadlineUtc!.Value, c.Id, c.Code, c.Title)).ToListAsync(ct);
        }
        var queued = 0;
        foreach (var stage in stages)
        {
            if (ScoringReminder.DueAt(stage.DeadlineUtc, now) is { } kind)
            {
                queued += await RemindStageAsync(stage, kind, now, ct);
            }
        }
        if (queued > 0)
        {
            outboxSignal.MessagesQueued();
        }
        return queued;
    }

    private async Task<int> RemindStageAsync(DueStage stage, ScoringReminderKind kind, DateTime now, CancellationToken ct)
    {
        List<PendingJuror> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            pending = await (from s in db.Scorecards
                             join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                             join u in db.Users on s.JurorUserId equals u.Id
                             where s.ContestStageId == stage.Id
                                   && (s.Status == ScorecardStatus.NotStarted || s.Status == ScorecardStatus.Draft)
                                   && p.Status == ProfileStatus.Eligible && u.Email != null
                                   && db.JurorAppointments.Any(a => a.ContestStageId == stage.Id && a.JurorUserId == s.JurorUserId)
                                   && !db.ConflictsOfInterest.Any(x => x.ContestId == stage.ContestId && x.JurorUserId == s.JurorUserId && x.ProducerGroupId == p.ProducerGroupId)
                                   && !db.ScoringReminders.Any(r => r.ContestStageId == stage.Id && r.JurorUserId == s.JurorUserId && r.Kind == kind)
                             group s by new { u.Id, u.Email, u.FullName } into g
                             select new PendingJuror(g.Key.Id, g.Key.Email!, g.Key.FullName, g.Count())).ToListAsync(ct);
        }
        var queued = 0;
        foreach (var juror in pending)
        {
            if (await RemindAsync(stage, kind, juror, now, ct))
            {
                queued++;
            }
        }
        return queued;
    }

    /// <summary>Saves the reminder row and its email together; false when another run got there first.</summary>
    private async Task<bool> RemindAsync(DueStage stage, ScoringReminderKind kind, PendingJuror juror, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ScoringReminders.Add(new ScoringReminder(stage.Id, juror.UserId, kind, juror.Pending, now));
        var hours = (int)kind;
        EmailMarkdown body = $"""
            Estimado(a) {(juror.FullName.Length > 0 ? juror.FullName : juror.Email)}:

            Tiene **{juror.Pending}** {(juror.Pending == 1 ? "ficha de calificación pendiente" : "fichas de calificación pendientes")} en la etapa **{stage.Name}** del concurso **{stage.ContestTitle}** ({stage.ContestCode}).

            El plazo para enviarlas vence el **{Common.LimaTime.Format(stage.DeadlineUtc)}** (hora de Lima), en unas {hours} horas. Después ya no podrá enviarlas.

            [Abrir mis fichas de calificación]({links.Scorecards(stage.ContestId):url})
            """;
        var key = $"scoring-reminder:{stage.Id}:{juror.UserId}:{hours}";
        var recipient = await Recipients.UserAsync(db, juror.UserId, ct) ?? new NotificationRecipient(juror.Email, null, ContactPreference.Email);
        var sms = recipient.WantsSms
            ? SmsTexts.ScoringReminder(stage.ContestCode, juror.Pending, Common.LimaTime.ToLima(stage.DeadlineUtc),
                ShortLinks.Create(db, null, links.Scorecards(stage.ContestId), now))
            : "";
        if (!await NotificationOutbox.NotifyAsync(db, recipient, $"Recordatorio: calificaciones pendientes en {stage.ContestCode}", body, sms, now, key, ct))
        {
            return false;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent run saved this reminder first: its unique index refused the second.
            return false;
        }
    }

    private sealed record DueStage(int Id, string Name, DateTime DeadlineUtc, int ContestId, string ContestCode, string ContestTitle);

    private sealed record PendingJuror(string UserId, string Email, string FullName, int Pending);
}
