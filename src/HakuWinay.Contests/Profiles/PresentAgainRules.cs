using HakuWinay.Contests.Results;

namespace HakuWinay.Contests.Profiles;

/// <summary>What decides whether a profile may be presented again, about the profile itself.</summary>
/// <param name="ResultsPublished">Its contest has published results.</param>
/// <param name="Outcome">Its outcome in the latest published version; null when that version does not list it.</param>
/// <param name="HasAward">It holds an award that was not cancelled (funded, even if later, from the waiting list).</param>
/// <param name="PresentedAgainAs">The later profile that already continues it, when there is one.</param>
/// <param name="PresentationsSoFar">The presentations of its business, this one included.</param>
public sealed record PresentAgainSource(bool ResultsPublished, ResultOutcome? Outcome, bool HasAward, int? PresentedAgainAs, int PresentationsSoFar);

/// <summary>What decides whether a contest takes a profile presented again by the group.</summary>
public sealed record PresentAgainTarget(
    bool AcceptsSubmissions, bool IsTheEarlierContest, bool CoversTheGroup, bool LineEligible, bool GroupHasActiveProfile);

/// <summary>
/// The rules of presenting a not-funded profile again (docs/decisions/031-presenting-again.md).
/// Pure: the caller reads the facts; every refusal is a <see cref="RuleViolation"/> with its
/// message key, so the page says why.
/// </summary>
public static class PresentAgainRules
{
    /// <summary>
    /// The outcomes of a business that was not funded: failed (desaprobado), waiting list, not
    /// eligible, incomplete, or withdrawn after submission. Funded and partly funded ones are not.
    /// </summary>
    public static bool IsNotFunded(ResultOutcome outcome) => outcome is not (ResultOutcome.Funded or ResultOutcome.PartiallyFunded);

    public static IReadOnlyList<RuleViolation> CheckSource(PresentAgainSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var violations = new List<RuleViolation>();
        if (!source.ResultsPublished)
        {
            violations.Add(new("Profile", "PresentAgain.ResultsNotPublished"));
        }
        else if (source.Outcome is null)
        {
            violations.Add(new("Profile", "PresentAgain.NotInResults"));
        }
        else if (!IsNotFunded(source.Outcome.Value) || source.HasAward)
        {
            violations.Add(new("Profile", "PresentAgain.Funded"));
        }
        if (source.PresentedAgainAs is not null)
        {
            violations.Add(new("Profile", "PresentAgain.AlreadyPresentedAgain"));
        }
        if (!PresentationChain.AllowsAnother(source.PresentationsSoFar))
        {
            violations.Add(new("Profile", "PresentAgain.LimitReached", source.PresentationsSoFar, PresentationChain.MaxPresentations));
        }
        return violations;
    }

    public static IReadOnlyList<RuleViolation> CheckTarget(PresentAgainTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var violations = new List<RuleViolation>();
        if (target.IsTheEarlierContest)
        {
            violations.Add(new("Contest", "PresentAgain.SameContest"));
        }
        if (!target.AcceptsSubmissions)
        {
            violations.Add(new("Contest", "Rules.CallClosed"));
        }
        if (!target.CoversTheGroup)
        {
            violations.Add(new("Contest", "PresentAgain.OutsideTerritory"));
        }
        if (!target.LineEligible)
        {
            violations.Add(new("Contest", "Rules.LineNotEligible"));
        }
        if (target.GroupHasActiveProfile)
        {
            violations.Add(new("Contest", "Rules.OneProfilePerGroup"));
        }
        return violations;
    }

    /// <summary>
    /// Whether a contest's territory holds the group's district: the same region and, when the
    /// contest names a province or a district (ubigeo prefixes), the group's one among them.
    /// </summary>
    public static bool Covers(string contestRegion, string? contestProvince, string? contestDistrict, string groupDistrict)
    {
        ArgumentNullException.ThrowIfNull(groupDistrict);
        return !string.IsNullOrEmpty(contestRegion)
            && groupDistrict.StartsWith(contestRegion, StringComparison.Ordinal)
            && (contestProvince is null || groupDistrict.StartsWith(contestProvince, StringComparison.Ordinal))
            && (contestDistrict is null || groupDistrict == contestDistrict);
    }
}
