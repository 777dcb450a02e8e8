using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Jobs;

/// <summary>
/// The demo published (<see cref="AwardedDemo"/>) in a portal that runs no job server, a fake
/// clock, and the execution sweep over them. Agreements, payments, expenses and visit reports are
/// written on the entities directly, as the services of the other features would.
/// </summary>
internal sealed class SweepScenario : IDisposable
{
    private SweepScenario(PortalFactory portal, FakeTimeProvider clock, IReadOnlyList<DemoAward> awards, IReadOnlyList<string> adminIds, string technicianId)
    {
        Portal = portal;
        Clock = clock;
        Awards = awards;
        AdminIds = adminIds;
        TechnicianId = technicianId;
        Database = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
    }

    public PortalFactory Portal { get; }
    public FakeTimeProvider Clock { get; }
    public IDbContextFactory<ContestsDbContext> Database { get; }
    public IReadOnlyList<DemoAward> Awards { get; }

    /// <summary>Every user in the Admin role with an email: who the sweep writes to.</summary>
    public IReadOnlyList<string> AdminIds { get; }
    public string TechnicianId { get; }
    public CountingSignal Signal { get; } = new();

    public DemoAward First => Awards[0];

    public DateOnly TodayInLima => DateOnly.FromDateTime(LimaTime.ToLima(Clock.GetUtcNow().UtcDateTime));

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A portal on SQLite (or on <paramref name="settings"/>), the demo published, the clock at <paramref name="startUtc"/>.</summary>
    public static async Task<SweepScenario> StartAsync(DateTimeOffset startUtc, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Hangfire:WorkerCount"] = "0" };
        var portal = new PortalFactory(all);
        try
        {
            var awards = await AwardedDemo.PublishAsync(portal);
            var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var admins = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where r.Name == Roles.Admin && u.Email != null
                                select u.Id).ToListAsync();
            var technician = await db.Users.Where(u => u.Email == AwardedDemo.TechnicianEmail).Select(u => u.Id).SingleAsync();
            Assert.NotEmpty(awards);
            Assert.NotEmpty(admins);
            return new SweepScenario(portal, new FakeTimeProvider(startUtc), awards, admins, technician);
        }
        catch
        {
            portal.Dispose();
            throw;
        }
    }

    public ExecutionSweepService NewSweep() => new(Database, Clock, Signal, new FakeLinks(), Portal.Services.GetRequiredService<IContestEvents>());

    public Task<SweepSummary> SweepAsync() => NewSweep().SweepAsync();

    public static StoredFile Pdf(string name) => new(name, Guid.NewGuid().ToString("N") + ".pdf", AttachmentKind.Pdf, 1_000, new string('a', 64));

    public async Task RecordAgreementAsync(int awardId, DateOnly signedOn)
    {
        await using var db = await Database.CreateDbContextAsync();
        var award = await db.Awards.Include(a => a.Tranches).SingleAsync(a => a.Id == awardId);
        award.RecordAgreement(signedOn, Pdf("convenio.pdf"), AdminIds[0], Now, TodayInLima);
        await db.SaveChangesAsync();
    }

    public async Task PayAsync(int awardId, int order, DateOnly paidOn)
    {
        await using var db = await Database.CreateDbContextAsync();
        var award = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == awardId);
        var tranche = award.Tranches.Single(t => t.Order == order);
        award.Pay(tranche.Id, tranche.Amount, paidOn, "OP-" + order, null, AdminIds[0], Now, TodayInLima);
        await db.SaveChangesAsync();
    }

    /// <summary>Records an expense against the paid tranche <paramref name="order"/> and approves it.</summary>
    public async Task ApproveExpenseAsync(int awardId, int order, decimal amount)
    {
        await using var db = await Database.CreateDbContextAsync();
        var award = await db.Awards.Include(a => a.Tranches).SingleAsync(a => a.Id == awardId);
        var line = await db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == award.BusinessProfileId).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        var input = new ExpenseInput(line, TodayInLima, "Agroveterinaria Huamanga", ExpenseDocumentType.Boleta, "B001-" + Guid.NewGuid().ToString("N")[..6], amount);
        var expense = new Expense(award.Id, award.Tranches.Single(t => t.Order == order).Id, input, Pdf("boleta.pdf"), AdminIds[0], Now, TodayInLima, award.AgreementSignedOn);
        expense.Approve(AdminIds[0], Now);
        db.Expenses.Add(expense);
        await db.SaveChangesAsync();
    }

    public async Task FileVisitAsync(int awardId, int order, DateOnly visitedOn, VisitRating rating, bool approve)
    {
        await using var db = await Database.CreateDbContextAsync();
        var visit = await db.AwardVisits.SingleAsync(v => v.AwardId == awardId && v.Order == order);
        visit.Submit(new VisitReport(visitedOn, 12, 1_500m, 3, "Crianza de cuyes en marcha.", rating, []), [], TechnicianId, Now, TodayInLima);
        if (approve)
        {
            visit.Approve(AdminIds[0], Now);
        }
        await db.SaveChangesAsync();
    }

    public async Task RescheduleVisitAsync(int awardId, int order, DateOnly on)
    {
        await using var db = await Database.CreateDbContextAsync();
        var visit = await db.AwardVisits.SingleAsync(v => v.AwardId == awardId && v.Order == order);
        visit.Reschedule(on, Now);
        await db.SaveChangesAsync();
    }

    public async Task<AwardTranche> TrancheAsync(int awardId, int order)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.AwardTranches.AsNoTracking().SingleAsync(t => t.AwardId == awardId && t.Order == order);
    }

    public async Task<AwardVisit> VisitAsync(int awardId, int order)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.AwardVisits.AsNoTracking().SingleAsync(v => v.AwardId == awardId && v.Order == order);
    }

    /// <summary>The emails whose deduplication key starts with <paramref name="keyPrefix"/>.</summary>
    public async Task<List<OutboxMessage>> EmailsAsync(string keyPrefix)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(keyPrefix)).OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<List<string>> AdminEmailsAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Users.Where(u => AdminIds.Contains(u.Id)).Select(u => u.Email!).OrderBy(e => e).ToListAsync();
    }

    public void SetLimaTime(int year, int month, int day, int hour = 0, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(LimaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)), TimeSpan.Zero));

    public void Dispose() => Portal.Dispose();

    internal sealed class CountingSignal : IOutboxSignal
    {
        private int _calls;

        public int Calls => _calls;

        public void MessagesQueued() => Interlocked.Increment(ref _calls);
    }

    private sealed class FakeLinks : IExecutionLinks
    {
        public string Award(int awardId) => $"https://portal.test/admin/awards/{awardId}";

        public string Visit(int visitId) => $"https://portal.test/technician/visits/{visitId}";
    }
}
