using System.Globalization;
using System.Net;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Access;

/// <summary>
/// The access matrix's scoped cases (issue 17): every page and download that names a contest, group,
/// profile, scorecard, appeal, award or visit answers 404 to the staff of another territory, the
/// demo's Apurímac Administrator and Technician, after the Ayacucho demo contest is published (so
/// that its awards and visits exist); the addresses of national staff alone answer 404 to them too.
/// Every kind of record is real: an appeal with its file, an agreement, a paid tranche's voucher, an
/// expense's receipt and a visit's photo are stored through the services, so each 404 is the
/// territory's and each insider's 200 carries the file.
/// </summary>
public sealed class TerritoryAccessTests(TerritoryAccessTests.Fixture fixture) : IClassFixture<TerritoryAccessTests.Fixture>
{
    public const string OtherAdmin = "ut.apurimac@demo.hakuwinay.pe";
    public const string OtherTechnician = "yachachiq.apurimac@demo.hakuwinay.pe";
    public const string NationalAdmin = "admin@demo.hakuwinay.pe";
    public const string AyacuchoTechnician = "tecnico@demo.hakuwinay.pe";

    /// <summary>Addresses the territory gate keeps to national staff: accounts and scopes, every contest's outbox, the jobs.</summary>
    private static readonly HashSet<string> NationalOnly = new(StringComparer.Ordinal)
    {
        "/admin/accounts", "/admin/outbox", "/admin/outbox/{id}.eml", "/admin/outbox/{id:long}.sms.txt", "/admin/jobs",
    };

    /// <summary>The private files the fixture stores through the real services, each with bytes of its own: the insider must get exactly these.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> RealFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["/appeals/{appealId}/attachment"] = [.. "%PDF-1.7\n% sustento del reclamo\n"u8, .. new byte[64]],
        ["/awards/{awardId}/agreement"] = [.. "%PDF-1.7\n% convenio firmado\n"u8, .. new byte[64]],
        ["/awards/{awardId}/tranches/{trancheId}/voucher"] = [.. "%PDF-1.7\n% constancia de pago\n"u8, .. new byte[64]],
        ["/awards/{awardId}/expenses/{expenseId}/receipt"] = [.. "%PDF-1.7\n% factura F001-7\n"u8, .. new byte[64]],
        ["/visits/{visitId}/photos/{photoId}"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "galpon"u8, .. new byte[64]],
    };

    private static IEnumerable<(string Route, PageRule Rule)> AllRoutes() =>
        PageAccess.ExpectedAccess.Concat(AccessMatrixTests.OtherEndpoints).Select(r => (r.Key, r.Value));

    /// <summary>
    /// A route names a record when its template has a parameter other than a contest's public code, an
    /// account link's user, or the programme dashboard's table name: the programme's downloads, like its
    /// page, answer every administrator with the figures of their own scope (a list, checked below).
    /// </summary>
    private static bool NamesARecord(string route) =>
        route.Contains('{', StringComparison.Ordinal) && !route.StartsWith("/juror", StringComparison.Ordinal)
        && !route.StartsWith("/admin/programme/", StringComparison.Ordinal)
        && !route.Contains("{Code}", StringComparison.OrdinalIgnoreCase) && !route.Contains("{UserId}", StringComparison.Ordinal);

    public static TheoryData<string, string> ScopedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, rule) in AllRoutes().Where(r => NamesARecord(r.Route) || NationalOnly.Contains(r.Route)))
        {
            if (rule.Roles?.Contains(Roles.Admin) == true)
            {
                data.Add(route, OtherAdmin);
            }
            if (rule.Roles?.Contains(Roles.Technician) == true && !NationalOnly.Contains(route))
            {
                data.Add(route, OtherTechnician);
            }
        }
        return data;
    }

    [Fact]
    public void Every_scoped_route_is_tried()
    {
        var tried = ScopedCases().Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        var staffRoutes = AllRoutes().Where(r => NamesARecord(r.Route)
            && (r.Rule.Roles?.Contains(Roles.Admin) == true || r.Rule.Roles?.Contains(Roles.Technician) == true));
        Assert.All(staffRoutes, r => Assert.Contains(r.Route, tried));
        Assert.True(tried.Count >= 40, $"{tried.Count} routes");
    }

    [Theory]
    [MemberData(nameof(ScopedCases))]
    public async Task Staff_of_another_territory_get_404(string route, string email)
    {
        var url = fixture.UrlOf(route);
        using var response = await (await fixture.ClientForAsync(email)).GetAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} should get 404 from {url} but got {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(ScopedCases))]
    public async Task Staff_of_the_record_s_territory_open_the_same_address(string route, string email)
    {
        // The same address for the Administrator (national) or the Technician (Ayacucho) the record belongs to:
        // the 404 above is the territory's, not a missing record's.
        var rule = AllRoutes().Single(r => r.Route == route).Rule;
        var insider = email == OtherAdmin ? NationalAdmin : AyacuchoTechnician;
        var url = fixture.UrlOf(route);
        using var response = await (await fixture.ClientForAsync(insider)).GetAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{insider} should get 200 from {url} but got {(int)response.StatusCode} ({rule.SampleUrl})");
        if (RealFiles.TryGetValue(route, out var bytes))
        {
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Lists_show_another_territory_nothing_and_their_own_territory_everything()
    {
        var other = await fixture.ClientForAsync(OtherAdmin);
        var national = await fixture.ClientForAsync(NationalAdmin);

        Assert.DoesNotContain("AYA-2026-01", await other.GetStringAsync("/admin/contests"), StringComparison.Ordinal);
        Assert.Contains("AYA-2026-01", await national.GetStringAsync("/admin/contests"), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.GroupName, await other.GetStringAsync("/admin/groups"), StringComparison.Ordinal);
        Assert.Contains(fixture.GroupName, await national.GetStringAsync("/admin/groups"), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.GroupName, await (await fixture.ClientForAsync(OtherTechnician)).GetStringAsync("/technician/visits"), StringComparison.Ordinal);
        Assert.Contains(fixture.GroupName, await (await fixture.ClientForAsync(AyacuchoTechnician)).GetStringAsync("/technician/visits"), StringComparison.Ordinal);
        foreach (var download in new[] { "/admin/programme/regions.csv", "/admin/programme/regions.xlsx" })
        {
            Assert.DoesNotContain("Ayacucho", await TextOfAsync(other, download), StringComparison.Ordinal);
            Assert.Contains("Ayacucho", await TextOfAsync(national, download), StringComparison.Ordinal);
        }
    }

    /// <summary>A CSV as text, an Excel file as the text of its cells.</summary>
    private static async Task<string> TextOfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!url.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return await response.Content.ReadAsStringAsync();
        }
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return string.Join('\n', MiniExcelLibs.MiniExcel.Query(stream).Select(row => string.Join(',', ((IDictionary<string, object?>)row).Values)));
    }

    /// <summary>The demo published, one signed-in client per account, and the ids of one record of each kind.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly SignedInClients _clients;
        private Dictionary<string, string> _ids = [];

        public Fixture() => _clients = new SignedInClients(Portal, email => email);

        public PortalFactory Portal { get; } = new();

        public string GroupName { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var award = (await AwardedDemo.PublishAsync(Portal))[0];
            var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            var records = await StoreFilesAsync(award, factory);
            await using var db = await factory.CreateDbContextAsync();
            await NotificationOutbox.QueueAsync(db, "grupo1@demo.hakuwinay.pe", "Prueba", $"Hola", DateTime.UtcNow);
            await db.SaveChangesAsync();
            await NotificationOutbox.QueueSmsAsync(db, "+51987654321", "Prueba", "Hola", DateTime.UtcNow);
            await db.SaveChangesAsync();
            GroupName = await db.ProducerGroups.Where(g => g.Id == award.GroupId).Select(g => g.Name).SingleAsync();
            static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
            _ids = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/1/"] = "/1/",
                ["{outboxId}"] = Text(await db.Outbox.Where(m => m.Channel == OutboxChannel.Email).MaxAsync(m => m.Id)),
                ["{smsId}"] = Text(await db.Outbox.Where(m => m.Channel == OutboxChannel.Sms).MaxAsync(m => m.Id)),
                ["{profileId}"] = Text(award.ProfileId),
                ["{attachmentId}"] = Text(await db.ProfileAttachments.Where(a => a.BusinessProfileId == award.ProfileId).Select(a => a.Id).FirstAsync()),
                ["{scorecardId}"] = Text(await db.Scorecards.Where(s => s.BusinessProfileId == award.ProfileId).Select(s => s.Id).FirstAsync()),
                ["{paperScorecardId}"] = Text(await db.Scorecards.Where(s => s.BusinessProfileId == award.ProfileId).Select(s => s.Id).FirstAsync()),
                ["/groups/1"] = "/groups/" + Text(award.GroupId),
                ["/awards/1"] = "/awards/" + Text(award.AwardId),
                ["/visits/1"] = "/visits/" + Text(records.VisitId),
                ["/appeals/1/"] = $"/appeals/{Text(records.AppealId)}/",
                ["/tranches/1/"] = $"/tranches/{Text(records.TrancheId)}/",
                ["/expenses/1/"] = $"/expenses/{Text(records.ExpenseId)}/",
                ["/photos/1"] = "/photos/" + Text(records.PhotoId),
            };
        }

        private sealed record StoredRecords(int AppealId, int TrancheId, int ExpenseId, int VisitId, int PhotoId);

        /// <summary>The award's agreement, first tranche paid with its voucher, an expense, a photo of its first visit, and an appeal of its profile.</summary>
        private async Task<StoredRecords> StoreFilesAsync(DemoAward award, IDbContextFactory<ContestsDbContext> factory)
        {
            static UploadedFile File(string route, string name) => new(name, new MemoryStream(RealFiles[route]));
            var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
            int line, visitId;
            ActingUser admin, technician;
            await using (var db = await factory.CreateDbContextAsync())
            {
                admin = new ActingUser(await db.Users.Where(u => u.Email == NationalAdmin).Select(u => u.Id).SingleAsync(), IsAdmin: true);
                technician = new ActingUser(await db.Users.Where(u => u.Email == AyacuchoTechnician).Select(u => u.Id).SingleAsync(), IsTechnician: true);
                line = await db.BusinessProfiles.Where(p => p.Id == award.ProfileId).SelectMany(p => p.Lines)
                    .Where(l => l.FinancedBy == FinancedBy.Fund).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
                visitId = await db.AwardVisits.Where(v => v.AwardId == award.AwardId).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            }
            await using var scope = Portal.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var awards = services.GetRequiredService<AwardAdminService>();
            Succeeded(await awards.RecordAgreementAsync(admin, award.AwardId, today, File("/awards/{awardId}/agreement", "convenio.pdf")));
            await services.GetRequiredService<ExecutionSweepService>().SweepAsync();
            var (trancheId, amount) = await FirstTrancheAsync(factory, award.AwardId);
            Succeeded(await awards.PayTrancheAsync(admin, award.AwardId, trancheId, new TranchePaymentInput(amount, today, "OP-77"),
                File("/awards/{awardId}/tranches/{trancheId}/voucher", "constancia.pdf")));
            var expense = Succeeded(await services.GetRequiredService<ExpenseService>().RecordAsync(admin, award.AwardId, trancheId,
                new ExpenseInput(line, today, "Agroveterinaria Los Andes", ExpenseDocumentType.Factura, "F001-7", 100m),
                File("/awards/{awardId}/expenses/{expenseId}/receipt", "factura.pdf")));
            var photo = Succeeded(await services.GetRequiredService<VisitService>().AddPhotoAsync(technician, visitId,
                File("/visits/{visitId}/photos/{photoId}", "galpon.png")));
            var appeal = Succeeded(await services.GetRequiredService<AppealService>().FileAsync(admin, award.ProfileId, "Reclamo de prueba: el puntaje de campo.",
                new AppealFile("sustento.pdf", new MemoryStream(RealFiles["/appeals/{appealId}/attachment"]))));
            return new StoredRecords(appeal, trancheId, expense, visitId, photo);
        }

        private static async Task<(int Id, decimal Amount)> FirstTrancheAsync(IDbContextFactory<ContestsDbContext> factory, int awardId)
        {
            await using var db = await factory.CreateDbContextAsync();
            var tranche = await db.AwardTranches.Where(t => t.AwardId == awardId && t.Order == 1).Select(t => new { t.Id, t.Amount }).SingleAsync();
            return (tranche.Id, tranche.Amount);
        }

        private static T Succeeded<T>(ServiceResult<T> result)
        {
            Assert.True(result.Succeeded, result.Outcome + " " + string.Join(", ", result.Violations.Select(v => v.Rule)));
            return result.Value!;
        }

        /// <summary>The route's sample address with this fixture's records in it.</summary>
        public string UrlOf(string route)
        {
            var url = PageAccess.ExpectedAccess.TryGetValue(route, out var page) ? page.SampleUrl : AccessMatrixTests.OtherEndpoints[route].SampleUrl;
            foreach (var (key, value) in _ids)
            {
                url = url.Replace(key, value, StringComparison.Ordinal);
            }
            return url;
        }

        public Task<HttpClient> ClientForAsync(string email) => _clients.ForAsync(email);

        public Task DisposeAsync()
        {
            _clients.Dispose();
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
