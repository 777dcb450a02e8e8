using System.Text.Json;
using CsCheck;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>The ranking's guarantees, checked over many random contests.</summary>
public sealed class RankingPropertyTests
{
    private static readonly ScoreAggregation[] Aggregations = Enum.GetValues<ScoreAggregation>();
    private static readonly BudgetAllocationPolicy[] Policies = Enum.GetValues<BudgetAllocationPolicy>();
    private static readonly PriorityKind[] PriorityKinds = Enum.GetValues<PriorityKind>();
    private static readonly TieBreakerKind[] TieBreakerKinds = Enum.GetValues<TieBreakerKind>();

    /// <summary>
    /// A random contest built from a seed: 1–3 categories, 1–2 stages of 1–3 criteria (maxima that
    /// divide weights exactly and ones that do not, like 7), any aggregation and policy, priority
    /// rules, tie-breakers, up to 25 profiles (some not eligible, some short of scorecards), scores
    /// on few distinct values and submission minutes so that ties are common.
    /// </summary>
    private static readonly Gen<ResultsInput> Contest = Gen.Int[0, int.MaxValue].Select(RandomContest);

    private static ResultsInput RandomContest(int seed)
    {
        var random = new Random(seed);
        var stageCount = random.Next(1, 3);
        var stageWeights = stageCount == 1 ? [100m] : SplitHundred(random, 2);
        var stages = Enumerable.Range(0, stageCount).Select(s =>
        {
            var criterionWeights = SplitHundred(random, random.Next(1, 4));
            return new RankedStage(
                $"S{s}", $"Etapa {s}", stageWeights[s], random.Next(1, 4),
                [.. criterionWeights.Select((w, c) => new RankedCriterion($"C{c}", $"Criterio {c}", new[] { 3m, 7m, 10m, 20m }[random.Next(4)], w))]);
        }).ToList();
        var categories = Enumerable.Range(0, random.Next(1, 4))
            .Select(c => new RankedCategory($"K{c}", $"categoría {c}", random.Next(0, 121) * 500m, 20_000m)).ToList();
        var priorities = Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => new PriorityRule(PriorityKinds[random.Next(PriorityKinds.Length)], random.Next(0, 5) * 25m, random.Next(1, 6))).ToList();
        var tieBreakers = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
        {
            var stage = stages[random.Next(stages.Count)];
            return new TieBreakerRule(TieBreakerKinds[random.Next(TieBreakerKinds.Length)], stage.Code, stage.Criteria[random.Next(stage.Criteria.Count)].Code);
        }).ToList();
        var rules = new ResultsRules(
            random.Next(0, 3) * 10m + 50m, Aggregations[random.Next(Aggregations.Length)], Policies[random.Next(Policies.Length)],
            random.Next(0, 2) == 0 ? null : random.Next(0, 101), random.Next(0, 2) == 0, ResultsBuilder.FirstSubmission,
            stages, categories, priorities, tieBreakers);

        var profiles = new List<ProfileFacts>();
        var scores = new List<SubmittedScore>();
        var profileCount = random.Next(0, 26);
        for (var p = 0; p < profileCount; p++)
        {
            var households = random.Next(0, 7);
            var code = $"P{random.Next(0, 3)}-{p:D2}";
            var standing = random.Next(0, 10) switch { 0 => ProfileStanding.Ineligible, 1 => ProfileStanding.Withdrawn, _ => ProfileStanding.Eligible };
            var accepted = stages.Where(_ => random.Next(0, 6) == 0).Select(s => new IncompleteAcceptance(s.Code, "Aceptado")).ToList();
            profiles.Add(new ProfileFacts(
                code, categories[random.Next(categories.Count)].Code, random.Next(2, 41) * 500m,
                ResultsBuilder.FirstSubmission.AddMinutes(random.Next(0, 8)), standing,
                new GroupFacts(households, random.Next(0, households + 1), random.Next(0, households + 1), random.Next(0, households + 1)), accepted));
            foreach (var stage in stages)
            {
                var jurors = random.Next(0, 10) == 0 ? random.Next(0, stage.RequiredScorecards) : stage.RequiredScorecards + random.Next(0, 2);
                for (var j = 0; j < jurors; j++)
                {
                    scores.Add(new SubmittedScore(code, stage.Code, $"J{j}",
                        [.. stage.Criteria.Select(c => new CriterionScore(c.Code, RandomPoints(random, c.MaxPoints)))]));
                }
            }
        }
        return new ResultsInput(rules, profiles, scores);
    }

    /// <summary>Near the maximum so that many pass; some halves, and some written with two decimals ("8.00") as a package may.</summary>
    private static decimal RandomPoints(Random random, decimal max)
    {
        var points = Math.Max(0m, max - random.Next(0, 4) - (random.Next(0, 4) == 0 ? 0.5m : 0m));
        return random.Next(0, 4) == 0 ? points + 0.00m : points;
    }

    /// <summary>Weights summing to exactly 100, some with decimals.</summary>
    private static decimal[] SplitHundred(Random random, int parts)
    {
        var weights = new decimal[parts];
        var left = 100m;
        for (var i = 0; i < parts - 1; i++)
        {
            weights[i] = random.Next(1, (int)(left - (parts - i - 1)) + 1) - (random.Next(0, 2) == 0 ? 0m : 0.5m);
            left -= weights[i];
        }
        weights[^1] = left;
        return weights;
    }

    private static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    [Fact]
    public void Awards_never_exceed_the_budget_with_what_rolled_in_nor_the_request()
    {
        Contest.Sample(input =>
        {
            var result = Ranking.Compute(input);
            var previousLeft = 0m;
            foreach (var category in result.Categories)
            {
                var awards = result.Entries.Where(e => e.CategoryCode == category.CategoryCode).Sum(e => e.Award);
                Assert.Equal(awards, category.Used);
                Assert.True(category.Used <= category.Budget + category.RolledOverIn, $"{category}");
                Assert.Equal(category.Budget + category.RolledOverIn - category.Used, category.Left);
                Assert.Equal(input.Rules.RollOverUnspentBudget ? previousLeft : 0m, category.RolledOverIn);
                previousLeft = category.Left;
            }
            foreach (var entry in result.Entries)
            {
                var profile = input.Profiles.Single(p => p.Code == entry.ProfileCode);
                Assert.InRange(entry.Award, 0m, profile.FundRequest);
                Assert.Equal(entry.Award > 0 || entry.Outcome == ResultOutcome.Funded, entry.Outcome is ResultOutcome.Funded or ResultOutcome.PartiallyFunded);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_of_the_input_lists()
    {
        Gen.Select(Contest, Gen.Int).Sample((input, seed) =>
        {
            var random = new Random(seed);
            var shuffled = input with
            {
                Profiles = Shuffled(input.Profiles, random),
                Scores = Shuffled(input.Scores.Select(s => s with { Points = Shuffled(s.Points, random) }), random),
            };
            Assert.Equal(JsonSerializer.Serialize(Ranking.Compute(input)), JsonSerializer.Serialize(Ranking.Compute(shuffled)));
        }, iter: 1_000);
    }

    [Fact]
    public void Ranks_per_category_are_a_permutation_of_one_to_n_over_the_passed_profiles()
    {
        Contest.Sample(input =>
        {
            var result = Ranking.Compute(input);
            Assert.Equal(input.Profiles.Count, result.Entries.Count);
            foreach (var category in result.Categories)
            {
                var entries = result.Entries.Where(e => e.CategoryCode == category.CategoryCode).ToList();
                var passed = entries.Where(e => e.Passed).ToList();
                Assert.All(passed, e => Assert.True(e.EvaluationScore >= input.Rules.PassMark));
                Assert.Equal(Enumerable.Range(1, passed.Count), passed.Select(e => e.Rank!.Value).Order());
                Assert.All(entries.Where(e => !e.Passed), e => Assert.Null(e.Rank));
                Assert.Equal(passed.Count, category.Ranked);
                var byRank = passed.OrderBy(e => e.Rank).Select(e => e.FinalScore!.Value).ToList();
                Assert.Equal(byRank.OrderDescending(), byRank);
                var waitlist = passed.Where(e => e.Outcome == ResultOutcome.Waitlisted).OrderBy(e => e.Rank).Select(e => e.WaitlistPosition!.Value);
                Assert.Equal(Enumerable.Range(1, waitlist.Count()), waitlist);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Under_StrictOrder_no_funded_profile_ranks_below_a_waitlisted_one()
    {
        Contest.Select(input => input with { Rules = input.Rules with { Allocation = BudgetAllocationPolicy.StrictOrder } }).Sample(input =>
        {
            var result = Ranking.Compute(input);
            foreach (var category in result.Entries.Where(e => e.Passed).GroupBy(e => e.CategoryCode))
            {
                var firstWaitlisted = category.Where(e => e.Outcome == ResultOutcome.Waitlisted).Min(e => e.Rank) ?? int.MaxValue;
                Assert.DoesNotContain(category, e => e.Award > 0 && e.Rank > firstWaitlisted);
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Under_SkipToFit_no_waitlisted_request_would_fit_what_is_left()
    {
        Contest.Select(input => input with { Rules = input.Rules with { Allocation = BudgetAllocationPolicy.SkipToFit } }).Sample(input =>
        {
            var result = Ranking.Compute(input);
            var requests = input.Profiles.ToDictionary(p => p.Code, p => p.FundRequest);
            foreach (var category in result.Categories)
            {
                Assert.DoesNotContain(result.Entries, e => e.CategoryCode == category.CategoryCode && e.Outcome == ResultOutcome.Waitlisted && requests[e.ProfileCode] <= category.Left);
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Every_entry_has_an_explanation_and_ties_have_notes()
    {
        Contest.Sample(input =>
        {
            var result = Ranking.Compute(input);
            Assert.All(result.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Explanation)));
            foreach (var category in result.Entries.Where(e => e.Passed).GroupBy(e => e.CategoryCode))
            {
                var ranked = category.OrderBy(e => e.Rank).ToList();
                for (var i = 0; i < ranked.Count; i++)
                {
                    var tied = (i > 0 && ranked[i - 1].FinalScore == ranked[i].FinalScore) || (i + 1 < ranked.Count && ranked[i + 1].FinalScore == ranked[i].FinalScore);
                    Assert.Equal(tied, ranked[i].TieBreakNote is not null);
                }
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Stage_scores_agree_with_the_judging_rules_stage_total_and_aggregate()
    {
        Contest.Sample(input =>
        {
            var result = Ranking.Compute(input);
            foreach (var entry in result.Entries.Where(e => e.Outcome is not (ResultOutcome.Ineligible or ResultOutcome.Withdrawn)))
            {
                var weighted = ExactFraction.Zero;
                foreach (var stage in input.Rules.Stages)
                {
                    var criteria = stage.Criteria.Select(c => new ScoringCriterion(c.Code, c.Name, c.MaxPoints, c.Weight)).ToList();
                    var totals = input.Scores.Where(s => s.ProfileCode == entry.ProfileCode && s.StageCode == stage.Code)
                        .Select(s => ScoreRules.ExactStageTotal(criteria, s.Points.Select(p => KeyValuePair.Create(p.CriterionCode, p.Points))));
                    var score = StageScore.AggregateExact(input.Rules.Aggregation, totals);
                    Assert.Equal(score is { } shown ? StageScore.Round(shown) : null, entry.Stages.Single(s => s.StageCode == stage.Code).Score);
                    weighted += score.GetValueOrDefault() * stage.Weight;
                }
                if (entry.EvaluationScore is { } evaluation)
                {
                    Assert.Equal(StageScore.Round(weighted / 100m), evaluation);
                }
            }
        }, iter: 1_000);
    }
}
