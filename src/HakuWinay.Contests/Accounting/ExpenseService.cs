using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Accounting;

/// <summary>
/// Accounting for spending (rendición de cuentas): the group's representative, a Technician of
/// one of the award's visits, or an Admin records an expense with its receipt against a paid
/// tranche and a fund-financed line of the plan; the Admin approves it or rejects it with a
/// reason. Every rule is checked before the receipt is stored, so a refusal keeps nothing; each
/// step is audited, an approval asks for a sweep (the next tranche may become due) and a
/// rejection is emailed to the group.
/// </summary>
public sealed class ExpenseService(
    IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock, IOutboxSignal outboxSignal, IExecutionSweepTrigger sweep, IContestEvents events,
    IPortalAddress? address = null)
{
    /// <summary>Records an expense against <c>trancheId</c>, a paid tranche of the award (null: the latest paid one).</summary>
    public async Task<ServiceResult<int>> RecordAsync(ActingUser user, int awardId, int? trancheId, ExpenseInput input, UploadedFile? receipt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await AwardAccess.StandingAsync(db, user, awardId, ct);
        if (!await StaffReach.ReachesAsync(db, user, TerritoryResource.Award, awardId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (award is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<int>.Invalid("Award", "Expenses.AwardNotActive");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        var paid = await db.AwardTranches.AsNoTracking().Where(t => t.AwardId == awardId && t.Status == TrancheStatus.Paid)
            .Select(t => new { t.Id, t.Order }).ToListAsync(ct);
        var lines = await db.BusinessProfiles.AsNoTracking().Where(p => p.Id == award.ProfileId)
            .SelectMany(p => p.Lines).Where(l => l.FinancedBy == FinancedBy.Fund).Select(l => l.Id).ToListAsync(ct);

        var violations = ExpenseRules.Check(input, today, award.AgreementSignedOn).ToList();
        int? tranche = trancheId is null ? paid.OrderByDescending(t => t.Order).Select(t => (int?)t.Id).FirstOrDefault() : paid.Any(t => t.Id == trancheId) ? trancheId : null;
        if (tranche is null)
        {
            violations.Add(new RuleViolation("AwardTrancheId", paid.Count == 0 ? "Expenses.NoPaidTranche" : "Expenses.TrancheNotPaid"));
        }
        if (!lines.Contains(input.InvestmentLineId))
        {
            violations.Add(new RuleViolation("InvestmentLineId", "Expenses.LineNotInPlan"));
        }
        if (violations.Count == 0 && await DocumentTakenAsync(awardId, Expense.KeyOf(input.DocumentType, input.Supplier, input.DocumentNumber), ct))
        {
            violations.Add(new RuleViolation("DocumentNumber", "Expenses.DuplicateDocument"));
        }
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }

        var (file, refusal) = await FileIntake.StoreAsync(storage, receipt, FileIntake.PdfOrImage, "Receipt", ct);
        if (refusal is not null)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        var saved = false;
        try
        {
            var expense = new Expense(awardId, tranche!.Value, input, file!, user.UserId, now, today, award.AgreementSignedOn);
            db.Expenses.Add(expense);
            // The row and its audit entry (which needs the row's id) are kept together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (!await DocumentTakenAsync(awardId, expense.DocumentKey!, ct))
                {
                    throw;
                }
                // The same document, recorded by a request that saved between our check and our save.
                return ServiceResult<int>.Invalid("DocumentNumber", "Expenses.DuplicateDocument");
            }
            db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "expense.recorded", nameof(Expense), Key(expense.Id), award.ContestId, award.ProfileId,
                after: new
                {
                    expense.AwardId, expense.AwardTrancheId, expense.InvestmentLineId, expense.SpentOn, expense.Supplier,
                    DocumentType = expense.DocumentType.ToString(), expense.DocumentNumber, expense.Amount, Receipt = expense.Receipt.DisplayName,
                    expense.Receipt.Sha256, OnBehalf = !award.IsRepresentative,
                }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            saved = true;
            events.Publish(ContestEvent.Award(award.ContestId, awardId));
            return ServiceResult<int>.Ok(expense.Id);
        }
        finally
        {
            if (!saved)
            {
                FileIntake.Discard(storage, file);
            }
        }
    }

    /// <summary>The Admin approves a submitted expense; audited, and a sweep is asked for (the next tranche may become due).</summary>
    public async Task<ServiceResult<ExpenseStatus>> ApproveAsync(ActingUser admin, int expenseId, CancellationToken ct = default)
    {
        var result = await ReviewAsync(admin, expenseId, null, approve: true, ct);
        if (result.Succeeded)
        {
            sweep.SweepSoon();
            outboxSignal.MessagesQueued();
        }
        return result;
    }

    /// <summary>The Admin rejects a submitted expense for a reason (required); audited and emailed to the group.</summary>
    public async Task<ServiceResult<ExpenseStatus>> RejectAsync(ActingUser admin, int expenseId, string? reason, CancellationToken ct = default)
    {
        var result = await ReviewAsync(admin, expenseId, reason, approve: false, ct);
        if (result.Succeeded)
        {
            outboxSignal.MessagesQueued();
        }
        return result;
    }

    private async Task<ServiceResult<ExpenseStatus>> ReviewAsync(ActingUser admin, int expenseId, string? reason, bool approve, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<ExpenseStatus>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expense = await db.Expenses.SingleOrDefaultAsync(e => e.Id == expenseId, ct);
        if (expense is null)
        {
            return ServiceResult<ExpenseStatus>.Fail(ServiceOutcome.NotFound);
        }
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Award, expense.AwardId, ct))
        {
            return StaffReach.Refused<ExpenseStatus>();
        }
        if (expense.Status != ExpenseStatus.Submitted)
        {
            return ServiceResult<ExpenseStatus>.Invalid("Expense", "Expenses.AlreadyReviewed");
        }
        var text = reason?.Trim();
        if (!approve && string.IsNullOrEmpty(text))
        {
            return ServiceResult<ExpenseStatus>.Invalid("Reason", "Expenses.ReasonRequired");
        }
        if (!approve && (text!.Length > Expense.MaxReasonLength || text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
        {
            return ServiceResult<ExpenseStatus>.Invalid("Reason", "Expenses.ReasonInvalid", Expense.MaxReasonLength);
        }
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == expense.AwardId)
            .Select(a => new { a.ContestId, a.BusinessProfileId, a.ProducerGroupId }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (approve)
        {
            expense.Approve(admin.UserId, now);
            await QueueApprovalSmsAsync(db, expense, award.ProducerGroupId, now, ct);
        }
        else
        {
            // The domain refuses control characters; line breaks in a reason become spaces.
            expense.Reject(string.Join(' ', text!.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)), admin.UserId, now);
            await QueueRejectionAsync(db, expense, award.ProducerGroupId, now, ct);
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, approve ? "expense.approved" : "expense.rejected", nameof(Expense), Key(expense.Id),
            award.ContestId, award.BusinessProfileId, before: new { Status = nameof(ExpenseStatus.Submitted) },
            after: new { Status = expense.Status.ToString(), expense.RejectionReason, expense.Amount, expense.AwardTrancheId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<ExpenseStatus>.Fail(ServiceOutcome.Conflict);
        }
        events.Publish(ContestEvent.Award(award.ContestId, expense.AwardId));
        return ServiceResult<ExpenseStatus>.Ok(expense.Status);
    }

    /// <summary>An approval was never emailed (the expenses page shows it); a person who chose SMS hears of it.</summary>
    private async Task QueueApprovalSmsAsync(ContestsDbContext db, Expense expense, int groupId, DateTime now, CancellationToken ct)
    {
        var recipient = await Recipients.RepresentativeAsync(db, groupId, ct);
        if (recipient is not { WantsSms: true })
        {
            return;
        }
        var text = SmsTexts.ExpenseReviewed(expense.Supplier, expense.DocumentNumber, accepted: true, ExpensesLink(db, expense, now));
        await NotificationOutbox.QueueSmsAsync(db, recipient.Mobile!, $"Gasto aprobado: {expense.Supplier} {expense.DocumentNumber}", text, now,
            $"sms:expense-approved:{Key(expense.Id)}", ct);
    }

    private string ExpensesLink(ContestsDbContext db, Expense expense, DateTime now) =>
        ShortLinks.Create(db, address, $"/awards/{Key(expense.AwardId)}/expenses", now);

    private async Task QueueRejectionAsync(ContestsDbContext db, Expense expense, int groupId, DateTime now, CancellationToken ct)
    {
        var recipient = await Recipients.RepresentativeAsync(db, groupId, ct);
        if (recipient is null || !(recipient.WantsEmail || recipient.WantsSms))
        {
            return;
        }
        EmailMarkdown body = $"""
            El gasto de **{Money.Format(expense.Amount)}** del {expense.SpentOn:dd/MM/yyyy} ({expense.Supplier}, documento {expense.DocumentNumber}) **no fue aprobado** en la rendición de cuentas.

            Motivo: {expense.RejectionReason}

            Puede registrar el gasto corregido, con su comprobante, en la página de gastos de su negocio.
            """;
        var sms = recipient.WantsSms ? SmsTexts.ExpenseReviewed(expense.Supplier, expense.DocumentNumber, accepted: false, ExpensesLink(db, expense, now)) : "";
        await NotificationOutbox.NotifyAsync(db, recipient, $"Gasto no aprobado: {expense.Supplier} {expense.DocumentNumber}", body, sms, now,
            $"expense-rejected:{Key(expense.Id)}", ct);
    }

    /// <summary>
    /// Whether a counting (not rejected) expense of the award already holds this document; on a
    /// context of its own, as after a refused save the caller's context still holds its insert.
    /// </summary>
    private async Task<bool> DocumentTakenAsync(int awardId, string documentKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Expenses.AnyAsync(e => e.AwardId == awardId && e.DocumentKey == documentKey, ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
