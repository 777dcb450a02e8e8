using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.FieldSync;
using HakuWinay.Contests.Web.Tests.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>
/// The technician's offline visit report endpoints (docs/decisions/036): the package holds only the
/// technician's own visits in their territory; a report is applied once through VisitService, with
/// its refusals told in Spanish; anything else (another role, another technician or territory, no
/// token, malformed, oversized or non-image input, a reused id) changes nothing.
/// </summary>
public sealed class VisitSyncEndpointTests(VisitsPortal portal) : IClassFixture<VisitsPortal>
{
    private const string ApurimacTechnician = "yachachiq.apurimac@demo.hakuwinay.pe";
    private const string Juror = "jurado1@demo.hakuwinay.pe";
    private const string Group = "grupo1@demo.hakuwinay.pe";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    // The fixture has a handful of visits: the tests that must leave a visit as it was share one, and
    // the tests of a visit left assigned outside the technician's territory share another.
    private static readonly ConditionalWeakTable<VisitsPortal, Task<(int VisitId, DemoAward Award)>> Untouched = new();
    private static readonly ConditionalWeakTable<VisitsPortal, Task<(int VisitId, DemoAward Award)>> LeftOver = new();

    private readonly Dictionary<HttpClient, string> _tokens = [];

    /// <summary>The visit that every test using it leaves unreported, without photos and unclaimed (each checks so at its end).</summary>
    private Task<(int VisitId, DemoAward Award)> UntouchedVisitAsync() => Untouched.GetValue(portal, p => p.NextScheduledVisitAsync());

    /// <summary>A visit of Ayacucho's given to the Apurímac technician, as an assignment left over after their territory was narrowed.</summary>
    private Task<(int VisitId, DemoAward Award)> LeftOverVisitAsync() => LeftOver.GetValue(portal, async p =>
    {
        var visit = await p.NextScheduledVisitAsync();
        await using var db = await p.Factory.CreateDbContextAsync();
        var apurimac = await db.Users.Where(u => u.Email == ApurimacTechnician).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await db.AwardVisits.Where(v => v.Id == visit.VisitId).ExecuteUpdateAsync(s => s.SetProperty(v => v.TechnicianUserId, apurimac)));
        return visit;
    });

    /// <summary>A JPEG of its own (a different hash) for each <paramref name="n"/>.</summary>
    private static byte[] Photo(int n = 0) => [.. Jpeg, (byte)n, (byte)(n >> 8)];

    private async Task<HttpClient> SignedInAsync(string email) => await portal.ClientAsync(email, email);

    private async Task<string> TokenAsync(HttpClient client)
    {
        if (!_tokens.TryGetValue(client, out var token))
        {
            using var session = await client.GetFromJsonAsync<JsonDocument>("/api/field/session");
            token = session!.RootElement.GetProperty("token").GetString()!;
            _tokens[client] = token;
        }
        return token;
    }

    /// <summary>The report as the device queues it: a good one, changed by <paramref name="change"/>.</summary>
    private async Task<string> ReportAsync(DemoAward award, Action<JsonObject>? change = null)
    {
        var lines = await portal.LineIdsAsync(award.ProfileId);
        var report = new JsonObject
        {
            ["visitedOn"] = VisitsPortal.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["membersPresent"] = 9,
            ["salesToDate"] = 120.5m,
            ["jobs"] = 2,
            ["observations"] = "Sin señal",
            ["rating"] = "Satisfactory",
            ["progress"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["investmentLineId"] = l, ["progressPercent"] = 40, ["note"] = "ok" })]),
        };
        change?.Invoke(report);
        return report.ToJsonString();
    }

    private async Task<Guid> VersionAsync(int visitId) => (await portal.VisitAsync(visitId)).Version;

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, int visitId, string id, string version, string? report, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent { { new StringContent(id), "id" }, { new StringContent(version), "version" } };
        if (report is not null)
        {
            form.Add(new StringContent(report), "report");
        }
        foreach (var (name, content) in photos)
        {
            form.Add(new ByteArrayContent(content), "photos", name);
        }
        return await PostAsync(client, visitId, form);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int visitId, HttpContent content, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/field/visits/{visitId}/report") { Content = content };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", await TokenAsync(client));
        }
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<string> Rules(JsonElement answer) => answer.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToList();

    private static string Messages(JsonElement answer) => string.Join(" | ", answer.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));

    private async Task<int> ClaimsAsync(int visitId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DeviceSubmissions.CountAsync(s => s.Kind == DeviceSubmissionKind.VisitReport && s.TargetId == visitId);
    }

    private async Task<int> AuditCountAsync(string action, int visitId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var key = visitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditLog.CountAsync(a => a.Action == action && a.EntityId == key);
    }

    /// <summary>The visit as it was before the sends: still open, no report, no photo, nothing more claimed for it than <paramref name="claimsBefore"/>.</summary>
    private async Task AssertUntouchedAsync(int visitId, int claimsBefore)
    {
        var visit = await portal.VisitAsync(visitId);
        Assert.Contains(visit.Status, new[] { VisitStatus.Scheduled, VisitStatus.Overdue });
        Assert.Null(visit.SubmittedAtUtc);
        Assert.Null(visit.MembersPresent);
        Assert.Empty(visit.Photos);
        Assert.Equal(claimsBefore, await ClaimsAsync(visitId));
    }

    private static List<int> VisitIds(JsonElement package) => package.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task Visit_package_is_the_technicians_own_in_their_territory_with_texts_and_validity_and_is_never_stored()
    {
        var (visitId, _) = await UntouchedVisitAsync();
        var (leftOver, _) = await LeftOverVisitAsync();

        foreach (var email in new[] { Juror, AwardedDemo.AdminEmail, Group })
        {
            using var refused = await (await SignedInAsync(email)).GetAsync("/api/field/visits");
            Assert.True(HttpStatusCode.NotFound == refused.StatusCode, $"{email} got {refused.StatusCode}");
            Assert.True(refused.Headers.CacheControl?.NoStore, $"{email}'s answer may be stored");
        }

        using var response = await (await SignedInAsync(AwardedDemo.TechnicianEmail)).GetAsync("/api/field/visits");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var package = await JsonOf(response);
        Assert.Contains(visitId, VisitIds(package));
        Assert.DoesNotContain(leftOver, VisitIds(package));
        Assert.Equal("visits", package.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(package.GetProperty("validUntil").GetString()));
        Assert.True(package.GetProperty("validUntilUtc").GetDateTime() > DateTime.UtcNow);
        Assert.Equal(AwardVisit.MaxPhotos, package.GetProperty("limits").GetProperty("maxPhotos").GetInt32());
        Assert.Equal("Los socios presentes deben estar entre 0 y {0}.", package.GetProperty("texts").GetProperty("Visits.MembersRange").GetString());
        var visit = package.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("id").GetInt32() == visitId);
        Assert.Equal(await VersionAsync(visitId), visit.GetProperty("version").GetGuid());
        Assert.NotEmpty(visit.GetProperty("lines").EnumerateArray());

        // Apurímac's technician: none of Ayacucho's visits, not even one left assigned to them.
        using var apurimac = await (await SignedInAsync(ApurimacTechnician)).GetAsync("/api/field/visits");
        Assert.Equal(HttpStatusCode.OK, apurimac.StatusCode);
        var theirs = VisitIds(await JsonOf(apurimac));
        Assert.DoesNotContain(visitId, theirs);
        Assert.DoesNotContain(leftOver, theirs);
    }

    [Fact]
    public async Task A_report_for_another_technicians_visit_another_territory_or_from_another_role_answers_404_and_changes_nothing()
    {
        var (visitId, award) = await UntouchedVisitAsync();
        var (leftOver, leftOverAward) = await LeftOverVisitAsync();
        var (claims, leftOverClaims) = (await ClaimsAsync(visitId), await ClaimsAsync(leftOver));
        var report = await ReportAsync(award);
        var version = (await VersionAsync(visitId)).ToString();
        var anonymous = await portal.ClientAsync(VisitsPortal.Anonymous);

        using var unsigned = new MultipartFormDataContent { { new StringContent(Guid.NewGuid().ToString()), "id" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, visitId, unsigned, withToken: false)).StatusCode);
        var apurimac = await SignedInAsync(ApurimacTechnician);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(apurimac, visitId, Guid.NewGuid().ToString(), version, report, ("foto.jpg", Photo()))).StatusCode);
        // Assigned to them, but the group is outside their territory: as if it were not there.
        using var outside = await SendAsync(apurimac, leftOver, Guid.NewGuid().ToString(), (await VersionAsync(leftOver)).ToString(), await ReportAsync(leftOverAward),
            ("foto.jpg", Photo()));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        foreach (var email in new[] { Juror, AwardedDemo.AdminEmail, Group })
        {
            using var refused = await SendAsync(await SignedInAsync(email), visitId, Guid.NewGuid().ToString(), version, report, ("foto.jpg", Photo()));
            Assert.True(HttpStatusCode.NotFound == refused.StatusCode, $"{email} got {refused.StatusCode}");
        }
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(technician, 999_999, Guid.NewGuid().ToString(), version, report)).StatusCode);

        await AssertUntouchedAsync(visitId, claims);
        await AssertUntouchedAsync(leftOver, leftOverClaims);
    }

    [Fact]
    public async Task Malformed_sends_answer_400_or_415_and_change_nothing()
    {
        var (visitId, award) = await UntouchedVisitAsync();
        var claims = await ClaimsAsync(visitId);
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var good = await ReportAsync(award);
        Task<HttpResponseMessage> Send(string? report, string? id = null, string? v = null) =>
            SendAsync(technician, visitId, id ?? Guid.NewGuid().ToString(), v ?? version, report, ("foto.jpg", Photo()));
        async Task<HttpResponseMessage> SendWith(Action<JsonObject> change) => await Send(await ReportAsync(award, change));

        using (var noToken = new MultipartFormDataContent { { new StringContent(Guid.NewGuid().ToString()), "id" }, { new StringContent(version), "version" }, { new StringContent(good), "report" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(technician, visitId, noToken, withToken: false)).StatusCode);
        }
        using (var json = new StringContent(good, Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(technician, visitId, json)).StatusCode);
        }
        var malformed = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["no report"] = () => Send(null),
            ["not JSON"] = () => Send("{\"visitedOn\": \"2026-12-01\", \"membersPresent\": ["),
            ["JSON of another shape"] = () => Send("[1, 2, 3]"),
            ["bad id"] = () => Send(good, id: "not-a-guid"),
            ["bad version"] = () => Send(good, v: "v1"),
            ["date in another format"] = () => SendWith(r => r["visitedOn"] = "06/12/2026"),
            ["impossible date"] = () => SendWith(r => r["visitedOn"] = "2026-02-30"),
            ["unknown rating"] = () => SendWith(r => r["rating"] = "Excellent"),
            ["rating by number"] = () => SendWith(r => r["rating"] = "7"),
            ["two ratings at once"] = () => SendWith(r => r["rating"] = "Satisfactory,Unsatisfactory"),
            ["members as text"] = () => SendWith(r => r["membersPresent"] = "nueve"),
            ["members beyond an int"] = () => SendWith(r => r["membersPresent"] = 1e12),
            ["a null progress line"] = () => SendWith(r => r["progress"] = new JsonArray(null, null)),
            ["nested too deep"] = () => SendWith(r => r["observations"] = JsonNode.Parse(new string('[', 40) + new string(']', 40))),
        };
        foreach (var (what, send) in malformed)
        {
            using var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using var empty = await Send(good, id: Guid.Empty.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(["FieldSync.BadId"], Rules(await JsonOf(empty)));

        await AssertUntouchedAsync(visitId, claims);
    }

    [Fact]
    public async Task An_oversized_photo_report_or_body_answers_413_and_stores_nothing()
    {
        var (visitId, award) = await UntouchedVisitAsync();
        var claims = await ClaimsAsync(visitId);
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var good = await ReportAsync(award);
        var big = new byte[VisitPackageEndpoints.MaxPhotoBytes + 1];
        Jpeg.CopyTo(big, 0);
        var huge = new byte[VisitPackageEndpoints.MaxReportBytes + 1];
        Jpeg.CopyTo(huge, 0);

        using var photo = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), version, good, ("foto.jpg", Photo()), ("grande.jpg", big));
        using var report = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), version,
            await ReportAsync(award, r => r["observations"] = new string('x', 130 * 1024)));
        using var body = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), version, good, ("enorme.jpg", huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, photo.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, report.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body.StatusCode);
        await AssertUntouchedAsync(visitId, claims);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_or_too_many_photos_answer_422_and_nothing_is_stored_so_the_id_stays_free()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var report = await ReportAsync(award);
        var id = Guid.NewGuid().ToString();

        using var pdf = await SendAsync(technician, visitId, id, version, report, ("foto-1.jpg", Photo()), ("foto-2.jpg", Pdf));
        using var text = await SendAsync(technician, visitId, id, version, report, ("foto.jpg", Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        using var badName = await SendAsync(technician, visitId, id, version, report, ("foto-1.jpg", Photo()), ("../../foto-2.jpg", Photo(2)));
        using var tooMany = await SendAsync(technician, visitId, id, version, report,
            [.. Enumerable.Range(0, AwardVisit.MaxPhotos + 1).Select(n => ($"foto-{n}.jpg", Photo(n)))]);

        foreach (var refused in new[] { pdf, text })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var answer = await JsonOf(refused);
            Assert.Equal(["Files.ImageOnly"], Rules(answer));
            Assert.Contains("Solo se aceptan fotos JPG o PNG", Messages(answer), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badName.StatusCode);
        Assert.Equal(["Attachments.BadName"], Rules(await JsonOf(badName)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains($"como máximo {AwardVisit.MaxPhotos} fotos", Messages(await JsonOf(tooMany)), StringComparison.Ordinal);
        await AssertUntouchedAsync(visitId, 0);

        // Nothing was claimed: the device fixes its photos and sends under the same id.
        using var fixedUp = await SendAsync(technician, visitId, id, version, report, ("foto-1.jpg", Photo()));
        Assert.Equal("accepted", (await JsonOf(fixedUp)).GetProperty("state").GetString());
        Assert.Single((await portal.VisitAsync(visitId)).Photos);
    }

    [Fact]
    public async Task A_report_whose_photos_would_pass_the_visits_maximum_is_refused_and_adds_none()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var service = portal.Service();
        for (var n = 0; n < AwardVisit.MaxPhotos - 1; n++)
        {
            using var content = new MemoryStream(Photo(100 + n));
            Assert.True((await service.AddPhotoAsync(portal.Technician, visitId, new UploadedFile($"en-linea-{n}.jpg", content))).Succeeded);
        }
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);

        using var response = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), (await VersionAsync(visitId)).ToString(), await ReportAsync(award),
            ("foto-1.jpg", Photo(1)), ("foto-2.jpg", Photo(2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonOf(response);
        Assert.Equal("refused", answer.GetProperty("state").GetString());
        Assert.Equal(["Visits.TooManyPhotos"], Rules(answer));
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal(((DateTime?)null, AwardVisit.MaxPhotos - 1), (visit.SubmittedAtUtc, visit.Photos.Count));
        Assert.DoesNotContain(visit.Photos, p => p.File.DisplayName.StartsWith("foto-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Photos_added_for_a_report_the_visit_service_then_refuses_are_taken_off_again()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        // The sync's clock runs two days ahead of the visit service's: a visit dated tomorrow passes
        // the sync's own check and is refused by the service only after the photos were added.
        var sync = new VisitSyncService(portal.Factory, portal.Service(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2)));
        var report = await portal.ReportAsync(award) with { VisitedOn = VisitsPortal.Today.AddDays(1) };

        var answer = await sync.SubmitVisitReportAsync(portal.Technician, Guid.NewGuid(), new OfflineVisitReport(visitId, await VersionAsync(visitId), report),
            [new("foto-1.jpg", Photo(1)), new("foto-2.jpg", Photo(2))]);

        Assert.Equal(DeviceSubmissionState.Refused, answer.Value!.State);
        Assert.Equal(["Visits.FutureDate"], answer.Value.Refusals.Select(r => r.Rule).ToList());
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal(((DateTime?)null, 0), (visit.SubmittedAtUtc, visit.Photos.Count));
        Assert.Equal((2, 2), (await AuditCountAsync("visit.photo-added", visitId), await AuditCountAsync("visit.photo-removed", visitId)));
    }

    public static TheoryData<string, string> Violations => new()
    {
        { "members below zero", "Los socios presentes deben estar entre 0 y" },
        { "members above the maximum", "Los socios presentes deben estar entre 0 y" },
        { "future date", "no puede ser futura" },
        { "progress above 100", "va de 0 a 100 %" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_report_breaking_a_rule_is_refused_in_spanish_and_the_visit_keeps_no_report_and_no_photo(string violation, string message)
    {
        var (visitId, award) = await UntouchedVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var report = await ReportAsync(award, r =>
        {
            switch (violation)
            {
                case "members below zero":
                    r["membersPresent"] = -1;
                    break;
                case "members above the maximum":
                    r["membersPresent"] = AwardVisit.MaxMembers + 1;
                    break;
                case "future date":
                    r["visitedOn"] = VisitsPortal.Today.AddDays(2).ToString("yyyy-MM-dd");
                    break;
                default:
                    r["progress"]![0]!["progressPercent"] = 101;
                    break;
            }
        });

        using var response = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), (await VersionAsync(visitId)).ToString(), report, ("foto.jpg", Photo()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonOf(response);
        Assert.Equal("refused", answer.GetProperty("state").GetString());
        Assert.Contains(message, Messages(answer), StringComparison.Ordinal);
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal(((DateTime?)null, (int?)null, 0), (visit.SubmittedAtUtc, visit.MembersPresent, visit.Photos.Count));
        Assert.Equal(0, await AuditCountAsync("visit.submitted", visitId));
        Assert.Equal(0, await AuditCountAsync("visit.photo-added", visitId));
    }

    [Fact]
    public async Task The_same_id_with_other_content_is_refused_422_and_the_first_report_stays()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var id = Guid.NewGuid().ToString();
        using var first = await SendAsync(technician, visitId, id, version, await ReportAsync(award), ("foto.jpg", Photo()));
        Assert.Equal("accepted", (await JsonOf(first)).GetProperty("state").GetString());

        using var otherReport = await SendAsync(technician, visitId, id, version, await ReportAsync(award, r => r["membersPresent"] = 3), ("foto.jpg", Photo()));
        using var otherPhoto = await SendAsync(technician, visitId, id, version, await ReportAsync(award), ("foto.jpg", Photo(1)));

        foreach (var reused in new[] { otherReport, otherPhoto })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
            var answer = await JsonOf(reused);
            Assert.Equal(["FieldSync.IdReused"], Rules(answer));
            Assert.Contains("otro contenido", Messages(answer), StringComparison.Ordinal);
        }
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Submitted, 9, 1), (visit.Status, visit.MembersPresent!.Value, visit.Photos.Count));

        // The technician's id, sent by another technician, names nothing of theirs.
        using var stranger = await SendAsync(await SignedInAsync(ApurimacTechnician), visitId, id, version, await ReportAsync(award), ("foto.jpg", Photo()));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task Two_sends_of_one_id_at_once_apply_the_report_once_and_its_photos_once()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var report = await ReportAsync(award);
        var id = Guid.NewGuid().ToString();
        await TokenAsync(technician);
        Task<HttpResponseMessage> Send() => SendAsync(technician, visitId, id, version, report, ("foto-1.jpg", Photo(1)), ("foto-2.jpg", Photo(2)));

        var answers = await Task.WhenAll(Send(), Send(), Send());

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            Assert.Equal("accepted", (await JsonOf(answer)).GetProperty("state").GetString());
        }
        using var again = await Send();
        Assert.Equal("accepted", (await JsonOf(again)).GetProperty("state").GetString());
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Submitted, 2), (visit.Status, visit.Photos.Count));
        Assert.Equal(1, await ClaimsAsync(visitId));
        Assert.Equal(1, await AuditCountAsync("visit.submitted", visitId));
    }

    [Fact]
    public async Task A_visit_reported_online_meanwhile_is_refused_and_the_online_report_is_not_overwritten()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var offline = await ReportAsync(award);
        var online = await portal.Service().SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award, observations: "Informe en línea"));
        Assert.True(online.Succeeded, online.Outcome.ToString());

        using var response = await SendAsync(technician, visitId, Guid.NewGuid().ToString(), version, offline, ("foto.jpg", Photo()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonOf(response);
        Assert.Equal("refused", answer.GetProperty("state").GetString());
        Assert.Equal(["FieldSync.VisitSubmittedElsewhere"], Rules(answer));
        Assert.Contains("no se sobrescribió", Messages(answer), StringComparison.Ordinal);
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Submitted, 12, "Informe en línea", 0), (visit.Status, visit.MembersPresent!.Value, visit.Observations, visit.Photos.Count));
        Assert.Equal(1, await AuditCountAsync("visit.submitted", visitId));
    }

    [Fact]
    public async Task A_retry_of_an_accepted_report_after_the_visit_changed_gets_the_same_accepted_answer()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await SignedInAsync(AwardedDemo.TechnicianEmail);
        var version = (await VersionAsync(visitId)).ToString();
        var report = await ReportAsync(award);
        var id = Guid.NewGuid().ToString();
        using var first = await SendAsync(technician, visitId, id, version, report, ("foto.jpg", Photo()));
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Contains("\"state\":\"accepted\"", firstText, StringComparison.Ordinal);
        var approved = await portal.Service().ApproveAsync(portal.Admin, visitId);
        Assert.True(approved.Succeeded, approved.Outcome.ToString());

        using var retry = await SendAsync(technician, visitId, id, version, report, ("foto.jpg", Photo()));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        var visit = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Approved, 1), (visit.Status, visit.Photos.Count));
        Assert.Equal(1, await ClaimsAsync(visitId));
    }
}
