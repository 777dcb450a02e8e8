using HakuWinay.Contests.Notifications.Sms;
using System.Globalization;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Disbursements;

/// <summary>What one sweep changed.</summary>
public sealed record SweepSummary(int TranchesMadeDue, int VisitRemindersQueued, int VisitsMarkedOverdue);

/// <summary>
/// The execution sweep: moves tranches whose conditions are met to Due and emails the Admins
/// once, reminds Technicians 7 days and 1 day before their visits, marks unreported visits
/// Overdue and emails the Admins. Everything is re-derived from the database at each run; each
/// item (a tranche, a reminder, a visit) is saved with its emails in its own transaction, so a
/// second run finds nothing left to do and a concurrent run's save fails on the tranche's or
/// visit's concurrency token or on the outbox's unique deduplication key, and is skipped whole.
/// </summary>
public sealed class ExecutionSweepService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IExecutionLinks links, IContestEvents events)
{
    public async Task<SweepSummary> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        var admins = await AdminsAsync(ct);
        var emails = 0;

        var due = 0;
        foreach (var trancheId in await ScheduledTrancheIdsAsync(ct))
        {
            if (await MakeDueIfMetAsync(trancheId, admins, now, ct) is { } queued)
            {
                due++;
                emails += queued;
            }
        }

        var overdue = 0;
        foreach (var visitId in await LateVisitIdsAsync(today, ct))
        {
            if (await MarkOverdueAsync(visitId, admins, now, today, ct) is { } queued)
            {
                overdue++;
                emails += queued;
            }
        }

        var reminders = 0;
        foreach (var visit in await VisitsToRemindAsync(today, ct))
        {
            if (await RemindAsync(visit, now, today, ct))
            {
                reminders++;
                emails++;
            }
        }

        if (emails > 0)
        {
            outboxSignal.MessagesQueued();
        }
        return new SweepSummary(due, reminders, overdue);
    }

    private async Task<List<SweepRecipient>> AdminsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == Roles.Admin && u.Email != null
                      orderby u.Id
                      select new SweepRecipient(u.Id, u.Email!, u.FullName)).ToListAsync(ct);
    }

    private async Task<List<int>> ScheduledTrancheIdsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from t in db.AwardTranches
                      join a in db.Awards on t.AwardId equals a.Id
                      where t.Status == TrancheStatus.Scheduled && a.Status == AwardStatus.Active
                      orderby t.Id
                      select t.Id).ToListAsync(ct);
    }

    /// <summary>Makes one tranche due when its condition is met, with one email per Admin; returns the emails queued, or null when nothing changed.</summary>
    private async Task<int?> MakeDueIfMetAsync(int trancheId, IReadOnlyList<SweepRecipient> admins, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tranche = await db.AwardTranches.SingleOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is not { Status: TrancheStatus.Scheduled })
        {
            return null;
        }
        var award = await AwardContextAsync(db, tranche.AwardId, ct);
        if (award is null)
        {
            return null;
        }
        var check = TrancheConditions.Check(tranche, await FactsAsync(db, tranche, ct));
        if (!check.IsDue)
        {
            return null;
        }

        tranche.MakeDue(now);
        db.AuditLog.Add(AuditEntry.Record(now, null, "tranche.due", nameof(AwardTranche), Key(tranche.Id), award.ContestId, award.ProfileId,
            after: new { tranche.AwardId, tranche.Order, tranche.Amount, check.AccountedPercent }));
        var queued = 0;
        foreach (var admin in admins)
        {
            var (subject, body) = ExecutionSweepEmails.TrancheDue(admin, award, tranche.Order, tranche.Amount, check, links.Award(award.AwardId));
            if (await NotificationOutbox.QueueAsync(db, admin.Email, subject, body, now, $"tranche-due:{Key(tranche.Id)}:{admin.UserId}", ct))
            {
                queued++;
            }
        }
        return await SaveAndTellAsync(db, award, ct) ? queued : null;
    }

    /// <summary>
    /// What the database says of a tranche's condition, read the way the award's pages read it
    /// (<see cref="AwardProgress.FactsFor"/>), so the sweep never disagrees with what they show.
    /// </summary>
    private static async Task<TrancheConditionFacts> FactsAsync(ContestsDbContext db, AwardTranche tranche, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits).AsSplitQuery()
            .SingleAsync(a => a.Id == tranche.AwardId, ct);
        // Summed here, not in SQL: SQLite cannot add up decimals.
        var approved = await db.Expenses.AsNoTracking()
            .Where(e => e.AwardId == tranche.AwardId && e.Status == ExpenseStatus.Approved)
            .Select(e => new { e.AwardTrancheId, e.Amount }).ToListAsync(ct);
        var approvedByTranche = approved.GroupBy(e => e.AwardTrancheId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        return AwardProgress.FactsFor(award, tranche, approvedByTranche);
    }

    private async Task<List<int>> LateVisitIdsAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from v in db.AwardVisits
                      join a in db.Awards on v.AwardId equals a.Id
                      where v.Status == VisitStatus.Scheduled && v.ScheduledOn != null && v.ScheduledOn < today && a.Status == AwardStatus.Active
                      orderby v.Id
                      select v.Id).ToListAsync(ct);
    }

    /// <summary>Marks one late visit overdue, with one email per Admin; returns the emails queued, or null when nothing changed.</summary>
    private async Task<int?> MarkOverdueAsync(int visitId, IReadOnlyList<SweepRecipient> admins, DateTime now, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.AwardVisits.SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !visit.MarkOverdueIfLate(today, now))
        {
            return null;
        }
        var award = await AwardContextAsync(db, visit.AwardId, ct);
        if (award is null)
        {
            return null;
        }
        var technician = visit.TechnicianUserId is null ? null
            : await db.Users.Where(u => u.Id == visit.TechnicianUserId).Select(u => u.FullName.Length > 0 ? u.FullName : u.Email).SingleOrDefaultAsync(ct);
        var date = visit.ScheduledOn!.Value;
        db.AuditLog.Add(AuditEntry.Record(now, null, "visit.overdue", nameof(AwardVisit), Key(visit.Id), award.ContestId, award.ProfileId,
            after: new { visit.AwardId, visit.Order, ScheduledOn = date }));
        var queued = 0;
        foreach (var admin in admins)
        {
            var (subject, body) = ExecutionSweepEmails.VisitOverdue(admin, award, visit.Order, date, technician, links.Award(award.AwardId));
            if (await NotificationOutbox.QueueAsync(db, admin.Email, subject, body, now, $"visit-overdue:{Key(visit.Id)}:{DateKey(date)}:{admin.UserId}", ct))
            {
                queued++;
            }
        }
        return await SaveAndTellAsync(db, award, ct) ? queued : null;
    }

    /// <summary>Saves one item's change and, once committed, tells the award's open pages (a tranche now Due, a visit now Overdue).</summary>
    private async Task<bool> SaveAndTellAsync(ContestsDbContext db, SweepAwardContext award, CancellationToken ct)
    {
        if (!await TrySaveAsync(db, ct))
        {
            return false;
        }
        events.Publish(ContestEvent.Award(award.ContestId, award.AwardId));
        return true;
    }

    private async Task<List<VisitToRemind>> VisitsToRemindAsync(DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(7);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from v in db.AwardVisits
                      join a in db.Awards on v.AwardId equals a.Id
                      join u in db.Users on v.TechnicianUserId equals u.Id
                      where v.Status == VisitStatus.Scheduled && v.ScheduledOn != null && v.ScheduledOn > today && v.ScheduledOn <= horizon
                            && a.Status == AwardStatus.Active && u.Email != null
                      orderby v.Id
                      select new VisitToRemind(v.Id, v.AwardId, v.Order, v.ScheduledOn!.Value, new SweepRecipient(u.Id, u.Email!, u.FullName))).ToListAsync(ct);
    }

    /// <summary>
    /// Queues the reminder due today for one visit. The key holds the visit's date, so a visit
    /// moved to another date is reminded again for the new one.
    /// </summary>
    private async Task<bool> RemindAsync(VisitToRemind visit, DateTime now, DateOnly today, CancellationToken ct)
    {
        if (VisitReminderWindow.DueOn(visit.ScheduledOn, today) is not { } kind)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await AwardContextAsync(db, visit.AwardId, ct);
        if (award is null)
        {
            return false;
        }
        var daysLeft = visit.ScheduledOn.DayNumber - today.DayNumber;
        var (subject, body) = ExecutionSweepEmails.VisitReminder(visit.Technician, award, visit.Order, visit.ScheduledOn, daysLeft, links.Visit(visit.Id));
        var key = $"visit-reminder:{Key(visit.Id)}:{DateKey(visit.ScheduledOn)}:{(int)kind}";
        var recipient = await Recipients.UserAsync(db, visit.Technician.UserId, ct)
            ?? new NotificationRecipient(visit.Technician.Email, null, ContactPreference.Email);
        var sms = recipient.WantsSms
            ? SmsTexts.VisitReminder(visit.Order, award.GroupName, visit.ScheduledOn, daysLeft, ShortLinks.Create(db, null, links.Visit(visit.Id), now))
            : "";
        return await NotificationOutbox.NotifyAsync(db, recipient, subject, body, sms, now, key, ct)
            && await TrySaveAsync(db, ct);
    }

    private static async Task<SweepAwardContext?> AwardContextAsync(ContestsDbContext db, int awardId, CancellationToken ct) =>
        await (from a in db.Awards
               join c in db.Contests on a.ContestId equals c.Id
               join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
               join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
               where a.Id == awardId && a.Status == AwardStatus.Active
               select new SweepAwardContext(a.Id, c.Id, c.Code, p.Id, p.Code ?? "", g.Name)).SingleOrDefaultAsync(ct);

    /// <summary>Saves one item; false when a concurrent sweep saved it first (its token or a deduplication key refused this save).</summary>
    private static async Task<bool> TrySaveAsync(ContestsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (the tranche or visit changed under us) is one too.
            return false;
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record VisitToRemind(int Id, int AwardId, int Order, DateOnly ScheduledOn, SweepRecipient Technician);
}
