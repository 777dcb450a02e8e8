using System.Globalization;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

public sealed class OutputOrderTests
{
    [Fact]
    public void Entries_come_by_category_order_then_rank_then_unranked_by_code()
    {
        var result = new ResultsBuilder()
            .Category(Running, 50_000m).Category(Idea, 50_000m)
            .Profile("I-C").Scored("I-C", 60)
            .Profile("I-A").Scored("I-A", 80)
            .Profile("I-B", standing: ProfileStanding.Withdrawn)
            .Profile("I-D").Scored("I-D", 90)
            .Profile("M-B", category: Running).Scored("M-B", 75)
            .Profile("M-A", category: Running).Totals("M-A", Field, 90)
            .Rank();

        Assert.Equal(["M-B", "M-A", "I-D", "I-A", "I-B", "I-C"], result.Entries.Select(e => e.ProfileCode));
        Assert.Equal([Running, Idea], result.Categories.Select(c => c.CategoryCode));
    }

    [Fact]
    public void Stage_results_follow_the_rules_stage_order()
    {
        var result = new ResultsBuilder().Stage(Public, 40).Stage(Field, 60).Profile("A").Scored("A", 70, 80).Rank();

        Assert.Equal([Public, Field], result.Entry("A").Stages.Select(s => s.StageCode));
        // Field (60%) 70 and public (40%) 80: 42 + 32 = 74.
        Assert.Equal(74.00m, result.Entry("A").EvaluationScore);
    }

    [Fact]
    public void Scores_and_amounts_are_written_with_two_decimals_whatever_the_input_wrote()
    {
        // The median of 90, 90.00 and 90 is the number 90 whichever is picked; the result writes 90.00.
        var result = new ResultsBuilder()
            .Aggregation(ScoreAggregation.Median).Stage(Field, 50, 3).Stage(Public, 50).Budget(20_000)
            .Profile("A", 7_500).Totals("A", Field, 90, 90.00m, 90).Totals("A", Public, 80)
            .Rank();

        var entry = result.Entry("A");
        var shown = new[] { entry.Stages[0].Score!.Value, entry.EvaluationScore!.Value, entry.FinalScore!.Value, entry.Bonus, entry.Award };
        Assert.Equal(["90.00", "85.00", "85.00", "0.00", "7500.00"], shown.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var category = result.Category(Idea);
        Assert.Equal(["20000.00", "0.00", "7500.00", "12500.00"],
            new[] { category.Budget, category.RolledOverIn, category.Used, category.Left }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }
}
