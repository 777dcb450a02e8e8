using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>The preview ranks what stands now and lists what blocks publication; an Admin may accept an incomplete profile.</summary>
public sealed class ResultsPreviewTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task With_every_scorecard_submitted_the_preview_ranks_and_nothing_blocks()
    {
        await _data.ScoreAllAsync();

        var preview = (await _data.Preview.PreviewAsync(_data.ContestId))!;

        Assert.True(preview.CanPublish);
        Assert.Empty(preview.Blockers);
        var quinua = preview.Ranking!.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[0]);
        Assert.Equal(90m, quinua.EvaluationScore);
        Assert.Equal(1, quinua.Rank);
        Assert.Equal(ResultOutcome.Funded, quinua.Outcome);
        Assert.Equal(ResultOutcome.Ineligible, preview.Ranking.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[2]).Outcome);
        Assert.Equal("Grupo Quinua", preview.Profile(_data.ProfileCodes[0])!.GroupName);
    }

    [Fact]
    public async Task Open_scorecards_missing_scorecards_undecided_eligibility_and_the_contest_status_all_block()
    {
        await _data.ScoreAllAsync("j1", "j2");
        await _data.ScoreAsync("j3", _data.FieldStageId, _data.ProfileIds[0], 10, 5, submit: false);
        await _data.AddUndecidedProfileAsync();

        var preview = (await _data.Preview.PreviewAsync(_data.ContestId))!;

        Assert.False(preview.CanPublish);
        Assert.Contains(preview.Blockers, b => b.Kind == ResultsBlockerKind.EligibilityUndecided);
        Assert.Contains(preview.Blockers, b => b is { Kind: ResultsBlockerKind.OpenScorecard, StageCode: "CAMPO" } && b.ProfileId == _data.ProfileIds[0]);
        // Each eligible profile lacks the third scorecard in both stages.
        Assert.Equal(4, preview.Blockers.Count(b => b.Kind == ResultsBlockerKind.IncompleteNotAccepted));
        Assert.DoesNotContain(preview.Blockers, b => b.Kind == ResultsBlockerKind.ContestNotReady);
    }

    [Fact]
    public async Task A_contest_not_in_evaluation_is_a_blocker()
    {
        await _data.ScoreAllAsync();
        await using (var db = _data.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Contests\" SET \"Status\" = {0} WHERE \"Id\" = {1}", (int)ContestStatus.Closed, _data.ContestId);
        }

        var preview = (await _data.Preview.PreviewAsync(_data.ContestId))!;

        Assert.Equal(ResultsBlockerKind.ContestNotReady, Assert.Single(preview.Blockers).Kind);
    }

    [Fact]
    public async Task Accepting_an_incomplete_profile_needs_a_submitted_scorecard_and_a_reason_clears_its_blocker_and_is_audited()
    {
        await _data.ScoreAllAsync("j1", "j2", "j3");
        await using (var db = _data.Database.CreateDbContext())
        {
            db.Scorecards.RemoveRange(db.Scorecards.Where(s => s.BusinessProfileId == _data.ProfileIds[1] && s.ContestStageId == _data.PublicStageId && s.JurorUserId != "j1"));
            await db.SaveChangesAsync();
        }

        var noReason = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.PublicStageId, " ");
        var complete = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[0], _data.PublicStageId, "Motivo");
        var notAdmin = await _data.Acceptances.AcceptAsync(new ActingUser("rep1"), _data.ProfileIds[1], _data.PublicStageId, "Motivo");
        var accepted = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.PublicStageId, "Dos jurados se enfermaron");
        var twice = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.PublicStageId, "Otra vez");

        Assert.Equal("Results.ReasonRequired", Assert.Single(noReason.Violations).Rule);
        Assert.Equal("Results.NotIncomplete", Assert.Single(complete.Violations).Rule);
        Assert.Equal(ServiceOutcome.Forbidden, notAdmin.Outcome);
        Assert.True(accepted.Succeeded);
        Assert.Equal("Results.AlreadyAccepted", Assert.Single(twice.Violations).Rule);
        var preview = (await _data.Preview.PreviewAsync(_data.ContestId))!;
        Assert.True(preview.CanPublish);
        var entry = preview.Ranking!.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[1]);
        Assert.True(entry.Stages.Single(s => s.StageCode == "PUBLICA").AcceptedIncomplete);
        Assert.Equal("Dos jurados se enfermaron", preview.Input.Profiles[1].AcceptedIncomplete.Single().Reason);
        Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "results.incomplete-accepted").ToListAsync()));
    }

    [Fact]
    public async Task A_stage_without_any_submitted_scorecard_cannot_be_accepted_and_an_acceptance_can_be_revoked_before_publication()
    {
        await _data.ScoreAsync("j1", _data.FieldStageId, _data.ProfileIds[1], 14, 7);

        var none = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.PublicStageId, "Motivo");
        var accepted = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.FieldStageId, "Motivo");
        var revoked = await _data.Acceptances.RevokeAsync(PublicationTestData.Admin, accepted.Value);

        Assert.Equal("Results.AcceptNeedsOneScorecard", Assert.Single(none.Violations).Rule);
        Assert.True(revoked.Succeeded);
        Assert.Empty(await _data.Acceptances.ListAsync(_data.ContestId));
        Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "results.incomplete-revoked").ToListAsync()));
    }

    [Fact]
    public async Task Profiles_whose_jurors_disagree_past_the_threshold_are_flagged()
    {
        await _data.ScoreAllAsync("j1", "j2");
        await _data.ScoreAsync("j3", _data.FieldStageId, _data.ProfileIds[0], 4, 2);

        var flagged = Assert.Single((await _data.Preview.PreviewAsync(_data.ContestId))!.Flagged);

        Assert.Equal((_data.ProfileIds[0], "CAMPO"), (flagged.ProfileId, flagged.StageCode));
        Assert.Equal(70m, flagged.Spread.Range);
    }
}
