using HakuWinay.Contests.Judging.Live;
using HakuWinay.Contests.Web.Components.Pages.Judging.Live;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Judging;

public sealed class LiveFollowTests
{
    private static JurorLiveView View(LivePhase phase, int? profileId, int? scorecardId) =>
        new(7, "C", "Concurso", phase, "Presentación pública", profileId is { } id ? new LivePresenter(id, $"P-{id}", "Perfil", "Grupo", "Cuyes") : null, scorecardId);

    [Fact]
    public void A_save_that_changes_neither_presenter_nor_phase_keeps_the_juror_where_they_are()
    {
        var running = View(LivePhase.Running, 1, 10);

        Assert.Null(LiveFollow.Destination(running, View(LivePhase.Running, 1, 10), 10));
        Assert.Null(LiveFollow.Destination(running, View(LivePhase.Running, 1, 10), 99));
    }

    [Fact]
    public void A_new_presenter_the_juror_scores_opens_their_scorecard()
    {
        Assert.Equal("juror/scorecards/11?live=1", LiveFollow.Destination(View(LivePhase.Running, 1, 10), View(LivePhase.Running, 2, 11), 10));
        Assert.Equal("juror/scorecards/10?live=1", LiveFollow.Destination(View(LivePhase.Drawn, null, null), View(LivePhase.Running, 1, 10), 5));
    }

    [Fact]
    public void A_presenter_that_is_not_the_jurors_or_the_end_of_the_session_leads_back_to_the_live_page()
    {
        Assert.Equal("juror/contests/7/live", LiveFollow.Destination(View(LivePhase.Running, 1, 10), View(LivePhase.Running, 2, null), 10));
        Assert.Equal("juror/contests/7/live", LiveFollow.Destination(View(LivePhase.Running, 1, 10), View(LivePhase.Ended, null, null), 10));
    }

    [Fact]
    public void Going_back_to_the_presenter_of_this_very_scorecard_stays()
    {
        Assert.Null(LiveFollow.Destination(View(LivePhase.Running, 2, 11), View(LivePhase.Running, 1, 10), 10));
    }
}
