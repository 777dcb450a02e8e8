using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>The rules' input as the database gives it: rules, profiles with their facts, only submitted scores under stable pseudonyms.</summary>
public sealed class ResultsInputBuilderTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task The_rules_come_from_the_contest()
    {
        var rules = (await _data.Inputs.BuildAsync(_data.ContestId))!.Input.Rules;

        Assert.Equal(70m, rules.PassMark);
        Assert.Equal(PublicationTestData.Deadline, rules.SubmissionDeadlineUtc);
        Assert.Equal(["CAMPO", "PUBLICA"], rules.Stages.Select(s => s.Code));
        Assert.All(rules.Stages, s => Assert.Equal(3, s.RequiredScorecards));
        Assert.Equal([("C1", 20m, 60m), ("C2", 10m, 40m)], rules.Stages[0].Criteria.Select(c => (c.Code, c.MaxPoints, c.Weight)));
        Assert.Equal([("IDEA", 120_000m, 7_500m)], rules.Categories.Select(c => (c.Code, c.Budget, c.MaxAward)));
        Assert.Equal(Contest.DefaultTieBreakers, rules.TieBreakers);
    }

    [Fact]
    public async Task Every_submitted_profile_enters_with_its_standing_and_group_facts_and_drafts_never()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Id == _data.ContestId);
            db.BusinessProfiles.Add(new BusinessProfile(contest.Id, contest.Categories[0].Id, _data.GroupIds[2], Instants.Now));
            await db.SaveChangesAsync();
        }

        var built = (await _data.Inputs.BuildAsync(_data.ContestId))!;

        Assert.Equal(_data.ProfileCodes, built.Input.Profiles.Select(p => p.Code));
        var quinua = built.Input.Profiles[0];
        Assert.Equal(ProfileStanding.Eligible, quinua.Standing);
        Assert.Equal(7_500m, quinua.FundRequest);
        Assert.Equal("IDEA", quinua.CategoryCode);
        // Four households: two headed by women, one of them 29 at the 2026 deadline, one Juntos.
        Assert.Equal(new GroupFacts(4, 2, 1, 1), quinua.Group);
        Assert.Equal(("Grupo Quinua", "Crianza de cuyes", "Quinua"), (quinua.GroupName, quinua.ProductionLine, quinua.District));
        // Acocro's head was born in 1996: 30 at the deadline, not youth.
        Assert.Equal(new GroupFacts(3, 1, 0, 0), built.Input.Profiles[1].Group);
        Assert.Equal(ProfileStanding.Ineligible, built.Input.Profiles[2].Standing);
        Assert.Equal(_data.ProfileIds[1], built.ProfileIds[_data.ProfileCodes[1]]);
        Assert.Empty(built.Blockers);
    }

    [Fact]
    public async Task A_submitted_profile_without_an_eligibility_decision_is_a_blocker_not_an_entry()
    {
        var undecided = await _data.AddUndecidedProfileAsync();

        var built = (await _data.Inputs.BuildAsync(_data.ContestId))!;

        Assert.DoesNotContain(built.Input.Profiles, p => built.ProfileIds[p.Code] == undecided);
        var blocker = Assert.Single(built.Blockers);
        Assert.Equal((ResultsBlockerKind.EligibilityUndecided, undecided), (blocker.Kind, blocker.ProfileId));
    }

    [Fact]
    public async Task Only_submitted_scorecards_count_drafts_and_excluded_ones_are_left_out()
    {
        await _data.ScoreAllAsync("j1", "j2");
        await _data.ScoreAsync("j3", _data.FieldStageId, _data.ProfileIds[0], 10, 5, submit: false);
        var excluded = await _data.ScoreAsync("j3", _data.FieldStageId, _data.ProfileIds[1], 10, 5);
        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.Scorecards.SingleAsync(s => s.Id == excluded)).Exclude("Conflicto", Instants.Now);
            await db.SaveChangesAsync();
        }

        var scores = (await _data.Inputs.BuildAsync(_data.ContestId))!.Input.Scores;

        Assert.Equal(8, scores.Count);
        Assert.DoesNotContain(scores, s => s.JurorId == "J03");
        var first = scores.First(s => s.ProfileCode == _data.ProfileCodes[0] && s.StageCode == "CAMPO" && s.JurorId == "J01");
        Assert.Equal([new CriterionScore("C1", 18m), new CriterionScore("C2", 9m)], first.Points);
    }

    [Fact]
    public async Task Jurors_are_named_by_their_first_appointment_and_keep_their_pseudonym_in_a_later_version()
    {
        await _data.PublishFirstAsync();
        // Between versions j4 is appointed, and j1 is no longer appointed to the public stage: nobody is renumbered.
        await using (var db = _data.Database.CreateDbContext())
        {
            db.JurorAppointments.Add(new JurorAppointment(_data.ContestId, _data.FieldStageId, "j4", "admin", Instants.Now.AddDays(-10)));
            db.JurorAppointments.Remove(await db.JurorAppointments.SingleAsync(a => a.JurorUserId == "j1" && a.ContestStageId == _data.PublicStageId));
            await db.SaveChangesAsync();
        }

        var pseudonyms = (await _data.Inputs.BuildAsync(_data.ContestId))!.Pseudonyms;

        Assert.Equal("J01", pseudonyms["j1"]);
        Assert.Equal("J02", pseudonyms["j2"]);
        Assert.Equal("J03", pseudonyms["j3"]);
        Assert.Equal("J04", pseudonyms["j4"]);
        var stored = await _data.WithDbAsync(db => db.JurorPseudonyms.Where(p => p.ContestId == _data.ContestId).OrderBy(p => p.Number).ToListAsync());
        Assert.Equal(["j1", "j2", "j3"], stored.Select(p => p.JurorUserId));
    }

    [Fact]
    public async Task Field_attendance_is_the_union_of_the_field_jurors_lists_and_disqualifies_under_the_minimum()
    {
        await _data.ScoreAllAsync();
        await using (var db = _data.Database.CreateDbContext())
        {
            // Quinua (four households): j1 saw the first, j2 the second, j3 recorded nothing: 2 of 4, 50 %.
            // Acocro (three households): j1 saw one: 1 of 3, 33.33 %.
            var dnis = new Dictionary<int, List<string>>();
            foreach (var profileId in _data.ProfileIds.Take(2))
            {
                var groupId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.ProducerGroupId).SingleAsync();
                dnis[profileId] = [.. (await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Id == groupId)).Households.Select(h => h.Dni).Order(StringComparer.Ordinal)];
            }
            var lists = new Dictionary<(int, string), string[]>
            {
                [(_data.ProfileIds[0], "j1")] = [dnis[_data.ProfileIds[0]][0]],
                [(_data.ProfileIds[0], "j2")] = [dnis[_data.ProfileIds[0]][1]],
                [(_data.ProfileIds[1], "j1")] = [dnis[_data.ProfileIds[1]][0]],
            };
            foreach (var scorecard in await db.Scorecards.Where(s => s.ContestStageId == _data.FieldStageId).ToListAsync())
            {
                if (lists.TryGetValue((scorecard.BusinessProfileId, scorecard.JurorUserId), out var present))
                {
                    scorecard.Reopen();
                    scorecard.RecordAttendance(present, Instants.Now);
                    scorecard.Submit(Instants.Now);
                }
            }
            await db.SaveChangesAsync();
        }

        var input = (await _data.Inputs.BuildAsync(_data.ContestId))!.Input;
        var result = Ranking.Compute(input);

        Assert.Equal(50m, input.Rules.MinimumAttendancePercent);
        Assert.Equal(new FieldAttendance(4, 2), input.Profiles.Single(p => p.Code == _data.ProfileCodes[0]).Attendance);
        Assert.Equal(new FieldAttendance(3, 1), input.Profiles.Single(p => p.Code == _data.ProfileCodes[1]).Attendance);
        Assert.NotEqual(ResultOutcome.Disqualified, result.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[0]).Outcome);
        var disqualified = result.Entries.Single(e => e.ProfileCode == _data.ProfileCodes[1]);
        Assert.Equal(ResultOutcome.Disqualified, disqualified.Outcome);
        Assert.StartsWith("Descalificado: asistieron 1 de 3 familias socias (33.33 %)", disqualified.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contest_that_does_not_exist_has_no_input() => Assert.Null(await _data.Inputs.BuildAsync(9_999));
}
