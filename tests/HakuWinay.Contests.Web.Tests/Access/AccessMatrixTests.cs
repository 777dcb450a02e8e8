using System.Net;
using System.Reflection;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Access;

/// <summary>
/// Every routable page and download, times every role and anonymous. Pages are found from the
/// app's @page routes, so a new page without a line in <see cref="ExpectedAccess"/> fails here.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    public const string Anonymous = "Anonymous";

    /// <summary>Who may open what. Null roles: everyone, signed in or not.</summary>
    private sealed record Rule(string SampleUrl, params string[]? Roles);

    private static readonly Dictionary<string, Rule> ExpectedAccess = new(StringComparer.Ordinal)
    {
        ["/"] = new("/", null),
        ["/contests/{Code}"] = new("/contests/AYA-2026-01", null),
        // The public index of contests; PublicContestsTests covers its filters.
        ["/contests"] = new("/contests?year=2026&status=open", null),
        ["/account/login"] = new("/account/login", null),
        ["/account/access-denied"] = new("/account/access-denied", null),
        ["/account/lockout"] = new("/account/lockout", null),
        ["/not-found"] = new("/not-found", null),
        ["/Error"] = new("/Error", null),
        ["/admin"] = new("/admin", Roles.Admin),
        ["/admin/outbox"] = new("/admin/outbox", Roles.Admin),
        ["/admin/contests"] = new("/admin/contests", Roles.Admin),
        ["/admin/contests/{ContestId:int}/submissions"] = new("/admin/contests/1/submissions", Roles.Admin),
        ["/admin/contests/new"] = new("/admin/contests/new", Roles.Admin),
        ["/admin/contests/{Id:int}/edit"] = new("/admin/contests/1/edit", Roles.Admin),
        ["/admin/contests/{Id:int}/lifecycle"] = new("/admin/contests/1/lifecycle", Roles.Admin),
        ["/juror"] = new("/juror", Roles.Juror),
        ["/producer"] = new("/producer", Roles.Producer),
        ["/technician"] = new("/technician", Roles.Technician),
        ["/contests/{Code}/apply"] = new("/contests/AYA-2026-01/apply", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles"] = new("/profiles", Roles.Producer),
        ["/profiles/{Id:int}"] = new("/profiles/{profileId}", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/edit"] = new("/profiles/{profileId}/edit", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/receipt"] = new("/profiles/{profileId}/receipt", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/withdraw"] = new("/profiles/{profileId}/withdraw", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/profiles/{Id:int}/eligibility"] = new("/admin/profiles/{profileId}/eligibility", Roles.Admin),
        ["/admin/profiles/{Id:int}/audit"] = new("/admin/profiles/{profileId}/audit", Roles.Admin),
        ["/admin/contests/{Id:int}/audit"] = new("/admin/contests/1/audit", Roles.Admin),
        ["/register"] = new("/register", null),
        ["/account/set-password/{UserId}"] = new("/account/set-password/someone?token=abc", null),
        ["/groups/new"] = new("/groups/new", Roles.Admin, Roles.Producer, Roles.Technician),
        // Group 1 is grupo1's (the demo's producer account); other representatives are refused by GroupPageAccessTests.
        ["/groups/{Id:int}"] = new("/groups/1", Roles.Admin, Roles.Producer, Roles.Technician),
        ["/groups/{Id:int}/edit"] = new("/groups/1/edit", Roles.Admin, Roles.Producer, Roles.Technician),
        ["/admin/groups"] = new("/admin/groups", Roles.Admin),
        ["/admin/contests/{Id:int}/jurors"] = new("/admin/contests/1/jurors", Roles.Admin),
        ["/admin/contests/{Id:int}/assignment"] = new("/admin/contests/1/assignment", Roles.Admin),
        // The demo appoints jurado1 to both stages of contest 1; JudgingPortalTests refuses jurors of other contests.
        ["/juror/contests/{Id:int}/conflicts"] = new("/juror/contests/1/conflicts", Roles.Juror),
        // jurado1 confirmed the declaration and is assigned the fixture's profile; ScoringPortalTests refuses other jurors' scorecards.
        ["/juror/contests/{ContestId:int}/scorecards"] = new("/juror/contests/1/scorecards", Roles.Juror),
        ["/juror/scorecards/{ScorecardId:int}"] = new("/juror/scorecards/{scorecardId}", Roles.Juror),
        ["/admin/scorecards/{ScorecardId:int}"] = new("/admin/scorecards/{scorecardId}", Roles.Admin),
        ["/admin/contests/{ContestId:int}/session"] = new("/admin/contests/1/session", Roles.Admin),
        ["/contests/{ContestId:int}/projector"] = new("/contests/1/projector", Roles.Admin, Roles.Technician),
        // The same projector by the contest's code; ProjectorByCodeTests answers 404 for an unknown code.
        ["/contests/{ContestCode}/projector"] = new("/contests/AYA-2026-01/projector", Roles.Admin, Roles.Technician),
        // LivePortalTests refuses the live page to jurors of other contests.
        ["/juror/contests/{ContestId:int}/live"] = new("/juror/contests/1/live", Roles.Juror),
        ["/admin/contests/{ContestId:int}/evaluation"] = new("/admin/contests/1/evaluation", Roles.Admin),
        ["/admin/contests/{ContestId:int}/score-sheets"] = new("/admin/contests/1/score-sheets", Roles.Admin),
        ["/admin/contests/{ContestId:int}/score-sheets/import"] = new("/admin/contests/1/score-sheets/import", Roles.Admin),
        ["/admin/scorecards/{ScorecardId:int}/paper"] = new("/admin/scorecards/{paperScorecardId}/paper", Roles.Admin),
        // Results (public pages): 404 to everyone until results are published; see ResultsAccessTests for after.
        ["/contests/{Code}/results"] = new("/contests/AYA-2026-01/results", null),
        ["/contests/{Code}/results/acta"] = new("/contests/AYA-2026-01/results/acta", null),
        // The group's appeal page: its representative, or staff on its behalf; ResultsAccessTests refuses other groups.
        ["/profiles/{Id:int}/appeal"] = new("/profiles/{profileId}/appeal", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/contests/{ContestId:int}/results/acta"] = new("/admin/contests/1/results/acta", Roles.Admin),
        ["/admin/contests/{ContestId:int}/results/dashboard"] = new("/admin/contests/1/results/dashboard", Roles.Admin),
        ["/admin/contests/{ContestId:int}/results"] = new("/admin/contests/1/results", Roles.Admin),
        ["/admin/contests/{ContestId:int}/awards"] = new("/admin/contests/1/awards", Roles.Admin),
        ["/admin/awards/{AwardId:int}"] = new("/admin/awards/1", Roles.Admin),
        ["/admin/awards/{AwardId:int}/closing-act"] = new("/admin/awards/1/closing-act", Roles.Admin),
        ["/admin/awards/{AwardId:int}/expenses"] = new("/admin/awards/1/expenses", Roles.Admin),
        // The group's own award pages: its representative, the award's Technician, the Admin; GroupAwardAccessTests refuses other groups.
        ["/awards/{AwardId:int}"] = new("/awards/1", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/awards/{AwardId:int}/expenses"] = new("/awards/1/expenses", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/my/awards"] = new("/my/awards", Roles.Producer),
        ["/admin/contests/{ContestId:int}/execution"] = new("/admin/contests/1/execution", Roles.Admin),
        // Follow-up visits: only the assigned Technician (VisitServiceTests refuses another one); the Admin reviews.
        ["/technician/visits"] = new("/technician/visits", Roles.Technician),
        ["/technician/visits/{VisitId:int}"] = new("/technician/visits/1", Roles.Technician),
        ["/admin/visits/{VisitId:int}"] = new("/admin/visits/1", Roles.Admin),
    };

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
    private static readonly Dictionary<string, Rule> OtherEndpoints = new(StringComparer.Ordinal)
    {
        ["/admin/jobs"] = new("/admin/jobs", Roles.Admin),
        ["/admin/outbox/{id}.eml"] = new("/admin/outbox/{outboxId}.eml", Roles.Admin),
        ["/health"] = new("/health", null),
        ["/admin/contests/{id}/submissions.csv"] = new("/admin/contests/1/submissions.csv", Roles.Admin),
        // The Juror is jurado1, assigned to the profile: ScoringPortalTests refuses a juror who is not.
        ["/profiles/{profileId}/attachments/{attachmentId}"] = new("/profiles/{profileId}/attachments/{attachmentId}", Roles.Admin, Roles.Technician, Roles.Producer, Roles.Juror),
        ["/contests/{code}/results/package.json"] = new("/contests/AYA-2026-01/results/package.json", null),
        ["/contests/{code}/results/ranking.csv"] = new("/contests/AYA-2026-01/results/ranking.csv", null),
        ["/contests/{code}/results/scores.csv"] = new("/contests/AYA-2026-01/results/scores.csv", null),
        ["/admin/contests/{id}/results/preview/package.json"] = new("/admin/contests/1/results/preview/package.json", Roles.Admin),
        ["/admin/contests/{id}/results/preview/ranking.csv"] = new("/admin/contests/1/results/preview/ranking.csv", Roles.Admin),
        ["/admin/contests/{id}/results/preview/scores.csv"] = new("/admin/contests/1/results/preview/scores.csv", Roles.Admin),
        ["/admin/contests/{id}/results/dashboard/{table}.csv"] = new("/admin/contests/1/results/dashboard/lines.csv", Roles.Admin),
        // The filing group's representative, or staff; AppealAttachmentTests downloads a real one and refuses other groups.
        ["/appeals/{appealId}/attachment"] = new("/appeals/1/attachment", Roles.Admin, Roles.Technician, Roles.Producer),
        // The award's group representative, or the Admin; AwardAdminServiceTests downloads real ones and refuses other groups.
        ["/awards/{awardId}/agreement"] = new("/awards/1/agreement", Roles.Admin, Roles.Producer),
        ["/awards/{awardId}/tranches/{trancheId}/voucher"] = new("/awards/1/tranches/1/voucher", Roles.Admin, Roles.Producer),
        ["/awards/{awardId}/expenses/{expenseId}/receipt"] = new("/awards/1/expenses/1/receipt", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/contests/{id}/execution.csv"] = new("/admin/contests/1/execution.csv", Roles.Admin),
        // The Admin, the assigned Technician and the award's group; VisitPortalTests refuses other groups.
        ["/visits/{visitId}/photos/{photoId}"] = new("/visits/1/photos/1", Roles.Admin, Roles.Technician, Roles.Producer),
    };

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
            .Replace("{scorecardId}", fixture.ScorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        var allowed = rule.Roles is null || rule.Roles.Contains(principal);
        if (allowed && NotFoundBeforePublication.Contains(route))
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

        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public PortalFactory Portal { get; } = new();

        public long OutboxId { get; private set; }

        /// <summary>A scorecard of jurado3 on <see cref="Profile"/> in the public stage, for the paper entry page.</summary>
        public int PaperScorecardId { get; private set; }

        /// <summary>A submitted profile of grupo1's group (the Producer here), with one attachment.</summary>
        public Profiles.DemoProfile Profile { get; private set; } = null!;

        /// <summary>jurado1's scorecard of <see cref="Profile"/> (made eligible) in the field stage.</summary>
        public int ScorecardId { get; private set; }

        public async Task InitializeAsync()
        {
            var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await NotificationOutbox.QueueAsync(db, "grupo1@demo.hakuwinay.pe", "Prueba", "Hola", DateTime.UtcNow);
            await db.SaveChangesAsync();
            OutboxId = await db.Outbox.MaxAsync(m => m.Id);
            Profile = await Profiles.DemoProfiles.CreateAsync(Portal, Profiles.DemoProfiles.GroupA, submit: true);
            ScorecardId = await Judging.DemoScorecards.AssignAsync(Portal, Profile.Id, DemoAccounts[Roles.Juror]);
            var stageId = await db.Contests.Where(c => c.Id == 1).SelectMany(c => c.Stages).Where(s => s.Code == "PUBLICA").Select(s => s.Id).SingleAsync();
            var jurado3 = await db.Users.Where(u => u.Email == "jurado3@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync();
            var scorecard = new HakuWinay.Contests.Judging.Scorecard(stageId, Profile.Id, jurado3, jurado3, DateTime.UtcNow);
            db.Scorecards.Add(scorecard);
            await db.SaveChangesAsync();
            PaperScorecardId = scorecard.Id;
        }

        public async Task<HttpClient> ClientForAsync(string principal)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_clients.TryGetValue(principal, out var client))
                {
                    client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                    if (principal != Anonymous)
                    {
                        await SignIn.AsAsync(client, DemoAccounts[principal], PortalFactory.DemoPassword);
                    }
                    _clients[principal] = client;
                }
                return client;
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            _gate.Dispose();
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
