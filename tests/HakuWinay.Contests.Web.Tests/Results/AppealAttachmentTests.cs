using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Results;

/// <summary>
/// GET /appeals/{id}/attachment: the filing group and staff get the file, as a download never
/// sniffed; anyone else learns nothing about the id. Technicians are staff here as on profile
/// attachments (they may act for any group: there is no per-group assignment of technicians).
/// </summary>
public sealed class AppealAttachmentTests(AppealAttachmentTests.AppealFiledPortal portal) : IClassFixture<AppealAttachmentTests.AppealFiledPortal>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[256]];

    private string Url => $"/appeals/{portal.AppealId}/attachment";

    [Theory]
    [InlineData(Roles.Producer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Technician)]
    public async Task The_filing_group_and_staff_download_the_file_as_an_attachment_never_sniffed(string principal)
    {
        using var response = await (await portal.ClientAsync(principal)).GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"reclamo-{portal.AppealId}.pdf", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Another_group_gets_404_so_the_id_reveals_nothing()
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.OtherProducer)).GetAsync(Url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(ResultsPortal.Anonymous, "/account/login")]
    [InlineData(Roles.Juror, "/account/access-denied")]
    public async Task Anonymous_and_jurors_are_sent_away_like_from_the_other_downloads(string principal, string target)
    {
        var client = await portal.ClientAsync(principal);
        using var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/appeals/abc/attachment", Roles.Producer)]
    [InlineData("/appeals/-1/attachment", Roles.Producer)]
    [InlineData("/appeals/999999/attachment", Roles.Producer)]
    [InlineData("/appeals/abc/attachment", Roles.Admin)]
    [InlineData("/appeals/-1/attachment", Roles.Admin)]
    [InlineData("/appeals/999999/attachment", Roles.Admin)]
    public async Task A_malformed_or_unknown_id_is_404(string url, string principal)
    {
        using var response = await (await portal.ClientAsync(principal)).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Version 1 published and grupo5's appeal filed with a PDF, through the real services.</summary>
    public sealed class AppealFiledPortal : ResultsPortal
    {
        public int AppealId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await PublishAsync();
            await using var scope = Portal.Services.CreateAsyncScope();
            var representative = new ActingUser(await UserIdAsync(Accounts[Roles.Producer]));
            await using var content = new MemoryStream(Pdf);
            var filed = await scope.ServiceProvider.GetRequiredService<AppealService>()
                .FileAsync(representative, ProfileId, "El jurado no vio nuestro galpón nuevo.", new AppealFile("sustento.pdf.exe", content));
            Assert.True(filed.Succeeded, filed.Outcome + " " + string.Join(", ", filed.Violations.Select(v => v.Rule)));
            AppealId = filed.Value;
        }
    }
}
