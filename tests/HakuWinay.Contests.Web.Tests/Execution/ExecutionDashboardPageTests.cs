using System.Net;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Tests.Results;

namespace HakuWinay.Contests.Web.Tests.Execution;

public sealed class ExecutionDashboardPageTests(ExecutionPortal portal) : IClassFixture<ExecutionPortal>
{
    private string Page => $"/admin/contests/{portal.ContestId}/execution";
    private string Csv => $"/admin/contests/{portal.ContestId}/execution.csv";

    [Fact]
    public async Task Admin_sees_the_headline_the_businesses_at_risk_and_the_visits_with_their_links()
    {
        var client = await portal.ClientAsync(Roles.Admin);

        var html = await client.GetStringAsync(Page);

        Assert.Contains("data-testid=\"execution-headline\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Money.Format(portal.Awards.Sum(a => a.Amount))), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"admin/awards/{portal.Late.AwardId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"admin/awards/{portal.Unsatisfactory.AwardId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"admin/awards/{portal.OnTrack.AwardId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Tramo 1: rendido 10.00 % de 70.00 % requerido, 90 días después del pago", html, StringComparison.Ordinal);
        Assert.Contains($"calificada como insatisfactoria", html, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/visits/", html, StringComparison.Ordinal);
        Assert.Contains(portal.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Csv.TrimStart('/')}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_name_with_markup_is_shown_as_text()
    {
        var client = await portal.ClientAsync(Roles.Admin);

        var html = await client.GetStringAsync(Page);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Juror)]
    [InlineData(Roles.Producer)]
    [InlineData(Roles.Technician)]
    [InlineData(ResultsPortal.Anonymous)]
    public async Task Only_the_admin_opens_the_page_and_the_csv(string principal)
    {
        var client = await portal.ClientAsync(principal);
        var expected = principal == ResultsPortal.Anonymous ? "/account/login" : "/account/access-denied";

        foreach (var url in new[] { Page, Csv })
        {
            using var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }

    [Theory]
    [InlineData("/admin/contests/999999/execution")]
    [InlineData("/admin/contests/999999/execution.csv")]
    [InlineData("/admin/contests/-1/execution.csv")]
    [InlineData("/admin/contests/abc/execution")]
    [InlineData("/admin/contests/99999999999/execution")]
    [InlineData("/admin/contests/1%27%20OR%201=1/execution.csv")]
    public async Task Unknown_or_malformed_contests_are_not_found(string url)
    {
        var client = await portal.ClientAsync(Roles.Admin);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Csv_has_the_totals_each_category_and_line_and_the_businesses_at_risk_with_their_reasons()
    {
        var client = await portal.ClientAsync(Roles.Admin);

        using var response = await client.GetAsync(Csv);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExecutionDashboardCsv.Columns), lines[0]);
        var total = lines[1].Split(',');
        Assert.Equal("total", total[0]);
        Assert.Equal(portal.Awards.Sum(a => a.Amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), total[4]);
        Assert.Contains(lines, l => l.StartsWith("category,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("production_line,", StringComparison.Ordinal));
        var atRisk = lines.Where(l => l.StartsWith("at_risk,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, atRisk.Count);
        Assert.Contains(atRisk, l => l.Contains(portal.Late.ProfileCode, StringComparison.Ordinal)
            && l.Contains("Tramo 1: rendido 10.00 % de 70.00 % requerido, 90 días después del pago", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(portal.OnTrack.ProfileCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_defuses_a_group_name_that_a_spreadsheet_would_run_as_a_formula()
    {
        var client = await portal.ClientAsync(Roles.Admin);

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync(Csv));

        var row = Assert.Single(text.Split("\r\n"), l => l.Contains(portal.Unsatisfactory.ProfileCode, StringComparison.Ordinal));
        Assert.StartsWith("at_risk,\"'=HYPERLINK(", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", row, StringComparison.Ordinal);
    }
}
