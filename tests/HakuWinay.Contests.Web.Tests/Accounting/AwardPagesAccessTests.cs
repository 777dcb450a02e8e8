using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Accounting;

/// <summary>A group sees only its own award, expenses and receipts; the Technician only the awards of their visits; the form refuses bad posts.</summary>
public sealed partial class AwardPagesAccessTests(PaidAwardsPortal portal) : IClassFixture<PaidAwardsPortal>
{
    [Theory]
    [InlineData(Roles.Producer, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Technician, HttpStatusCode.OK)]
    [InlineData(PaidAwardsPortal.OtherProducer, HttpStatusCode.NotFound)]
    public async Task The_award_and_its_expenses_open_to_the_group_its_technician_and_admins_only(string principal, HttpStatusCode expected)
    {
        var client = await portal.ClientAsync(principal);
        foreach (var url in new[] { $"/awards/{portal.Mine.AwardId}", $"/awards/{portal.Mine.AwardId}/expenses" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(expected == response.StatusCode, $"{principal} {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_technician_not_assigned_to_the_awards_visits_gets_404()
    {
        using var response = await (await portal.ClientAsync(Roles.Technician)).GetAsync($"/awards/{portal.Theirs.AwardId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_group_page_shows_the_schedule_and_what_is_pending_from_the_group()
    {
        var page = await (await portal.ClientAsync(Roles.Producer)).GetStringAsync($"/awards/{portal.Mine.AwardId}");

        Assert.Contains("data-testid=\"tranche-1\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-AccountForTranche\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-HostVisit\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_awards_lists_only_the_producers_own()
    {
        var page = await (await portal.ClientAsync(Roles.Producer)).GetStringAsync("/my/awards");

        Assert.Contains($"href=\"awards/{portal.Mine.AwardId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"awards/{portal.Theirs.AwardId}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_records_an_expense_through_the_form_and_downloads_its_receipt_which_others_cannot()
    {
        var client = await portal.ClientAsync(Roles.Producer);
        using var posted = await PostExpenseAsync(client, portal.Mine.AwardId, portal.MyLine, "FORM-1", "350.50", ("boleta.pdf", Receipts.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var expense = await db.Expenses.SingleAsync(e => e.DocumentNumber == "FORM-1");
        var url = $"/awards/{portal.Mine.AwardId}/expenses/{expense.Id}/receipt";
        using var download = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Receipts.Pdf, await download.Content.ReadAsByteArrayAsync());

        using var other = await (await portal.ClientAsync(PaidAwardsPortal.OtherProducer)).GetAsync(url);
        using var wrongAward = await (await portal.ClientAsync(Roles.Admin)).GetAsync($"/awards/{portal.Theirs.AwardId}/expenses/{expense.Id}/receipt");
        using var juror = await (await portal.ClientAsync(Roles.Juror)).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongAward.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, juror.StatusCode);
    }

    [Fact]
    public async Task A_post_to_another_groups_award_is_refused_and_keeps_nothing()
    {
        var before = portal.Storage.StoredFiles().Count();
        var client = await portal.ClientAsync(PaidAwardsPortal.OtherProducer);
        var token = await TokenAsync(client, $"/awards/{portal.Theirs.AwardId}/expenses");

        using var response = await client.PostAsync($"/awards/{portal.Mine.AwardId}/expenses", Form(token, portal.MyLine, "FORM-X", "10", ("boleta.pdf", Receipts.Pdf)));

        // The page renders no form for another group's award, so Blazor has no form to bind the post to: 400.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, portal.Storage.StoredFiles().Count());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.Expenses.AnyAsync(e => e.DocumentNumber == "FORM-X"));
    }

    [Fact]
    public async Task A_disguised_receipt_is_refused_on_the_form_with_a_message_and_nothing_kept()
    {
        var before = portal.Storage.StoredFiles().Count();
        using var response = await PostExpenseAsync(await portal.ClientAsync(Roles.Producer), portal.Mine.AwardId, portal.MyLine, "FORM-EXE", "10", ("boleta.pdf", Receipts.Executable));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"expense-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, portal.Storage.StoredFiles().Count());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.Expenses.AnyAsync(e => e.DocumentNumber == "FORM-EXE"));
    }

    private async Task<HttpResponseMessage> PostExpenseAsync(HttpClient client, int awardId, int lineId, string number, string amount, (string Name, byte[] Bytes) file)
    {
        var url = $"/awards/{awardId}/expenses";
        return await client.PostAsync(url, Form(await TokenAsync(client, url), lineId, number, amount, file));
    }

    private MultipartFormDataContent Form(string token, int lineId, string number, string amount, (string Name, byte[] Bytes) file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("expense"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(lineId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.InvestmentLineId" },
            { new StringContent(portal.Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "Input.SpentOn" },
            { new StringContent("Ferretería Central"), "Input.Supplier" },
            { new StringContent(nameof(ExpenseDocumentType.Factura)), "Input.DocumentType" },
            { new StringContent(number), "Input.DocumentNumber" },
            { new StringContent(amount), "Input.Amount" },
        };
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(content, "receipt", file.Name);
        return form;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var match = AntiforgeryToken().Match(await client.GetStringAsync(url));
        Assert.True(match.Success, $"{url} has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
