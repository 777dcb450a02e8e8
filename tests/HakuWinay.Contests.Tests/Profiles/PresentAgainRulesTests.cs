using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;

namespace HakuWinay.Contests.Tests.Profiles;

/// <summary>The chain of presentations of a business and the rules of presenting it again, without a database.</summary>
public sealed class PresentAgainRulesTests
{
    private static readonly PresentAgainSource NotFunded = new(ResultsPublished: true, ResultOutcome.Failed, HasAward: false, PresentedAgainAs: null, PresentationsSoFar: 1);

    private static readonly PresentAgainTarget OpenContestOfTheTerritory = new(
        AcceptsSubmissions: true, IsTheEarlierContest: false, CoversTheGroup: true, LineEligible: true, GroupHasActiveProfile: false);

    [Fact]
    public void A_first_presentation_is_a_chain_of_one()
    {
        Assert.Equal([7], PresentationChain.EndingAt(7, new Dictionary<int, int?> { [7] = null }));
        Assert.Equal(1, PresentationChain.Count(7, new Dictionary<int, int?>()));
    }

    [Fact]
    public void The_chain_is_walked_back_to_the_first_presentation_oldest_first()
    {
        var links = new Dictionary<int, int?> { [1] = null, [5] = 1, [9] = 5, [12] = null };

        Assert.Equal([1, 5, 9], PresentationChain.EndingAt(9, links));
        Assert.Equal(2, PresentationChain.Count(5, links));
    }

    [Fact]
    public void A_loop_of_links_is_cut_instead_of_followed_for_ever()
    {
        var links = new Dictionary<int, int?> { [1] = 3, [2] = 1, [3] = 2 };

        Assert.Equal([1, 2, 3], PresentationChain.EndingAt(3, links).Order());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Three_presentations_are_allowed_and_a_fourth_is_not(int soFar, bool allowed) =>
        Assert.Equal(allowed, PresentationChain.AllowsAnother(soFar));

    [Theory]
    [InlineData(ResultOutcome.Failed)]
    [InlineData(ResultOutcome.Waitlisted)]
    [InlineData(ResultOutcome.Ineligible)]
    [InlineData(ResultOutcome.Incomplete)]
    [InlineData(ResultOutcome.Withdrawn)]
    public void A_profile_that_was_not_funded_may_be_presented_again(ResultOutcome outcome) =>
        Assert.Empty(PresentAgainRules.CheckSource(NotFunded with { Outcome = outcome }));

    [Theory]
    [InlineData(ResultOutcome.Funded)]
    [InlineData(ResultOutcome.PartiallyFunded)]
    public void A_funded_profile_may_not_be_presented_again(ResultOutcome outcome) =>
        Assert.Equal("PresentAgain.Funded", Assert.Single(PresentAgainRules.CheckSource(NotFunded with { Outcome = outcome })).Rule);

    [Fact]
    public void A_waitlisted_profile_funded_later_by_an_award_may_not_be_presented_again() =>
        Assert.Equal("PresentAgain.Funded", Assert.Single(PresentAgainRules.CheckSource(NotFunded with { Outcome = ResultOutcome.Waitlisted, HasAward = true })).Rule);

    [Fact]
    public void Before_results_are_published_nothing_is_presented_again()
    {
        Assert.Equal("PresentAgain.ResultsNotPublished", Assert.Single(PresentAgainRules.CheckSource(NotFunded with { ResultsPublished = false, Outcome = null })).Rule);
        Assert.Equal("PresentAgain.NotInResults", Assert.Single(PresentAgainRules.CheckSource(NotFunded with { Outcome = null })).Rule);
    }

    [Fact]
    public void A_profile_already_presented_again_is_not_presented_a_second_time() =>
        Assert.Equal("PresentAgain.AlreadyPresentedAgain", Assert.Single(PresentAgainRules.CheckSource(NotFunded with { PresentedAgainAs = 40 })).Rule);

    [Fact]
    public void The_fourth_presentation_is_refused_saying_how_many_there_were()
    {
        var refusal = Assert.Single(PresentAgainRules.CheckSource(NotFunded with { PresentationsSoFar = 3 }));

        Assert.Equal("PresentAgain.LimitReached", refusal.Rule);
        Assert.Equal([3, PresentationChain.MaxPresentations], refusal.Arguments);
    }

    [Fact]
    public void An_open_contest_of_the_territory_with_the_groups_line_takes_it() =>
        Assert.Empty(PresentAgainRules.CheckTarget(OpenContestOfTheTerritory));

    [Fact]
    public void Every_reason_a_contest_cannot_take_it_is_given()
    {
        var rules = PresentAgainRules.CheckTarget(new PresentAgainTarget(false, true, false, false, true)).Select(v => v.Rule).ToList();

        Assert.Equal(["PresentAgain.SameContest", "Rules.CallClosed", "PresentAgain.OutsideTerritory", "Rules.LineNotEligible", "Rules.OneProfilePerGroup"], rules);
    }

    [Theory]
    [InlineData("05", null, null, "050102", true)]
    [InlineData("05", "0501", null, "050102", true)]
    [InlineData("05", "0501", "050102", "050102", true)]
    [InlineData("05", "0501", "050103", "050102", false)]
    [InlineData("05", "0502", null, "050102", false)]
    [InlineData("08", null, null, "050102", false)]
    [InlineData("", null, null, "050102", false)]
    public void A_contest_covers_the_groups_district_when_its_territory_holds_it(string region, string? province, string? district, string groupDistrict, bool covers) =>
        Assert.Equal(covers, PresentAgainRules.Covers(region, province, district, groupDistrict));
}
