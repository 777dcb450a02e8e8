using System.Net;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Accounting;

/// <summary>A group sees only its own award and expenses; the award's Technician and the Admin see it too.</summary>
public sealed class GroupAwardAccessTests(PaidAwardsPortal portal) : IClassFixture<PaidAwardsPortal>
{
    public static TheoryData<string, string, HttpStatusCode> Pages() => new()
    {
        { Roles.Producer, "mine", HttpStatusCode.OK },
        { Roles.Producer, "theirs", HttpStatusCode.NotFound },
        { PaidAwardsPortal.OtherProducer, "mine", HttpStatusCode.NotFound },
        { PaidAwardsPortal.OtherProducer, "theirs", HttpStatusCode.OK },
        { Roles.Technician, "mine", HttpStatusCode.OK },
        { Roles.Technician, "theirs", HttpStatusCode.NotFound },
        { Roles.Admin, "theirs", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_award_and_its_expenses_open_only_to_their_people(string principal, string which, HttpStatusCode expected)
    {
        var client = await portal.ClientAsync(principal);
        var award = which == "mine" ? portal.Mine.AwardId : portal.Theirs.AwardId;

        using var page = await client.GetAsync($"/awards/{award}");
        using var expenses = await client.GetAsync($"/awards/{award}/expenses");

        Assert.Equal((expected, expected), (page.StatusCode, expenses.StatusCode));
    }

    [Fact]
    public async Task My_awards_lists_only_the_groups_own()
    {
        var client = await portal.ClientAsync(Roles.Producer);

        var html = await client.GetStringAsync("/my/awards");

        Assert.Contains($"awards/{portal.Mine.AwardId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"awards/{portal.Theirs.AwardId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_downloads_to_its_people_and_is_not_found_to_anyone_else_or_under_another_award()
    {
        var producer = await portal.ActingAsync(Roles.Producer);
        var recorded = await portal.Service.RecordAsync(producer, portal.Mine.AwardId, null,
            new ExpenseInput(portal.MyLine, portal.Today, "Ferretería El Sol", ExpenseDocumentType.Factura, "F001-777", 99.90m), Receipts.File(Receipts.Pdf, "factura.pdf"));
        Assert.True(recorded.Succeeded);
        var url = $"/awards/{portal.Mine.AwardId}/expenses/{recorded.Value}/receipt";

        foreach (var principal in new[] { Roles.Producer, Roles.Technician, Roles.Admin })
        {
            using var response = await (await portal.ClientAsync(principal)).GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Receipts.Pdf, await response.Content.ReadAsByteArrayAsync());
        }
        using var other = await (await portal.ClientAsync(PaidAwardsPortal.OtherProducer)).GetAsync(url);
        using var wrongAward = await (await portal.ClientAsync(Roles.Admin)).GetAsync($"/awards/{portal.Theirs.AwardId}/expenses/{recorded.Value}/receipt");
        using var juror = await (await portal.ClientAsync(Roles.Juror)).GetAsync(url);
        using var anonymous = await (await portal.ClientAsync(PaidAwardsPortal.Anonymous)).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongAward.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, juror.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_admin_review_page_is_for_admins_only()
    {
        using var admin = await (await portal.ClientAsync(Roles.Admin)).GetAsync($"/admin/awards/{portal.Mine.AwardId}/expenses");
        using var producer = await (await portal.ClientAsync(Roles.Producer)).GetAsync($"/admin/awards/{portal.Mine.AwardId}/expenses");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, producer.StatusCode);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.Awards.AnyAsync(a => a.Id == portal.Mine.AwardId));
    }
}
