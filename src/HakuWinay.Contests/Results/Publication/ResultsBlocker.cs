using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Results.Publication;

public enum ResultsBlockerKind
{
    /// <summary>The contest is neither in Evaluation (first publication) nor under an open correction.</summary>
    ContestNotReady = 0,
    /// <summary>A submitted profile has no eligibility decision yet.</summary>
    EligibilityUndecided = 1,
    /// <summary>A profile has fewer submitted scorecards in a stage than required, and no Admin accepted it.</summary>
    IncompleteNotAccepted = 2,
    /// <summary>A scorecard of an eligible profile is not started or still a draft.</summary>
    OpenScorecard = 3,
}

/// <summary>Something that keeps the results from being published, with where to go to fix it.</summary>
public sealed record ResultsBlocker(
    ResultsBlockerKind Kind, int? ProfileId = null, string? ProfileCode = null, int? StageId = null, string? StageCode = null, int? ScorecardId = null)
{
    /// <summary>The blocker as the rule violation a refused publication answers with (message key "Results.Blocker.{Kind}").</summary>
    public RuleViolation ToViolation() =>
        new("Blockers", $"Results.Blocker.{Kind}", ProfileCode ?? "", StageCode ?? "");
}
