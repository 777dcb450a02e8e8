using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Groups;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The scoring pages through the real portal on the demo: who reaches which scorecard, downloads, and the Admin's reopening.</summary>
public sealed class ScoringPortalTests : IDisposable
{
    private const string Jurado1 = "jurado1@demo.hakuwinay.pe";
    private const string Jurado2 = "jurado2@demo.hakuwinay.pe";
    private const string Jurado3 = "jurado3@demo.hakuwinay.pe";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private IDbContextFactory<ContestsDbContext> Factory => _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
        return client;
    }

    private async Task<T> InDatabaseAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Saves and submits the juror's scorecard through the service, with the given comment on every criterion.</summary>
    private async Task SubmitAsync(string jurorEmail, int scorecardId, string comment)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var scoring = scope.ServiceProvider.GetRequiredService<ScoringService>();
        var juror = new ActingUser(await DemoScorecards.UserIdAsync(Factory, jurorEmail));
        var view = (await scoring.OpenAsync(juror, scorecardId)).Value!;
        var entries = view.Design.Criteria.Select(c => new CriterionPoints(c.Code, c.MaxPoints, comment)).ToList();
        var submitted = await scoring.SubmitAsync(juror, scorecardId, view.Version, entries, "Comentario general " + comment);
        Assert.True(submitted.Succeeded, submitted.Outcome + string.Join(",", submitted.Violations.Select(v => v.Rule)));
    }

    [Fact]
    public async Task A_juror_opens_their_scorecard_and_the_profile_files_but_not_another_jurors_scorecard()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var theirs = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado2);
        var jurado1 = await SignedInAsync(Jurado1);

        var page = await jurado1.GetAsync($"/juror/scorecards/{mine}?live=1");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"scorecard-profile\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"criterion\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"live-badge\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"live-badge\"", await jurado1.GetStringAsync($"/juror/scorecards/{mine}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await jurado1.GetAsync($"/juror/scorecards/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jurado1.GetAsync("/juror/scorecards/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jurado1.GetAsync($"/profiles/{profile.Id}/attachments/{profile.AttachmentId}")).StatusCode);
        var list = await jurado1.GetStringAsync("/juror/contests/1/scorecards");
        Assert.Contains($"href=\"juror/scorecards/{mine}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"juror/scorecards/{theirs}\"", list, StringComparison.Ordinal);
        Assert.Contains("0 de 1 enviadas", list, StringComparison.Ordinal);
        Assert.Contains("href=\"juror/contests/1/scorecards\"", await jurado1.GetStringAsync("/juror"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_juror_not_assigned_or_not_yet_declared_cannot_download_the_profile_files_and_is_sent_to_declare()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var undeclared = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado3, confirmDeclaration: false);
        var jurado2 = await SignedInAsync(Jurado2);
        var jurado3 = await SignedInAsync(Jurado3);
        var file = $"/profiles/{profile.Id}/attachments/{profile.AttachmentId}";

        Assert.Equal(HttpStatusCode.NotFound, (await jurado2.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jurado3.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jurado3.GetAsync($"/juror/scorecards/{undeclared}")).StatusCode);
        using var list = await jurado3.GetAsync("/juror/contests/1/scorecards");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/juror/contests/1/conflicts", new Uri(jurado3.BaseAddress!, list.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_juror_cannot_open_by_id_the_scorecard_of_a_profile_they_declared_a_conflict_with()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var scorecard = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var jurado1 = await SignedInAsync(Jurado1);
        Assert.Equal(HttpStatusCode.OK, (await jurado1.GetAsync($"/juror/scorecards/{scorecard}")).StatusCode);
        var groupId = await InDatabaseAsync(db => db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.ProducerGroupId).SingleAsync());
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var juror = await DemoScorecards.UserIdAsync(Factory, Jurado1);
            var version = await InDatabaseAsync(db => db.Scorecards.Where(s => s.Id == scorecard).Select(s => s.Version).SingleAsync());
            Assert.True((await scope.ServiceProvider.GetRequiredService<ScoringService>().SaveDraftAsync(new ActingUser(juror), scorecard, version, [], "Empiezo")).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<ConflictService>().DeclareAsync(juror, 1, groupId, ConflictKind.Kinship, "Mi prima")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await jurado1.GetAsync($"/juror/scorecards/{scorecard}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jurado1.GetAsync($"/profiles/{profile.Id}/attachments/{profile.AttachmentId}")).StatusCode);
    }

    [Fact]
    public async Task Producers_see_no_scores_and_comments_show_as_text_to_the_admin()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var scorecard = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        await SubmitAsync(Jurado1, scorecard, "<script>alert('x')</script>Comentario-secreto");
        var producer = await SignedInAsync("grupo1@demo.hakuwinay.pe");
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");

        foreach (var url in new[] { $"/profiles/{profile.Id}", "/producer", "/profiles", $"/profiles/{profile.Id}/receipt" })
        {
            var html = await producer.GetStringAsync(url);
            Assert.DoesNotContain("Comentario-secreto", html, StringComparison.Ordinal);
        }
        using (var refused = await producer.GetAsync($"/juror/scorecards/{scorecard}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }
        var adminView = await admin.GetStringAsync($"/admin/scorecards/{scorecard}");
        Assert.Contains("Comentario-secreto", adminView, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", adminView, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", adminView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_reopens_a_submitted_scorecard_only_with_a_reason_and_the_juror_is_emailed()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var scorecard = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        await SubmitAsync(Jurado1, scorecard, "Bien");
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        var url = $"/admin/scorecards/{scorecard}";

        var empty = await (await FormPost.SendAsync(admin, url, "reopen-scorecard", [new("Input.Reason", "  ")])).Content.ReadAsStringAsync();
        var huge = await (await FormPost.SendAsync(admin, url, "reopen-scorecard", [new("Input.Reason", new string('a', 501))])).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"reopen-form\"", empty, StringComparison.Ordinal);
        Assert.Contains("validation-message", empty, StringComparison.Ordinal);
        Assert.Contains("validation-message", huge, StringComparison.Ordinal);
        Assert.Equal(ScorecardStatus.Submitted, await InDatabaseAsync(db => db.Scorecards.Where(s => s.Id == scorecard).Select(s => s.Status).SingleAsync()));

        using var reopened = await FormPost.SendAsync(admin, url, "reopen-scorecard", [new("Input.Reason", "Puntaje de C1 mal digitado")]);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(ScorecardStatus.Draft, await InDatabaseAsync(db => db.Scorecards.Where(s => s.Id == scorecard).Select(s => s.Status).SingleAsync()));
        var email = await InDatabaseAsync(db => db.Outbox.SingleAsync(m => m.To == Jurado1 && m.Subject.Contains("reabierta")));
        Assert.Contains("Puntaje de C1 mal digitado", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(profile.Code!, email.TextBody, StringComparison.Ordinal);
        Assert.Matches($@"https?://\S+/juror/scorecards/{scorecard}", email.TextBody);
        Assert.Contains("data-testid=\"scorecard-reopened\"", await admin.GetStringAsync(url + "?reopened=1"), StringComparison.Ordinal);
        var jurado2 = await SignedInAsync(Jurado2);
        using var forged = await jurado2.PostAsync(url, new FormUrlEncodedContent([new("_handler", "reopen-scorecard"), new("Input.Reason", "x")]));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/account/access-denied", new Uri(jurado2.BaseAddress!, forged.Headers.Location!).AbsolutePath);
    }
}
