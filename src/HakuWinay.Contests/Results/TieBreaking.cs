using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Results;

/// <summary>
/// Rule 6: the order of passed profiles within a category (final score, then the contest's
/// tie-breakers in order, each value rounded to two decimals, then earlier submission, then code,
/// ordinal) and the Spanish note on each tie a neighbour was separated from.
/// </summary>
internal static class TieBreaking
{
    /// <summary>A passed profile's value for each tie-breaker, higher first; an earlier submission is a higher value.</summary>
    public static decimal[] Keys(CompiledRules rules, ScoreTally tally, int[][] slots, ProfileRun run)
    {
        var keys = new decimal[rules.TieBreakers.Length];
        var group = run.Facts.Group;
        for (var t = 0; t < keys.Length; t++)
        {
            var (rule, stage, criterion) = rules.TieBreakers[t];
            keys[t] = rule.Kind switch
            {
                TieBreakerKind.HigherStageScore => StageScore.Round(tally.StageScores[tally.Cell(run.Index, stage)].GetValueOrDefault()),
                TieBreakerKind.HigherCriterionMean => CriterionMean(tally, tally.Cell(run.Index, stage), slots[stage][criterion]),
                TieBreakerKind.HigherJuntosShare => Share(group.Juntos, group.Households),
                TieBreakerKind.HigherWomenHeadedShare => Share(group.WomenHeaded, group.Households),
                _ => -run.Facts.SubmittedAtUtc.Ticks,
            };
        }
        return keys;
    }

    /// <summary>The order of two passed profiles of a category: the better one first.</summary>
    public static int Compare(ProfileRun a, ProfileRun b)
    {
        var step = Decider(a, b);
        return step switch
        {
            Decided.ByFinalScore => b.Final.GetValueOrDefault().CompareTo(a.Final.GetValueOrDefault()),
            Decided.BySubmissionTime => a.Facts.SubmittedAtUtc.Ticks.CompareTo(b.Facts.SubmittedAtUtc.Ticks),
            Decided.ByCode => string.CompareOrdinal(a.Facts.Code, b.Facts.Code),
            _ => b.Keys[(int)step].CompareTo(a.Keys[(int)step]),
        };
    }

    /// <summary>Sorts a category's passed profiles, the better one first.</summary>
    public static void Sort(List<ProfileRun> ranked) => ranked.Sort(Compare);

    /// <summary>
    /// Writes the tie-break note of every ranked profile whose final score equals a neighbour's: what
    /// separated it from the one above, then (after a space) from the one below. Each note is written
    /// once into the explanation buffer and becomes one string, rather than two strings joined by a third.
    /// </summary>
    public static void Note(CompiledRules rules, List<ProfileRun> ranked)
    {
        var above = Decided.ByFinalScore;
        for (var i = 0; i < ranked.Count; i++)
        {
            var run = ranked[i];
            var below = i + 1 < ranked.Count ? Decider(run, ranked[i + 1]) : Decided.ByFinalScore;
            if (above != Decided.ByFinalScore || below != Decided.ByFinalScore)
            {
                var text = ExplanationText.Start();
                if (above != Decided.ByFinalScore)
                {
                    Text(text, rules, above, run, ranked[i - 1]);
                }
                if (below != Decided.ByFinalScore)
                {
                    Text(above != Decided.ByFinalScore ? text.Append(' ') : text, rules, below, run, ranked[i + 1]);
                }
                run.TieBreakNote = text.ToString();
            }
            above = below;
        }
    }

    private static void Text(ExplanationText text, CompiledRules rules, Decided step, ProfileRun mine, ProfileRun theirs)
    {
        var final = mine.Final.GetValueOrDefault();
        var other = theirs.Facts.Code;
        var otherRank = theirs.Rank.GetValueOrDefault();
        if (step == Decided.BySubmissionTime)
        {
            ResultExplanations.TieBySubmissionTime(text, final, other, otherRank, mine.Facts.SubmittedAtUtc, theirs.Facts.SubmittedAtUtc);
            return;
        }
        if (step == Decided.ByCode)
        {
            ResultExplanations.TieByCode(text, final, other, otherRank);
            return;
        }
        var t = (int)step;
        ResultExplanations.TieBrokenBy(
            text, final, other, otherRank, rules.TieBreakers[t].Rule.Kind, rules.TieBreakerNames[t],
            (mine.Keys[t], mine.Facts.SubmittedAtUtc), (theirs.Keys[t], theirs.Facts.SubmittedAtUtc));
    }

    /// <summary>What separates two profiles: their final scores, a tie-breaker (its index, 0 and up), the submission time or the code.</summary>
    private static Decided Decider(ProfileRun a, ProfileRun b)
    {
        if (a.Final != b.Final)
        {
            return Decided.ByFinalScore;
        }
        for (var t = 0; t < a.Keys.Length; t++)
        {
            if (a.Keys[t] != b.Keys[t])
            {
                return (Decided)t;
            }
        }
        return a.Facts.SubmittedAtUtc.Ticks != b.Facts.SubmittedAtUtc.Ticks ? Decided.BySubmissionTime : Decided.ByCode;
    }

    /// <summary>The mean of a criterion's points, divided exactly and rounded once.</summary>
    private static decimal CriterionMean(ScoreTally tally, int cell, int slot) =>
        StageScore.Round(ExactFraction.From(tally.CriterionSum(cell, slot)) / tally.Counts[cell]);

    /// <summary>A share as a percentage, two decimals (divided exactly, rounded once); 0 for a group with no households.</summary>
    internal static decimal Share(int count, int households) =>
        households == 0 ? 0m : StageScore.Round(ExactFraction.Of(count * 100, households));

    /// <summary>Non-negative values are tie-breaker indexes.</summary>
    private enum Decided
    {
        ByFinalScore = -1,
        BySubmissionTime = -2,
        ByCode = -3,
    }
}
