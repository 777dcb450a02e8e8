using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Judging;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>
/// The offline field page's endpoints (docs/decisions/036): the juror's package holds only what they
/// may see; a send is applied once through the online service, with its refusals told; anything
/// else (anonymous, another juror, a technician, no token, bad or oversized JSON) changes nothing.
/// </summary>
public sealed class FieldSyncEndpointTests : IDisposable
{
    private const string Jurado1 = "jurado1@demo.hakuwinay.pe";
    private const string Jurado2 = "jurado2@demo.hakuwinay.pe";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private IDbContextFactory<ContestsDbContext> Factory => _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var session = await client.GetFromJsonAsync<JsonDocument>("/api/field/session");
        return session!.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> PackageAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/field/contests/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement CardOf(JsonElement package, int scorecardId) =>
        package.GetProperty("scorecards").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == scorecardId);

    /// <summary>The body the device sends: every criterion of the package's stage at <paramref name="points"/> (or the given points per code).</summary>
    private static object Body(Guid id, JsonElement package, int scorecardId, decimal points, IReadOnlyDictionary<string, decimal>? byCode = null, IReadOnlyList<string>? present = null) => new
    {
        id,
        scorecardId,
        version = CardOf(package, scorecardId).GetProperty("version").GetGuid(),
        entries = package.GetProperty("stage").GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)
            .Select(code => new { code, points = byCode?.GetValueOrDefault(code, points) ?? points, comment = "Visto en campo" }).ToList(),
        overallComment = "Sin señal en la comunidad",
        presentDnis = present,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/field/scorecards") { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private async Task<Scorecard> ScorecardAsync(int id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Scorecards.AsNoTracking().Include(s => s.Points).SingleAsync(s => s.Id == id);
    }

    private async Task<int> AuditCountAsync(string action, int scorecardId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var key = scorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditLog.CountAsync(a => a.Action == action && a.EntityId == key);
    }

    [Fact]
    public async Task Offline_endpoints_answer_401_to_anonymous_and_404_to_a_technician_or_a_juror_not_in_the_field_stage()
    {
        var anonymous = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/field/contests/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/field/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/field/scorecards", JsonContent.Create(new { id = Guid.NewGuid() }))).StatusCode);

        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        Assert.Equal(HttpStatusCode.NotFound, (await technician.GetAsync("/api/field/contests/1")).StatusCode);
        var juror = await SignedInAsync(Jurado1);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync("/api/field/contests/999")).StatusCode);
    }

    [Fact]
    public async Task Offline_package_holds_the_jurors_own_field_scorecards_with_members_criteria_and_texts_and_never_another_jurors()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var theirs = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado2);

        var package = await PackageAsync(await SignedInAsync(Jurado1));

        var ids = package.GetProperty("scorecards").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        var card = CardOf(package, mine);
        Assert.True(card.GetProperty("recordsAttendance").GetBoolean());
        Assert.NotEmpty(card.GetProperty("members").EnumerateArray());
        Assert.Equal(DemoProfiles.GroupA, card.GetProperty("profile").GetProperty("group").GetString());
        Assert.NotEmpty(package.GetProperty("stage").GetProperty("criteria").EnumerateArray());
        Assert.Equal("El puntaje {0} supera el máximo de {1} puntos.", package.GetProperty("texts").GetProperty("Scoring.PointsAboveMaximum").GetString());
        Assert.False(string.IsNullOrEmpty(package.GetProperty("validUntil").GetString()));
    }

    [Fact]
    public async Task FieldSync_applies_a_scorecard_once_and_a_repeated_id_answers_the_same_without_changing_anything()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var token = await TokenAsync(juror);
        var dni = CardOf(package, mine).GetProperty("members")[0].GetProperty("dni").GetString()!;
        var id = Guid.NewGuid();
        var body = Body(id, package, mine, 10m, present: [dni]);

        using var first = await SendAsync(juror, token, body);
        var firstText = await first.Content.ReadAsStringAsync();
        var submittedAt = (await ScorecardAsync(mine)).SubmittedAtUtc;
        using var second = await SendAsync(juror, token, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"state\":\"accepted\"", firstText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstText, await second.Content.ReadAsStringAsync());
        var saved = await ScorecardAsync(mine);
        Assert.Equal(ScorecardStatus.Submitted, saved.Status);
        Assert.Equal(submittedAt, saved.SubmittedAtUtc);
        Assert.All(saved.Points, p => Assert.Equal(10m, p.Points));
        Assert.Equal([dni], saved.PresentMemberDnis);
        Assert.Equal(1, await AuditCountAsync("scorecard.submitted", mine));

        var reused = await SendAsync(juror, token, Body(id, package, mine, 5m));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("otro contenido", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All((await ScorecardAsync(mine)).Points, p => Assert.Equal(10m, p.Points));
    }

    [Fact]
    public async Task FieldSync_refuses_points_above_the_maximum_with_the_online_message_and_keeps_the_scorecard_open()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var first = package.GetProperty("stage").GetProperty("criteria")[0];
        var code = first.GetProperty("code").GetString()!;
        var above = first.GetProperty("maxPoints").GetDecimal() + 5;

        using var response = await SendAsync(juror, await TokenAsync(juror), Body(Guid.NewGuid(), package, mine, 1m, new Dictionary<string, decimal> { [code] = above }));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"state\":\"refused\"", text, StringComparison.Ordinal);
        Assert.Contains("supera el máximo", text, StringComparison.Ordinal);
        Assert.Equal(ScorecardStatus.NotStarted, (await ScorecardAsync(mine)).Status);
    }

    [Fact]
    public async Task FieldSync_refuses_a_scorecard_entered_from_paper_meanwhile_and_does_not_overwrite_it()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var admin = new ActingUser(await DemoScorecards.UserIdAsync(Factory, "admin@demo.hakuwinay.pe"), IsAdmin: true);
            var card = await ScorecardAsync(mine);
            var criteria = package.GetProperty("stage").GetProperty("criteria").EnumerateArray().Select(c => new CriterionPoints(c.GetProperty("code").GetString()!, 3m)).ToList();
            var entered = await scope.ServiceProvider.GetRequiredService<PaperSheetService>().EnterAsync(admin, mine, card.Version, criteria, "Ficha en papel");
            Assert.True(entered.Succeeded, entered.Outcome.ToString());
        }

        using var response = await SendAsync(juror, await TokenAsync(juror), Body(Guid.NewGuid(), package, mine, 10m));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"rules\":[\"FieldSync.EnteredFromPaper\"]", text, StringComparison.Ordinal);
        Assert.All((await ScorecardAsync(mine)).Points, p => Assert.Equal(3m, p.Points));
        var admin2 = await SignedInAsync("admin@demo.hakuwinay.pe");
        var page = await admin2.GetStringAsync("/admin/contests/1/field-sync");
        Assert.Contains("ficha en papel", page, StringComparison.Ordinal);
        Assert.Contains($"data-scorecard=\"{mine}\"", page, StringComparison.Ordinal);
    }

    public static TheoryData<string> Refusals => ["deadline", "withdrawn", "unappointed", "conflict"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task FieldSync_refuses_with_the_reason_when_the_stage_closed_the_profile_left_or_the_juror_may_no_longer_score(string change)
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var jurorId = await DemoScorecards.UserIdAsync(Factory, Jurado1);
        var stageId = package.GetProperty("stage").GetProperty("id").GetInt32();
        string expected;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            switch (change)
            {
                case "deadline":
                    await db.Set<ContestStage>().Where(s => s.Id == stageId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoringDeadlineUtc, DateTime.UtcNow.AddDays(-1)));
                    expected = "Scoring.DeadlinePassed";
                    break;
                case "withdrawn":
                    await db.BusinessProfiles.Where(p => p.Id == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ProfileStatus.Withdrawn));
                    expected = "FieldSync.ProfileWithdrawn";
                    break;
                case "unappointed":
                    await db.JurorAppointments.Where(a => a.ContestStageId == stageId && a.JurorUserId == jurorId).ExecuteDeleteAsync();
                    expected = "FieldSync.Unappointed";
                    break;
                default:
                    var groupId = await db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.ProducerGroupId).SingleAsync();
                    var admin = new ActingUser(await DemoScorecards.UserIdAsync(Factory, "admin@demo.hakuwinay.pe"), IsAdmin: true);
                    await using (var scope = _portal.Services.CreateAsyncScope())
                    {
                        var recorded = await scope.ServiceProvider.GetRequiredService<ConflictService>()
                            .RecordAsync(admin, package.GetProperty("contest").GetProperty("id").GetInt32(), jurorId, groupId, ConflictKind.Kinship, "Prima del representante");
                        Assert.True(recorded.Succeeded, recorded.Outcome + string.Join(",", recorded.Violations.Select(v => v.Rule)));
                    }
                    // A seat not yet started is taken off: the scorecard is gone, its id now names nothing.
                    expected = "404";
                    break;
            }
        }

        using var response = await SendAsync(juror, await TokenAsync(juror), Body(Guid.NewGuid(), package, mine, 5m));

        if (expected == "404")
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await using var db = await Factory.CreateDbContextAsync();
            Assert.False(await db.Scorecards.AnyAsync(s => s.Id == mine && s.Status == ScorecardStatus.Submitted));
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"rules\":[\"{expected}\"]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(ScorecardStatus.Submitted, (await ScorecardAsync(mine)).Status);
    }

    [Fact]
    public async Task FieldSync_answers_404_for_another_jurors_scorecard_and_400_413_415_for_no_token_bad_oversized_or_non_json_bodies()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var theirs = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado2);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var token = await TokenAsync(juror);
        var body = Body(Guid.NewGuid(), package, mine, 5m);

        var other = JsonSerializer.SerializeToNode(body)!;
        other["scorecardId"] = theirs;
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(juror, token, other)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await juror.PostAsync("/api/field/scorecards", JsonContent.Create(body))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw(juror, token, "{\"id\": \"not-a-guid\", \"scorecardId\": [", "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw(juror, token, "{}", "application/json")).StatusCode);
        var huge = "{\"overallComment\":\"" + new string('x', 70 * 1024) + "\"}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Raw(juror, token, huge, "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Raw(juror, token, JsonSerializer.Serialize(body), "text/plain")).StatusCode);
        Assert.Equal(ScorecardStatus.NotStarted, (await ScorecardAsync(mine)).Status);
        Assert.Equal(ScorecardStatus.NotStarted, (await ScorecardAsync(theirs)).Status);
    }

    [Fact]
    public async Task FieldSync_concurrent_sends_of_one_id_submit_the_scorecard_once()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var token = await TokenAsync(juror);
        var body = Body(Guid.NewGuid(), package, mine, 7m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(juror, token, body)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains("\"state\":\"accepted\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var again = await SendAsync(juror, token, body);
        Assert.Contains("\"state\":\"accepted\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("scorecard.submitted", mine));
    }

    private static async Task<HttpResponseMessage> DeclareAsync(HttpClient client, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/field/conflicts") { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private async Task<int> ConflictCountAsync(string jurorEmail, int profileId)
    {
        var jurorId = await DemoScorecards.UserIdAsync(Factory, jurorEmail);
        await using var db = await Factory.CreateDbContextAsync();
        var groupId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.ProducerGroupId).SingleAsync();
        return await db.ConflictsOfInterest.CountAsync(c => c.JurorUserId == jurorId && c.ProducerGroupId == groupId);
    }

    [Fact]
    public async Task FieldSync_conflict_declared_offline_is_recorded_once_through_the_online_service_and_a_repeat_answers_the_same()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var token = await TokenAsync(juror);
        var id = Guid.NewGuid();
        var body = new { id, scorecardId = mine, kind = "Kinship", note = "Prima de la representante" };

        using var first = await DeclareAsync(juror, token, body);
        var firstText = await first.Content.ReadAsStringAsync();
        using var second = await DeclareAsync(juror, token, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"state\":\"accepted\"", firstText, StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstText, await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await ConflictCountAsync(Jurado1, profile.Id));
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "conflict.declared"));
            // Not started: the seat is taken off, as the online declaration does.
            Assert.False(await db.Scorecards.AnyAsync(s => s.Id == mine));
            Assert.Equal(1, await db.DeviceSubmissions.CountAsync(s => s.Id == id && s.Kind == HakuWinay.Contests.FieldSync.DeviceSubmissionKind.ConflictDeclaration));
        }
        using var reused = await DeclareAsync(juror, token, new { id, scorecardId = mine, kind = "SameCommunity", note = (string?)null });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("otro contenido", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ConflictCountAsync(Jurado1, profile.Id));
        // The package no longer holds the profile.
        var package = await PackageAsync(juror);
        Assert.DoesNotContain(mine, package.GetProperty("scorecards").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task FieldSync_conflict_with_kind_other_and_no_note_is_refused_with_the_online_message_and_records_nothing()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);

        using var response = await DeclareAsync(juror, await TokenAsync(juror), new { id = Guid.NewGuid(), scorecardId = mine, kind = "Other", note = " " });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"state\":\"refused\"", text, StringComparison.Ordinal);
        Assert.Contains("\"rules\":[\"Judging.OtherNeedsNote\"]", text, StringComparison.Ordinal);
        Assert.Contains("explique el conflicto", text, StringComparison.Ordinal);
        Assert.Equal(0, await ConflictCountAsync(Jurado1, profile.Id));
        Assert.Equal(ScorecardStatus.NotStarted, (await ScorecardAsync(mine)).Status);
    }

    [Fact]
    public async Task FieldSync_conflicts_answer_401_to_anonymous_404_for_another_jurors_scorecard_and_400_413_415_for_no_token_bad_oversized_or_non_json_bodies()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var theirs = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado2);
        var anonymous = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/field/conflicts", JsonContent.Create(new { id = Guid.NewGuid(), scorecardId = mine, kind = "Kinship" }))).StatusCode);
        var juror = await SignedInAsync(Jurado1);
        var token = await TokenAsync(juror);

        Assert.Equal(HttpStatusCode.NotFound, (await DeclareAsync(juror, token, new { id = Guid.NewGuid(), scorecardId = theirs, kind = "Kinship" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeclareAsync(juror, token, new { id = Guid.NewGuid(), scorecardId = 999_999, kind = "Kinship" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await juror.PostAsync("/api/field/conflicts", JsonContent.Create(new { id = Guid.NewGuid(), scorecardId = mine, kind = "Kinship" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw(juror, token, "{\"id\": \"x\", \"scorecardId\": [", "application/json", "/api/field/conflicts")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw(juror, token, "{}", "application/json", "/api/field/conflicts")).StatusCode);
        var huge = "{\"note\":\"" + new string('x', 10 * 1024) + "\"}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Raw(juror, token, huge, "application/json", "/api/field/conflicts")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Raw(juror, token, "{}", "text/plain", "/api/field/conflicts")).StatusCode);
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        Assert.Equal(HttpStatusCode.NotFound, (await DeclareAsync(technician, await TokenAsync(technician), new { id = Guid.NewGuid(), scorecardId = mine, kind = "Kinship" })).StatusCode);

        Assert.Equal(0, await ConflictCountAsync(Jurado1, profile.Id));
        Assert.Equal(0, await ConflictCountAsync(Jurado2, profile.Id));
    }

    [Fact]
    public async Task FieldSync_concurrent_sends_of_one_conflict_record_it_once()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var token = await TokenAsync(juror);
        var body = new { id = Guid.NewGuid(), scorecardId = mine, kind = "BusinessInterest", note = (string?)null };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => DeclareAsync(juror, token, body)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        using var again = await DeclareAsync(juror, token, body);
        Assert.Contains("\"state\":\"accepted\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ConflictCountAsync(Jurado1, profile.Id));
    }

    [Fact]
    public async Task FieldSync_attachments_are_listed_in_the_package_and_downloaded_only_by_the_assigned_juror()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var unassigned = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupB, submit: true);
        var mine = await DemoScorecards.AssignAsync(_portal, profile.Id, Jurado1);
        var juror = await SignedInAsync(Jurado1);
        var package = await PackageAsync(juror);
        var listed = CardOf(package, mine).GetProperty("profile").GetProperty("attachments").EnumerateArray()
            .Single(a => a.GetProperty("id").GetInt32() == profile.AttachmentId);
        var url = listed.GetProperty("url").GetString()!;
        Assert.Equal($"/api/field/profiles/{profile.Id}/attachments/{profile.AttachmentId}", url);
        Assert.Equal("application/pdf", listed.GetProperty("type").GetString());
        Assert.Equal(DemoProfiles.Pdf.Length, listed.GetProperty("sizeBytes").GetInt64());

        using var first = await juror.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(DemoProfiles.Pdf, await first.Content.ReadAsByteArrayAsync());
        using var repeat = await juror.GetAsync(url);
        Assert.Equal(DemoProfiles.Pdf, await repeat.Content.ReadAsByteArrayAsync());

        var anonymous = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(Jurado2)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/api/field/profiles/{unassigned.Id}/attachments/{unassigned.AttachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/api/field/profiles/{profile.Id}/attachments/{unassigned.AttachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("tecnico@demo.hakuwinay.pe")).GetAsync(url)).StatusCode);
    }

    private static async Task<HttpResponseMessage> Raw(HttpClient client, string token, string json, string contentType, string path = "/api/field/scorecards")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }
}
