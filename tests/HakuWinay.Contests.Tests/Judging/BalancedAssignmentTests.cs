using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class BalancedAssignmentTests
{
    private static readonly string[] FourJurors = ["ana", "beto", "carla", "dora"];

    private static List<AssignmentProfile> Profiles(int count) => Enumerable.Range(1, count).Select(i => new AssignmentProfile(i, 10 + i)).ToList();

    [Fact]
    public void Five_profiles_three_jurors_each_among_four_jurors_load_four_or_three()
    {
        // The worked example of docs/judging.md: 15 seats over 4 jurors, so loads 4, 4, 4, 3.
        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(5), FourJurors, 3, [("ana", 11)], [], Seed: 2026));

        Assert.True(plan.IsBalanced);
        Assert.Empty(plan.Unfilled);
        Assert.Equal(15, plan.Assignment.Count);
        Assert.Equal([3, 4, 4, 4], plan.Loads.Values.Order());
        Assert.DoesNotContain(new Seat(1, "ana"), plan.Assignment);
        Assert.Equal(["beto", "carla", "dora"], plan.Assignment.Where(s => s.ProfileId == 1).Select(s => s.JurorId));
    }

    [Fact]
    public void A_profile_without_enough_free_jurors_is_reported_with_the_reason()
    {
        var conflicts = new[] { ("ana", 11), ("beto", 11) };

        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(2), FourJurors, 3, conflicts, [], Seed: 1));

        var unfilled = Assert.Single(plan.Unfilled);
        Assert.Equal(new UnfilledProfile(1, 2, 1, UnfilledReason.Conflicts), unfilled);
        Assert.Equal(3, plan.Assignment.Count(s => s.ProfileId == 2));
    }

    [Fact]
    public void Too_few_appointed_jurors_is_its_own_reason()
    {
        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(1), ["ana", "beto"], 3, [], [], Seed: 1));

        Assert.Equal(UnfilledReason.TooFewJurors, Assert.Single(plan.Unfilled).Reason);
        Assert.Equal(2, plan.Assignment.Count);
    }

    [Fact]
    public void Started_scorecards_that_overload_a_juror_are_kept_and_the_imbalance_is_reported()
    {
        var existing = Enumerable.Range(1, 4).Select(p => new ExistingSeat(p, "ana", Started: true)).ToList();

        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(4), FourJurors, 1, [], existing, Seed: 5));

        Assert.Empty(plan.Added);
        Assert.Empty(plan.Removed);
        Assert.Equal(BalanceProblem.ExistingAssignmentsTooHeavy, plan.Balance);
    }

    [Fact]
    public void A_not_started_seat_of_a_newly_conflicted_juror_is_replaced_and_a_started_one_stays()
    {
        var existing = new[] { new ExistingSeat(1, "ana", Started: false), new ExistingSeat(2, "ana", Started: true) };

        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(2), ["ana", "beto"], 1, [("ana", 11), ("ana", 12)], existing, Seed: 3));

        Assert.Equal([new Seat(1, "ana")], plan.Removed);
        Assert.Equal([new Seat(1, "beto")], plan.Added);
        Assert.Contains(new Seat(2, "ana"), plan.Assignment);
    }

    [Fact]
    public void Different_seeds_can_give_different_plans_and_each_is_repeatable()
    {
        var input = new AssignmentInput(Profiles(6), FourJurors, 2, [], [], Seed: 0);

        var plans = Enumerable.Range(0, 20).Select(seed => BalancedAssignment.Plan(input with { Seed = seed }).Assignment).ToList();

        Assert.True(plans.Select(p => string.Join(";", p)).Distinct().Count() > 1);
        Assert.Equal(plans[7], BalancedAssignment.Plan(input with { Seed = 7 }).Assignment);
    }

    [Fact]
    public void Conflicts_that_make_balance_impossible_are_said_and_the_busiest_juror_is_kept_as_free_as_possible()
    {
        // Only ana may score groups 11–14; beto and carla are conflicted with all of them.
        var conflicts = new[] { 11, 12, 13, 14 }.SelectMany(g => new[] { ("beto", g), ("carla", g) }).ToList();

        var plan = BalancedAssignment.Plan(new AssignmentInput(Profiles(4), ["ana", "beto", "carla"], 1, conflicts, [], Seed: 9));

        Assert.Equal(BalanceProblem.RestrictedCandidates, plan.Balance);
        Assert.Equal(4, plan.Loads["ana"]);
    }
}
