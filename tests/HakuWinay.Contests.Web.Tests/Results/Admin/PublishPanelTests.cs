using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Web.Components.Pages.Results.Admin;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Results.Admin;

/// <summary>The publish button waits for every blocker to go; after publication the panel offers a correction instead.</summary>
public sealed class PublishPanelTests : ComponentTestBase
{
    private static readonly ActingUser Admin = new("admin", IsAdmin: true);

    public PublishPanelTests() => Services.AddScoped<PublicationService>();

    [Fact]
    public void Publishing_is_disabled_while_a_blocker_remains_and_enabled_when_none_does()
    {
        RenderAsLiveCircuit();

        var blocked = Render<PublishPanel>(p => p.Add(c => c.User, Admin).Add(c => c.Preview, Preview(ContestStatus.Evaluation, [new ResultsBlocker(ResultsBlockerKind.OpenScorecard, 1, "P-001", 2, "CAMPO", 3)])));
        var ready = Render<PublishPanel>(p => p.Add(c => c.User, Admin).Add(c => c.Preview, Preview(ContestStatus.Evaluation, [])));

        Assert.True(blocked.Find("[data-testid=transition]").HasAttribute("disabled"));
        Assert.False(ready.Find("[data-testid=transition]").HasAttribute("disabled"));
        Assert.Equal("Publicar resultados", ready.Find("[data-testid=transition]").TextContent);
    }

    [Fact]
    public void After_publication_the_panel_asks_for_a_correction_reason_instead_of_publishing()
    {
        RenderAsLiveCircuit();

        var cut = Render<PublishPanel>(p => p.Add(c => c.User, Admin).Add(c => c.Preview, Preview(ContestStatus.ResultsPublished, [])));

        Assert.Empty(cut.FindAll("[data-testid=transition]"));
        Assert.NotNull(cut.Find("[data-testid=open-correction]"));
        Assert.NotNull(cut.Find("#correction-reason"));
    }

    private static ResultsPreview Preview(ContestStatus status, IReadOnlyList<ResultsBlocker> blockers)
    {
        var rules = new ResultsRules(70m, ScoreAggregation.Mean, BudgetAllocationPolicy.SkipToFit, null, false, DateTime.UtcNow, [], [], [], []);
        return new ResultsPreview(new ContestHeading(1, "T-1", "Concurso", status, null, null, 3, true), new ResultsInput(rules, [], []),
            new Dictionary<string, int>(), new RankingResult([], []), null, blockers, []);
    }
}
