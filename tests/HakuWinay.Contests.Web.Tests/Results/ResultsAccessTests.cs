using System.Net;
using System.Text;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Results;

/// <summary>Before publication nobody sees results, rankings or scores through a public address; the Admin sees the preview on the admin ones.</summary>
public sealed class ResultsBeforePublicationTests(ResultsPortal portal) : IClassFixture<ResultsPortal>
{
    public static TheoryData<string, string> PublicAddresses()
    {
        var data = new TheoryData<string, string>();
        foreach (var url in new[]
                 {
                     "/contests/AYA-2026-01/results", "/contests/AYA-2026-01/results?version=1", "/contests/AYA-2026-01/results/acta",
                     "/contests/AYA-2026-01/results/package.json", "/contests/AYA-2026-01/results/ranking.csv", "/contests/AYA-2026-01/results/scores.csv",
                     "/contests/AYA-2026-01/results/ranking.csv?version=1", "/profiles/{profileId}/appeal",
                 })
        {
            foreach (var principal in new[] { ResultsPortal.Anonymous, Roles.Producer, Roles.Juror, Roles.Technician, Roles.Admin })
            {
                data.Add(url, principal);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public async Task Nothing_is_public_before_the_first_publication(string url, string principal)
    {
        var client = await portal.ClientAsync(principal);

        using var response = await client.GetAsync(url.Replace("{profileId}", portal.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        if (principal is ResultsPortal.Anonymous or Roles.Juror && url.StartsWith("/profiles/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.DoesNotContain("ranked-row", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/contests/1/results/preview/ranking.csv")]
    [InlineData("/admin/contests/1/results/preview/scores.csv")]
    [InlineData("/admin/contests/1/results/preview/package.json")]
    [InlineData("/admin/contests/1/results/acta")]
    [InlineData("/admin/contests/1/results/dashboard")]
    [InlineData("/admin/contests/1/results/dashboard/shares.csv")]
    public async Task Only_the_admin_gets_the_preview_and_others_are_turned_away(string url)
    {
        foreach (var principal in new[] { ResultsPortal.Anonymous, Roles.Producer, Roles.Juror, Roles.Technician })
        {
            using var refused = await (await portal.ClientAsync(principal)).GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        using var response = await (await portal.ClientAsync(Roles.Admin)).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_preview_files_are_marked_as_version_0_and_are_downloads()
    {
        var admin = await portal.ClientAsync(Roles.Admin);

        using var package = await admin.GetAsync("/admin/contests/1/results/preview/package.json");
        using var ranking = await admin.GetAsync("/admin/contests/1/results/preview/ranking.csv");
        var acta = await admin.GetStringAsync("/admin/contests/1/results/acta");

        Assert.Contains("vista-previa", package.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        Assert.Equal("attachment", package.Content.Headers.ContentDisposition.DispositionType);
        Assert.Equal("nosniff", package.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("\"publication_version\": 0", await package.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(await ranking.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("category_code,rank,profile_code,evaluation_score,final_score,outcome,award", lines[0]);
        Assert.True(lines.Length > 4, string.Join("|", lines));
        Assert.Contains("Acta N.° 000-", acta, StringComparison.Ordinal);
        Assert.Contains("BORRADOR", acta, StringComparison.Ordinal);
        // Every demo juror scored in both stages: named in each stage's line and on a signature line.
        foreach (var juror in new[] { "Julio César Cárdenas Bendezú", "Marleni Gutiérrez Pariona", "Teófilo Ccoicca Huamaní" })
        {
            Assert.Equal(3, acta.Split(juror).Length - 1);
        }
    }

    [Fact]
    public async Task A_group_sees_no_score_of_any_profile_before_publication()
    {
        var preview = await (await portal.ClientAsync(Roles.Admin)).GetStringAsync("/admin/contests/1/results/preview/ranking.csv");
        var scores = preview.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[4]).Where(s => s.Length > 0).ToList();
        Assert.NotEmpty(scores);
        var producer = await portal.ClientAsync(Roles.Producer);

        var pages = new[]
        {
            await producer.GetStringAsync("/producer"), await producer.GetStringAsync("/profiles"),
            await producer.GetStringAsync($"/profiles/{portal.ProfileId}"), await producer.GetStringAsync("/contests/AYA-2026-01"),
        };

        foreach (var page in pages)
        {
            Assert.DoesNotContain(scores, s => page.Contains(">" + s + "<", StringComparison.Ordinal));
        }
        Assert.DoesNotContain("data-testid=\"appeal-link\"", pages[2], StringComparison.Ordinal);
    }
}

/// <summary>After publication the public addresses answer everyone; versions and appeals are checked.</summary>
public sealed class ResultsAfterPublicationTests(PublishedResultsPortal portal) : IClassFixture<PublishedResultsPortal>
{
    [Theory]
    [InlineData("/contests/AYA-2026-01/results")]
    [InlineData("/contests/AYA-2026-01/results?version=1")]
    [InlineData("/contests/AYA-2026-01/results/acta?version=1")]
    [InlineData("/contests/AYA-2026-01/results/package.json")]
    [InlineData("/contests/AYA-2026-01/results/ranking.csv?version=1")]
    [InlineData("/contests/AYA-2026-01/results/scores.csv")]
    public async Task The_published_results_answer_everyone(string url)
    {
        foreach (var principal in new[] { ResultsPortal.Anonymous, Roles.Producer, Roles.Juror, Roles.Technician, Roles.Admin })
        {
            using var response = await (await portal.ClientAsync(principal)).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{principal} got {(int)response.StatusCode} from {url}");
        }
    }

    [Theory]
    [InlineData("/contests/AYA-2026-01/results?version=99", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results/acta?version=99", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results/package.json?version=99", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results/ranking.csv?version=99", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results?version=abc", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results/acta?version=0", HttpStatusCode.NotFound)]
    [InlineData("/contests/AYA-2026-01/results/scores.csv?version=abc", HttpStatusCode.BadRequest)]
    [InlineData("/contests/AYA-2026-01/results/package.json?version=-1", HttpStatusCode.BadRequest)]
    [InlineData("/contests/NO-EXISTE/results", HttpStatusCode.NotFound)]
    [InlineData("/contests/NO-EXISTE/results/ranking.csv", HttpStatusCode.NotFound)]
    public async Task An_unknown_or_malformed_version_is_refused_plainly(string url, HttpStatusCode expected)
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("Versión no válida", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_package_download_is_the_stored_package_byte_for_byte_and_its_hash_checks()
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync("/contests/AYA-2026-01/results/package.json?version=1");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var stored = await db.ResultsPublications.Where(p => p.ContestId == 1 && p.Version == 1).Select(p => new { p.PackageJson, p.Hash }).SingleAsync();

        Assert.Equal(Encoding.UTF8.GetBytes(stored.PackageJson), bytes);
        Assert.Equal(portal.Version1.Hash, stored.Hash);
        Assert.Contains(stored.Hash, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("resultados-AYA-2026-01-v1.json", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var read = ResultsPackageJson.Read(Encoding.UTF8.GetString(bytes));
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var verification = ResultsVerifier.Verify(read.Package!);
        Assert.True(verification.Verified, string.Join("; ", verification.Differences));
        Assert.Equal(stored.Hash, verification.ComputedHash);
    }

    [Fact]
    public async Task The_ranking_csv_starts_with_a_byte_order_mark_for_Excel_then_the_exact_header()
    {
        var bytes = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetByteArrayAsync("/contests/AYA-2026-01/results/ranking.csv");
        var scores = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetByteArrayAsync("/contests/AYA-2026-01/results/scores.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("category_code,rank,profile_code,evaluation_score,final_score,outcome,award", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("IDEA,1,AYA-2026-01-", StringComparison.Ordinal));
        var scoreLines = Encoding.UTF8.GetString(scores[3..]).Split("\r\n");
        Assert.Equal("profile_code,stage_code,juror_id,criterion_code,points", scoreLines[0]);
        Assert.Matches(@"^AYA-2026-01-\d{3},(CAMPO|PUBLICA),J\d{2},\w+,\d+\.\d{2}$", scoreLines[1]);
        Assert.DoesNotContain("jurado", Encoding.UTF8.GetString(scores), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cárdenas", Encoding.UTF8.GetString(scores), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_shows_the_ranking_the_hash_and_the_downloads_without_sign_in()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/contests/AYA-2026-01/results");

        Assert.Contains("data-testid=\"ranked-row\"", page, StringComparison.Ordinal);
        Assert.Contains(portal.Version1.Hash, page, StringComparison.Ordinal);
        Assert.Contains("href=\"contests/AYA-2026-01/results/package.json?version=1\"", page, StringComparison.Ordinal);
        var marker = page.IndexOf("<!--Blazor:{", StringComparison.Ordinal);
        Assert.True(marker < 0, marker < 0 ? "" : page.Substring(marker, Math.Min(400, page.Length - marker)));
    }

    [Fact]
    public async Task A_group_cannot_open_another_groups_appeal_page()
    {
        using var other = await (await portal.ClientAsync(ResultsPortal.OtherProducer)).GetAsync($"/profiles/{portal.ProfileId}/appeal");
        using var own = await (await portal.ClientAsync(Roles.Producer)).GetAsync($"/profiles/{portal.ProfileId}/appeal");
        using var staff = await (await portal.ClientAsync(Roles.Technician)).GetAsync($"/profiles/{portal.ProfileId}/appeal");
        using var juror = await (await portal.ClientAsync(Roles.Juror)).GetAsync($"/profiles/{portal.ProfileId}/appeal");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, juror.StatusCode);
        Assert.Contains("data-testid=\"appeal-result\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_files_an_appeal_with_a_pdf_and_then_sees_its_status_and_an_empty_text_is_refused()
    {
        var producer = await portal.ClientAsync(Roles.Producer);
        var url = $"/profiles/{portal.ProfileId}/appeal";

        var empty = await (await ResultsPortal.PostAppealAsync(producer, url, "", null)).Content.ReadAsStringAsync();
        var huge = await (await ResultsPortal.PostAppealAsync(producer, url, new string('a', 4_001), null)).Content.ReadAsStringAsync();
        using var filed = await ResultsPortal.PostAppealAsync(producer, url, "El jurado no vio nuestro galpón nuevo.", ("sustento.pdf", "application/pdf", [.. "%PDF-1.7\n"u8, .. new byte[256]]));
        var after = await producer.GetStringAsync(url);

        Assert.Contains("validation-message", empty, StringComparison.Ordinal);
        Assert.Contains("validation-message", huge, StringComparison.Ordinal);
        Assert.True(filed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, ((int)filed.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("data-testid=\"appeal-status\"", after, StringComparison.Ordinal);
        Assert.Contains("El jurado no vio nuestro galpón nuevo.", after, StringComparison.Ordinal);
        Assert.Contains("sustento.pdf", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"appeal-form\"", after, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var appeal = await db.Appeals.SingleAsync(a => a.BusinessProfileId == portal.ProfileId);
        Assert.Equal((AppealStatus.Filed, 1), (appeal.Status, appeal.PublicationVersion));
    }

    [Fact]
    public async Task The_groups_profile_links_its_appeal_page_once_results_are_published()
    {
        var page = await (await portal.ClientAsync(Roles.Producer)).GetStringAsync($"/profiles/{portal.ProfileId}");

        Assert.Contains($"href=\"profiles/{portal.ProfileId}/appeal\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_the_latest_publication()
    {
        var page = await (await portal.ClientAsync(Roles.Admin)).GetStringAsync("/admin/contests/1/results/dashboard");
        var csv = await (await portal.ClientAsync(Roles.Admin)).GetStringAsync("/admin/contests/1/results/dashboard/lines.csv");

        Assert.Contains("versión publicada 1", page, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Juntos\"", page, StringComparison.Ordinal);
        Assert.StartsWith("production_line,applicants,winners,win_rate_percent,awarded", csv, StringComparison.Ordinal);
    }
}
