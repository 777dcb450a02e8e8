using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Disbursements;

/// <summary>Counts the sweeps asked for, instead of enqueuing Hangfire jobs.</summary>
public sealed class FakeSweepTrigger : IExecutionSweepTrigger
{
    private int _count;

    public int Count => _count;

    public void SweepSoon() => Interlocked.Increment(ref _count);
}

public sealed class FakeOutboxSignal : IOutboxSignal
{
    public void MessagesQueued()
    {
    }
}

/// <summary>
/// The demo with its results published (so it has awards), an <see cref="AwardAdminService"/> on
/// a fake clock, and signed-in clients. Each test class takes the awards it changes by index.
/// </summary>
public sealed class AwardedPortal : IAsyncLifetime
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[512]];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[512]];

    private readonly Dictionary<string, HttpClient> _clients = [];

    public PortalFactory Portal { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeSweepTrigger Sweep { get; } = new();

    public IReadOnlyList<DemoAward> Awards { get; private set; } = [];

    public string AdminId { get; private set; } = "";

    public ActingUser Admin => new(AdminId, IsAdmin: true);

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public AttachmentStorage Storage => Portal.Services.GetRequiredService<AttachmentStorage>();

    public DateOnly Today => DateOnly.FromDateTime(LimaTime.ToLima(Clock.GetUtcNow().UtcDateTime));

    public AwardAdminService Service() => new(Factory, Storage, Clock, new FakeOutboxSignal(), Sweep, Portal.Services.GetRequiredService<IContestEvents>());

    public AwardQueries Queries() => new(Factory, Storage);

    public async Task InitializeAsync()
    {
        Awards = await AwardedDemo.PublishAsync(Portal);
        Assert.True(Awards.Count >= 2, "The demo should fund at least two profiles.");
        Assert.NotEqual(Awards[0].RepresentativeEmail, Awards[1].RepresentativeEmail);
        await using var db = await Factory.CreateDbContextAsync();
        AdminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
    }

    public async Task<HttpClient> ClientAsync(string? email)
    {
        var key = email ?? "";
        if (!_clients.TryGetValue(key, out var client))
        {
            client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
            }
            _clients[key] = client;
        }
        return client;
    }

    public async Task<Award> AwardAsync(int awardId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == awardId);
    }

    /// <summary>What the sweeper does once the agreement is recorded: tranche 1 becomes due.</summary>
    public async Task MakeDueAsync(int awardId, int order)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var tranche = await db.AwardTranches.SingleAsync(t => t.AwardId == awardId && t.Order == order);
        tranche.MakeDue(Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<int> AuditCountAsync(string action)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.AuditLog.CountAsync(a => a.Action == action);
    }

    public int StoredFileCount() => Directory.EnumerateFiles(Storage.RootPath, "*", SearchOption.AllDirectories).Count();

    public static UploadedFile File(string name, byte[] bytes) => new(name, new MemoryStream(bytes));

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        Portal.Dispose();
        return Task.CompletedTask;
    }
}
