using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class ScoringServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private ScoringTestData _t = null!;

    private static CriterionPoints[] Complete(decimal c1 = 15m, decimal c2 = 8m) => [new("C1", c1, "Bien organizado"), new("C2", c2)];

    public async Task InitializeAsync() => _t = await ScoringTestData.CreateAsync(_time);

    public async Task DisposeAsync() => await _t.Data.DisposeAsync();

    [Fact]
    public async Task A_juror_opens_their_scorecard_with_the_stage_criteria_and_the_profile()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");

        var opened = await _t.Scoring.OpenAsync(new ActingUser("j1"), scorecard.Id);

        Assert.True(opened.Succeeded, opened.Outcome.ToString());
        var view = opened.Value!;
        Assert.Equal(["C1", "C2"], view.Design.Criteria.Select(c => c.Code));
        Assert.Equal(["C1", "C2"], view.Entries.Select(e => e.CriterionCode));
        Assert.All(view.Entries, e => Assert.Null(e.Points));
        Assert.True(view.IsEditable);
        Assert.Equal(scorecard.BusinessProfileId, view.Profile.Id);
        Assert.Equal(ScorecardStatus.NotStarted, view.Status);
    }

    [Fact]
    public async Task A_juror_cannot_open_another_jurors_scorecard_and_a_technician_is_refused()
    {
        var theirs = await _t.ScorecardOfAsync("j2");

        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.OpenAsync(new ActingUser("j1"), theirs.Id)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.OpenAsync(new ActingUser("j1"), 99_999)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), theirs.Id, theirs.Version, Complete(), null)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _t.Scoring.OpenAsync(new ActingUser("tec", IsTechnician: true), theirs.Id)).Outcome);
        var admin = await _t.Scoring.OpenAsync(JudgingTestData.Admin, theirs.Id);
        Assert.True(admin.Succeeded);
        Assert.False(admin.Value!.IsEditable);
        Assert.Equal(ServiceOutcome.Forbidden, (await _t.Scoring.SaveDraftAsync(JudgingTestData.Admin, theirs.Id, theirs.Version, Complete(), null)).Outcome);
    }

    [Fact]
    public async Task A_juror_cannot_open_the_scorecard_of_a_profile_they_declared_a_conflict_with()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        var groupId = _t.Data.GroupIds[Array.IndexOf(_t.Data.ProfileIds, scorecard.BusinessProfileId)];
        Assert.True((await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 5m)], null)).Succeeded);

        var conflicts = new ConflictService(_t.Data.Database, _time, _t.Events);
        Assert.True((await conflicts.DeclareAsync("j1", _t.Data.ContestId, groupId, ConflictKind.Kinship, "Mi tío")).Succeeded);

        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.OpenAsync(new ActingUser("j1"), scorecard.Id)).Outcome);
        Assert.Contains(_t.Events.Published, e => e.Change == ContestChange.ScorecardExcluded && e.ScorecardId == scorecard.Id);
    }

    [Fact]
    public async Task A_juror_who_has_not_confirmed_the_declaration_cannot_open_their_scorecard()
    {
        await using (var db = _t.Data.Database.CreateDbContext())
        {
            await db.ConflictDeclarations.Where(d => d.JurorUserId == "j3").ExecuteDeleteAsync();
        }
        var scorecard = await _t.ScorecardOfAsync("j3");

        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.OpenAsync(new ActingUser("j3"), scorecard.Id)).Outcome);
    }

    [Fact]
    public async Task Points_out_of_range_or_off_the_step_and_oversized_comments_are_refused_per_field_and_nothing_is_saved()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");

        var saved = await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version,
            [new("C1", 21m), new("C2", 2.5m, new string('x', ScoreRules.MaxCriterionCommentLength + 1)), new("ZZ", 1m)],
            new string('y', ScoreRules.MaxOverallCommentLength + 1));

        Assert.Equal(ServiceOutcome.Invalid, saved.Outcome);
        Assert.Equal(
            ["Criterion.C1.Points:Scoring.PointsAboveMaximum", "Criterion.C2.Comment:Scoring.CommentTooLong", "Criterion.C2.Points:Scoring.PointsNotWhole",
             "Criterion.ZZ:Scoring.UnknownCriterion", "OverallComment:Scoring.OverallCommentTooLong"],
            saved.Violations.Select(v => $"{v.Field}:{v.Rule}").Order(StringComparer.Ordinal));
        Assert.Contains(saved.Violations, v => v.Rule == "Scoring.PointsAboveMaximum");
        var below = await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", -1m)], null);
        Assert.Equal("Scoring.PointsBelowZero", Assert.Single(below.Violations).Rule);
        var after = await _t.ReloadAsync(scorecard.Id);
        Assert.Equal(ScorecardStatus.NotStarted, after.Status);
        Assert.Empty(after.Points);
        Assert.Empty(_t.Events.Published);
    }

    [Fact]
    public async Task A_draft_is_saved_with_empty_criteria_and_its_comments_kept_as_typed_text()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        const string malicious = "<script>alert('x')</script> **ok**";

        var saved = await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 12m, malicious)], "General");

        Assert.True(saved.Succeeded);
        Assert.NotEqual(scorecard.Version, saved.Value!.Version);
        var view = (await _t.Scoring.OpenAsync(new ActingUser("j1"), scorecard.Id)).Value!;
        Assert.Equal(ScorecardStatus.Draft, view.Status);
        Assert.Equal([12m, null], view.Entries.Select(e => e.Points));
        Assert.Equal(malicious, view.Entries[0].Comment);
        Assert.Equal("General", view.OverallComment);
        Assert.Equal(saved.Value.Version, view.Version);
        Assert.Contains(_t.Events.Published, e => e.Change == ContestChange.ScorecardSaved && e.ScorecardId == scorecard.Id);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_a_conflict_and_changes_nothing()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        var first = await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 12m)], null);

        var stale = await _t.Scoring.SaveDraftAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 3m)], null);

        Assert.True(first.Succeeded);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        Assert.Equal(12m, (await _t.ReloadAsync(scorecard.Id)).Points.Single(p => p.Points is not null).Points);
    }

    [Fact]
    public async Task Submitting_with_missing_criteria_is_refused_with_each_missing_one()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");

        var submitted = await _t.Scoring.SubmitAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, [new("C1", 12m)], null);

        Assert.Equal(ServiceOutcome.Invalid, submitted.Outcome);
        Assert.Contains(submitted.Violations, v => v.Field == "Criterion.C2.Points" && v.Rule == "Scoring.PointsRequired");
        Assert.Contains(submitted.Violations, v => v.Rule == "Scoring.CriteriaMissing");
        Assert.Equal(ScorecardStatus.NotStarted, (await _t.ReloadAsync(scorecard.Id)).Status);
    }

    [Fact]
    public async Task A_submitted_scorecard_is_locked_and_a_second_submit_or_an_edit_is_refused_and_changes_nothing()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        var juror = new ActingUser("j1");

        var submitted = await _t.Scoring.SubmitAsync(juror, scorecard.Id, scorecard.Version, Complete(), "Muy bien");
        var again = await _t.Scoring.SubmitAsync(juror, scorecard.Id, submitted.Value!.Version, Complete(c1: 1m), null);
        var staleTab = await _t.Scoring.SubmitAsync(juror, scorecard.Id, scorecard.Version, Complete(c1: 2m), null);
        var edit = await _t.Scoring.SaveDraftAsync(juror, scorecard.Id, submitted.Value.Version, Complete(c1: 3m), null);

        Assert.True(submitted.Succeeded);
        Assert.Equal("Scoring.AlreadySubmitted", Assert.Single(again.Violations).Rule);
        Assert.Equal("Scoring.AlreadySubmitted", Assert.Single(staleTab.Violations).Rule);
        Assert.Equal("Scoring.Locked", Assert.Single(edit.Violations).Rule);
        var after = await _t.ReloadAsync(scorecard.Id);
        Assert.Equal(ScorecardStatus.Submitted, after.Status);
        Assert.Equal(Instants.Now, after.SubmittedAtUtc);
        Assert.Equal(15m, after.Points.Single(p => p.Comment == "Bien organizado").Points);
        Assert.Equal(submitted.Value.Version, after.Version);
        var view = (await _t.Scoring.OpenAsync(juror, scorecard.Id)).Value!;
        Assert.False(view.IsEditable);
        Assert.Equal(15m * 60m / 20m + 8m * 40m / 10m, view.Total);
        await using var db = _t.Data.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "scorecard.submitted"));
        Assert.Single(_t.Events.Published, e => e.Change == ContestChange.ScorecardSubmitted);
    }

    [Fact]
    public async Task Two_tabs_submitting_at_the_same_moment_submit_once_and_the_other_is_told_it_was_already_submitted()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        var juror = new ActingUser("j1");

        var results = await Task.WhenAll(
            _t.Scoring.SubmitAsync(juror, scorecard.Id, scorecard.Version, Complete(c1: 10m), null),
            _t.Scoring.SubmitAsync(juror, scorecard.Id, scorecard.Version, Complete(c1: 11m), null));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal("Scoring.AlreadySubmitted", Assert.Single(Assert.Single(results, r => !r.Succeeded).Violations).Rule);
        var after = await _t.ReloadAsync(scorecard.Id);
        Assert.Equal(ScorecardStatus.Submitted, after.Status);
        await using var db = _t.Data.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "scorecard.submitted"));
    }

    [Fact]
    public async Task Saving_or_submitting_after_the_stage_deadline_is_refused()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        await _t.SetDeadlineAsync(Instants.Now.AddHours(1));
        var juror = new ActingUser("j1");
        var draft = await _t.Scoring.SaveDraftAsync(juror, scorecard.Id, scorecard.Version, [new("C1", 4m)], null);
        Assert.True(draft.Succeeded);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var late = await _t.Scoring.SubmitAsync(juror, scorecard.Id, draft.Value!.Version, Complete(), null);
        var lateDraft = await _t.Scoring.SaveDraftAsync(juror, scorecard.Id, draft.Value.Version, Complete(), null);

        Assert.Equal("Scoring.DeadlinePassed", Assert.Single(late.Violations).Rule);
        Assert.Equal("Scoring.DeadlinePassed", Assert.Single(lateDraft.Violations).Rule);
        Assert.Equal(ScorecardStatus.Draft, (await _t.ReloadAsync(scorecard.Id)).Status);
        Assert.False((await _t.Scoring.OpenAsync(juror, scorecard.Id)).Value!.IsEditable);
    }

    [Fact]
    public async Task Reopening_needs_an_admin_a_reason_and_a_submitted_scorecard()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");

        Assert.Equal(ServiceOutcome.Forbidden, (await _t.Scoring.ReopenAsync(new ActingUser("j1"), scorecard.Id, "Quiero corregir")).Outcome);
        Assert.Equal("Scoring.ReasonRequired", Assert.Single((await _t.Scoring.ReopenAsync(JudgingTestData.Admin, scorecard.Id, "   ")).Violations).Rule);
        Assert.Equal("Scoring.ReasonTooLong", Assert.Single((await _t.Scoring.ReopenAsync(JudgingTestData.Admin, scorecard.Id, new string('r', 501))).Violations).Rule);
        Assert.Equal("Scoring.NotSubmitted", Assert.Single((await _t.Scoring.ReopenAsync(JudgingTestData.Admin, scorecard.Id, "Error de digitación")).Violations).Rule);
        Assert.Equal(ServiceOutcome.NotFound, (await _t.Scoring.ReopenAsync(JudgingTestData.Admin, 99_999, "Error")).Outcome);
    }

    [Fact]
    public async Task An_admin_reopens_a_submitted_scorecard_the_reason_is_audited_and_the_juror_is_emailed()
    {
        var scorecard = await _t.ScorecardOfAsync("j1");
        var submitted = await _t.Scoring.SubmitAsync(new ActingUser("j1"), scorecard.Id, scorecard.Version, Complete(), null);
        Assert.True(submitted.Succeeded);

        var reopened = await _t.Scoring.ReopenAsync(JudgingTestData.Admin, scorecard.Id, "  El puntaje de C1 se digitó mal  ");

        Assert.True(reopened.Succeeded);
        Assert.Equal(ScorecardStatus.Draft, (await _t.ReloadAsync(scorecard.Id)).Status);
        await using var db = _t.Data.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "scorecard.reopened");
        Assert.Contains("El puntaje de C1 se digit", audit.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("  El", audit.AfterJson, StringComparison.Ordinal);
        Assert.Contains("Submitted", audit.BeforeJson, StringComparison.Ordinal);
        var email = await db.Outbox.SingleAsync();
        var code = await db.BusinessProfiles.Where(p => p.Id == scorecard.BusinessProfileId).Select(p => p.Code).SingleAsync();
        Assert.Equal("j1@t.pe", email.To);
        Assert.Contains(code!, email.Subject, StringComparison.Ordinal);
        Assert.Contains("El puntaje de C1 se digitó mal", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.test/juror/scorecards/{scorecard.Id}", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, _t.Judging.Signal.Count);
        Assert.Contains(_t.Events.Published, e => e.Change == ContestChange.ScorecardReopened && e.ScorecardId == scorecard.Id);
        var resubmitted = await _t.Scoring.SubmitAsync(new ActingUser("j1"), scorecard.Id, reopened.Value, Complete(c1: 16m), null);
        Assert.True(resubmitted.Succeeded);
    }

    [Fact]
    public async Task The_jurors_list_shows_only_their_scorecards_per_stage_with_progress()
    {
        var mine = (await _t.Data.ScorecardsAsync(_t.Data.FieldStageId)).Where(s => s.JurorUserId == "j1").ToList();
        Assert.True((await _t.Scoring.SubmitAsync(new ActingUser("j1"), mine[0].Id, mine[0].Version, Complete(), null)).Succeeded);

        var list = await _t.Queries.JurorScorecardsAsync("j1", _t.Data.ContestId);

        var stage = Assert.Single(list.Value!.Stages);
        Assert.Equal(mine.Select(s => s.Id).Order(), stage.Rows.Select(r => r.ScorecardId).Order());
        Assert.Equal(1, stage.Submitted);
        Assert.True(list.Value.DeclarationConfirmed);
        Assert.Equal(ServiceOutcome.NotFound, (await _t.Queries.JurorScorecardsAsync("j1", 99_999)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _t.Queries.JurorScorecardsAsync("rep", _t.Data.ContestId)).Outcome);
    }
}
