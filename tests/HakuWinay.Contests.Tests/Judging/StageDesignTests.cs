using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class StageDesignTests
{
    [Fact]
    public async Task A_stage_design_carries_its_criteria_in_order_the_contest_step_and_the_deadline()
    {
        await using var data = await JudgingTestData.CreateAsync();
        await using (var db = data.Database.CreateDbContext())
        {
            var stage = await db.Set<HakuWinay.Contests.Contests.ContestStage>().FindAsync(data.FieldStageId);
            stage!.ScheduleScoring(Instants.Now.AddDays(2), 20m);
            await db.SaveChangesAsync();
        }

        await using var context = data.Database.CreateDbContext();
        var design = await StageDesign.LoadAsync(context, data.FieldStageId, default);

        Assert.NotNull(design);
        Assert.Equal((data.ContestId, "CAMPO", (DateTime?)Instants.Now.AddDays(2)), (design.ContestId, design.StageCode, design.ScoringDeadlineUtc));
        Assert.Equal(design.Criteria.OrderBy(c => c.Order).Select(c => c.Code), design.Criteria.Select(c => c.Code));
        Assert.Equal(design.Criteria.Select(c => (c.Code, c.MaxPoints, c.Weight)), design.Rules.Select(r => (r.Code, r.MaxPoints, r.Weight)));
        Assert.Equal(100m, design.Rules.Sum(r => r.Weight));
        Assert.False(design.IsClosed(Instants.Now.AddDays(2)));
        Assert.True(design.IsClosed(Instants.Now.AddDays(2).AddTicks(1)));
        Assert.Null(await StageDesign.LoadAsync(context, -1, default));
    }

    [Fact]
    public async Task Entries_map_to_criterion_ids_and_back_leaving_unmentioned_criteria_empty()
    {
        await using var data = await JudgingTestData.CreateAsync();
        await using var context = data.Database.CreateDbContext();
        var design = (await StageDesign.LoadAsync(context, data.FieldStageId, default))!;
        var first = design.Criteria[0];
        var scorecard = new Scorecard(data.FieldStageId, data.ProfileIds[0], "j1", "admin", Instants.Now);

        scorecard.Record(design.ToRecord([new CriterionPoints(first.Code.ToLowerInvariant(), 3m, "bien")]), null, Instants.Now);

        Assert.Equal(design.Criteria.Count, scorecard.Points.Count);
        var entries = design.EntriesOf(scorecard);
        Assert.Equal(new CriterionPoints(first.Code, 3m, "bien"), entries[0]);
        Assert.All(entries.Skip(1), e => Assert.Null(e.Points));
    }

    [Theory]
    [InlineData("25.0", "25")]
    [InlineData("7.50", "7.5")]
    [InlineData("0.000", "0")]
    [InlineData("12", "12")]
    public void Stored_points_read_without_trailing_zeros(string stored, string shown) =>
        Assert.Equal(shown, StageDesign.WithoutTrailingZeros(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
