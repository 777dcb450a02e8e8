using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Accounting;

public sealed record AwardHeader(int AwardId, int ContestId, string ContestTitle, string ProfileCode, string ProfileTitle, string GroupName,
    AwardStatus Status, decimal Amount, decimal PaidAmount, DateOnly? AgreementSignedOn);

/// <summary>A tranche as the group's page shows it; <see cref="Check"/> says why an unpaid one is not due yet.</summary>
public sealed record TrancheRow(int Id, int Order, decimal Amount, TrancheStatus Status, TrancheTrigger Trigger, decimal? RequiredPercent,
    DateOnly? PaidOn, decimal? PaidAmount, string? HoldReason, string? CancellationReason, TrancheDueCheck? Check);

public sealed record VisitRow(int Order, VisitStatus Status, DateOnly? ScheduledOn, int DaysAfterFirstPayment, VisitRating? Rating);

public sealed record ExpenseRow(int Id, int TrancheId, int TrancheOrder, int LineId, string LineDescription, DateOnly SpentOn, string Supplier,
    ExpenseDocumentType DocumentType, string DocumentNumber, decimal Amount, ExpenseStatus Status, string? RejectionReason, string ReceiptName,
    DateTime RecordedAtUtc, DateTime? ReviewedAtUtc);

/// <summary>Everything the award's pages show: schedule, visits, expenses, their sums and what the group is to do.</summary>
public sealed record AwardAccounts(AwardHeader Award, AwardStanding Standing, IReadOnlyList<TrancheRow> Tranches, IReadOnlyList<VisitRow> Visits,
    IReadOnlyList<TallyLine> Lines, IReadOnlyList<ExpenseRow> Expenses, SpendingTally Tally, IReadOnlyList<PendingItem> Pending)
{
    public IEnumerable<TrancheRow> PaidTranches => Tranches.Where(t => t.Status == TrancheStatus.Paid);

    /// <summary>Whether the user may record expenses here: an active award with a paid tranche.</summary>
    public bool MayRecord => Award.Status == AwardStatus.Active && PaidTranches.Any();
}

/// <summary>An award in the list of a producer's awards.</summary>
public sealed record MyAwardRow(int AwardId, string ContestTitle, string ProfileCode, string ProfileTitle, string GroupName, AwardStatus Status, decimal Amount, decimal PaidAmount);

/// <summary>A receipt to download: where it lies and how to name it.</summary>
public sealed record ReceiptFile(string FilePath, string ContentType, string DisplayName);

/// <summary>
/// Reads an award's accounting for the people who may see it (<see cref="AwardAccess"/>);
/// anyone else gets null, as for an award that does not exist.
/// </summary>
public sealed class ExpenseQueries(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock)
{
    public async Task<AwardAccounts?> AccountsAsync(ActingUser user, int awardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var standing = await AwardAccess.StandingAsync(db, user, awardId, ct);
        if (standing is null)
        {
            return null;
        }
        var award = await db.Awards.AsNoTracking().AsSplitQuery().Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == awardId, ct);
        var header = await (from p in db.BusinessProfiles
                            join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                            join c in db.Contests on p.ContestId equals c.Id
                            where p.Id == award.BusinessProfileId
                            select new AwardHeader(award.Id, c.Id, c.Title, p.Code ?? "", p.Title, g.Name, award.Status, award.Amount, award.PaidAmount, award.AgreementSignedOn))
            .SingleAsync(ct);
        var lines = await db.BusinessProfiles.AsNoTracking().Where(p => p.Id == award.BusinessProfileId).SelectMany(p => p.Lines)
            .Where(l => l.FinancedBy == FinancedBy.Fund).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Description, l.Category, l.Quantity, l.UnitCost }).ToListAsync(ct);
        var plan = lines.Select(l => new TallyLine(l.Id, l.Description, l.Category, Money.Round(l.Quantity * l.UnitCost))).ToList();
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.AwardId == awardId).OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id).ToListAsync(ct);

        var orders = award.Tranches.ToDictionary(t => t.Id, t => t.Order);
        var descriptions = plan.ToDictionary(l => l.LineId, l => l.Description);
        var rows = expenses.Select(e => new ExpenseRow(e.Id, e.AwardTrancheId, orders.GetValueOrDefault(e.AwardTrancheId), e.InvestmentLineId,
            descriptions.GetValueOrDefault(e.InvestmentLineId, ""), e.SpentOn, e.Supplier, e.DocumentType, e.DocumentNumber, e.Amount, e.Status,
            e.RejectionReason, e.Receipt.DisplayName, e.RecordedAtUtc, e.ReviewedAtUtc)).ToList();
        var tally = SpendingTally.Of(
            award.Tranches.Select(t => new TallyTranche(t.Id, t.Order, t.Amount, t.PaidAmount, t.RequiredAccountedPercent)),
            plan, expenses.Select(e => new TallyExpense(e.AwardTrancheId, e.InvestmentLineId, e.Amount, e.Status)));

        var tranches = award.Tranches.OrderBy(t => t.Order).Select(t => new TrancheRow(t.Id, t.Order, t.Amount, t.Status, t.Trigger, t.RequiredAccountedPercent,
            t.PaidOnLimaDate, t.PaidAmount, t.HoldReason, t.CancellationReason, DueCheck(award, t, tally))).ToList();
        var visits = award.Visits.OrderBy(v => v.Order).Select(v => new VisitRow(v.Order, v.Status, v.ScheduledOn, v.DaysAfterFirstPayment, v.Rating)).ToList();
        var next = award.Visits.Where(v => v.IsOpenForReport && v.ScheduledOn is not null).OrderBy(v => v.ScheduledOn).FirstOrDefault();
        var targets = award.Tranches.Where(t => t.IsPaid && award.Tranches.Any(n => n.Order == t.Order + 1 && !n.IsPaid && n.Status != TrancheStatus.Cancelled
                && n.Trigger == TrancheTrigger.FollowUpApprovedAndAccounted))
            .Select(t => new AccountingTarget(t.Id, t.Order, t.PaidOnLimaDate!.Value,
                award.Tranches.Single(n => n.Order == t.Order + 1).RequiredAccountedPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent));
        var pending = award.Status != AwardStatus.Active ? [] : GroupPending.For(award.AgreementSignedOn is not null, tally, targets, next?.ScheduledOn, next?.Order,
            expenses.Where(e => e.Status == ExpenseStatus.Rejected).Select(e => new RejectedExpense(e.Id, e.InvestmentLineId, e.ReviewedAtUtc ?? e.UpdatedAtUtc, e.RejectionReason ?? "")),
            expenses.Select(e => (e.InvestmentLineId, e.RecordedAtUtc)));
        return new AwardAccounts(header, standing, tranches, visits, plan, rows, tally, pending);
    }

    /// <summary>The awards of the groups <paramref name="userId"/> represents, newest first.</summary>
    public async Task<IReadOnlyList<MyAwardRow>> MyAwardsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awards = await (from a in db.Awards.AsNoTracking().Include(a => a.Tranches)
                            join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                            join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
                            join c in db.Contests on a.ContestId equals c.Id
                            where g.RepresentativeUserId == userId && a.Status != AwardStatus.Cancelled
                            orderby a.Id descending
                            select new { Award = a, c.Title, p.Code, ProfileTitle = p.Title, g.Name }).ToListAsync(ct);
        return awards.Select(a => new MyAwardRow(a.Award.Id, a.Title, a.Code ?? "", a.ProfileTitle, a.Name, a.Award.Status, a.Award.Amount, a.Award.PaidAmount)).ToList();
    }

    /// <summary>An expense's receipt, for those who may see its award; null otherwise (and for an expense of another award).</summary>
    public async Task<ReceiptFile?> ReceiptAsync(ActingUser user, int awardId, int expenseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AwardAccess.StandingAsync(db, user, awardId, ct) is null)
        {
            return null;
        }
        var receipt = await db.Expenses.AsNoTracking().Where(e => e.Id == expenseId && e.AwardId == awardId).Select(e => e.Receipt).SingleOrDefaultAsync(ct);
        if (receipt is null || !File.Exists(storage.PathOf(receipt.StorageName)))
        {
            return null;
        }
        return new ReceiptFile(storage.PathOf(receipt.StorageName), receipt.ContentType, receipt.DisplayName);
    }

    /// <summary>Today in Lima, for the form's date limits.</summary>
    public DateOnly TodayInLima() => DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow().UtcDateTime));

    private static TrancheDueCheck? DueCheck(Award award, AwardTranche tranche, SpendingTally tally)
    {
        if (tranche.Status is not (TrancheStatus.Scheduled or TrancheStatus.OnHold))
        {
            return null;
        }
        var approvedByTranche = tally.Tranches.ToDictionary(t => t.TrancheId, t => t.Approved);
        return TrancheConditions.Check(tranche, AwardProgress.FactsFor(award, tranche, approvedByTranche));
    }
}
