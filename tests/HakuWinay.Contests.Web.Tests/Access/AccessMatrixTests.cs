using System.Net;
using System.Reflection;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Access;

/// <summary>
/// Every routable page and download, times every role and anonymous. Pages are found from the
/// app's @page routes, so a new page without a line in <see cref="ExpectedAccess"/> fails here.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    public const string Anonymous = PageAccess.Anonymous;

    /// <summary>Who may open what: the pages' table is shared with the accessibility tour.</summary>
    private static IReadOnlyDictionary<string, PageRule> ExpectedAccess => PageAccess.ExpectedAccess;

    /// <summary>
    /// Results addresses that answer 404 to everyone allowed while nothing is published, which is the
    /// case in this matrix's demo: no page, export or package shows results before publication.
    /// </summary>
    private static readonly HashSet<string> NotFoundBeforePublication = new(StringComparer.Ordinal)
    {
        "/contests/{Code}/results",
        "/contests/{Code}/results/acta",
        "/profiles/{Id:int}/appeal",
        "/contests/{code}/results/package.json",
        "/contests/{code}/results/ranking.csv",
        "/contests/{code}/results/scores.csv",
        "/contests/{code}/results/ranking.xlsx",
        "/contests/{code}/results/scores.xlsx",
        // An appeal is filed against a publication, so before one there is no appeal to download.
        "/appeals/{appealId}/attachment",
        // Awards are made at publication: before it there is no award, agreement or voucher.
        "/admin/awards/{AwardId:int}",
        "/admin/awards/{AwardId:int}/closing-act",
        "/awards/{awardId}/agreement",
        "/awards/{awardId}/tranches/{trancheId}/voucher",
        "/admin/awards/{AwardId:int}/expenses",
        "/awards/{AwardId:int}",
        "/awards/{AwardId:int}/expenses",
        "/awards/{awardId}/expenses/{expenseId}/receipt",
        // Visits belong to awards, which publication creates.
        "/technician/visits/{VisitId:int}",
        "/admin/visits/{VisitId:int}",
        "/visits/{visitId}/photos/{photoId}",
    };

    /// <summary>Endpoints that are not Blazor pages: the jobs dashboard, downloads, health.</summary>
    internal static readonly Dictionary<string, PageRule> OtherEndpoints = new(StringComparer.Ordinal)
    {
        ["/admin/jobs"] = new("/admin/jobs", Roles.Admin),
        ["/admin/outbox/{id}.eml"] = new("/admin/outbox/{outboxId}.eml", Roles.Admin),
        ["/health"] = new("/health", null),
        ["/admin/contests/{id}/submissions.csv"] = new("/admin/contests/1/submissions.csv", Roles.Admin),
        ["/admin/contests/{id}/submissions.xlsx"] = new("/admin/contests/1/submissions.xlsx", Roles.Admin),
        // The Juror is jurado1, assigned to the profile: ScoringPortalTests refuses a juror who is not.
        ["/profiles/{profileId}/attachments/{attachmentId}"] = new("/profiles/{profileId}/attachments/{attachmentId}", Roles.Admin, Roles.Technician, Roles.Producer, Roles.Juror),
        ["/contests/{code}/results/package.json"] = new("/contests/AYA-2026-01/results/package.json", null),
        ["/contests/{code}/results/ranking.csv"] = new("/contests/AYA-2026-01/results/ranking.csv", null),
        ["/contests/{code}/results/scores.csv"] = new("/contests/AYA-2026-01/results/scores.csv", null),
        ["/contests/{code}/results/ranking.xlsx"] = new("/contests/AYA-2026-01/results/ranking.xlsx", null),
        ["/contests/{code}/results/scores.xlsx"] = new("/contests/AYA-2026-01/results/scores.xlsx", null),
        ["/admin/contests/{id}/results/preview/package.json"] = new("/admin/contests/1/results/preview/package.json", Roles.Admin),
        ["/admin/contests/{id}/results/preview/ranking.csv"] = new("/admin/contests/1/results/preview/ranking.csv", Roles.Admin),
        ["/admin/contests/{id}/results/preview/scores.csv"] = new("/admin/contests/1/results/preview/scores.csv", Roles.Admin),
        ["/admin/contests/{id}/results/preview/ranking.xlsx"] = new("/admin/contests/1/results/preview/ranking.xlsx", Roles.Admin),
        ["/admin/contests/{id}/results/preview/scores.xlsx"] = new("/admin/contests/1/results/preview/scores.xlsx", Roles.Admin),
        ["/admin/contests/{id}/results/dashboard/{table}.csv"] = new("/admin/contests/1/results/dashboard/lines.csv", Roles.Admin),
        ["/admin/contests/{id}/results/dashboard/{table}.xlsx"] = new("/admin/contests/1/results/dashboard/lines.xlsx", Roles.Admin),
        // The filing group's representative, or staff; AppealAttachmentTests downloads a real one and refuses other groups.
        ["/appeals/{appealId}/attachment"] = new("/appeals/1/attachment", Roles.Admin, Roles.Technician, Roles.Producer),
        // The award's group representative, or the Admin; AwardAdminServiceTests downloads real ones and refuses other groups.
        ["/awards/{awardId}/agreement"] = new("/awards/1/agreement", Roles.Admin, Roles.Producer),
        ["/awards/{awardId}/tranches/{trancheId}/voucher"] = new("/awards/1/tranches/1/voucher", Roles.Admin, Roles.Producer),
        ["/awards/{awardId}/expenses/{expenseId}/receipt"] = new("/awards/1/expenses/1/receipt", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/contests/{id}/execution.csv"] = new("/admin/contests/1/execution.csv", Roles.Admin),
        ["/admin/contests/{id}/execution.xlsx"] = new("/admin/contests/1/execution.xlsx", Roles.Admin),
        ["/admin/programme/{table}.csv"] = new("/admin/programme/regions.csv", Roles.Admin),
        ["/admin/programme/{table}.xlsx"] = new("/admin/programme/regions.xlsx", Roles.Admin),
        // The Admin, the assigned Technician and the award's group; VisitPortalTests refuses other groups.
        ["/visits/{visitId}/photos/{photoId}"] = new("/visits/1/photos/1", Roles.Admin, Roles.Technician, Roles.Producer),
        // ADR 035's three SMS endpoints. Kannel's delivery report carries no sign-in, its token is the
        // key: anyone with the right one is answered OK (SmsEndpointTests refuses wrong ones with 404).
        ["/sms/dlr/{id:long}/{token}"] = new("/sms/dlr/{smsId}/{smsToken}?type=1", null),
        // A short link sends anyone to its page, which asks for sign-in as usual (see ShortLinkTargets).
        ["/s/{code}"] = new("/s/{shortCode}", null),
        ["/admin/outbox/{id:long}.sms.txt"] = new("/admin/outbox/{smsId}.sms.txt", Roles.Admin),
    };

    /// <summary>Endpoints whose answer to everyone allowed is a redirect to a page of the portal, not the page itself.</summary>
    private static readonly Dictionary<string, string> ShortLinkTargets = new(StringComparer.Ordinal)
    {
        ["/s/{code}"] = ShortLinkTarget,
    };

    /// <summary>The page the matrix's short link leads to.</summary>
    internal const string ShortLinkTarget = "/contests";

    /// <summary>The SMS routes the portal maps (SmsEndpoints): each needs its rows above.</summary>
    private static readonly string[] SmsRoutes = ["/sms/dlr/{id:long}/{token}", "/s/{code}", "/admin/outbox/{id:long}.sms.txt"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in ExpectedAccess.Keys.Concat(OtherEndpoints.Keys))
        {
            foreach (var principal in new[] { Anonymous, Roles.Admin, Roles.Juror, Roles.Producer, Roles.Technician })
            {
                data.Add(route, principal);
            }
        }
        return data;
    }

    [Fact]
    public void Every_routable_page_has_an_expected_access_rule()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !ExpectedAccess.ContainsKey(r)).ToList();
        var stale = ExpectedAccess.Keys.Where(r => !routes.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Pages without an access rule: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Access rules for pages that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>The SMS endpoints the portal maps are exactly those of the matrix, by their route templates.</summary>
    [Fact]
    public void Every_sms_endpoint_is_in_the_matrix()
    {
        var mapped = fixture.Portal.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/s/", StringComparison.Ordinal) || route.StartsWith("/sms/", StringComparison.Ordinal) || route.EndsWith(".sms.txt", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(SmsRoutes.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
        Assert.All(SmsRoutes, route => Assert.True(OtherEndpoints.ContainsKey(route), $"No access rule for {route}"));
    }

    /// <summary>The Excel twin of a CSV download is reached by exactly the same people, and answers 404 exactly when it does.</summary>
    [Fact]
    public void Every_csv_download_has_an_xlsx_twin_with_the_same_access()
    {
        var csvs = OtherEndpoints.Where(e => e.Key.EndsWith(".csv", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(csvs);
        foreach (var (route, rule) in csvs)
        {
            var twin = route[..^4] + ".xlsx";
            Assert.True(OtherEndpoints.TryGetValue(twin, out var xlsx), $"No access rule for {twin}");
            Assert.Equal(rule.SampleUrl[..^4] + ".xlsx", xlsx.SampleUrl);
            Assert.Equal(rule.Roles, xlsx.Roles);
            Assert.Equal(NotFoundBeforePublication.Contains(route), NotFoundBeforePublication.Contains(twin));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Access_is_as_expected(string route, string principal)
    {
        var rule = ExpectedAccess.TryGetValue(route, out var page) ? page : OtherEndpoints[route];
        var client = await fixture.ClientForAsync(principal);
        var url = rule.SampleUrl
            .Replace("{outboxId}", fixture.OutboxId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{profileId}", fixture.Profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{paperScorecardId}", fixture.PaperScorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{attachmentId}", fixture.Profile.AttachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{scorecardId}", fixture.ScorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{smsId}", fixture.Sms.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{smsToken}", fixture.Sms.Token, StringComparison.Ordinal)
            .Replace("{shortCode}", fixture.ShortCode, StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        var allowed = rule.Roles is null || rule.Roles.Contains(principal);
        if (allowed && ShortLinkTargets.TryGetValue(route, out var linkTarget))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{principal} should be sent on from {url} but got {(int)response.StatusCode}");
            Assert.Equal(linkTarget, response.Headers.Location!.OriginalString);
        }
        else if (allowed && NotFoundBeforePublication.Contains(route))
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{principal} should get 404 from {url} before publication but got {(int)response.StatusCode}");
        }
        else if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{principal} should open {url} but got {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var target = new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath;
            Assert.Equal(principal == Anonymous ? "/account/login" : "/account/access-denied", target);
        }
    }

    /// <summary>One demo portal, one signed-in client per role, one queued email to download.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private static readonly Dictionary<string, string> DemoAccounts = new()
        {
            [Roles.Admin] = "admin@demo.hakuwinay.pe",
            [Roles.Juror] = "jurado1@demo.hakuwinay.pe",
            [Roles.Producer] = "grupo1@demo.hakuwinay.pe",
            [Roles.Technician] = "tecnico@demo.hakuwinay.pe",
        };

        private readonly SignedInClients _clients;

        public Fixture() => _clients = new SignedInClients(Portal, principal => principal == Anonymous ? null : DemoAccounts[principal]);

        public PortalFactory Portal { get; } = new();

        public long OutboxId { get; private set; }

        /// <summary>A scorecard of jurado3 on <see cref="Profile"/> in the public stage, for the paper entry page.</summary>
        public int PaperScorecardId { get; private set; }

        /// <summary>A submitted profile of grupo1's group (the Producer here), with one attachment.</summary>
        public Profiles.DemoProfile Profile { get; private set; } = null!;

        /// <summary>jurado1's scorecard of <see cref="Profile"/> (made eligible) in the field stage.</summary>
        public int ScorecardId { get; private set; }

        /// <summary>A queued SMS and its delivery-report token, for the report and the Administrator's download.</summary>
        public (long Id, string Token) Sms { get; private set; }

        /// <summary>A short link's code, leading to <see cref="ShortLinkTarget"/>.</summary>
        public string ShortCode { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await NotificationOutbox.QueueAsync(db, "grupo1@demo.hakuwinay.pe", "Prueba", $"Hola", DateTime.UtcNow);
            await db.SaveChangesAsync();
            OutboxId = await db.Outbox.MaxAsync(m => m.Id);
            var sms = OutboxMessage.Sms("+51987654321", "Aviso", "Haku Wiñay: aviso de prueba", DateTime.UtcNow);
            db.Outbox.Add(sms);
            var link = HakuWinay.Contests.Notifications.Sms.ShortLinks.Create(db, null, ShortLinkTarget, DateTime.UtcNow);
            await db.SaveChangesAsync();
            Sms = (sms.Id, sms.DeliveryToken!);
            ShortCode = link[(link.LastIndexOf('/') + 1)..];
            Profile = await Profiles.DemoProfiles.CreateAsync(Portal, Profiles.DemoProfiles.GroupA, submit: true);
            ScorecardId = await Judging.DemoScorecards.AssignAsync(Portal, Profile.Id, DemoAccounts[Roles.Juror]);
            var stageId = await db.Contests.Where(c => c.Id == 1).SelectMany(c => c.Stages).Where(s => s.Code == "PUBLICA").Select(s => s.Id).SingleAsync();
            var jurado3 = await db.Users.Where(u => u.Email == "jurado3@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync();
            var scorecard = new HakuWinay.Contests.Judging.Scorecard(stageId, Profile.Id, jurado3, jurado3, DateTime.UtcNow);
            db.Scorecards.Add(scorecard);
            await db.SaveChangesAsync();
            PaperScorecardId = scorecard.Id;
        }

        public Task<HttpClient> ClientForAsync(string principal) => _clients.ForAsync(principal);

        public Task DisposeAsync()
        {
            _clients.Dispose();
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
