using System.Collections.Concurrent;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Judging.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging.Live;

public sealed class LiveSessionServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly RecordingEvents _events = new();
    private JudgingTestData _data = null!;
    private JudgingServices _judging = null!;
    private LiveSessionService _service = null!;
    private LiveSessionQueries _queries = null!;

    private static ActingUser Admin => JudgingTestData.Admin;

    public async Task InitializeAsync()
    {
        _data = await JudgingTestData.CreateAsync();
        _judging = new JudgingServices(_data.Database, _time);
        _service = new LiveSessionService(_data.Database, _time, _events);
        _queries = new LiveSessionQueries(_data.Database, _judging.Queries);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<LiveSession> DrawAsync(int seed = 123)
    {
        var drawn = await _service.DrawAsync(Admin, _data.PublicStageId, seed, 10, null);
        Assert.True(drawn.Succeeded, drawn.Outcome + string.Join(",", drawn.Violations.Select(v => v.Rule)));
        return drawn.Value!;
    }

    private async Task<LiveSession> ApplyAsync(LiveSession session, LiveCommand command)
    {
        var applied = await _service.ApplyAsync(Admin, session.Id, session.Version, command);
        Assert.True(applied.Succeeded, applied.Outcome + string.Join(",", applied.Violations.Select(v => v.Rule)));
        return applied.Value!;
    }

    /// <summary>Appoints every juror to the public stage, assigns them and confirms their declarations.</summary>
    private async Task<List<Scorecard>> AssignAsync()
    {
        await JudgingTestData.AppointAllAsync(_judging, _data.PublicStageId);
        Assert.True((await _judging.Assignment.RunAsync(Admin, _data.PublicStageId, 5)).Succeeded);
        foreach (var juror in JudgingTestData.Jurors)
        {
            await _judging.Conflicts.ConfirmAsync(juror, _data.ContestId);
        }
        return await _data.ScorecardsAsync(_data.PublicStageId);
    }

    /// <summary>Submits a scorecard with C1 (max 20, weight 60) and C2 (max 10, weight 40): total = 3·c1 + 4·c2.</summary>
    private async Task SubmitAsync(int scorecardId, decimal c1, decimal c2)
    {
        await using var db = _data.Database.CreateDbContext();
        var scorecard = await db.Scorecards.Include(s => s.Points).SingleAsync(s => s.Id == scorecardId);
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, default))!;
        scorecard.Record(design.ToRecord([new("C1", c1), new("C2", c2)]), null, Instants.Now);
        scorecard.Submit(Instants.Now);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_draw_is_a_permutation_of_the_eligible_profiles_deterministic_for_its_seed_and_audited()
    {
        var session = await DrawAsync(seed: 4242);

        Assert.Equal(LiveSession.DrawOrder(4242, _data.ProfileIds), session.Order);
        Assert.Equal(_data.ProfileIds.Order(), session.Order.Order());
        Assert.DoesNotContain(_data.SubmittedOnlyProfileId, session.Order);
        await using var db = _data.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "live.drawn");
        Assert.Contains("\"seed\":4242", audit.AfterJson, StringComparison.Ordinal);
        Assert.Contains($"\"order\":[{string.Join(',', session.Order)}]", audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(("admin", _data.ContestId), (audit.UserId, audit.ContestId));
        Assert.Contains(_events.Published, e => e is { Change: ContestChange.LiveSessionChanged, ProfileId: null } && e.StageId == _data.PublicStageId);
    }

    [Fact]
    public async Task The_order_is_drawn_again_only_before_the_first_presenter_starts()
    {
        var first = await DrawAsync(seed: 1);
        var again = await _service.DrawAsync(Admin, _data.PublicStageId, 2, 8, first.Version);
        Assert.True(again.Succeeded);
        Assert.Equal((2, 8), (again.Value!.Seed, again.Value.PresentationMinutes));
        var started = await ApplyAsync(again.Value, LiveCommand.Advance);

        var refused = await _service.DrawAsync(Admin, _data.PublicStageId, 3, 8, started.Version);
        var stale = await _service.DrawAsync(Admin, _data.PublicStageId, 3, 8, first.Version);

        Assert.Equal("Live.AlreadyStarted", Assert.Single(refused.Violations).Rule);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(2, (await db.LiveSessions.SingleAsync()).Seed);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "live.redrawn"));
    }

    [Fact]
    public async Task Two_admins_pressing_next_at_once_advance_once()
    {
        var session = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);

        var presses = await Task.WhenAll(
            _service.ApplyAsync(Admin, session.Id, session.Version, LiveCommand.Advance),
            _service.ApplyAsync(Admin with { UserId = "admin2" }, session.Id, session.Version, LiveCommand.Advance));

        Assert.Single(presses, p => p.Succeeded);
        Assert.Single(presses, p => p.Outcome == ServiceOutcome.Conflict);
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(1, (await db.LiveSessions.SingleAsync()).CurrentPosition);
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "live.advance"));
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_changes_nothing()
    {
        var session = await DrawAsync();
        var juror = new ActingUser("j1");

        Assert.Equal(ServiceOutcome.Forbidden, (await _service.DrawAsync(juror, _data.PublicStageId, 9, 10, session.Version)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _service.ApplyAsync(juror, session.Id, session.Version, LiveCommand.Advance)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _service.SetMinutesAsync(juror, session.Id, session.Version, 3)).Outcome);
        await using var db = _data.Database.CreateDbContext();
        var stored = await db.LiveSessions.SingleAsync();
        Assert.Equal((123, null, 10), (stored.Seed, stored.CurrentPosition, stored.PresentationMinutes));
    }

    [Fact]
    public async Task Wrong_input_is_refused_with_the_field_it_concerns()
    {
        Assert.Equal("Seed", Assert.Single((await _service.DrawAsync(Admin, _data.PublicStageId, -5, 10, null)).Violations).Field);
        Assert.Equal("Minutes", Assert.Single((await _service.DrawAsync(Admin, _data.PublicStageId, 5, 0, null)).Violations).Field);
        Assert.Equal("Minutes", Assert.Single((await _service.DrawAsync(Admin, _data.PublicStageId, 5, 100_000, null)).Violations).Field);
        Assert.Equal(ServiceOutcome.NotFound, (await _service.DrawAsync(Admin, 99_999, 5, 10, null)).Outcome);
        var session = await DrawAsync();
        Assert.Equal("Live.NotRunning", Assert.Single((await _service.ApplyAsync(Admin, session.Id, session.Version, LiveCommand.Reveal)).Violations).Rule);
        Assert.Equal("Live.NoPrevious", Assert.Single((await _service.ApplyAsync(Admin, session.Id, session.Version, LiveCommand.Back)).Violations).Rule);
        Assert.Equal(ServiceOutcome.NotFound, (await _service.ApplyAsync(Admin, 99_999, session.Version, LiveCommand.Advance)).Outcome);
    }

    [Fact]
    public async Task The_projector_shows_numbered_jurors_and_the_aggregated_score_only_once_revealed()
    {
        var scorecards = await AssignAsync();
        var session = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        var current = session.CurrentProfileId!.Value;
        var ofCurrent = scorecards.Where(s => s.BusinessProfileId == current).OrderBy(s => s.Id).ToList();
        await SubmitAsync(ofCurrent[0].Id, 20, 10); // 100
        await SubmitAsync(ofCurrent[1].Id, 10, 5);  // 50

        var hidden = (await _queries.ProjectorAsync(_data.ContestId, _data.PublicStageId))!;
        session = await ApplyAsync(session, LiveCommand.Reveal);
        var shown = (await _queries.ProjectorAsync(_data.ContestId, null))!;

        Assert.Null(hidden.RevealedScore);
        Assert.Equal([new JurorSlot(1, true), new JurorSlot(2, true), new JurorSlot(3, false)], shown.Slots);
        Assert.Equal(75.00m, shown.RevealedScore);
        Assert.Equal(current, shown.Current!.ProfileId);
        Assert.Equal((1, 3, LivePhase.Running), (shown.Position, shown.Count, shown.Phase));
        var console = (await _queries.ConsoleAsync(_data.ContestId, null))!;
        Assert.Equal(3, console.Jurors.Count);
        Assert.Equal(2, console.Jurors.Count(j => j.Submitted));
        Assert.StartsWith("Persona j", console.Jurors[0].JurorName, StringComparison.Ordinal);
        Assert.Equal(new LiveScore(75m, 2, 3, ScoreAggregation.Mean), console.Score);

        session = await ApplyAsync(session, LiveCommand.Advance);
        Assert.Null((await _queries.ProjectorAsync(_data.ContestId, null))!.RevealedScore);
    }

    [Fact]
    public async Task A_juror_is_given_their_scorecard_for_the_presenter_and_nothing_when_conflicted_or_not_assigned()
    {
        var scorecards = await AssignAsync();
        var session = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        var current = session.CurrentProfileId!.Value;
        var mine = scorecards.First(s => s.BusinessProfileId == current);
        var notAssigned = JudgingTestData.Jurors.First(j => scorecards.All(s => s.BusinessProfileId != current || s.JurorUserId != j));

        var view = await _queries.JurorAsync(mine.JurorUserId, _data.ContestId);
        var other = await _queries.JurorAsync(notAssigned, _data.ContestId);

        Assert.Equal((mine.Id, current, LivePhase.Running), (view.Value!.ScorecardId, view.Value.Current!.ProfileId, view.Value.Phase));
        Assert.Null(other.Value!.ScorecardId);
        Assert.Equal(current, other.Value.Current!.ProfileId);
        Assert.Equal(ServiceOutcome.Forbidden, (await _queries.JurorAsync("rep", _data.ContestId)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await _queries.JurorAsync("j1", 99_999)).Outcome);

        var groupId = _data.GroupIds[Array.IndexOf(_data.ProfileIds, current)];
        Assert.True((await _judging.Conflicts.DeclareAsync(mine.JurorUserId, _data.ContestId, groupId, ConflictKind.Kinship, "Mi tía es socia")).Succeeded);
        Assert.Null((await _queries.JurorAsync(mine.JurorUserId, _data.ContestId)).Value!.ScorecardId);
    }

    [Fact]
    public async Task A_juror_who_has_not_confirmed_their_declaration_gets_no_scorecard_and_is_told_why()
    {
        await JudgingTestData.AppointAllAsync(_judging, _data.PublicStageId);
        Assert.True((await _judging.Assignment.RunAsync(Admin, _data.PublicStageId, 5)).Succeeded);
        await ApplyAsync(await DrawAsync(), LiveCommand.Advance);

        var view = (await _queries.JurorAsync("j1", _data.ContestId)).Value!;

        Assert.Equal((false, (int?)null, LivePhase.Running), (view.DeclarationConfirmed, view.ScorecardId, view.Phase));
    }

    [Fact]
    public async Task Ending_the_session_stops_every_change_and_tells_the_screens()
    {
        var session = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        _time.Advance(TimeSpan.FromMinutes(30));

        session = await ApplyAsync(session, LiveCommand.End);

        Assert.Equal(_time.GetUtcNow().UtcDateTime, session.EndedAtUtc);
        Assert.Equal("Live.Ended", Assert.Single((await _service.ApplyAsync(Admin, session.Id, session.Version, LiveCommand.Advance)).Violations).Rule);
        Assert.Equal("Live.AlreadyStarted", Assert.Single((await _service.DrawAsync(Admin, _data.PublicStageId, 1, 10, session.Version)).Violations).Rule);
        Assert.Equal(LivePhase.Ended, (await _queries.ProjectorAsync(_data.ContestId, null))!.Phase);
        Assert.Equal(3, _events.Published.Count(e => e.Change == ContestChange.LiveSessionChanged));
        Assert.Null(_events.Published[^1].ProfileId);
    }

    [Fact]
    public async Task Only_one_session_of_a_contest_runs_at_a_time()
    {
        var publicSession = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        var field = (await _service.DrawAsync(Admin, _data.FieldStageId, 5, 10, null)).Value!;

        var refused = await _service.ApplyAsync(Admin, field.Id, field.Version, LiveCommand.Advance);

        Assert.Equal("Live.OtherSessionRunning", Assert.Single(refused.Violations).Rule);
        await ApplyAsync(publicSession, LiveCommand.End);
        Assert.True((await _service.ApplyAsync(Admin, field.Id, field.Version, LiveCommand.Advance)).Succeeded);
    }

    private sealed class RecordingEvents : IContestEvents
    {
        private readonly ConcurrentQueue<ContestEvent> _published = new();

        public IReadOnlyList<ContestEvent> Published => _published.ToList();

        public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler) => throw new NotSupportedException();

        public void Publish(ContestEvent contestEvent) => _published.Enqueue(contestEvent);
    }
}
