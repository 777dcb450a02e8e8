using System.Linq.Expressions;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Disbursements;

/// <summary>One award in a contest's list.</summary>
public sealed record AwardRow(
    int AwardId, int ProfileId, string? ProfileCode, string GroupName, string CategoryName, string ProductionLineName,
    decimal Amount, decimal Paid, AwardStatus Status, AwardNextStep NextStep, bool CorrectionPending);

/// <summary>The awards of a contest, with its code and title.</summary>
public sealed record ContestAwards(int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<AwardRow> Awards);

/// <summary>A tranche as the Admin reads it, with whether its conditions are met now.</summary>
public sealed record TrancheView(
    int Id, int Order, decimal Amount, TrancheStatus Status, Contests.TrancheTrigger Trigger, decimal? RequiredAccountedPercent,
    TrancheDueCheck Conditions, decimal? PaidAmount, DateOnly? PaidOn, string? BankReference, string? VoucherName,
    string? HoldReason, string? CancellationReason, decimal ApprovedExpenses);

public sealed record VisitView(
    int Id, int Order, int DaysAfterFirstPayment, DateOnly? ScheduledOn, VisitStatus Status, string? TechnicianUserId,
    string? TechnicianName, DateOnly? VisitedOn, VisitRating? Rating);

/// <summary>A user who may be given visits.</summary>
public sealed record TechnicianChoice(string UserId, string Name);

/// <summary>One award, everything the Admin needs to carry it to its closing act.</summary>
public sealed record AwardAdminView(
    int AwardId, int ContestId, string ContestCode, string ContestTitle, int ProfileId, string? ProfileCode, string ProfileTitle,
    string GroupName, string CategoryName, string ProductionLineName, decimal Amount, decimal Paid, AwardStatus Status, int PublicationVersion,
    DateOnly? AgreementSignedOn, string? AgreementFileName, bool AgreementLocked,
    int? CorrectionVersion, decimal? CorrectionAmount, bool CorrectionPending, string? CorrectionResolution,
    IReadOnlyList<TrancheView> Tranches, IReadOnlyList<VisitView> Visits,
    decimal ApprovedExpenses, decimal SubmittedExpenses, int ExpensesAwaitingReview, int RejectedExpenses,
    IReadOnlyList<AwardClosureBlocker> ClosureBlockers, AwardNextStep NextStep,
    DateOnly? ClosedOn, string? ClosingNotes, string? CancellationReason)
{
    public decimal AccountedPercent => Paid > 0 ? TrancheConditions.AccountedPercent(ApprovedExpenses, Paid) : 0m;
}

/// <summary>A stored file ready to send.</summary>
public sealed record AwardFileDownload(string DisplayName, string ContentType, string FilePath);

/// <summary>The awards of a contest and one award's full view (Admin), and their files (Admin or the award's group).</summary>
public sealed class AwardQueries(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage)
{
    /// <summary>The contest's awards, optionally of one status, by profile code; null for no such contest.</summary>
    public async Task<ContestAwards?> ForContestAsync(int contestId, AwardStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Code, c.Title }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return null;
        }
        var awards = await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits)
            .Where(a => a.ContestId == contestId && (status == null || a.Status == status)).ToListAsync(ct);
        var ids = awards.Select(a => a.Id).ToList();
        var names = await Names(db, a => ids.Contains(a.Id)).ToDictionaryAsync(n => n.AwardId, ct);
        var expenses = await ExpenseTotals(db, ids, ct);
        var rows = awards.Select(a =>
        {
            var n = names[a.Id];
            var (approved, awaiting) = expenses.GetValueOrDefault(a.Id);
            return new AwardRow(a.Id, a.BusinessProfileId, n.ProfileCode, n.GroupName, n.CategoryName, n.LineName, a.Amount, a.PaidAmount, a.Status,
                AwardProgress.NextStep(a, a.ClosureBlockers(approved, awaiting > 0)), a.HasUnresolvedCorrection);
        }).OrderBy(r => r.ProfileCode, StringComparer.Ordinal).ToList();
        return new ContestAwards(contestId, contest.Code, contest.Title, rows);
    }

    /// <summary>One award's full view; null for no such award.</summary>
    public async Task<AwardAdminView?> AwardAsync(int awardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits).SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return null;
        }
        var n = await Names(db, a => a.Id == awardId).SingleAsync(ct);
        var expenses = await db.Expenses.Where(e => e.AwardId == awardId).Select(e => new { e.AwardTrancheId, e.Status, e.Amount }).ToListAsync(ct);
        var approvedByTranche = expenses.Where(e => e.Status == ExpenseStatus.Approved).GroupBy(e => e.AwardTrancheId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var approved = approvedByTranche.Values.Sum();
        var awaiting = expenses.Count(e => e.Status == ExpenseStatus.Submitted);
        var technicianIds = award.Visits.Select(v => v.TechnicianUserId).OfType<string>().Distinct().ToList();
        var technicianNames = await db.Users.Where(u => technicianIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var tranches = award.Tranches.OrderBy(t => t.Order).Select(t => new TrancheView(t.Id, t.Order, t.Amount, t.Status, t.Trigger, t.RequiredAccountedPercent,
            TrancheConditions.Check(t, AwardProgress.FactsFor(award, t, approvedByTranche)), t.PaidAmount, t.PaidOnLimaDate, t.BankReference,
            t.Voucher?.DisplayName, t.HoldReason, t.CancellationReason, approvedByTranche.GetValueOrDefault(t.Id))).ToList();
        var visits = award.Visits.OrderBy(v => v.Order).Select(v => new VisitView(v.Id, v.Order, v.DaysAfterFirstPayment, v.ScheduledOn, v.Status,
            v.TechnicianUserId, v.TechnicianUserId is null ? null : technicianNames.GetValueOrDefault(v.TechnicianUserId), v.VisitedOn, v.Rating)).ToList();
        var blockers = award.ClosureBlockers(approved, awaiting > 0);
        return new AwardAdminView(award.Id, award.ContestId, n.ContestCode, n.ContestTitle, award.BusinessProfileId, n.ProfileCode, n.ProfileTitle,
            n.GroupName, n.CategoryName, n.LineName, award.Amount, award.PaidAmount, award.Status, award.PublicationVersion,
            award.AgreementSignedOn, award.AgreementFile?.DisplayName, award.HasPayment,
            award.CorrectionVersion, award.CorrectionAmount, award.HasUnresolvedCorrection, award.CorrectionResolution,
            tranches, visits, approved, expenses.Where(e => e.Status != ExpenseStatus.Rejected).Sum(e => e.Amount), awaiting,
            expenses.Count(e => e.Status == ExpenseStatus.Rejected), blockers, AwardProgress.NextStep(award, blockers),
            award.ClosedOn, award.ClosingNotes, award.CancellationReason);
    }

    /// <summary>The users with the Technician role, by name, for reassigning visits.</summary>
    /// <summary>The Technicians who may follow the award: those whose scope holds its group's district (every one without an award).</summary>
    public async Task<IReadOnlyList<TechnicianChoice>> TechniciansAsync(int? awardId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.Technician
                          select new TechnicianChoice(u.Id, u.FullName == "" ? u.Email ?? u.Id : u.FullName)).ToListAsync(ct);
        var district = awardId is null ? null
            : await (from a in db.Awards where a.Id == awardId
                     join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                     select g.Location.DistrictCode).SingleOrDefaultAsync(ct);
        if (district is { Length: 6 })
        {
            var areas = (await db.StaffScopeAreas.Select(a => new { a.UserId, a.Code }).ToListAsync(ct)).ToLookup(a => a.UserId, a => a.Code);
            rows = rows.Where(t => !areas[t.UserId].Any() || Territories.StaffScope.Of(areas[t.UserId]).Contains(district[..2], district[..4], district)).ToList();
        }
        return rows.OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The signed agreement, for the Admin or the award's group representative; NotFound for anyone else.</summary>
    public Task<ServiceResult<AwardFileDownload>> AgreementAsync(ActingUser user, int awardId, CancellationToken ct = default) =>
        FileAsync(user, awardId, db => db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => a.AgreementFile), ct);

    /// <summary>A tranche's voucher, for the Admin or the award's group representative; NotFound for anyone else or a tranche of another award.</summary>
    public Task<ServiceResult<AwardFileDownload>> VoucherAsync(ActingUser user, int awardId, int trancheId, CancellationToken ct = default) =>
        FileAsync(user, awardId, db => db.AwardTranches.AsNoTracking().Where(t => t.Id == trancheId && t.AwardId == awardId).Select(t => t.Voucher), ct);

    private async Task<ServiceResult<AwardFileDownload>> FileAsync(ActingUser user, int awardId, Func<ContestsDbContext, IQueryable<StoredFile?>> file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var representative = await (from a in db.Awards
                                    join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                                    where a.Id == awardId
                                    select new { g.RepresentativeUserId }).SingleOrDefaultAsync(ct);
        if (representative is null || !(user.IsAdmin || representative.RepresentativeUserId == user.UserId))
        {
            return ServiceResult<AwardFileDownload>.Fail(ServiceOutcome.NotFound);
        }
        var stored = await file(db).SingleOrDefaultAsync(ct);
        var path = stored is null ? null : storage.PathOf(stored.StorageName);
        return path is not null && File.Exists(path)
            ? ServiceResult<AwardFileDownload>.Ok(new AwardFileDownload(stored!.DisplayName, stored.ContentType, path))
            : ServiceResult<AwardFileDownload>.Fail(ServiceOutcome.NotFound);
    }

    private static IQueryable<AwardNames> Names(ContestsDbContext db, Expression<Func<Award, bool>> which) =>
        from a in db.Awards.Where(which)
        join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
        join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
        join c in db.Contests on a.ContestId equals c.Id
        join cat in db.Set<Contests.ContestCategory>() on p.CategoryId equals cat.Id
        join l in db.ProductionLines on g.ProductionLineId equals l.Id
        select new AwardNames(a.Id, p.Code, p.Title, g.Name, cat.Name, l.Name, c.Code, c.Title);

    private static async Task<Dictionary<int, (decimal Approved, int Awaiting)>> ExpenseTotals(ContestsDbContext db, List<int> awardIds, CancellationToken ct)
    {
        var rows = await db.Expenses.Where(e => awardIds.Contains(e.AwardId) && e.Status != ExpenseStatus.Rejected)
            .Select(e => new { e.AwardId, e.Status, e.Amount }).ToListAsync(ct);
        return rows.GroupBy(e => e.AwardId).ToDictionary(g => g.Key,
            g => (g.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Amount), g.Count(e => e.Status == ExpenseStatus.Submitted)));
    }

    private sealed record AwardNames(int AwardId, string? ProfileCode, string ProfileTitle, string GroupName, string CategoryName, string LineName, string ContestCode, string ContestTitle);
}
