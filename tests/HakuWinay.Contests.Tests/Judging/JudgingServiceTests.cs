using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class JudgingServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private JudgingTestData _data = null!;
    private JudgingServices _services = null!;

    private static ActingUser Admin => JudgingTestData.Admin;

    public async Task InitializeAsync()
    {
        _data = await JudgingTestData.CreateAsync();
        _services = new JudgingServices(_data.Database, _time);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<List<Scorecard>> RunAsync(int stageId, int seed = 42)
    {
        var run = await _services.Assignment.RunAsync(Admin, stageId, seed);
        Assert.True(run.Succeeded, run.Outcome + string.Join(",", run.Violations.Select(v => v.Rule)));
        return await _data.ScorecardsAsync(stageId);
    }

    [Fact]
    public async Task Automatic_assignment_gives_each_eligible_profile_three_jurors_and_records_the_seed()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);

        var scorecards = await RunAsync(_data.FieldStageId, seed: 777);

        Assert.Equal(9, scorecards.Count);
        Assert.All(_data.ProfileIds, p => Assert.Equal(3, scorecards.Count(s => s.BusinessProfileId == p)));
        Assert.DoesNotContain(scorecards, s => s.BusinessProfileId == _data.SubmittedOnlyProfileId);
        var loads = JudgingTestData.Jurors.Select(j => scorecards.Count(s => s.JurorUserId == j)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1);
        await using var db = _data.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "assignment.run");
        Assert.Contains("\"seed\":777", audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(777, (await db.StageAssignments.SingleAsync(s => s.ContestStageId == _data.FieldStageId)).LastSeed);
    }

    [Fact]
    public async Task A_conflict_declared_after_scoring_excludes_the_scorecard_and_a_rerun_fills_the_gap()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        var scorecards = await RunAsync(_data.FieldStageId);
        var started = scorecards.First(s => s.BusinessProfileId == _data.ProfileIds[0]);
        await _data.StartAsync(started.Id);

        var declared = await _services.Conflicts.DeclareAsync(started.JurorUserId, _data.ContestId, _data.GroupIds[0], ConflictKind.Kinship, "Mi prima es socia");

        Assert.True(declared.Succeeded);
        var after = await _data.ScorecardsAsync(_data.FieldStageId);
        var excluded = after.Single(s => s.Id == started.Id);
        Assert.Equal(ScorecardStatus.Excluded, excluded.Status);
        Assert.Equal(2, after.Count(s => s.BusinessProfileId == _data.ProfileIds[0] && s.IsActive));

        var refilled = await RunAsync(_data.FieldStageId, seed: 43);
        Assert.Equal(3, refilled.Count(s => s.BusinessProfileId == _data.ProfileIds[0] && s.IsActive));
        Assert.Contains(refilled, s => s.Id == started.Id && s.Status == ScorecardStatus.Excluded);
        Assert.DoesNotContain(refilled, s => s.BusinessProfileId == _data.ProfileIds[0] && s.IsActive && s.JurorUserId == started.JurorUserId);
    }

    [Fact]
    public async Task A_conflict_before_scoring_removes_the_not_started_scorecard()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        var scorecards = await RunAsync(_data.FieldStageId);
        var seat = scorecards.First(s => s.BusinessProfileId == _data.ProfileIds[1]);

        var recorded = await _services.Conflicts.RecordAsync(Admin, _data.ContestId, seat.JurorUserId, _data.GroupIds[1], ConflictKind.BusinessInterest, null);

        Assert.True(recorded.Succeeded);
        Assert.DoesNotContain(await _data.ScorecardsAsync(_data.FieldStageId), s => s.Id == seat.Id);
    }

    [Fact]
    public async Task A_conflicted_juror_is_never_assigned_automatically_nor_by_hand()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        await _services.Conflicts.RecordAsync(Admin, _data.ContestId, "j1", _data.GroupIds[0], ConflictKind.SameCommunity, null);
        await _services.Conflicts.DeclareAsync("j2", _data.ContestId, _data.GroupIds[0], ConflictKind.Other, "Fui su asesor");

        var scorecards = await RunAsync(_data.FieldStageId);
        var manual = await _services.Assignment.AddAsync(Admin, _data.FieldStageId, _data.ProfileIds[0], "j1");

        Assert.DoesNotContain(scorecards, s => s.BusinessProfileId == _data.ProfileIds[0] && s.JurorUserId is "j1" or "j2");
        Assert.Equal(2, scorecards.Count(s => s.BusinessProfileId == _data.ProfileIds[0]));
        Assert.Equal(ServiceOutcome.Invalid, manual.Outcome);
        Assert.Equal("Judging.Conflicted", Assert.Single(manual.Violations).Rule);
    }

    [Fact]
    public async Task Manual_assignment_refuses_an_unappointed_juror_an_ineligible_profile_and_a_full_profile()
    {
        await _services.Jurors.AppointAsync(Admin, _data.FieldStageId, "j1");
        await _services.Jurors.AppointAsync(Admin, _data.FieldStageId, "j2");
        await _services.Jurors.AppointAsync(Admin, _data.FieldStageId, "j3");
        await _services.Jurors.AppointAsync(Admin, _data.FieldStageId, "j4");

        Assert.Equal("Judging.NotAppointed", (await _services.Assignment.AddAsync(Admin, _data.PublicStageId, _data.ProfileIds[0], "j1")).Violations.Single().Rule);
        Assert.Equal("Judging.ProfileNotEligible", (await _services.Assignment.AddAsync(Admin, _data.FieldStageId, _data.SubmittedOnlyProfileId, "j1")).Violations.Single().Rule);
        foreach (var juror in new[] { "j1", "j2", "j3" })
        {
            Assert.True((await _services.Assignment.AddAsync(Admin, _data.FieldStageId, _data.ProfileIds[0], juror)).Succeeded);
        }
        Assert.Equal("Judging.AlreadyAssigned", (await _services.Assignment.AddAsync(Admin, _data.FieldStageId, _data.ProfileIds[0], "j1")).Violations.Single().Rule);
        Assert.Equal("Judging.ProfileFull", (await _services.Assignment.AddAsync(Admin, _data.FieldStageId, _data.ProfileIds[0], "j4")).Violations.Single().Rule);
        Assert.Equal(ServiceOutcome.NotFound, (await _services.Assignment.AddAsync(Admin, 99_999, _data.ProfileIds[0], "j4")).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _services.Assignment.AddAsync(new ActingUser("j1"), _data.FieldStageId, _data.ProfileIds[1], "j4")).Outcome);
    }

    [Fact]
    public async Task Started_scorecards_are_kept_on_rerun_and_cannot_be_removed_by_hand()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        var first = await RunAsync(_data.FieldStageId, seed: 1);
        foreach (var scorecard in first.Take(4))
        {
            await _data.StartAsync(scorecard.Id);
        }

        var second = await RunAsync(_data.FieldStageId, seed: 2);
        var removal = await _services.Assignment.RemoveAsync(Admin, _data.FieldStageId, first[0].BusinessProfileId, first[0].JurorUserId);

        Assert.Equal(first.Select(s => s.Id), second.Select(s => s.Id));
        Assert.Equal("Judging.Started", Assert.Single(removal.Violations).Rule);
        var notStarted = first[5];
        Assert.True((await _services.Assignment.RemoveAsync(Admin, _data.FieldStageId, notStarted.BusinessProfileId, notStarted.JurorUserId)).Succeeded);
        Assert.Equal(8, (await _data.ScorecardsAsync(_data.FieldStageId)).Count);
    }

    [Fact]
    public async Task Two_concurrent_runs_of_one_stage_never_double_assign()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        await RunAsync(_data.FieldStageId, seed: 1);
        // Open gaps on every profile, then let two admins fill them at the same moment with different seeds.
        foreach (var scorecard in (await _data.ScorecardsAsync(_data.FieldStageId)).GroupBy(s => s.BusinessProfileId).Select(g => g.First()))
        {
            Assert.True((await _services.Assignment.RemoveAsync(Admin, _data.FieldStageId, scorecard.BusinessProfileId, scorecard.JurorUserId)).Succeeded);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => _services.Assignment.RunAsync(Admin, _data.FieldStageId, 100 + i))));

        Assert.Contains(runs, r => r.Succeeded);
        Assert.All(runs, r => Assert.True(r.Outcome is ServiceOutcome.Ok or ServiceOutcome.Conflict));
        var scorecards = await _data.ScorecardsAsync(_data.FieldStageId);
        Assert.All(_data.ProfileIds, p => Assert.Equal(3, scorecards.Count(s => s.BusinessProfileId == p)));
    }

    [Fact]
    public async Task Other_without_a_note_and_oversized_notes_are_refused()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);

        var other = await _services.Conflicts.DeclareAsync("j1", _data.ContestId, _data.GroupIds[0], ConflictKind.Other, "  ");
        var huge = await _services.Conflicts.DeclareAsync("j1", _data.ContestId, _data.GroupIds[0], ConflictKind.Kinship, new string('x', ConflictOfInterest.MaxNoteLength + 1));
        var strangeKind = await _services.Conflicts.DeclareAsync("j1", _data.ContestId, _data.GroupIds[0], (ConflictKind)42, null);
        var notInContest = await _services.Conflicts.DeclareAsync("j1", _data.ContestId, 99_999, ConflictKind.Kinship, null);

        Assert.Equal("Judging.OtherNeedsNote", other.Violations.Single().Rule);
        Assert.Equal("Judging.NoteTooLong", huge.Violations.Single().Rule);
        Assert.Equal("Judging.ConflictKindUnknown", strangeKind.Violations.Single().Rule);
        Assert.Equal("Judging.GroupNotInContest", notInContest.Violations.Single().Rule);
        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.ConflictsOfInterest.AnyAsync());
    }

    [Fact]
    public async Task A_juror_not_appointed_to_the_contest_can_neither_declare_nor_confirm()
    {
        var declared = await _services.Conflicts.DeclareAsync("j1", _data.ContestId, _data.GroupIds[0], ConflictKind.Kinship, null);
        var confirmed = await _services.Conflicts.ConfirmAsync("j1", _data.ContestId);
        var page = await _services.Conflicts.DeclarationAsync("j1", _data.ContestId);

        Assert.Equal(ServiceOutcome.Forbidden, declared.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, confirmed.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, page.Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await _services.Conflicts.DeclarationAsync("j1", 99_999)).Outcome);
    }

    [Fact]
    public async Task A_juror_sees_assigned_non_conflicted_profiles_only_after_confirming_the_declaration()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        await RunAsync(_data.FieldStageId);
        Assert.Empty(await _services.Queries.VisibleProfilesAsync("j1", _data.ContestId));

        var page = (await _services.Conflicts.DeclarationAsync("j1", _data.ContestId)).Value!;
        Assert.Equal(["Grupo Acocro", "Grupo pendiente", "Grupo Quinua", "Grupo Socos"], page.Groups.Select(g => g.Name));
        Assert.Equal("Quinua", page.Groups.Single(g => g.Name == "Grupo Quinua").DistrictName);
        await _services.Conflicts.DeclareAsync("j1", _data.ContestId, _data.GroupIds[0], ConflictKind.SameCommunity, null);
        await _services.Conflicts.ConfirmAsync("j1", _data.ContestId);

        var visible = await _services.Queries.VisibleProfilesAsync("j1", _data.ContestId);
        var assigned = (await _data.ScorecardsAsync(_data.FieldStageId)).Where(s => s.JurorUserId == "j1").Select(s => s.BusinessProfileId).Order();
        Assert.Equal(assigned, visible.Select(v => v.ProfileId).Order());
        Assert.DoesNotContain(visible, v => v.ProfileId == _data.ProfileIds[0]);
        Assert.False(await _services.Queries.MayOpenProfileAsync("j1", _data.ProfileIds[0]));
        Assert.Equal(visible.Count > 0, visible.All(v => _services.Queries.MayOpenProfileAsync("j1", v.ProfileId).Result));
        var contests = await _services.Queries.ContestsOfAsync("j1");
        Assert.True(Assert.Single(contests).DeclarationConfirmed);
    }

    [Fact]
    public async Task Inviting_a_juror_creates_the_account_with_the_juror_role_and_queues_the_email()
    {
        var invited = await _services.Jurors.InviteAsync(Admin, _data.ContestId, new JurorInvitation(" nueva.jurado@correo.pe ", "Nélida Quispe", "Municipalidad de Quinua", "050108"));

        Assert.True(invited.Succeeded, string.Join(",", invited.Violations.Select(v => v.Rule)));
        await using var db = _data.Database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == invited.Value);
        Assert.Equal(("nueva.jurado@correo.pe", "Nélida Quispe", "Municipalidad de Quinua", "050108"), (user.Email, user.FullName, user.Institution, user.DistrictCode));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        Assert.Equal([Roles.Juror], roles);
        var email = await db.Outbox.SingleAsync();
        Assert.Equal("nueva.jurado@correo.pe", email.To);
        Assert.Contains($"https://portal.test/account/set-password/{user.Id}?token=t", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, _services.Signal.Count);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "juror.invited"));

        var again = await _services.Jurors.InviteAsync(Admin, _data.ContestId, new JurorInvitation("NUEVA.JURADO@correo.pe", "Otra", null, null));
        Assert.Equal("Judging.EmailTaken", again.Violations.Single().Rule);
        var bad = await _services.Jurors.InviteAsync(Admin, _data.ContestId, new JurorInvitation("no-es-correo", "", new string('x', 201), "999999"));
        Assert.Equal(["Email", "FullName", "Institution", "DistrictCode"], bad.Violations.Select(v => v.Field));
        Assert.Equal(ServiceOutcome.NotFound, (await _services.Jurors.InviteAsync(Admin, 99_999, new JurorInvitation("x@y.pe", "X", null, null))).Outcome);
    }

    [Fact]
    public async Task Unappointing_removes_the_jurors_not_started_scorecards_and_is_refused_once_one_started()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        var scorecards = await RunAsync(_data.FieldStageId);
        var ofJ1 = scorecards.Where(s => s.JurorUserId == "j1").ToList();
        var ofJ2 = scorecards.Where(s => s.JurorUserId == "j2").ToList();
        await _data.StartAsync(ofJ2[0].Id);

        var j1 = await _services.Jurors.UnappointAsync(Admin, _data.FieldStageId, "j1");
        var j2 = await _services.Jurors.UnappointAsync(Admin, _data.FieldStageId, "j2");

        Assert.Equal(ofJ1.Count, j1.Value);
        Assert.Equal("Judging.HasStartedScorecards", j2.Violations.Single().Rule);
        Assert.DoesNotContain(await _data.ScorecardsAsync(_data.FieldStageId), s => s.JurorUserId == "j1");
        Assert.Equal("Judging.NotJuror", (await _services.Jurors.AppointAsync(Admin, _data.FieldStageId, "rep")).Violations.Single().Rule);
    }

    [Fact]
    public async Task Jurors_living_in_a_groups_district_are_listed_as_possible_conflicts_for_the_admin()
    {
        await JudgingTestData.AppointAllAsync(_services, _data.FieldStageId);
        await _services.Conflicts.RecordAsync(Admin, _data.ContestId, "j1", _data.GroupIds[0], ConflictKind.SameCommunity, null);

        var overview = await new JurorsOverviewQuery(_data.Database).ForContestAsync(_data.ContestId);

        var possible = Assert.Single(overview!.PossibleConflicts);
        Assert.Equal(("j1", "Grupo Quinua", true), (possible.JurorUserId, possible.GroupName, possible.Recorded));
        Assert.Equal(4, overview.Jurors.Count);
        Assert.All(overview.Jurors, j => Assert.Equal([_data.FieldStageId], j.AppointedStageIds));
        Assert.Equal(ConflictKind.SameCommunity, Assert.Single(overview.Conflicts).Kind);
        Assert.Null(await new JurorsOverviewQuery(_data.Database).ForContestAsync(99_999));
    }
}
