using HakuWinay.Contests.Judging.Live;

namespace HakuWinay.Contests.Web.Components.Pages.Judging.Live;

/// <summary>Where a juror's tablet goes when the session changes: the rule behind <c>LiveSessionFollower</c>.</summary>
public static class LiveFollow
{
    public static string ScorecardUrl(int scorecardId) => $"juror/scorecards/{scorecardId}?live=1";

    public static string LivePageUrl(int contestId) => $"juror/contests/{contestId}/live";

    /// <summary>
    /// From the scorecard <paramref name="scorecardId"/>, after the session went from
    /// <paramref name="before"/> to <paramref name="after"/>: null to stay (the presenter and phase
    /// did not change, e.g. the juror only saved, or the new presenter is this same scorecard's);
    /// the juror's scorecard for the new presenter; else the live page (not theirs, or the session ended).
    /// </summary>
    public static string? Destination(JurorLiveView? before, JurorLiveView after, int scorecardId)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before?.Current?.ProfileId == after.Current?.ProfileId && before?.Phase == after.Phase)
        {
            return null;
        }
        if (after.Phase == LivePhase.Running && after.ScorecardId is { } next)
        {
            return next == scorecardId ? null : ScorecardUrl(next);
        }
        return LivePageUrl(after.ContestId);
    }
}
