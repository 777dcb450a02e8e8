using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.FollowUp;

/// <summary>Counts the sweeps asked for instead of enqueuing them.</summary>
public sealed class CountingSweepTrigger : IExecutionSweepTrigger
{
    private int _count;

    public int Count => _count;

    public void SweepSoon() => Interlocked.Increment(ref _count);
}

/// <summary>Counts the outbox signals instead of enqueuing a dispatch.</summary>
public sealed class CountingOutboxSignal : IOutboxSignal
{
    private int _count;

    public int Count => _count;

    public void MessagesQueued() => Interlocked.Increment(ref _count);
}

/// <summary>
/// The demo published, with tranche 1 of every award paid (so their visits are dated). To
/// give every test visits of its own, more awards are made the same way for demo profiles that
/// were not funded; the last of them stays unpaid, its visits Planned. Each test takes visits of its own through
/// <see cref="NextScheduledVisitAsync"/>, so tests sharing the portal do not meet.
/// </summary>
public sealed partial class VisitsPortal : IAsyncLifetime
{
    public const string Anonymous = "Anonymous";
    public const string OtherProducer = "OtherProducer";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Queue<int> _scheduled = new();
    private readonly Dictionary<int, DemoAward> _awardOfVisit = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The offline tests send many reports from one technician within a minute: the field-sync limit would answer 429 before the rule tested.
    public PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["RateLimits:FieldSyncPerMinute"] = "100000" });
    public CountingSweepTrigger Sweeps { get; } = new();
    public CountingOutboxSignal OutboxSignal { get; } = new();
    public IReadOnlyList<DemoAward> Awards { get; private set; } = [];
    public DemoAward UnpaidAward { get; private set; } = null!;
    public string TechnicianId { get; private set; } = "";
    public string AdminId { get; private set; } = "";

    public ActingUser Technician => new(TechnicianId, IsTechnician: true);
    public ActingUser Admin => new(AdminId, IsAdmin: true);

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
    public AttachmentStorage Storage => Portal.Services.GetRequiredService<AttachmentStorage>();

    public async Task InitializeAsync()
    {
        var published = await AwardedDemo.PublishAsync(Portal);
        await using var db = await Factory.CreateDbContextAsync();
        TechnicianId = await db.Users.Where(u => u.Email == AwardedDemo.TechnicianEmail).Select(u => u.Id).SingleAsync();
        AdminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var spares = await db.BusinessProfiles.Where(p => !db.Awards.Any(a => a.BusinessProfileId == p.Id))
            .OrderBy(p => p.Id).Take(6).Select(p => new { p.Id, p.ContestId, p.ProducerGroupId }).ToListAsync();
        foreach (var spare in spares)
        {
            db.Awards.Add(new Award(spare.ContestId, spare.Id, spare.ProducerGroupId, 7333.33m, 1, HakuWinay.Contests.Contests.Contest.DefaultTranches, HakuWinay.Contests.Contests.Contest.DefaultFollowUpDays, TechnicianId, now));
        }
        await db.SaveChangesAsync();
        Awards = await AwardedDemo.AwardsAsync(Factory);
        UnpaidAward = Awards[^1];
        Assert.True(Awards.Count >= 4 && Awards.Count > published.Count, "The demo should have profiles left without an award.");
        var today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        foreach (var demo in Awards.Take(Awards.Count - 1))
        {
            var award = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == demo.AwardId);
            award.RecordAgreement(today.AddDays(-40), new StoredFile("convenio.pdf", AttachmentStorage.NewStorageName(), AttachmentKind.Pdf, 10, new string('a', 64)), AdminId, now, today);
            var first = award.Tranches.Single(t => t.Order == 1);
            first.MakeDue(now);
            award.Pay(first.Id, first.Amount, today.AddDays(-35), "OP-" + demo.AwardId, null, AdminId, now, today);
            await db.SaveChangesAsync();
            foreach (var visit in award.Visits.OrderBy(v => v.Order))
            {
                _scheduled.Enqueue(visit.Id);
                _awardOfVisit[visit.Id] = demo;
            }
        }
        // Visits dated before today are marked overdue now, not by a sweep that another test's
        // post asks for while a test adds a photo to the same visit (a concurrency conflict).
        using var scope = Portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ExecutionSweepService>().SweepAsync();
    }

    /// <summary>A visit no other test uses, dated, open for its report, with the award it belongs to.</summary>
    public async Task<(int VisitId, DemoAward Award)> NextScheduledVisitAsync()
    {
        await _gate.WaitAsync();
        try
        {
            Assert.True(_scheduled.Count > 0, "The fixture ran out of scheduled visits: fund more profiles or give the test its own portal.");
            var id = _scheduled.Dequeue();
            return (id, _awardOfVisit[id]);
        }
        finally
        {
            _gate.Release();
        }
    }

    public VisitService Service() => new(Factory, Storage, TimeProvider.System, OutboxSignal, Sweeps, Portal.Services.GetRequiredService<IContestEvents>());

    public VisitQueries Queries() => new(Factory, Storage);

    public async Task<IReadOnlyList<int>> LineIdsAsync(int profileId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == profileId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
    }

    public async Task<AwardVisit> VisitAsync(int visitId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.AwardVisits.AsNoTracking().Include(v => v.Photos).Include(v => v.Progress).SingleAsync(v => v.Id == visitId);
    }

    public async Task<VisitReport> ReportAsync(DemoAward award, VisitRating rating = VisitRating.Satisfactory, string observations = "Todo en orden.")
    {
        var lines = await LineIdsAsync(award.ProfileId);
        return new VisitReport(Today.AddDays(-1), 12, 1500.50m, 3, observations, rating,
            lines.Select((id, i) => new VisitLineProgressInput(id, 50 + i, "Avanza")).ToList());
    }

    public static DateOnly Today => DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));

    public async Task<HttpClient> ClientAsync(string principal, string? email = null)
    {
        var key = email ?? principal;
        if (!_clients.TryGetValue(key, out var client))
        {
            client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (principal != Anonymous)
            {
                await SignIn.AsAsync(client, email ?? principal, PortalFactory.DemoPassword);
            }
            _clients[key] = client;
        }
        return client;
    }

    /// <summary>Posts one of the Admin review page's static forms as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostDecisionAsync(HttpClient client, string url, string formName, string? comment, string? version = null)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{url} has no antiforgery token.");
        version ??= VersionField().Match(page).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Decision.Version"] = version,
        };
        if (comment is not null)
        {
            fields["Decision.Comment"] = comment;
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        Portal.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Decision.Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
