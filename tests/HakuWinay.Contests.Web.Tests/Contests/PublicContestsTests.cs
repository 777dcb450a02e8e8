using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Web.Tests.Results;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Contests;

/// <summary>How the pages that lead the public to contests read an HTML answer.</summary>
internal static partial class PublicPages
{
    /// <summary>The markup of the element marked data-testid="<paramref name="testId"/>" up to its closing section or article tag; empty when absent.</summary>
    public static string Section(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    /// <summary>The codes of the contests listed (data-contest or a contest card's code line), in page order.</summary>
    public static IReadOnlyList<string> Codes(string markup) =>
        CodeInCard().Matches(markup).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static string Href(string markup, string testId)
    {
        var match = Regex.Match(markup, $"href=\"([^\"]*)\"[^>]*data-testid=\"{testId}\"");
        Assert.True(match.Success, $"no link {testId}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("href=\"contests/([A-Z0-9-]+)\"")]
    private static partial Regex CodeInCard();
}

/// <summary>Before the demo contest's results are published: open calls and contests in evaluation, the index and its filters, the projector by code.</summary>
public sealed class PublicContestsBeforePublicationTests(ListedContestsPortal portal) : IClassFixture<ListedContestsPortal>
{
    [Fact]
    public async Task Home_lists_open_calls_then_contests_in_evaluation_and_no_results_yet()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/");

        Assert.Equal([ListedContestsPortal.OpenCode], PublicPages.Codes(PublicPages.Section(page, "home-open")));
        Assert.Equal(["AYA-2026-01", ListedContestsPortal.ClosedCode], PublicPages.Codes(PublicPages.Section(page, "home-evaluation")).Order());
        Assert.True(page.IndexOf("home-open", StringComparison.Ordinal) < page.IndexOf("home-evaluation", StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"home-published\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("contest-results-link", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ListedContestsPortal.DraftCode, page, StringComparison.Ordinal);
        Assert.Contains("href=\"contests\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contest_page_has_no_results_box_before_publication()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/contests/AYA-2026-01");

        Assert.Contains("data-testid=\"contest-page\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"contest-results\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_groups_profiles_show_their_status_and_no_outcome_before_publication()
    {
        var producer = await portal.ClientAsync(Roles.Producer);

        var list = await producer.GetStringAsync("/profiles");
        var profile = await producer.GetStringAsync($"/profiles/{portal.ProfileId}");

        foreach (var page in new[] { list, profile })
        {
            Assert.Contains("data-testid=\"profile-status\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"profile-outcome\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"profile-result-link\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"appeal-link\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Index_lists_every_public_contest_without_sign_in_and_no_draft()
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync("/contests");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = PublicPages.Codes(PublicPages.Section(page, "index-list"));
        Assert.Equal(ListedContestsPortal.OpenCode, codes[0]);
        Assert.Equal(["AYA-2026-01", ListedContestsPortal.ClosedCode], codes.Skip(1).Order());
        Assert.DoesNotContain(ListedContestsPortal.DraftCode, page, StringComparison.Ordinal);
        Assert.Contains("<select class=\"form-select form-select-sm\" id=\"filter-region\" name=\"region\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"index-rejected\"", page, StringComparison.Ordinal);
    }

    private static (string Url, string[] Codes)[] Filters(int openYear) =>
    [
        ($"/contests?year={openYear}", [ListedContestsPortal.OpenCode]),
        ($"/contests?region={ListedContestsPortal.ClosedRegion}", [ListedContestsPortal.ClosedCode]),
        ("/contests?region=05", ["AYA-2026-01"]),
        ("/contests?status=open", [ListedContestsPortal.OpenCode]),
        ("/contests?status=EVALUATION", ["AYA-2026-01", ListedContestsPortal.ClosedCode]),
        ($"/contests?status=evaluation&region={ListedContestsPortal.ClosedRegion}", [ListedContestsPortal.ClosedCode]),
    ];

    [Fact]
    public async Task Index_filters_by_year_region_and_status_from_the_query_string()
    {
        var client = await portal.ClientAsync(ResultsPortal.Anonymous);
        foreach (var (url, expected) in Filters(portal.OpenYear))
        {
            var page = await client.GetStringAsync(url);

            Assert.True(expected.Order().SequenceEqual(PublicPages.Codes(PublicPages.Section(page, "index-list")).Order()), url);
            Assert.DoesNotContain("data-testid=\"index-rejected\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Index_marks_the_chosen_filters_as_selected_so_the_form_shows_them()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync($"/contests?status=open&region={ListedContestsPortal.OpenRegion}");

        Assert.Matches("<option value=\"open\" selected[^>]*>", page);
        Assert.Matches($"<option value=\"{ListedContestsPortal.OpenRegion}\" selected[^>]*>", page);
    }

    [Fact]
    public async Task Index_says_so_when_no_contest_matches()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/contests?region=01&status=results");

        Assert.Contains("data-testid=\"index-empty\"", page, StringComparison.Ordinal);
        Assert.Contains("No hay concursos con estos filtros.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/contests?year=abc")]
    [InlineData("/contests?year=99999999999999999999")]
    [InlineData("/contests?year=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/contests?region=%27%20OR%201%3D1--")]
    [InlineData("/contests?region=%00")]
    [InlineData("/contests?status=hacked")]
    [InlineData("/contests?page=-1")]
    [InlineData("/contests?page=1e9")]
    public async Task Index_ignores_a_bad_filter_value_says_so_and_lists_every_contest(string url)
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync(url);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"index-rejected\"", page, StringComparison.Ordinal);
        Assert.Equal(3, PublicPages.Codes(PublicPages.Section(page, "index-list")).Count);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/contests?page=50")]
    [InlineData("/contests?year=2026&year=2027")]
    [InlineData("/contests?status=open&status=results&region=05&region=09")]
    public async Task Index_never_fails_on_a_page_beyond_the_last_or_repeated_filters(string url)
    {
        using var response = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"index-filters\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projector_answers_at_the_contests_code_as_at_its_number()
    {
        var technician = await portal.ClientAsync(Roles.Technician);

        var byCode = await technician.GetStringAsync("/contests/AYA-2026-01/projector");
        using var byLowerCode = await technician.GetAsync("/contests/aya-2026-01/projector");
        var byNumber = await technician.GetStringAsync("/contests/1/projector");
        using var unknown = await (await portal.ClientAsync(Roles.Admin)).GetAsync("/contests/NO-EXISTE/projector");
        using var anonymous = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetAsync("/contests/AYA-2026-01/projector");
        using var producer = await (await portal.ClientAsync(Roles.Producer)).GetAsync("/contests/AYA-2026-01/projector");

        Assert.Contains("data-testid=\"projector\"", byCode, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"projector\"", byNumber, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byLowerCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, producer.StatusCode);
    }
}

/// <summary>After the demo contest's results are published (version 1): they are found from the home page, the index, the contest's page and the group's profiles.</summary>
public sealed class PublicContestsAfterPublicationTests(PublishedListedContestsPortal portal) : IClassFixture<PublishedListedContestsPortal>
{
    private static readonly Dictionary<ResultOutcome, string> SpanishOutcomes = new()
    {
        [ResultOutcome.Funded] = "Financiado",
        [ResultOutcome.PartiallyFunded] = "Financiado en parte",
        [ResultOutcome.Waitlisted] = "En lista de espera",
        [ResultOutcome.Failed] = "Desaprobado",
        [ResultOutcome.Incomplete] = "Incompleto",
        [ResultOutcome.Ineligible] = "No elegible",
        [ResultOutcome.Withdrawn] = "Retirado",
    };

    [Fact]
    public async Task Home_lists_published_contests_after_open_and_in_evaluation()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/");
        var published = PublicPages.Section(page, "home-published");

        Assert.Equal([ListedContestsPortal.OpenCode], PublicPages.Codes(PublicPages.Section(page, "home-open")));
        Assert.Equal([ListedContestsPortal.ClosedCode], PublicPages.Codes(PublicPages.Section(page, "home-evaluation")));
        Assert.Equal(["AYA-2026-01"], PublicPages.Codes(published));
        var (open, evaluation, results) = (page.IndexOf("data-testid=\"home-open\"", StringComparison.Ordinal),
            page.IndexOf("data-testid=\"home-evaluation\"", StringComparison.Ordinal), page.IndexOf("data-testid=\"home-published\"", StringComparison.Ordinal));
        Assert.True(open >= 0 && open < evaluation && evaluation < results, $"{open} {evaluation} {results}");
        Assert.Equal("contests/AYA-2026-01/results", PublicPages.Href(published, "contest-results-link"));
        Assert.Contains("Ver resultados", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_results_link_opens_the_published_results()
    {
        var client = await portal.ClientAsync(ResultsPortal.Anonymous);
        var link = PublicPages.Href(PublicPages.Section(await client.GetStringAsync("/"), "home-published"), "contest-results-link");

        var results = await client.GetStringAsync("/" + link);

        Assert.Contains("data-testid=\"ranked-row\"", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_status_results_lists_the_published_contest_with_its_results_link()
    {
        var page = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetStringAsync("/contests?status=results");

        Assert.Equal(["AYA-2026-01"], PublicPages.Codes(PublicPages.Section(page, "index-list")));
        Assert.Contains("data-testid=\"contest-results-link\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contest_page_links_its_results_acta_and_downloads_and_says_the_current_version_and_date()
    {
        var client = await portal.ClientAsync(ResultsPortal.Anonymous);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var publishedAt = await db.ResultsPublications.Where(p => p.ContestId == 1 && p.Version == 1).Select(p => p.PublishedAtUtc).SingleAsync();

        var box = PublicPages.Section(await client.GetStringAsync("/contests/AYA-2026-01"), "contest-results");

        Assert.NotEmpty(box);
        Assert.Matches($"data-testid=\"contest-results-version\">\\s*Versión vigente: 1, publicada el {Regex.Escape(LimaTime.FormatDate(publishedAt))}", box);
        Assert.Equal("contests/AYA-2026-01/results", PublicPages.Href(box, "results-link"));
        Assert.Equal("contests/AYA-2026-01/results/acta?version=1", PublicPages.Href(box, "acta-link"));
        foreach (var (testId, file) in new[] { ("download-package", "package.json"), ("download-ranking", "ranking.csv"), ("download-scores", "scores.csv") })
        {
            var href = PublicPages.Href(box, testId);
            Assert.Equal($"contests/AYA-2026-01/results/{file}?version=1", href);
            using var download = await client.GetAsync("/" + href);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
        using var acta = await client.GetAsync("/" + PublicPages.Href(box, "acta-link"));
        Assert.Equal(HttpStatusCode.OK, acta.StatusCode);
    }

    [Fact]
    public async Task A_groups_profiles_show_its_published_outcome_with_links_to_its_result_and_appeal()
    {
        var producer = await portal.ClientAsync(Roles.Producer);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.ResultsPublicationEntries.Where(e => e.BusinessProfileId == portal.ProfileId).Select(e => new { e.Outcome, e.ProfileCode }).SingleAsync();

        foreach (var url in new[] { "/profiles", $"/profiles/{portal.ProfileId}" })
        {
            var page = await producer.GetStringAsync(url);

            Assert.Matches($"data-testid=\"profile-outcome\" data-outcome=\"{entry.Outcome}\">{Regex.Escape(SpanishOutcomes[entry.Outcome])}<", page);
            Assert.DoesNotContain("data-testid=\"profile-status\"", page, StringComparison.Ordinal);
            var result = PublicPages.Href(page, "profile-result-link");
            Assert.Equal($"contests/AYA-2026-01/results#p-{entry.ProfileCode}", result);
            Assert.Contains($"id=\"p-{entry.ProfileCode}\"", await producer.GetStringAsync("/" + result.Split('#')[0]), StringComparison.Ordinal);
            var appeal = PublicPages.Href(page, "appeal-link");
            Assert.Equal($"profiles/{portal.ProfileId}/appeal", appeal);
            Assert.Contains("data-testid=\"appeal-result\"", await producer.GetStringAsync("/" + appeal), StringComparison.Ordinal);
        }
    }
}
