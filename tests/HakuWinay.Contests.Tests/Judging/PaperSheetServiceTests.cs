using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class PaperSheetServiceTests : IAsyncLifetime
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
    public async Task An_entered_sheet_is_submitted_as_entered_by_the_admin_audited_and_announced()
    {
        var entered = await _kit.EnterAsync(_data.ProfileIds[0], "j1", 15, 8, "Grupo muy ordenado");

        Assert.True(entered.Succeeded, entered.Outcome.ToString());
        var scorecard = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");
        Assert.Equal(ScorecardStatus.Submitted, scorecard.Status);
        Assert.Equal("admin", scorecard.EnteredByAdminUserId);
        Assert.Equal("Grupo muy ordenado", scorecard.OverallComment);
        Assert.Equal([15m, 8m], scorecard.Points.OrderBy(p => p.ContestCriterionId).Select(p => p.Points!.Value));
        await using var db = _data.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "scorecard.paper-entered");
        Assert.Equal(scorecard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Contains("\"status\":\"NotStarted\"", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Submitted\"", audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(new ContestEvent(_data.ContestId, ContestChange.ScorecardSubmitted, _data.FieldStageId, _data.ProfileIds[0], scorecard.Id), Assert.Single(_kit.Events.Published));
    }

    [Fact]
    public async Task Points_out_of_range_or_missing_are_refused_next_to_their_criterion_and_nothing_is_saved()
    {
        var scorecard = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");

        var refused = await _kit.Paper.EnterAsync(JudgingTestData.Admin, scorecard.Id, scorecard.Version,
            [new CriterionPoints("C1", 25m), new CriterionPoints("C2", null)], null);

        Assert.Equal(ServiceOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Violations, v => v is { Field: "Criterion.C1.Points", Rule: "Scoring.PointsAboveMaximum" });
        Assert.Contains(refused.Violations, v => v is { Field: "Criterion.C2.Points", Rule: "Scoring.PointsRequired" });
        Assert.Equal(ScorecardStatus.NotStarted, (await _kit.ScorecardAsync(_data.ProfileIds[0], "j1")).Status);
        Assert.Empty(_kit.Events.Published);
    }

    [Fact]
    public async Task A_submitted_scorecard_is_refused_and_a_stale_version_is_a_conflict()
    {
        var first = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");
        Assert.True((await _kit.EnterAsync(_data.ProfileIds[0], "j1", 10, 5)).Succeeded);

        var again = await _kit.EnterAsync(_data.ProfileIds[0], "j1", 12, 5);
        var stale = await _kit.Paper.EnterAsync(JudgingTestData.Admin, first.Id, first.Version, [new("C1", 1m), new("C2", 1m)], null);

        Assert.Equal("Paper.AlreadySubmitted", Assert.Single(again.Violations).Rule);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        Assert.Equal([10m, 5m], (await _kit.ScorecardAsync(_data.ProfileIds[0], "j1")).Points.OrderBy(p => p.ContestCriterionId).Select(p => p.Points!.Value));
    }

    [Fact]
    public async Task An_excluded_scorecard_and_a_conflicted_juror_are_refused()
    {
        var started = await _kit.ScorecardAsync(_data.ProfileIds[1], "j2");
        await _data.StartAsync(started.Id);
        Assert.True((await _kit.Judging.Conflicts.RecordAsync(JudgingTestData.Admin, _data.ContestId, "j2", _data.GroupIds[1], ConflictKind.Kinship, null)).Succeeded);

        var excluded = await _kit.EnterAsync(_data.ProfileIds[1], "j2", 10, 5);

        Assert.Equal("Paper.Excluded", Assert.Single(excluded.Violations).Rule);
        var view = await _kit.Paper.EntryAsync(started.Id);
        Assert.Equal("Paper.Excluded", view!.Refusal);
    }

    [Fact]
    public async Task A_paper_sheet_is_accepted_after_the_stage_deadline()
    {
        Assert.True((await _kit.Schedule.ScheduleAsync(JudgingTestData.Admin, _data.FieldStageId, new DateTime(2026, 11, 20, 18, 0, 0), 15m)).Succeeded);

        var entered = await _kit.EnterAsync(_data.ProfileIds[2], "j3", 20, 10);

        Assert.True(entered.Succeeded);
    }

    [Fact]
    public async Task Only_an_admin_may_enter_a_sheet()
    {
        var scorecard = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");

        var byJuror = await _kit.Paper.EnterAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 1m), new("C2", 1m)], null);

        Assert.Equal(ServiceOutcome.Forbidden, byJuror.Outcome);
    }

    [Fact]
    public async Task Blank_sheets_are_one_per_active_scorecard_and_filter_by_profile_or_juror()
    {
        var all = await _kit.Paper.BlankSheetsAsync(_data.ContestId, _data.FieldStageId, null, null);
        var ofProfile = await _kit.Paper.BlankSheetsAsync(_data.ContestId, _data.FieldStageId, _data.ProfileIds[1], null);
        var ofJuror = await _kit.Paper.BlankSheetsAsync(_data.ContestId, _data.FieldStageId, null, "j2");
        var unknownStage = await _kit.Paper.BlankSheetsAsync(_data.ContestId, 99_999, null, null);

        Assert.Equal(9, all!.Sheets.Count);
        Assert.Equal(["C1", "C2"], all.Criteria.Select(c => c.Code));
        Assert.Equal([20m, 10m], all.Criteria.Select(c => c.MaxPoints));
        Assert.Equal(3, ofProfile!.Sheets.Count);
        Assert.All(ofProfile.Sheets, s => Assert.Equal(_data.ProfileIds[1], s.ProfileId));
        Assert.Equal(3, ofProfile.Profiles.Count);
        Assert.Equal(3, ofJuror!.Sheets.Count);
        Assert.All(ofJuror.Sheets, s => Assert.Equal("Persona j2", s.JurorName));
        Assert.Null(unknownStage);
    }
}
