using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests.FollowUp;

public sealed class VisitPortalTests(VisitsPortal portal) : IClassFixture<VisitsPortal>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task A_visit_photo_goes_to_the_admin_the_assigned_technician_and_the_group_only()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var added = await portal.Service().AddPhotoAsync(portal.Technician, visitId, new UploadedFile("galpon.png", new MemoryStream(Png)));
        Assert.True(added.Succeeded, $"The photo was not added: {added.Outcome} {string.Join(", ", added.Violations.Select(v => v.Rule))}");
        var url = $"/visits/{visitId}/photos/{added.Value}";
        var other = portal.Awards.First(a => a.RepresentativeEmail is not null && a.GroupId != award.GroupId).RepresentativeEmail!;

        foreach (var (principal, email) in new[] { ("admin", AwardedDemo.AdminEmail), ("tech", AwardedDemo.TechnicianEmail), ("group", award.RepresentativeEmail!) })
        {
            var response = await (await portal.ClientAsync(principal, email)).GetAsync(url);
            Assert.Equal((principal, HttpStatusCode.OK), (principal, response.StatusCode));
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal($"inline; filename=visita-{visitId}-foto-{added.Value}.png", response.Content.Headers.ContentDisposition!.ToString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientAsync("other", other)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientAsync("admin", AwardedDemo.AdminEmail)).GetAsync($"/visits/{visitId + 1}/photos/{added.Value}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await portal.ClientAsync(VisitsPortal.Anonymous)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_admin_reads_the_report_without_script_sees_an_unsatisfactory_rating_and_approves_once()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var report = await portal.ReportAsync(award, VisitRating.Unsatisfactory, "**Galpón** listo <script>alert('x')</script> [x](javascript:alert(1))");
        await portal.Service().SubmitReportAsync(portal.Technician, visitId, report);
        var admin = await portal.ClientAsync("admin", AwardedDemo.AdminEmail);
        var url = $"/admin/visits/{visitId}";

        var page = await admin.GetStringAsync(url);
        Assert.Contains("<strong>Galpón</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-unsatisfactory\"", page, StringComparison.Ordinal);

        var stalePage = await admin.GetStringAsync(url);
        var approved = await VisitsPortal.PostDecisionAsync(admin, url, "approve-visit", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("data-testid=\"visit-decided\"", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Approved, (await portal.VisitAsync(visitId)).Status);
        Assert.DoesNotContain("data-testid=\"approve-form\"", await admin.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Contains("approve-form", stalePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_or_stale_approval_post_is_refused_with_a_message_and_changes_nothing()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        await portal.Service().SubmitReportAsync(portal.Technician, visitId, await portal.ReportAsync(award));
        var admin = await portal.ClientAsync("admin", AwardedDemo.AdminEmail);
        var url = $"/admin/visits/{visitId}";

        var stale = await VisitsPortal.PostDecisionAsync(admin, url, "approve-visit", null, Guid.NewGuid().ToString());
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"visit-error\"", html, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Submitted, (await portal.VisitAsync(visitId)).Status);

        var noComment = await VisitsPortal.PostDecisionAsync(admin, url, "send-back-visit", "  ");
        Assert.Contains("Escriba las observaciones para el técnico.", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Submitted, (await portal.VisitAsync(visitId)).Status);

        var garbage = await VisitsPortal.PostDecisionAsync(admin, url, "approve-visit", null, "not-a-guid'><script>");
        Assert.Equal(VisitStatus.Submitted, (await portal.VisitAsync(visitId)).Status);
        Assert.DoesNotContain("<script>", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_technician_sees_their_list_and_the_report_page_and_a_producer_does_not()
    {
        var (visitId, award) = await portal.NextScheduledVisitAsync();
        var technician = await portal.ClientAsync("tech", AwardedDemo.TechnicianEmail);
        var producer = await portal.ClientAsync("group", award.RepresentativeEmail!);

        var list = await technician.GetStringAsync("/technician/visits");
        Assert.Contains($"href=\"technician/visits/{visitId}\"", list, StringComparison.Ordinal);
        var report = await technician.GetAsync($"/technician/visits/{visitId}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await producer.GetAsync($"/technician/visits/{visitId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await producer.GetAsync($"/admin/visits/{visitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await technician.GetAsync("/technician/visits/999999")).StatusCode);
    }
}
