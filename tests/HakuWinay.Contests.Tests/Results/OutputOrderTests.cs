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
}
