using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Execution;

/// <summary>
/// The demo contest published, with three awards moved along by changing the entities directly
/// (the disbursement, accounting and visit services live on other branches):
/// <list type="bullet">
/// <item><see cref="Late"/>: tranche 1 paid 90 days ago, 10% of it accounted (plus an expense awaiting review and a
/// rejected one), its first visit (60 days ago) not reported: at risk for accounting, one visit overdue, one due today.</item>
/// <item><see cref="Unsatisfactory"/>: tranche 1 paid 10 days ago, its group renamed to a formula with markup, and
/// a visit reported unsatisfactory: at risk for the visit.</item>
/// <item><see cref="OnTrack"/>: tranche 1 paid 100 days ago, 80% accounted, its first visit approved as satisfactory:
/// not at risk, one visit done, the second (10 days ago) overdue.</item>
/// </list>
/// </summary>
public sealed class ExecutionPortal : IAsyncLifetime
{
    public const string MaliciousGroupName = "=HYPERLINK(\"http://evil.example\",\"<script>alert(1)</script>\")";

    private readonly SignedInClients _clients;

    public PortalFactory Portal { get; } = new();

    public ExecutionPortal() => _clients = new SignedInClients(Portal, principal => principal == ResultsPortal.Anonymous ? null : ResultsPortal.Accounts[principal]);

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public int ContestId { get; private set; }
    public IReadOnlyList<DemoAward> Awards { get; private set; } = [];
    public DemoAward Late => Awards[0];
    public DemoAward Unsatisfactory => Awards[1];
    public DemoAward OnTrack => Awards[2];
    public DateOnly Today { get; private set; }

    public async Task InitializeAsync()
    {
        Awards = await AwardedDemo.PublishAsync(Portal);
        Assert.True(Awards.Count >= 3, $"The demo should fund at least three profiles, not {Awards.Count}.");
        var now = DateTime.UtcNow;
        Today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        await using var db = await Factory.CreateDbContextAsync();
        var admin = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        var awards = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits)
            .Where(a => Awards.Select(d => d.AwardId).Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        ContestId = awards[Late.AwardId].ContestId;

        var late = awards[Late.AwardId];
        var lateTranche = PayFirstTranche(late, Today.AddDays(-90), admin, now);
        var unsatisfactory = awards[Unsatisfactory.AwardId];
        PayFirstTranche(unsatisfactory, Today.AddDays(-10), admin, now);
        unsatisfactory.Visits.Single(v => v.Order == 1)
            .Submit(Report(Today.AddDays(-1), VisitRating.Unsatisfactory), [], admin, now, Today);
        var onTrack = awards[OnTrack.AwardId];
        var onTrackTranche = PayFirstTranche(onTrack, Today.AddDays(-100), admin, now);
        var onTrackVisit = onTrack.Visits.Single(v => v.Order == 1);
        onTrackVisit.Submit(Report(Today.AddDays(-69), VisitRating.Satisfactory), [], admin, now, Today);
        onTrackVisit.Approve(admin, now);
        await db.SaveChangesAsync();

        var lateLine = await LineOfAsync(db, late.BusinessProfileId);
        db.Expenses.Add(Expense(late.Id, lateTranche, lateLine, Money.Round(lateTranche.Amount * 0.10m), admin, now, ExpenseStatus.Approved, "B001-1"));
        db.Expenses.Add(Expense(late.Id, lateTranche, lateLine, Money.Round(lateTranche.Amount * 0.70m), admin, now, ExpenseStatus.Submitted, "B001-2"));
        db.Expenses.Add(Expense(late.Id, lateTranche, lateLine, Money.Round(lateTranche.Amount * 0.20m), admin, now, ExpenseStatus.Rejected, "B001-3"));
        db.Expenses.Add(Expense(onTrack.Id, onTrackTranche, await LineOfAsync(db, onTrack.BusinessProfileId),
            Money.Round(onTrackTranche.Amount * 0.80m), admin, now, ExpenseStatus.Approved, "F001-1"));
        await db.SaveChangesAsync();
        await db.ProducerGroups.Where(g => g.Id == Unsatisfactory.GroupId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, MaliciousGroupName));
    }

    public Task<HttpClient> ClientAsync(string principal) => _clients.ForAsync(principal);

    public Task DisposeAsync()
    {
        _clients.Dispose();
        Portal.Dispose();
        return Task.CompletedTask;
    }

    private AwardTranche PayFirstTranche(Award award, DateOnly paidOn, string admin, DateTime now)
    {
        var tranche = award.Tranches.Single(t => t.Order == 1);
        tranche.MakeDue(now);
        return award.Pay(tranche.Id, tranche.Amount, paidOn, "OP-" + award.Id, voucher: null, admin, now, Today);
    }

    private static VisitReport Report(DateOnly visitedOn, VisitRating rating) =>
        new(visitedOn, MembersPresent: 8, SalesToDate: 1_500m, Jobs: 2, Observations: "Visita de prueba", Rating: rating, Progress: []);

    private static Task<int> LineOfAsync(ContestsDbContext db, int profileId) =>
        db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == profileId).Select(l => l.Id).FirstAsync();

    private Expense Expense(int awardId, AwardTranche tranche, int lineId, decimal amount, string admin, DateTime now, ExpenseStatus status, string number)
    {
        var receipt = new StoredFile("recibo.pdf", Guid.NewGuid().ToString("N") + ".pdf", AttachmentKind.Pdf, 1_000, new string('0', 64));
        var expense = new Expense(awardId, tranche.Id, new ExpenseInput(lineId, Today.AddDays(-5), "Proveedor SAC", ExpenseDocumentType.Boleta, number, amount),
            receipt, admin, now, Today, agreementSignedOn: null);
        if (status == ExpenseStatus.Approved)
        {
            expense.Approve(admin, now);
        }
        else if (status == ExpenseStatus.Rejected)
        {
            expense.Reject("Comprobante ilegible", admin, now);
        }
        return expense;
    }
}
