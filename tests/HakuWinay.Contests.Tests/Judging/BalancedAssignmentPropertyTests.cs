using CsCheck;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>The assignment's guarantees, checked over many random contests.</summary>
public sealed class BalancedAssignmentPropertyTests
{
    /// <summary>A random contest: profiles in a few groups, some jurors, K, random conflicts and a seed.</summary>
    private static readonly Gen<AssignmentInput> Contest = Contests(maxProfiles: 25, maxGroups: 8, minJurors: 0, maxJurors: 10, maxK: 4);

    private static Gen<AssignmentInput> Contests(int maxProfiles, int maxGroups, int minJurors, int maxJurors, int maxK) =>
        from profileCount in Gen.Int[0, maxProfiles]
        from groupCount in Gen.Int[1, maxGroups]
        from groups in Gen.Int[0, groupCount - 1].Array[profileCount]
        from jurorCount in Gen.Int[minJurors, maxJurors]
        from k in Gen.Int[1, maxK]
        from conflictBits in Gen.Bool.Array[jurorCount * groupCount]
        from conflictRate in Gen.Int[0, 4]
        from seed in Gen.Int[0, AssignmentService.MaxSeed]
        select new AssignmentInput(
            groups.Select((g, i) => new AssignmentProfile(100 + i, g)).ToList(),
            Enumerable.Range(1, jurorCount).Select(j => $"juror-{j:D2}").ToList(),
            k,
            // Conflicts are rare or absent in most contests, frequent in a few.
            Enumerable.Range(0, jurorCount * groupCount)
                .Where(i => conflictRate > 0 && conflictBits[i] && (i * 7 + seed) % (conflictRate + 1) == 0)
                .Select(i => ($"juror-{(i / groupCount) + 1:D2}", i % groupCount)).ToList(),
            [],
            seed);

    private static int GroupOf(AssignmentInput input, int profileId) => input.Profiles.Single(p => p.ProfileId == profileId).GroupId;

    private static int Candidates(AssignmentInput input, AssignmentProfile profile) =>
        input.Jurors.Count(j => !input.Conflicts.Contains((j, profile.GroupId)));

    [Fact]
    public void Each_profile_gets_exactly_K_jurors_whenever_it_has_K_without_conflict()
    {
        Contest.Sample(input =>
        {
            var plan = BalancedAssignment.Plan(input);
            foreach (var profile in input.Profiles)
            {
                var seats = plan.Assignment.Count(s => s.ProfileId == profile.ProfileId);
                var possible = Math.Min(input.JurorsPerProfile, Candidates(input, profile));
                Assert.Equal(possible, seats);
                Assert.Equal(possible < input.JurorsPerProfile, plan.Unfilled.Any(u => u.ProfileId == profile.ProfileId));
            }
            Assert.Equal(plan.Assignment.Count, plan.Assignment.Distinct().Count());
        }, iter: 2_000);
    }

    [Fact]
    public void No_juror_is_assigned_to_a_group_they_have_a_conflict_with()
    {
        Contest.Sample(input =>
        {
            var plan = BalancedAssignment.Plan(input);
            Assert.DoesNotContain(plan.Assignment, s => input.Conflicts.Contains((s.JurorId, GroupOf(input, s.ProfileId))));
        }, iter: 2_000);
    }

    [Fact]
    public void Loads_differ_by_at_most_one_and_without_conflicts_always_do()
    {
        Contest.Sample(input =>
        {
            var plan = BalancedAssignment.Plan(input);
            var loads = input.Jurors.Select(j => plan.Assignment.Count(s => s.JurorId == j)).ToList();
            Assert.Equal(loads, input.Jurors.Select(j => plan.Loads[j]).ToList());
            if (input.Conflicts.Count == 0)
            {
                Assert.True(plan.IsBalanced);
            }
            if (plan.IsBalanced && loads.Count > 0)
            {
                Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(",", loads)}");
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Balance_is_reported_impossible_only_when_a_brute_force_search_finds_no_balanced_plan()
    {
        // Small contests, so every assignment can be tried: the flow must not miss a balanced plan.
        var small = Contests(maxProfiles: 4, maxGroups: 4, minJurors: 1, maxJurors: 4, maxK: 2);
        small.Sample(input =>
        {
            var plan = BalancedAssignment.Plan(input);
            if (!plan.IsBalanced)
            {
                Assert.False(BalancedPlanExists(input));
            }
        }, iter: 1_000);
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan()
    {
        Contest.Sample(input =>
        {
            var first = BalancedAssignment.Plan(input);
            var shuffled = input with { Profiles = input.Profiles.Reverse().ToList(), Jurors = input.Jurors.Reverse().ToList() };
            var second = BalancedAssignment.Plan(shuffled);
            Assert.Equal(first.Assignment, second.Assignment);
        }, iter: 1_000);
    }

    [Fact]
    public void A_rerun_keeps_started_scorecards_only_fills_gaps_and_replaces_conflicted_ones_not_started()
    {
        var scenario =
            from input in Contest
            from startedBits in Gen.Bool.Array[200]
            from newConflicts in Gen.Int[0, 5]
            from newProfiles in Gen.Int[0, 4]
            from seed in Gen.Int[0, 1000]
            select (input, startedBits, newConflicts, newProfiles, seed);
        scenario.Sample(s =>
        {
            var first = BalancedAssignment.Plan(s.input);
            var existing = first.Assignment.Select((seat, i) => new ExistingSeat(seat.ProfileId, seat.JurorId, s.startedBits[i % 200])).ToList();
            // Later: some jurors declare conflicts with groups they hold seats in, and new profiles become eligible.
            var declared = first.Assignment.Take(s.newConflicts).Select(seat => (seat.JurorId, GroupOf(s.input, seat.ProfileId))).ToList();
            var startedAndConflicted = existing.Where(e => e.Started && declared.Contains((e.JurorId, GroupOf(s.input, e.ProfileId)))).ToList();
            var rerun = s.input with
            {
                Profiles = s.input.Profiles.Concat(Enumerable.Range(0, s.newProfiles).Select(i => new AssignmentProfile(900 + i, i % 3))).ToList(),
                Conflicts = s.input.Conflicts.Concat(declared).Distinct().ToList(),
                // The conflict service excludes started scorecards of a new conflict: they reach the plan as blocked, not existing.
                Existing = existing.Except(startedAndConflicted).ToList(),
                Blocked = startedAndConflicted.Select(e => new Seat(e.ProfileId, e.JurorId)).ToList(),
                Seed = s.seed,
            };

            var second = BalancedAssignment.Plan(rerun);

            foreach (var started in rerun.Existing.Where(e => e.Started))
            {
                Assert.Contains(new Seat(started.ProfileId, started.JurorId), second.Assignment);
            }
            Assert.All(second.Removed, seat => Assert.True(
                rerun.Conflicts.Contains((seat.JurorId, GroupOf(rerun, seat.ProfileId))),
                $"{seat} was removed without a conflict"));
            var kept = rerun.Existing.Select(e => new Seat(e.ProfileId, e.JurorId)).Except(second.Removed).ToHashSet();
            Assert.Equal(kept.Concat(second.Added).OrderBy(x => x.ProfileId).ThenBy(x => x.JurorId, StringComparer.Ordinal), second.Assignment);
            Assert.DoesNotContain(second.Assignment, seat => rerun.Conflicts.Contains((seat.JurorId, GroupOf(rerun, seat.ProfileId))) && !rerun.Existing.Any(e => e.Started && e.ProfileId == seat.ProfileId && e.JurorId == seat.JurorId));
            foreach (var profile in rerun.Profiles)
            {
                var candidates = rerun.Jurors.Count(j => !rerun.Conflicts.Contains((j, profile.GroupId)) && !rerun.Blocked!.Contains(new Seat(profile.ProfileId, j)));
                Assert.Equal(Math.Min(rerun.JurorsPerProfile, candidates), second.Assignment.Count(x => x.ProfileId == profile.ProfileId));
            }
            // Run again with nothing changed: nothing to do.
            var third = BalancedAssignment.Plan(rerun with { Existing = second.Assignment.Select(x => new ExistingSeat(x.ProfileId, x.JurorId, false)).ToList(), Seed = s.seed + 1 });
            Assert.Empty(third.Added);
            Assert.Empty(third.Removed);
        }, iter: 1_000);
    }

    /// <summary>Tries every way to fill the profiles (up to their possible size) and looks for loads within one of each other.</summary>
    private static bool BalancedPlanExists(AssignmentInput input)
    {
        var options = input.Profiles.Select(p =>
        {
            var candidates = input.Jurors.Where(j => !input.Conflicts.Contains((j, p.GroupId))).ToList();
            var size = Math.Min(input.JurorsPerProfile, candidates.Count);
            return Subsets(candidates, size).ToList();
        }).ToList();
        var loads = input.Jurors.ToDictionary(j => j, _ => 0);
        return Search(0);

        bool Search(int index)
        {
            if (index == options.Count)
            {
                return loads.Values.Max() - loads.Values.Min() <= 1;
            }
            foreach (var subset in options[index])
            {
                subset.ForEach(j => loads[j]++);
                var found = Search(index + 1);
                subset.ForEach(j => loads[j]--);
                if (found)
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static IEnumerable<List<string>> Subsets(List<string> items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = 0; i <= items.Count - size; i++)
        {
            foreach (var rest in Subsets(items.Skip(i + 1).ToList(), size - 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
