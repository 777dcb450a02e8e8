using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// From the jury's last scorecard to a corrected publication. The demo contest is brought to a
/// rankable state through the real services (<see cref="RankableDemo"/>: its call closed, the
/// evaluation started, every eligible profile scored by three jurors in both stages). Then, in the
/// browser: a visitor finds no results yet; the administrator previews the ranking and publishes
/// it; the visitor, never signed in, sees it on a phone; every group's result email arrives at
/// maildev; grupo5 files an appeal with a PDF from its phone; the administrator upholds it, the
/// score is corrected (through the services, as a re-entered paper sheet) and the correction is
/// published; the public page shows version 2 with its reason and the history of versions.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ResultsJourney(BrowserFixture browser, MailingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<MailingKestrelPortal>
{
    private const string ResultsUrl = "/contests/" + RankableDemo.ContestCode + "/results";
    private const string Group = "grupo5@demo.hakuwinay.pe";
    private const string Decision = "Se verificó en campo el galpón nuevo del grupo.";

    [Fact]
    public async Task The_results_are_previewed_published_appealed_and_corrected_in_version_2()
    {
        var scored = await RankableDemo.MakeRankableAsync(Portal);
        Assert.True(scored >= 4 * 2 * 3, $"Only {scored} scorecards were entered.");
        var profiles = await ProfileCountAsync();

        var visitor = await OpenPageAsync(Devices.Phone);
        var unpublished = await visitor.GotoAsync(ResultsUrl);
        Assert.Equal(404, unpublished?.Status);
        ExpectConsoleError(Portal.Url(ResultsUrl), "Failed to load resource: the server responded with a status of 404 (Not Found)");

        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await admin.GotoAsync("/admin/contests/1/results");
        await Expect(admin.GetByTestId("results-row")).ToHaveCountAsync(profiles);
        await Expect(admin.GetByTestId("no-blockers")).ToBeVisibleAsync();
        await PublishAsync(admin, "Publicar resultados", version: 1);

        await visitor.GotoAsync(ResultsUrl);
        await Expect(visitor.GetByTestId("publication-version")).ToHaveTextAsync("Versión 1");
        await Expect(visitor.GetByTestId("ranked-row").First).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("publication-hash")).ToHaveTextAsync(HashPattern());
        await Expect(visitor.GetByTestId("signed-in-as")).ToHaveCountAsync(0);

        using (var maildev = new MaildevClient(TestPrerequisites.MaildevUrl))
        {
            var emails = await maildev.WaitForAsync(m => m.Subject.StartsWith("Resultados del concurso AYA-2026-01", StringComparison.Ordinal)
                && m.To.Any(t => t.Address == Group));
            Assert.NotNull(emails);
            Assert.Contains("versión 1", emails.Text ?? "", StringComparison.Ordinal);
        }

        var group = await OpenPageAsync(Devices.Phone);
        await SignInAsync(group, Group, "/producer");
        var profileId = await ProfileOfAsync(Group);
        await group.GotoAsync($"/profiles/{profileId}/appeal");
        await Expect(group.GetByTestId("appeal-result")).ToBeVisibleAsync();
        await group.Locator("#appeal-text").FillAsync("El jurado de campo no consideró nuestro galpón nuevo, terminado en octubre.");
        await group.Locator("#appeal-file").SetInputFilesAsync(new FilePayload { Name = "galpon.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.7\n"u8, .. new byte[1024]] });
        await group.GetByTestId("file-appeal").ClickAsync();
        await Expect(group.GetByTestId("appeal-status")).ToContainTextAsync("galpon.pdf");

        await admin.GotoAsync("/admin/contests/1/results");
        var appeal = admin.GetByTestId("appeal");
        await Expect(appeal).ToHaveCountAsync(1);
        await appeal.Locator("textarea").FillAsync(Decision);
        await appeal.GetByTestId("uphold").ClickAsync();
        await Expect(admin.GetByTestId("correction-open")).ToBeVisibleAsync();

        await CorrectFieldScoreAsync(profileId);
        await admin.GotoAsync("/admin/contests/1/results");
        await Expect(admin.GetByTestId("no-blockers")).ToBeVisibleAsync();
        await PublishAsync(admin, "Publicar corrección", version: 2);

        await visitor.GotoAsync(ResultsUrl);
        await Expect(visitor.GetByTestId("publication-version")).ToHaveTextAsync("Versión 2");
        await Expect(visitor.GetByTestId("correction-reason")).ToContainTextAsync(Decision);
        await Expect(visitor.GetByTestId("history-item")).ToHaveCountAsync(2);
        await visitor.GetByTestId("history-item").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(visitor.GetByTestId("publication-version")).ToHaveTextAsync("Versión 1");
    }

    private static async Task PublishAsync(IPage admin, string label, int version)
    {
        var panel = admin.GetByTestId("publish-panel");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = label })).ToBeEnabledAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();
        await panel.GetByTestId("confirm-yes").ClickAsync();
        await Expect(panel.GetByTestId("published")).ToContainTextAsync($"versión {version}");
    }

    /// <summary>The upheld appeal's correction: one of the group's field scorecards reopened and entered again, higher.</summary>
    private async Task CorrectFieldScoreAsync(int profileId)
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var scope = Portal.Services.CreateAsyncScope();
        int scorecardId;
        string adminId;
        List<(string Code, decimal Max)> criteria;
        await using (var db = await factory.CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == "admin@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync();
            var stage = await db.Contests.Where(c => c.Id == 1).SelectMany(c => c.Stages).Include(s => s.Criteria).SingleAsync(s => s.Code == "CAMPO");
            criteria = stage.Criteria.Select(c => (c.Code, c.MaxPoints)).ToList();
            scorecardId = await db.Scorecards.Where(s => s.BusinessProfileId == profileId && s.ContestStageId == stage.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }
        var admin = new ActingUser(adminId, IsAdmin: true);
        var reopened = await scope.ServiceProvider.GetRequiredService<ScoringService>().ReopenAsync(admin, scorecardId, Decision);
        Assert.True(reopened.Succeeded, reopened.Outcome + " " + string.Join(", ", reopened.Violations.Select(v => v.Rule)));
        var entered = await scope.ServiceProvider.GetRequiredService<PaperSheetService>().EnterAsync(admin, scorecardId, reopened.Value,
            criteria.Select(c => new CriterionPoints(c.Code, c.Max)).ToList(), "Corrección por reclamo fundado.");
        Assert.True(entered.Succeeded, entered.Outcome + " " + string.Join(", ", entered.Violations.Select(v => v.Rule)));
    }

    private async Task<int> ProfileOfAsync(string representative)
    {
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await (from p in db.BusinessProfiles
                      join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                      join u in db.Users on g.RepresentativeUserId equals u.Id
                      where u.Email == representative && p.Code != null
                      select p.Id).SingleAsync();
    }

    private async Task<int> ProfileCountAsync()
    {
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.BusinessProfiles.CountAsync(p => p.ContestId == 1 && p.Code != null);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
