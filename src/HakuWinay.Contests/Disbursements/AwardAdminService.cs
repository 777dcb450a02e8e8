using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Disbursements;

/// <summary>A tranche payment as the Admin enters it; the voucher (PDF or image) is optional.</summary>
public sealed record TranchePaymentInput(decimal Amount, DateOnly PaidOn, string? BankReference);

/// <summary>
/// The Admin's work on an award after publication: the signed agreement, tranche payments,
/// holds and cancellations, the answer to a flagged correction, the visits' Technicians and
/// dates, and the closure. Every rule is checked before anything changes and refused with a
/// rule key (texts "Awards.*"); every change is audited; a payment and the closure are emailed
/// to the group. Two Admins acting on the same record at once: the version tokens keep one,
/// the other gets <see cref="ServiceOutcome.Conflict"/>.
/// </summary>
public sealed class AwardAdminService(
    IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock,
    IOutboxSignal outboxSignal, IExecutionSweepTrigger sweep, IContestEvents events, IPortalAddress? address = null)
{
    /// <summary>Records (or, until the first payment, re-records) the signature date and the signed PDF; asks for a sweep so tranche 1 becomes due.</summary>
    public async Task<ServiceResult<int>> RecordAgreementAsync(ActingUser admin, int awardId, DateOnly? signedOn, UploadedFile? signedPdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (award is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var (now, today) = Now();
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<int>.Invalid("Agreement", "Awards.NotActive");
        }
        if (award.HasPayment)
        {
            return ServiceResult<int>.Invalid("Agreement", "Awards.AgreementLockedByPayment");
        }
        if (signedOn is not { } date)
        {
            return ServiceResult<int>.Invalid("SignedOn", "Awards.DateRequired");
        }
        if (date > today)
        {
            return ServiceResult<int>.Invalid("SignedOn", "Awards.DateInFuture", Day(today));
        }
        var (file, refusal) = await FileIntake.StoreAsync(storage, signedPdf, FileIntake.PdfOnly, "AgreementFile", ct);
        if (refusal is not null)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        var before = new { award.AgreementSignedOn, File = award.AgreementFile?.DisplayName, award.AgreementFile?.Sha256 };
        award.RecordAgreement(date, file!, admin.UserId, now, today);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.agreement-recorded", nameof(Award), Key(award.Id), award.ContestId, award.BusinessProfileId,
            before: before.AgreementSignedOn is null ? null : before,
            after: new { award.AgreementSignedOn, File = file!.DisplayName, file.Sha256, file.StorageName }));
        var saved = await SaveAsync(db, award, file, ct);
        if (saved is not null)
        {
            return ServiceResult<int>.Fail(saved.Value);
        }
        sweep.SweepSoon();
        return ServiceResult<int>.Ok(award.Id);
    }

    /// <summary>
    /// Pays a due tranche whole: exactly its amount, never above what is left of the award, dated
    /// in Lima between the agreement and today, with the bank's operation reference. A repeated
    /// request, or a second Admin at the same moment, finds it paid and changes nothing.
    /// </summary>
    public async Task<ServiceResult<int>> PayTrancheAsync(ActingUser admin, int awardId, int trancheId, TranchePaymentInput input, UploadedFile? voucher, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(input);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        var tranche = award?.Tranches.SingleOrDefault(t => t.Id == trancheId);
        if (award is null || tranche is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var (now, today) = Now();
        var refusal = PaymentRefusal(award, tranche, input, today);
        if (refusal is not null)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        StoredFile? file = null;
        if (voucher is not null)
        {
            (file, refusal) = await FileIntake.StoreAsync(storage, voucher, FileIntake.PdfOrImage, "Voucher", ct);
            if (refusal is not null)
            {
                return ServiceResult<int>.Invalid([refusal]);
            }
        }
        award.Pay(tranche.Id, input.Amount, input.PaidOn, input.BankReference!, file, admin.UserId, now, today);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.tranche-paid", nameof(AwardTranche), Key(tranche.Id), award.ContestId, award.BusinessProfileId,
            before: new { Status = TrancheStatus.Due.ToString() },
            after: new { tranche.Order, tranche.PaidAmount, PaidOn = tranche.PaidOnLimaDate, tranche.BankReference, Voucher = file?.DisplayName, file?.Sha256, AwardPaid = award.PaidAmount }));
        await QueueGroupEmailAsync(db, award, $"Desembolso del tramo {tranche.Order}",
            $"""
            Se realizó el desembolso del **tramo {tranche.Order}** de su premio por **{Money.Format(tranche.Amount)}** el {Day(input.PaidOn)} (operación bancaria {tranche.BankReference}).

            En total se le ha desembolsado {Money.Format(award.PaidAmount)} de {Money.Format(award.Amount)}. Recuerde rendir cuentas de sus gastos con sus comprobantes en el portal.
            """, $"award-tranche-paid:{Key(tranche.Id)}", now, ct,
            (code, link) => SmsTexts.TranchePaid(tranche.Order, code, input.Amount, link));
        var saved = await SaveAsync(db, award, file, ct);
        if (saved is not null)
        {
            return ServiceResult<int>.Fail(saved.Value);
        }
        outboxSignal.MessagesQueued();
        sweep.SweepSoon();
        return ServiceResult<int>.Ok(tranche.Id);
    }

    /// <summary>Holds a scheduled or due tranche back for a reason.</summary>
    public Task<ServiceResult<int>> HoldTrancheAsync(ActingUser admin, int awardId, int trancheId, string? reason, CancellationToken ct = default) =>
        ChangeTrancheAsync(admin, awardId, trancheId, reason, "award.tranche-held", (tranche, text, now) =>
        {
            if (tranche.Status is not (TrancheStatus.Scheduled or TrancheStatus.Due))
            {
                return new RuleViolation("Tranche", "Awards.CannotHold");
            }
            if (ReasonRefusal(text, AwardTranche.MaxReasonLength) is { } refusal)
            {
                return refusal;
            }
            tranche.PutOnHold(text!, now);
            return null;
        }, ct);

    /// <summary>Returns a held tranche to the state it was held from.</summary>
    public Task<ServiceResult<int>> ReleaseTrancheAsync(ActingUser admin, int awardId, int trancheId, CancellationToken ct = default) =>
        ChangeTrancheAsync(admin, awardId, trancheId, null, "award.tranche-released", (tranche, _, now) =>
        {
            if (tranche.Status != TrancheStatus.OnHold)
            {
                return new RuleViolation("Tranche", "Awards.NotOnHold");
            }
            tranche.Release(now);
            return null;
        }, ct);

    /// <summary>Cancels an unpaid tranche for a reason; it will never be paid (and does not block the closure).</summary>
    public Task<ServiceResult<int>> CancelTrancheAsync(ActingUser admin, int awardId, int trancheId, string? reason, CancellationToken ct = default) =>
        ChangeTrancheAsync(admin, awardId, trancheId, reason, "award.tranche-cancelled", (tranche, text, now) =>
        {
            if (tranche.Status is not (TrancheStatus.Scheduled or TrancheStatus.Due or TrancheStatus.OnHold))
            {
                return new RuleViolation("Tranche", "Awards.CannotCancel");
            }
            if (ReasonRefusal(text, AwardTranche.MaxReasonLength) is { } refusal)
            {
                return refusal;
            }
            tranche.Cancel(text!, now);
            return null;
        }, ct);

    /// <summary>The Admin's answer to a correction of the results that changed this paid award.</summary>
    public async Task<ServiceResult<int>> ResolveCorrectionAsync(ActingUser admin, int awardId, string? resolution, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (award is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (!award.HasUnresolvedCorrection)
        {
            return ServiceResult<int>.Invalid("Resolution", "Awards.NoCorrection");
        }
        if (ReasonRefusal(resolution, Award.MaxReasonLength, "Resolution") is { } refusal)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        var now = Now().Utc;
        award.ResolveCorrection(resolution!, admin.UserId, now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.correction-resolved", nameof(Award), Key(award.Id), award.ContestId, award.BusinessProfileId,
            after: new { award.CorrectionVersion, award.CorrectionAmount, award.CorrectionResolution }));
        var saved = await SaveAsync(db, award, null, ct);
        return saved is null ? ServiceResult<int>.Ok(award.Id) : ServiceResult<int>.Fail(saved.Value);
    }

    /// <summary>Gives a visit (not yet approved) to another Technician; the user must have the Technician role.</summary>
    public async Task<ServiceResult<int>> AssignTechnicianAsync(ActingUser admin, int awardId, int visitId, string? technicianUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        var visit = award?.Visits.SingleOrDefault(v => v.Id == visitId);
        if (award is null || visit is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<int>.Invalid("Technician", "Awards.NotActive");
        }
        if (visit.Status == FollowUp.VisitStatus.Approved)
        {
            return ServiceResult<int>.Invalid("Technician", "Awards.VisitApproved");
        }
        var isTechnician = !string.IsNullOrWhiteSpace(technicianUserId)
            && await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == technicianUserId && r.Name == Roles.Technician
                      select ur.UserId).AnyAsync(ct);
        if (!isTechnician)
        {
            return ServiceResult<int>.Invalid("Technician", "Awards.NotATechnician");
        }
        var district = await db.ProducerGroups.Where(g => g.Id == award.ProducerGroupId).Select(g => g.Location.DistrictCode).SingleAsync(ct);
        if (!(await Territories.StaffScopes.OfAsync(db, technicianUserId!, ct)).Contains(district[..2], district[..4], district))
        {
            // A Technician of another territory would never see the visit (their list follows their scope).
            return ServiceResult<int>.Invalid("Technician", "Territories.TechnicianOutsideScope");
        }
        var now = Now().Utc;
        var previous = visit.TechnicianUserId;
        visit.AssignTechnician(technicianUserId!, now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.visit-assigned", nameof(FollowUp.AwardVisit), Key(visit.Id), award.ContestId, award.BusinessProfileId,
            before: new { Technician = previous }, after: new { Technician = technicianUserId, visit.Order }));
        var saved = await SaveAsync(db, award, null, ct);
        return saved is null ? ServiceResult<int>.Ok(visit.Id) : ServiceResult<int>.Fail(saved.Value);
    }

    /// <summary>Moves a scheduled or overdue visit to another date, today or later in Lima.</summary>
    public async Task<ServiceResult<int>> RescheduleVisitAsync(ActingUser admin, int awardId, int visitId, DateOnly? scheduledOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        var visit = award?.Visits.SingleOrDefault(v => v.Id == visitId);
        if (award is null || visit is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var (now, today) = Now();
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<int>.Invalid("ScheduledOn", "Awards.NotActive");
        }
        if (visit.Status is not (FollowUp.VisitStatus.Scheduled or FollowUp.VisitStatus.Overdue))
        {
            return ServiceResult<int>.Invalid("ScheduledOn", "Awards.VisitCannotMove");
        }
        if (scheduledOn is not { } date)
        {
            return ServiceResult<int>.Invalid("ScheduledOn", "Awards.DateRequired");
        }
        if (date < today)
        {
            return ServiceResult<int>.Invalid("ScheduledOn", "Awards.DateInPast", Day(today));
        }
        var previous = visit.ScheduledOn;
        visit.Reschedule(date, now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.visit-rescheduled", nameof(FollowUp.AwardVisit), Key(visit.Id), award.ContestId, award.BusinessProfileId,
            before: new { ScheduledOn = previous }, after: new { ScheduledOn = date, visit.Order }));
        var saved = await SaveAsync(db, award, null, ct);
        return saved is null ? ServiceResult<int>.Ok(visit.Id) : ServiceResult<int>.Fail(saved.Value);
    }

    /// <summary>
    /// Closes the award when nothing blocks it (every tranche paid or cancelled, the paid money
    /// accounted for by approved expenses with none awaiting review, the last visit approved, no
    /// correction pending), on a Lima date from the last payment to today, with notes (Markdown).
    /// </summary>
    public async Task<ServiceResult<int>> CloseAsync(ActingUser admin, int awardId, DateOnly? closedOn, string? notes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (award is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var (now, today) = Now();
        var (approved, awaiting) = await ExpenseStandingAsync(db, award.Id, ct);
        var blockers = award.ClosureBlockers(approved, awaiting);
        if (blockers.Count > 0)
        {
            return ServiceResult<int>.Invalid(blockers.Select(b => new RuleViolation("Closure", $"Awards.Blocker.{b}")).ToList());
        }
        if (closedOn is not { } date)
        {
            return ServiceResult<int>.Invalid("ClosedOn", "Awards.DateRequired");
        }
        if (date > today)
        {
            return ServiceResult<int>.Invalid("ClosedOn", "Awards.DateInFuture", Day(today));
        }
        var lastPaid = award.Tranches.Max(t => t.PaidOnLimaDate);
        if (lastPaid is { } last && date < last)
        {
            return ServiceResult<int>.Invalid("ClosedOn", "Awards.ClosedBeforeLastPayment", Day(last));
        }
        if ((notes?.Trim().Length ?? 0) > Award.MaxClosingNotesLength)
        {
            return ServiceResult<int>.Invalid("Notes", "Awards.TooLong", Award.MaxClosingNotesLength);
        }
        award.Close(date, notes, approved, awaiting, admin.UserId, now, today);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "award.closed", nameof(Award), Key(award.Id), award.ContestId, award.BusinessProfileId,
            before: new { Status = AwardStatus.Active.ToString() },
            after: new { Status = award.Status.ToString(), award.ClosedOn, award.PaidAmount, Accounted = approved, award.ClosingNotes }));
        await QueueGroupEmailAsync(db, award, "Cierre de su premio",
            $"""
            Su premio de **{Money.Format(award.Amount)}** quedó **cerrado** el {Day(date)}: se desembolsaron {Money.Format(award.PaidAmount)}, su grupo rindió cuentas de {Money.Format(approved)} y se aprobó la última visita de seguimiento.

            Gracias por su trabajo. El acta de cierre queda en el expediente del concurso.
            """, $"award-closed:{Key(award.Id)}", now, ct);
        var saved = await SaveAsync(db, award, null, ct);
        if (saved is not null)
        {
            return ServiceResult<int>.Fail(saved.Value);
        }
        outboxSignal.MessagesQueued();
        return ServiceResult<int>.Ok(award.Id);
    }

    /// <summary>The approved expenses of the award, and whether any still awaits review.</summary>
    internal static async Task<(decimal Approved, bool Awaiting)> ExpenseStandingAsync(ContestsDbContext db, int awardId, CancellationToken ct)
    {
        var expenses = await db.Expenses.Where(e => e.AwardId == awardId && e.Status != ExpenseStatus.Rejected)
            .Select(e => new { e.Status, e.Amount }).ToListAsync(ct);
        return (expenses.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Amount), expenses.Any(e => e.Status == ExpenseStatus.Submitted));
    }

    private static RuleViolation? PaymentRefusal(Award award, AwardTranche tranche, TranchePaymentInput input, DateOnly today)
    {
        if (award.Status != AwardStatus.Active)
        {
            return new RuleViolation("Tranche", "Awards.NotActive");
        }
        if (tranche.IsPaid)
        {
            return new RuleViolation("Tranche", "Awards.AlreadyPaid", tranche.Order);
        }
        if (tranche.Status != TrancheStatus.Due)
        {
            return new RuleViolation("Tranche", "Awards.TrancheNotDue", tranche.Order);
        }
        var left = award.Amount - award.PaidAmount;
        if (input.Amount <= 0)
        {
            return new RuleViolation("Amount", "Awards.AmountNotPositive");
        }
        if (input.Amount > left)
        {
            return new RuleViolation("Amount", "Awards.AmountAboveRemaining", Money.Format(left));
        }
        if (input.Amount != tranche.Amount)
        {
            return new RuleViolation("Amount", "Awards.AmountNotTranche", Money.Format(tranche.Amount));
        }
        if (input.PaidOn > today)
        {
            return new RuleViolation("PaidOn", "Awards.DateInFuture", Day(today));
        }
        if (award.AgreementSignedOn is { } signed && input.PaidOn < signed)
        {
            return new RuleViolation("PaidOn", "Awards.PaidBeforeAgreement", Day(signed));
        }
        var reference = input.BankReference?.Trim() ?? "";
        if (reference.Length == 0)
        {
            return new RuleViolation("BankReference", "Awards.BankReferenceRequired");
        }
        return reference.Length > AwardTranche.MaxBankReferenceLength
            ? new RuleViolation("BankReference", "Awards.TooLong", AwardTranche.MaxBankReferenceLength)
            : null;
    }

    private async Task<ServiceResult<int>> ChangeTrancheAsync(ActingUser admin, int awardId, int trancheId, string? reason, string action,
        Func<AwardTranche, string?, DateTime, RuleViolation?> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await LoadAsync(db, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        var tranche = award?.Tranches.SingleOrDefault(t => t.Id == trancheId);
        if (award is null || tranche is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<int>.Invalid("Tranche", "Awards.NotActive");
        }
        var now = Now().Utc;
        var before = tranche.Status;
        if (change(tranche, reason?.Trim(), now) is { } refusal)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, action, nameof(AwardTranche), Key(tranche.Id), award.ContestId, award.BusinessProfileId,
            before: new { Status = before.ToString() }, after: new { Status = tranche.Status.ToString(), tranche.Order, Reason = reason?.Trim() }));
        var saved = await SaveAsync(db, award, null, ct);
        if (saved is not null)
        {
            return ServiceResult<int>.Fail(saved.Value);
        }
        // A released tranche may be due at once.
        sweep.SweepSoon();
        return ServiceResult<int>.Ok(tranche.Id);
    }

    private static RuleViolation? ReasonRefusal(string? reason, int maxLength, string field = "Reason")
    {
        var text = reason?.Trim() ?? "";
        return text.Length == 0 ? new RuleViolation(field, "Awards.ReasonRequired")
            : text.Length > maxLength ? new RuleViolation(field, "Awards.TooLong", maxLength)
            : null;
    }

    private static Task<Award?> LoadAsync(ContestsDbContext db, int awardId, CancellationToken ct) =>
        db.Awards.Include(a => a.Tranches).Include(a => a.Visits).SingleOrDefaultAsync(a => a.Id == awardId, ct);

    /// <summary>
    /// Saves and tells the award's open pages; on a conflict (another Admin changed the record first)
    /// deletes the file just stored and answers Conflict.
    /// </summary>
    private async Task<ServiceOutcome?> SaveAsync(ContestsDbContext db, Award award, StoredFile? stored, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            events.Publish(ContestEvent.Award(award.ContestId, award.Id));
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            FileIntake.Discard(storage, stored);
            return ServiceOutcome.Conflict;
        }
        catch
        {
            FileIntake.Discard(storage, stored);
            throw;
        }
    }

    /// <summary>
    /// Emails the group's representative; with <paramref name="sms"/> (profile code, short link to the
    /// award's page → text), an SMS goes too or instead, as the representative chose.
    /// </summary>
    private async Task QueueGroupEmailAsync(ContestsDbContext db, Award award, string subject, EmailMarkdown body, string key, DateTime now, CancellationToken ct,
        Func<string, string, string>? sms = null)
    {
        var recipient = await Recipients.RepresentativeAsync(db, award.ProducerGroupId, ct);
        var code = await db.BusinessProfiles.Where(p => p.Id == award.BusinessProfileId).Select(p => p.Code).SingleAsync(ct);
        var title = await db.Contests.Where(c => c.Id == award.ContestId).Select(c => c.Title).SingleAsync(ct);
        if (recipient is null)
        {
            return;
        }
        EmailMarkdown fullBody = $"Concurso **{title}**, perfil **{code}**.\n\n{body}";
        if (sms is null)
        {
            // No SMS version of this message: it goes by email as before, to whoever has one.
            if (!string.IsNullOrWhiteSpace(recipient.Email))
            {
                await NotificationOutbox.QueueAsync(db, recipient.Email, $"{subject}: perfil {code}", fullBody, now, key, ct);
            }
            return;
        }
        var text = recipient.WantsSms ? sms(code ?? "", ShortLinks.Create(db, address, $"/awards/{Key(award.Id)}", now)) : "";
        await NotificationOutbox.NotifyAsync(db, recipient, $"{subject}: perfil {code}", fullBody, text, now, key, ct);
    }

    private (DateTime Utc, DateOnly Today) Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, DateOnly.FromDateTime(LimaTime.ToLima(now)));
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
