using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>After publication every way of changing a result is refused, until a correction opens; publishing it is version 2.</summary>
public sealed class FrozenResultsTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await PublicationTestData.CreateAsync();
        await _data.PublishFirstAsync();
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Reopening_a_scorecard_is_refused_while_results_are_published()
    {
        var scorecard = await SubmittedScorecardAsync("j1", _data.ProfileIds[1]);

        var refused = await _data.Scoring.ReopenAsync(PublicationTestData.Admin, scorecard.Id, "Error de suma");

        Assert.Equal(ResultsFreeze.Rule, Assert.Single(refused.Violations).Rule);
        Assert.Equal(ScorecardStatus.Submitted, (await SubmittedScorecardAsync("j1", _data.ProfileIds[1])).Status);
    }

    [Fact]
    public async Task A_juror_saving_and_an_admin_entering_a_paper_sheet_are_refused()
    {
        var open = await NewOpenScorecardAsync();

        var saved = await _data.Scoring.SaveDraftAsync(new ActingUser("j4"), open.Id, open.Version, [new CriterionPoints("C1", 10)], null);
        var paper = await _data.Paper.EnterAsync(PublicationTestData.Admin, open.Id, open.Version,
            [new CriterionPoints("C1", 10), new CriterionPoints("C2", 5)], null);

        Assert.Equal(ResultsFreeze.Rule, Assert.Single(saved.Violations).Rule);
        Assert.Equal(ResultsFreeze.Rule, Assert.Single(paper.Violations).Rule);
        Assert.Equal(ScorecardStatus.NotStarted, (await _data.WithDbAsync(db => db.Scorecards.SingleAsync(s => s.Id == open.Id))).Status);
    }

    [Fact]
    public async Task A_csv_import_is_refused_whole()
    {
        using var file = new MemoryStream("profile_code,stage_code,juror_email,criterion_code,points\n"u8.ToArray());

        var import = await _data.Import.ImportAsync(PublicationTestData.Admin, _data.ContestId, "fichas.csv", file);

        Assert.Equal(ResultsFreeze.Rule, Assert.Single(import.Errors).Rule);
    }

    [Fact]
    public async Task Eligibility_decisions_and_a_conflict_that_would_exclude_submitted_scores_are_refused()
    {
        var profile = await _data.WithDbAsync(db => db.BusinessProfiles.AsNoTracking().SingleAsync(p => p.Id == _data.ProfileIds[2]));

        var decision = await _data.Eligibility.DecideAsync("admin", profile.Id, profile.Version, true, "Revisado", []);
        var conflict = await _data.Conflicts.RecordAsync(PublicationTestData.Admin, _data.ContestId, "j1", _data.GroupIds[0], ConflictKind.Kinship, null);

        Assert.Equal(ResultsFreeze.Rule, Assert.Single(decision.Violations).Rule);
        Assert.Equal(ResultsFreeze.Rule, Assert.Single(conflict.Violations).Rule);
        Assert.Equal(0, await _data.WithDbAsync(db => db.ConflictsOfInterest.CountAsync()));
        Assert.Equal(ProfileStatus.Ineligible, (await _data.WithDbAsync(db => db.BusinessProfiles.SingleAsync(p => p.Id == profile.Id))).Status);
    }

    [Fact]
    public async Task Accepting_an_incomplete_profile_is_refused_too()
    {
        var refused = await _data.Acceptances.AcceptAsync(PublicationTestData.Admin, _data.ProfileIds[1], _data.FieldStageId, "Motivo");

        Assert.Equal(ResultsFreeze.Rule, Assert.Single(refused.Violations).Rule);
    }

    [Fact]
    public async Task A_correction_needs_a_reason_unfreezes_and_its_publication_is_version_two_with_the_reason()
    {
        var noReason = await _data.Publication.OpenCorrectionAsync(_data.ContestId, PublicationTestData.Admin, "  ");
        var opened = await _data.Publication.OpenCorrectionAsync(_data.ContestId, PublicationTestData.Admin, "Error de transcripción en la ficha de j1");
        var twice = await _data.Publication.OpenCorrectionAsync(_data.ContestId, PublicationTestData.Admin, "Otra");
        var scorecard = await SubmittedScorecardAsync("j1", _data.ProfileIds[1]);
        var reopened = await _data.Scoring.ReopenAsync(PublicationTestData.Admin, scorecard.Id, "Error de suma");
        var resubmitted = await _data.Scoring.SubmitAsync(new ActingUser("j1"), scorecard.Id, reopened.Value,
            [new CriterionPoints("C1", 20), new CriterionPoints("C2", 10)], null);

        var corrected = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        Assert.Equal("ContestRules.ReasonRequired", Assert.Single(noReason.Violations).Rule);
        Assert.True(opened.Succeeded);
        Assert.Equal("ContestRules.CorrectionAlreadyOpen", Assert.Single(twice.Violations).Rule);
        Assert.True(resubmitted.Succeeded, string.Join(",", resubmitted.Violations.Select(v => v.Rule)));
        Assert.True(corrected.Succeeded, string.Join(",", corrected.Violations.Select(v => v.Rule)));
        Assert.Equal(2, corrected.Value!.Version);
        var contest = await _data.ContestAsync();
        Assert.Equal((ContestStatus.ResultsPublished, false), (contest.Status, contest.CorrectionOpen));
        var versions = await _data.Queries.VersionsAsync(_data.ContestId);
        Assert.Equal([(1, (string?)null), (2, "Error de transcripción en la ficha de j1")], versions.Select(v => (v.Version, v.CorrectionReason)));
        var v2 = (await _data.Queries.LatestAsync(_data.ContestId))!;
        Assert.True(ResultsVerifier.Verify(v2.Package).Verified);
        // j1 scored Acocro 100 instead of 70 in the field: (100 + 70 + 70) / 3 = 80 there, 70 in public: 75.
        Assert.Equal(75m, v2.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[1]).EvaluationScore);
        Assert.Equal(70m, (await _data.Queries.VersionAsync(_data.ContestId, 1))!.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[1]).EvaluationScore);
        Assert.Equal(6, await _data.WithDbAsync(db => db.Outbox.CountAsync(m => m.DeduplicationKey!.StartsWith("results:"))));
        Assert.Equal(ResultsFreeze.Rule, Assert.Single((await _data.Scoring.ReopenAsync(PublicationTestData.Admin, scorecard.Id, "Otra")).Violations).Rule);
    }

    [Fact]
    public async Task Jurors_keep_their_pseudonyms_in_the_corrected_version()
    {
        await _data.Publication.OpenCorrectionAsync(_data.ContestId, PublicationTestData.Admin, "Revisión");
        await using (var db = _data.Database.CreateDbContext())
        {
            db.JurorAppointments.Add(new JurorAppointment(_data.ContestId, _data.FieldStageId, "j4", "admin", Instants.Now.AddDays(-30)));
            await db.SaveChangesAsync();
        }

        await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        var jurors = new List<IReadOnlyList<string>>();
        foreach (var version in new[] { 1, 2 })
        {
            var package = (await _data.Queries.VersionAsync(_data.ContestId, version))!.Package;
            jurors.Add(package.Scores.Where(s => s.ProfileCode == _data.ProfileCodes[0] && s.StageCode == "CAMPO").Select(s => s.JurorId).Order().ToList());
        }
        Assert.Equal(["J01", "J02", "J03"], jurors[0]);
        Assert.Equal(jurors[0], jurors[1]);
    }

    private async Task<Scorecard> SubmittedScorecardAsync(string juror, int profileId) =>
        await _data.WithDbAsync(db => db.Scorecards.AsNoTracking().SingleAsync(s => s.JurorUserId == juror && s.BusinessProfileId == profileId && s.ContestStageId == _data.FieldStageId));

    /// <summary>j4 appointed to the field stage after publication and assigned to Quinua: a scorecard not yet started.</summary>
    private async Task<Scorecard> NewOpenScorecardAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        db.JurorAppointments.Add(new JurorAppointment(_data.ContestId, _data.FieldStageId, "j4", "admin", Instants.Now));
        db.ConflictDeclarations.Add(new ConflictDeclaration(_data.ContestId, "j4", Instants.Now));
        var scorecard = new Scorecard(_data.FieldStageId, _data.ProfileIds[0], "j4", "admin", Instants.Now);
        db.Scorecards.Add(scorecard);
        await db.SaveChangesAsync();
        return scorecard;
    }
}
