using System.Buffers;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Results;

/// <summary>
/// The results rules (issue 5, rules 1–8; <c>docs/results.md</c>): submitted scores to stage and
/// evaluation scores, the priority bonus, the ranking within each category, the budget allocation
/// and an explained outcome per profile. Pure and deterministic: the order of the input lists does
/// not change the result. The portal's preview and publication and the command-line tool's
/// <c>rank</c> and <c>verify</c> all call <see cref="Compute"/>.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// Ranks and allocates a contest. Entries come per category in the rules' order: the ranked
    /// profiles by rank, then the others by code (ordinal). Profiles that are not eligible get no
    /// scores (their stage scores are null even when scorecards exist) and no bonus.
    /// </summary>
    /// <exception cref="ResultsInputException">The input is incoherent; the message names what is wrong.</exception>
    public static RankingResult Compute(ResultsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rules = CompiledRules.From(input.Rules);
        var profiles = input.Profiles ?? throw new ResultsInputException("The input has no list of profiles.");
        var scores = input.Scores ?? throw new ResultsInputException("The input has no list of scores.");
        var categorySizes = new int[rules.Rules.Categories.Count];
        var profileIndex = IndexProfiles(rules, profiles, categorySizes);
        var slots = ScoreTally.Slots(rules, out var slotCount);
        using var tally = ScoreTally.Count(rules, scores, profileIndex, slots, slotCount);

        // Sized up front: a growing list of ten thousand profiles copies itself a dozen times.
        var byCategory = new List<ProfileRun>[categorySizes.Length];
        for (var c = 0; c < byCategory.Length; c++)
        {
            byCategory[c] = new List<ProfileRun>(categorySizes[c]);
        }
        for (var p = 0; p < profiles.Count; p++)
        {
            var run = Evaluate(rules, tally, profiles[p], p);
            byCategory[run.Category].Add(run);
            if (run.Passed)
            {
                run.Keys = TieBreaking.Keys(rules, tally, slots, run);
            }
        }

        var outcomes = new List<CategoryOutcome>(byCategory.Length);
        var entries = new List<ResultEntry>(profiles.Count);
        var rolledOver = 0.00m;
        for (var c = 0; c < byCategory.Length; c++)
        {
            var outcome = RankAndAllocate(rules, rules.Rules.Categories[c], byCategory[c], rolledOver, entries);
            outcomes.Add(outcome);
            rolledOver = rules.Rules.RollOverUnspentBudget ? outcome.Left : 0.00m;
        }
        return new RankingResult(outcomes, entries);
    }

    /// <summary>
    /// Two decimals, half away from zero (as <see cref="StageScore.Round(decimal)"/> and <see cref="Money.Round"/>),
    /// always written with two decimals: 90 and 90.00 are the same number but not the same text, and
    /// which of them a median picks would otherwise depend on the input's order.
    /// </summary>
    internal static decimal TwoDecimals(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Checks the profiles and indexes them by code; counts each category's profiles into <paramref name="categorySizes"/>.</summary>
    private static Dictionary<string, int> IndexProfiles(CompiledRules rules, IReadOnlyList<ProfileFacts> profiles, int[] categorySizes)
    {
        var index = new Dictionary<string, int>(profiles.Count, StringComparer.Ordinal);
        for (var p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p] ?? throw new ResultsInputException($"Profile number {p + 1} is missing.");
            if (string.IsNullOrEmpty(profile.Code) || !index.TryAdd(profile.Code, p))
            {
                throw new ResultsInputException($"Profile code '{profile.Code}' is empty or appears twice.");
            }
            if (profile.CategoryCode is null || !rules.CategoryIndex.TryGetValue(profile.CategoryCode, out var category))
            {
                throw new ResultsInputException($"Profile {profile.Code} names category {profile.CategoryCode}, which the rules do not have.");
            }
            categorySizes[category]++;
            if (profile.FundRequest < 0)
            {
                throw new ResultsInputException($"Profile {profile.Code} asks for a negative amount.");
            }
            if (profile.Attendance is { } attendance && (attendance.Households < 0 || attendance.Present < 0 || attendance.Present > attendance.Households))
            {
                throw new ResultsInputException($"Profile {profile.Code}'s field attendance is incoherent: present households must lie between 0 and its households.");
            }
            if (!Enum.IsDefined(profile.Standing))
            {
                throw new ResultsInputException($"Profile {profile.Code} has an unknown standing.");
            }
            if (profile.Group is not { Households: >= 0 } group
                || group.WomenHeaded < 0 || group.Youth < 0 || group.Juntos < 0
                || group.WomenHeaded > group.Households || group.Youth > group.Households || group.Juntos > group.Households)
            {
                throw new ResultsInputException(
                    $"Profile {profile.Code}'s group facts are missing or incoherent: counts must lie between 0 and its member households.");
            }
            if (profile.AcceptedIncomplete is not { Count: > 0 })
            {
                // The usual case: no set of accepted stages to build and check.
                continue;
            }
            var acceptedStages = new HashSet<string>(StringComparer.Ordinal);
            foreach (var accepted in profile.AcceptedIncomplete)
            {
                if (accepted?.StageCode is null || !rules.StageIndex.ContainsKey(accepted.StageCode))
                {
                    throw new ResultsInputException($"Profile {profile.Code} is accepted incomplete in stage {accepted?.StageCode}, which the rules do not have.");
                }
                if (string.IsNullOrWhiteSpace(accepted.Reason))
                {
                    throw new ResultsInputException($"Profile {profile.Code} is accepted incomplete in stage {accepted.StageCode} without a reason.");
                }
                if (!acceptedStages.Add(accepted.StageCode))
                {
                    throw new ResultsInputException($"Profile {profile.Code} is accepted incomplete in stage {accepted.StageCode} twice.");
                }
            }
        }
        return index;
    }

    /// <summary>Rules 2 to 5 for one profile: stage scores, evaluation score, pass, bonus, final score, or why it is not scored.</summary>
    private static ProfileRun Evaluate(CompiledRules rules, ScoreTally tally, ProfileFacts facts, int index)
    {
        var run = new ProfileRun(index, facts, rules.CategoryIndex[facts.CategoryCode], new StageResult[rules.Stages.Length]);
        var eligible = facts.Standing == ProfileStanding.Eligible;
        var complete = true;
        // Σ stage weight × exact stage score, exact: rule 3's single rounding comes after (issue 17).
        var weighted = ExactFraction.Zero;
        for (var s = 0; s < rules.Stages.Length; s++)
        {
            var stage = rules.Stages[s].Stage;
            var cell = tally.Cell(index, s);
            var count = tally.Counts[cell];
            var full = eligible ? tally.StageScores[cell] : null;
            var accepted = eligible && count > 0 && count < stage.RequiredScorecards && IsAccepted(facts, stage.Code);
            run.Stages[s] = new StageResult(stage.Code, full is { } f ? StageScore.Round(f) : null, count, stage.RequiredScorecards, accepted);
            if (count == 0 || (count < stage.RequiredScorecards && !accepted))
            {
                complete = false;
            }
            else
            {
                weighted += full.GetValueOrDefault() * stage.Weight;
            }
        }
        if (!eligible)
        {
            run.Outcome = facts.Standing == ProfileStanding.Withdrawn ? ResultOutcome.Withdrawn : ResultOutcome.Ineligible;
            return run;
        }
        run.Bonus = Bonus(rules.Rules.PriorityRules, facts.Group);
        // Under the contest's minimum share of households present at the field evaluation (issue 17)
        // the profile is disqualified whatever its scores, which are still computed and shown.
        var disqualified = rules.Rules.MinimumAttendancePercent is { } minimum && facts.Attendance is { } attendance && !attendance.Reaches(minimum);
        if (!complete)
        {
            run.Outcome = disqualified ? ResultOutcome.Disqualified : ResultOutcome.Incomplete;
            return run;
        }
        var evaluation = StageScore.Round(weighted / 100m);
        run.Evaluation = evaluation;
        run.Final = TwoDecimals(Math.Min(100m, evaluation + run.Bonus));
        run.Passed = !disqualified && evaluation >= rules.Rules.PassMark;
        run.Outcome = disqualified ? ResultOutcome.Disqualified : run.Passed ? ResultOutcome.Waitlisted : ResultOutcome.Failed;
        return run;
    }

    private static bool IsAccepted(ProfileFacts facts, string stageCode)
    {
        if (facts.AcceptedIncomplete is not { Count: > 0 } accepted)
        {
            return false;
        }
        foreach (var acceptance in accepted)
        {
            if (string.Equals(acceptance.StageCode, stageCode, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Rule 4: the points of every priority rule whose share the group reaches (compared exactly: count × 100 ≥ threshold × households).</summary>
    internal static decimal Bonus(IReadOnlyList<PriorityRule> priorityRules, GroupFacts group)
    {
        var bonus = 0m;
        foreach (var rule in priorityRules)
        {
            var count = rule.Kind switch
            {
                PriorityKind.WomenHeaded => group.WomenHeaded,
                PriorityKind.Youth => group.Youth,
                _ => group.Juntos,
            };
            // A group with no households has a share of 0, which meets only a threshold of 0.
            if (count * 100m >= rule.ThresholdPercent * group.Households && (group.Households > 0 || rule.ThresholdPercent == 0))
            {
                bonus += rule.BonusPoints;
            }
        }
        return TwoDecimals(bonus);
    }

    /// <summary>Rules 6 to 8 for one category: rank the passed, allocate, explain; adds the category's entries in output order.</summary>
    private static CategoryOutcome RankAndAllocate(CompiledRules rules, RankedCategory category, List<ProfileRun> runs, decimal rolledOver, List<ResultEntry> entries)
    {
        // Plain loops rather than LINQ: this runs once per category over every profile in it.
        var ranked = new List<ProfileRun>(runs.Count);
        var others = new List<ProfileRun>(runs.Count);
        foreach (var run in runs)
        {
            (run.Passed ? ranked : others).Add(run);
        }
        TieBreaking.Sort(ranked);
        for (var i = 0; i < ranked.Count; i++)
        {
            ranked[i].Rank = i + 1;
        }
        TieBreaking.Note(rules, ranked);

        var policy = rules.Rules.Allocation;
        var minimum = rules.Rules.PartialAwardMinimumPercent ?? 0m;
        var budget = TwoDecimals(category.Budget);
        var used = 0.00m;
        var funded = 0;
        decimal left;
        // Pooled: for a large category both are large-object-heap arrays, each collected only by a
        // full collection, which walks the whole (large) input.
        var requests = ArrayPool<decimal>.Shared.Rent(ranked.Count);
        var allocations = ArrayPool<Allocation>.Shared.Rent(ranked.Count);
        try
        {
            for (var i = 0; i < ranked.Count; i++)
            {
                requests[i] = ranked[i].Facts.FundRequest;
            }
            BudgetAllocation.Allocate(policy, minimum, requests.AsSpan(0, ranked.Count), budget + rolledOver, allocations.AsSpan(0, ranked.Count), out left);
            for (var i = 0; i < ranked.Count; i++)
            {
                var run = ranked[i];
                run.Allocation = allocations[i];
                run.Outcome = allocations[i].Outcome;
                used += allocations[i].Award;
                funded += run.Outcome is ResultOutcome.Funded or ResultOutcome.PartiallyFunded ? 1 : 0;
                var text = ExplanationText.Start();
                ResultExplanations.Ranked(
                    text, run.Evaluation!.Value, rules.PassMarkText, i + 1, ranked.Count, category.Name,
                    TwoDecimals(run.Facts.FundRequest), allocations[i], policy, rules.PartialMinimumText, Line(rules, run));
                entries.Add(Entry(category, run, Explanation(text, run, rules)));
            }
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(requests);
            ArrayPool<Allocation>.Shared.Return(allocations);
        }
        others.Sort(static (a, b) => string.CompareOrdinal(a.Facts.Code, b.Facts.Code));
        foreach (var run in others)
        {
            string explanation;
            if (run.Outcome is ResultOutcome.Ineligible or ResultOutcome.Withdrawn)
            {
                // Not scored, so no accepted stage to add: the fixed sentence itself, no copy.
                explanation = run.Outcome == ResultOutcome.Ineligible ? ResultExplanations.Ineligible : ResultExplanations.Withdrawn;
            }
            else
            {
                var text = ExplanationText.Start();
                if (run.Outcome == ResultOutcome.Disqualified)
                {
                    ResultExplanations.Disqualified(text, run.Facts.Attendance!, rules.MinimumAttendanceText, Line(rules, run));
                }
                else if (run.Outcome == ResultOutcome.Incomplete)
                {
                    ResultExplanations.Incomplete(text, rules.StageNames, run.Stages, Line(rules, run));
                }
                else
                {
                    ResultExplanations.Failed(text, run.Evaluation!.Value, rules.PassMarkText, Line(rules, run));
                }
                explanation = Explanation(text, run, rules);
            }
            entries.Add(Entry(category, run, explanation));
        }
        return new CategoryOutcome(category.Code, budget, rolledOver, used, left, ranked.Count, funded);
    }

    private static ScoreLine Line(CompiledRules rules, ProfileRun run) => new(rules.StageNames, run.Stages, run.Bonus, run.Final);

    /// <summary>The explanation written so far, with a sentence for each stage an Admin accepted incomplete, as one string.</summary>
    private static string Explanation(ExplanationText text, ProfileRun run, CompiledRules rules)
    {
        for (var s = 0; s < run.Stages.Length; s++)
        {
            if (run.Stages[s].AcceptedIncomplete)
            {
                var stage = rules.Stages[s].Stage;
                var acceptance = run.Facts.AcceptedIncomplete.First(a => string.Equals(a.StageCode, stage.Code, StringComparison.Ordinal));
                ResultExplanations.Accepted(text.Append(' '), stage.Name, run.Stages[s].Scorecards, stage.RequiredScorecards, acceptance.Reason);
            }
        }
        return text.ToString();
    }

    private static ResultEntry Entry(RankedCategory category, ProfileRun run, string explanation) => new(
        run.Facts.Code, category.Code, run.Stages, run.Evaluation, run.Bonus, run.Final, run.Passed, run.Rank,
        run.Allocation?.WaitlistPosition, run.Outcome, run.Allocation?.Award ?? 0.00m, explanation, run.TieBreakNote);
}

/// <summary>One profile while it is being ranked.</summary>
internal sealed class ProfileRun(int index, ProfileFacts facts, int category, StageResult[] stages)
{
    public int Index { get; } = index;

    public ProfileFacts Facts { get; } = facts;

    public int Category { get; } = category;

    public StageResult[] Stages { get; } = stages;

    public decimal? Evaluation { get; set; }

    public decimal Bonus { get; set; }

    public decimal? Final { get; set; }

    public bool Passed { get; set; }

    public ResultOutcome Outcome { get; set; }

    /// <summary>The tie-breakers' values, higher first (an earlier submission is a higher value); only for passed profiles.</summary>
    public decimal[] Keys { get; set; } = [];

    public int? Rank { get; set; }

    public Allocation? Allocation { get; set; }

    public string? TieBreakNote { get; set; }
}
