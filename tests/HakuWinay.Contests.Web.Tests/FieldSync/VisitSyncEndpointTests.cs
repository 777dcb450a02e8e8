using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.FollowUp;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>The technician's offline visit report endpoints (docs/decisions/036): applied once through VisitService.</summary>
public sealed class VisitSyncEndpointTests(VisitsPortal portal) : IClassFixture<VisitsPortal>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    [Fact]
    public async Task A_report_with_a_photo_is_applied_once_and_a_repeat_gets_the_same_answer()
    {
        var anonymous = await portal.ClientAsync(VisitsPortal.Anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/field/visits")).StatusCode);
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var client = await portal.ClientAsync(AwardedDemo.TechnicianEmail);
        using var package = JsonDocument.Parse(await client.GetStringAsync("/api/field/visits"));
        var visit = package.RootElement.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("id").GetInt32() == visitId);
        using var session = await client.GetFromJsonAsync<JsonDocument>("/api/field/session");
        var token = session!.RootElement.GetProperty("token").GetString()!;
        var lines = await portal.LineIdsAsync(award.ProfileId);
        var report = JsonSerializer.Serialize(new
        {
            visitedOn = VisitsPortal.Today.AddDays(-1).ToString("yyyy-MM-dd"), membersPresent = 9, salesToDate = 120.5m, jobs = 2,
            observations = "Sin señal", rating = "Satisfactory", progress = lines.Select(l => new { investmentLineId = l, progressPercent = 40, note = "ok" }),
        });
        var id = Guid.NewGuid();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(id.ToString()), "id" },
                { new StringContent(visit.GetProperty("version").GetGuid().ToString()), "version" },
                { new StringContent(report), "report" },
                { new ByteArrayContent(Jpeg), "photos", "foto-1.jpg" },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/field/visits/{visitId}/report") { Content = form };
            request.Headers.Add("RequestVerificationToken", token);
            return await client.SendAsync(request);
        }

        var first = await SendAsync();
        var second = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("accepted", JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = await portal.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Submitted, 9, 1), (stored.Status, stored.MembersPresent!.Value, stored.Photos.Count));
    }
}
