using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Accounting;

/// <summary>
/// The demo published (<see cref="AwardedDemo"/>) with two awards of different groups whose
/// agreement was signed 20 days ago and first tranche paid 10 days ago: <see cref="Mine"/>
/// (the Producer's) and <see cref="Theirs"/> (the OtherProducer's, whose visits are reassigned away
/// from the demo Technician). A third award, <see cref="Cancelled"/>, was cancelled unpaid.
/// </summary>
public sealed class PaidAwardsPortal : IAsyncLifetime
{
    public const string Anonymous = "Anonymous";
    public const string OtherProducer = "OtherProducer";

    private readonly SignedInClients _clients;

    public PaidAwardsPortal() => _clients = new SignedInClients(Portal, principal => principal == Anonymous ? null : Accounts[principal]);

    public PortalFactory Portal { get; } = new();

    public DemoAward Mine { get; private set; } = null!;
    public DemoAward Theirs { get; private set; } = null!;
    public DemoAward Cancelled { get; private set; } = null!;
    public int MyFirstTranche { get; private set; }
    public int MySecondTranche { get; private set; }
    public int TheirFirstTranche { get; private set; }
    public int MyLine { get; private set; }
    public int TheirLine { get; private set; }
    public int MyCounterpartLine { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly SignedOn => Today.AddDays(-20);
    public Dictionary<string, string> Accounts { get; } = [];

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public AttachmentStorage Storage => Portal.Services.GetRequiredService<AttachmentStorage>();

    public FakeSweepTrigger Sweep { get; } = new();

    public CountingOutboxSignal Outbox { get; } = new();

    /// <summary>The real service, with a sweep trigger the tests can count.</summary>
    public ExpenseService Service => new(Factory, Storage, TimeProvider.System, Outbox, Sweep, Portal.Services.GetRequiredService<IContestEvents>());

    public async Task InitializeAsync()
    {
        var awards = (await AwardedDemo.PublishAsync(Portal)).Where(a => a.RepresentativeEmail is not null).ToList();
        Mine = awards[0];
        Theirs = awards.First(a => a.GroupId != Mine.GroupId);
        Cancelled = awards.First(a => a.GroupId != Mine.GroupId && a.GroupId != Theirs.GroupId);
        Accounts[Identity.Roles.Admin] = AwardedDemo.AdminEmail;
        Accounts[Identity.Roles.Technician] = AwardedDemo.TechnicianEmail;
        Accounts[Identity.Roles.Juror] = "jurado1@demo.hakuwinay.pe";
        Accounts[Identity.Roles.Producer] = Mine.RepresentativeEmail!;
        Accounts[OtherProducer] = Theirs.RepresentativeEmail!;

        var now = DateTime.UtcNow;
        Today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        await using var db = await Factory.CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        foreach (var id in new[] { Mine.AwardId, Theirs.AwardId })
        {
            var award = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == id);
            award.RecordAgreement(SignedOn, new StoredFile("convenio.pdf", AttachmentStorage.NewStorageName(), AttachmentKind.Pdf, 100, new string('0', 64)), adminId, now, Today);
            var first = award.Tranches.Single(t => t.Order == 1);
            first.MakeDue(now);
            award.Pay(first.Id, first.Amount, Today.AddDays(-10), "OP-" + id, null, adminId, now, Today);
            if (id == Theirs.AwardId)
            {
                foreach (var visit in award.Visits)
                {
                    visit.AssignTechnician(adminId, now);
                }
            }
        }
        var cancelled = await db.Awards.Include(a => a.Tranches).SingleAsync(a => a.Id == Cancelled.AwardId);
        cancelled.Cancel("Prueba: anulado antes de pagar.", now);
        await db.SaveChangesAsync();

        var tranches = await db.AwardTranches.Where(t => t.AwardId == Mine.AwardId || t.AwardId == Theirs.AwardId).ToListAsync();
        MyFirstTranche = tranches.Single(t => t.AwardId == Mine.AwardId && t.Order == 1).Id;
        MySecondTranche = tranches.Single(t => t.AwardId == Mine.AwardId && t.Order == 2).Id;
        TheirFirstTranche = tranches.Single(t => t.AwardId == Theirs.AwardId && t.Order == 1).Id;
        var lines = await db.BusinessProfiles.Where(p => p.Id == Mine.ProfileId || p.Id == Theirs.ProfileId).SelectMany(p => p.Lines)
            .Select(l => new { l.Id, l.BusinessProfileId, l.FinancedBy }).ToListAsync();
        MyLine = lines.First(l => l.BusinessProfileId == Mine.ProfileId && l.FinancedBy == FinancedBy.Fund).Id;
        MyCounterpartLine = lines.First(l => l.BusinessProfileId == Mine.ProfileId && l.FinancedBy != FinancedBy.Fund).Id;
        TheirLine = lines.First(l => l.BusinessProfileId == Theirs.ProfileId && l.FinancedBy == FinancedBy.Fund).Id;
    }

    public async Task<Common.ActingUser> ActingAsync(string principal)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == Accounts[principal]).Select(u => u.Id).SingleAsync();
        return new Common.ActingUser(id, IsAdmin: principal == Identity.Roles.Admin, IsTechnician: principal == Identity.Roles.Technician);
    }

    public Task<HttpClient> ClientAsync(string principal) => _clients.ForAsync(principal);

    public Task DisposeAsync()
    {
        _clients.Dispose();
        Portal.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Counts the sweeps asked for, instead of enqueuing a Hangfire job.</summary>
public sealed class FakeSweepTrigger : IExecutionSweepTrigger
{
    private int _count;

    public int Count => _count;

    public void SweepSoon() => Interlocked.Increment(ref _count);
}

/// <summary>Counts the outbox signals, instead of enqueuing a dispatch.</summary>
public sealed class CountingOutboxSignal : IOutboxSignal
{
    private int _count;

    public int Count => _count;

    public void MessagesQueued() => Interlocked.Increment(ref _count);
}

/// <summary>Receipt bytes: real PDF and PNG headers, and files that only pretend to be receipts.</summary>
public static class Receipts
{
    public static byte[] Pdf { get; } = [.. "%PDF-1.7\n"u8, .. new byte[256]];
    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[128]];
    public static byte[] Executable { get; } = [.. "MZ"u8, .. new byte[256]];
    public static byte[] Html { get; } = "<html><script>alert(1)</script></html>"u8.ToArray();

    public static UploadedFile File(byte[] bytes, string name = "boleta.pdf") => new(name, new MemoryStream(bytes));
}
