using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class EvaluationQueriesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private JudgingTestData _data = null!;
    private PaperTestKit _kit = null!;

    public async Task InitializeAsync()
    {
        _data = await JudgingTestData.CreateAsync();
        _kit = new PaperTestKit(_data, _time);
        await _kit.AssignFirstThreeAsync();
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public void The_spread_is_the_range_and_the_population_standard_deviation()
    {
        var spread = JurorSpread.Of([60m, 75m, 90m])!;

        Assert.Equal(30m, spread.Range);
        Assert.Equal(12.2474m, Math.Round(spread.StandardDeviation, 4));
        Assert.Equal(new JurorSpread(0m, 0m), JurorSpread.Of([42m]));
        Assert.Null(JurorSpread.Of([]));
        Assert.True(spread.Exceeds(29.99m));
        Assert.False(spread.Exceeds(30m));
    }

    /// <summary>
    /// Totals are C1 × 60/20 + C2 × 40/10. Profile 0: 50, 56, 62 (range 12, sd √24); profile 1:
    /// 50, 50, 53 (range 3, sd √2); profile 2: 100 and 0 submitted, j3 still to score (range 100, sd 50).
    /// With the threshold at 10, profiles 0 and 2 go to discussion.
    /// </summary>
    [Fact]
    public async Task A_known_stage_gives_its_totals_spreads_and_flags()
    {
        var p = _data.ProfileIds;
        foreach (var (profile, juror, c1, c2) in new[]
                 {
                     (p[0], "j1", 10m, 5m), (p[0], "j2", 12m, 5m), (p[0], "j3", 14m, 5m),
                     (p[1], "j1", 10m, 5m), (p[1], "j2", 10m, 5m), (p[1], "j3", 11m, 5m),
                     (p[2], "j1", 20m, 10m), (p[2], "j2", 0m, 0m),
                 })
        {
            Assert.True((await _kit.EnterAsync(profile, juror, c1, c2)).Succeeded);
        }
        Assert.True((await _kit.Schedule.ScheduleAsync(JudgingTestData.Admin, _data.FieldStageId, null, 10m)).Succeeded);

        var stage = (await _kit.Evaluation.EvaluationAsync(_data.ContestId, _data.FieldStageId))!.Stage!;

        Assert.Equal((8, 9), (stage.Submitted, stage.Expected));
        Assert.Equal(10m, stage.SpreadThreshold);
        var byProfile = stage.Profiles.ToDictionary(x => x.ProfileId);
        Assert.Equal([50m, 56m, 62m], byProfile[p[0]].Scorecards.Select(s => s.Total!.Value).Order());
        Assert.Equal((12m, 4.899m), (byProfile[p[0]].Spread!.Range, Math.Round(byProfile[p[0]].Spread!.StandardDeviation, 3)));
        Assert.Equal((3m, 1.414m), (byProfile[p[1]].Spread!.Range, Math.Round(byProfile[p[1]].Spread!.StandardDeviation, 3)));
        Assert.Equal((100m, 50m), (byProfile[p[2]].Spread!.Range, byProfile[p[2]].Spread!.StandardDeviation));
        Assert.Equal((2, 3), (byProfile[p[2]].Submitted, byProfile[p[2]].Expected));
        Assert.Equal([true, false, true], p.Select(id => byProfile[id].ForDiscussion));
        Assert.Equal(2, stage.FlaggedCount);
        Assert.All(byProfile[p[0]].Scorecards, s => Assert.True(s.EnteredByAdmin));
        var j3 = stage.Jurors.Single(j => j.UserId == "j3");
        Assert.Equal((2, 3, "Persona j3"), (j3.Submitted, j3.Expected, j3.Name));
        Assert.Equal((0, 0), stage.Jurors.Single(j => j.UserId == "j4") is var j4 ? (j4.Submitted, j4.Expected) : default);
    }

    [Fact]
    public async Task An_excluded_scorecard_is_not_expected_and_its_total_does_not_count()
    {
        var p = _data.ProfileIds[0];
        Assert.True((await _kit.EnterAsync(p, "j1", 20, 10)).Succeeded);
        Assert.True((await _kit.EnterAsync(p, "j2", 10, 5)).Succeeded);
        Assert.True((await _kit.Judging.Conflicts.RecordAsync(JudgingTestData.Admin, _data.ContestId, "j1", _data.GroupIds[0], ConflictKind.Other, "Socio")).Succeeded);

        var profile = (await _kit.Evaluation.EvaluationAsync(_data.ContestId, null))!.Stage!.Profiles.Single(x => x.ProfileId == p);

        Assert.Equal((1, 2), (profile.Submitted, profile.Expected));
        Assert.Equal(new JurorSpread(0m, 0m), profile.Spread);
        Assert.Contains(profile.Scorecards, s => s is { JurorUserId: "j1", Status: ScorecardStatus.Excluded, Total: null });
    }

    [Fact]
    public async Task An_unknown_contest_or_stage_is_not_found()
    {
        Assert.Null(await _kit.Evaluation.EvaluationAsync(99_999, null));
        Assert.Null(await _kit.Evaluation.EvaluationAsync(_data.ContestId, 99_999));
        Assert.Equal(_data.FieldStageId, (await _kit.Evaluation.EvaluationAsync(_data.ContestId, null))!.Stage!.StageId);
    }

    [Fact]
    public async Task Scheduling_stores_the_lima_deadline_in_utc_audits_it_and_refuses_a_threshold_out_of_range()
    {
        var saved = await _kit.Schedule.ScheduleAsync(JudgingTestData.Admin, _data.FieldStageId, new DateTime(2026, 12, 1, 18, 0, 0), 12.5m);
        var past = await _kit.Schedule.ScheduleAsync(JudgingTestData.Admin, _data.FieldStageId, new DateTime(2026, 11, 1, 8, 0, 0), 12.5m);
        var tooHigh = await _kit.Schedule.ScheduleAsync(JudgingTestData.Admin, _data.FieldStageId, null, 101m);
        var byJuror = await _kit.Schedule.ScheduleAsync(new ActingUser("j1"), _data.FieldStageId, null, 10m);

        Assert.Equal(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), saved.Value!.ScoringDeadlineUtc);
        Assert.False(saved.Value.DeadlinePassed);
        Assert.True(past.Value!.DeadlinePassed);
        Assert.Equal(("SpreadThreshold", "ContestRules.SpreadThresholdRange"), (tooHigh.Violations[0].Field, tooHigh.Violations[0].Rule));
        Assert.Equal(ServiceOutcome.Forbidden, byJuror.Outcome);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "stage.scoring-scheduled"));
        var stage = await db.Set<HakuWinay.Contests.Contests.ContestStage>().SingleAsync(s => s.Id == _data.FieldStageId);
        Assert.Equal((new DateTime(2026, 11, 1, 13, 0, 0), 12.5m), (stage.ScoringDeadlineUtc, stage.SpreadThreshold));
    }
}
