using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Profiles;

/// <summary>Presenting a not-funded profile again, through the service on a real SQLite file (two tabs really compete).</summary>
public sealed class PresentAgainServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly ActingUser _representative = new("rep-a");
    private SqliteTestDatabase _database = null!;
    private int _line;
    private int _group;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Users.AddRange(
            new AppUser { Id = "rep-a", UserName = "a@t.pe", Email = "a@t.pe", FullName = "Rep A" },
            new AppUser { Id = "rep-b", UserName = "b@t.pe", Email = "b@t.pe", FullName = "Rep B" },
            new AppUser { Id = "admin", UserName = "admin@t.pe", Email = "admin@t.pe", FullName = "Admin" });
        await db.SaveChangesAsync();
        _line = line.Id;
        var group = AddGroup(db, "Grupo A", "rep-a");
        AddGroup(db, "Grupo B", "rep-b");
        await db.SaveChangesAsync();
        _group = group.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ProducerGroup AddGroup(ContestsDbContext db, string name, string representative)
    {
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, _line, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        group.AppointRepresentative(representative);
        db.ProducerGroups.Add(group);
        return group;
    }

    private PresentAgainService Service() => new(_database, _time);

    /// <summary>An open contest of region 05 (or the given territory) for the group's line, with one IDEA category.</summary>
    private async Task<Contest> OpenContestAsync(string code, Action<Contest>? locate = null, bool eligibleLine = true)
    {
        await using var db = _database.CreateDbContext();
        var lineId = _line;
        if (!eligibleLine)
        {
            var honey = db.ProductionLines.Add(new ProductionLine("MIEL", "Miel de abeja", "Honey")).Entity;
            await db.SaveChangesAsync();
            lineId = honey.Id;
        }
        var contest = new ContestBuilder().WithCode(code).WithCategory("IDEA").WithCategory("MARCHA").OpenFor(TimeSpan.FromDays(10))
            .WithEligibleLine(lineId).Published().Build();
        locate?.Invoke(contest);
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }

    /// <summary>A submitted profile of the group in the contest, with its sections, a plan of three lines and expected results.</summary>
    private async Task<int> SubmittedProfileAsync(Contest contest, int? groupId = null)
    {
        await using var db = _database.CreateDbContext();
        var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, groupId ?? _group, Instants.Now);
        foreach (var section in ProfileSections.All)
        {
            profile.WriteSection(section, $"Texto de {section} con **negrita**", Instants.Now);
        }
        profile.SetExpectedResults(24_000m, 3, 5, Instants.Now);
        profile.AddLine("Jaulas", InvestmentCategory.Equipment, "unidad", 10, 450.50m, FinancedBy.Fund, Instants.Now);
        profile.AddLine("Asistencia técnica", InvestmentCategory.TechnicalAssistance, "mes", 6, 500m, FinancedBy.Fund, Instants.Now);
        profile.AddLine("Galpón", InvestmentCategory.Infrastructure, "global", 1, 1_000m, FinancedBy.CounterpartInKind, Instants.Now);
        profile.Submit($"{contest.Code}-{Guid.NewGuid():N}"[..40], Instants.Now);
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>Publishes version 1 of the profile's contest with this outcome for it (the draft presented again is submitted first).</summary>
    private async Task PublishAsync(int profileId, ResultOutcome outcome, decimal finalScore = 61.25m)
    {
        await using var db = _database.CreateDbContext();
        var profile = await db.BusinessProfiles.SingleAsync(p => p.Id == profileId);
        if (profile.Status == ProfileStatus.Draft)
        {
            profile.Submit($"P-{profileId}-{Guid.NewGuid():N}"[..30], Instants.Now);
        }
        var entry = new ResultEntry(profile.Code!, "IDEA", [], finalScore, 0m, finalScore, finalScore >= 70, 4, null, outcome, 0m, "Explicación", null);
        db.ResultsPublications.Add(new ResultsPublication(profile.ContestId, 1, Instants.Now, "admin", null, "{}", "hash", [new ResultsPublicationEntry(profileId, entry)]));
        await db.SaveChangesAsync();
    }

    private async Task<ServiceResult<int>> PresentAgainAsync(int profileId, Contest into, ActingUser? user = null) =>
        await Service().PresentAgainAsync(user ?? _representative, profileId, into.Id, into.Categories[0].Id);

    [Fact]
    public async Task Three_presentations_are_allowed_and_the_fourth_is_refused_before_anything_is_created()
    {
        var contests = new List<Contest>();
        for (var i = 1; i <= 4; i++)
        {
            contests.Add(await OpenContestAsync($"AYA-2026-0{i}"));
        }
        var first = await SubmittedProfileAsync(contests[0]);
        await PublishAsync(first, ResultOutcome.Failed);

        var second = await PresentAgainAsync(first, contests[1]);
        Assert.True(second.Succeeded, string.Join(", ", second.Violations.Select(v => v.Rule)));
        await PublishAsync(second.Value, ResultOutcome.Waitlisted);
        var third = await PresentAgainAsync(second.Value, contests[2]);
        Assert.True(third.Succeeded, string.Join(", ", third.Violations.Select(v => v.Rule)));
        await PublishAsync(third.Value, ResultOutcome.Failed);

        var options = await Service().GetOptionsAsync(_representative, third.Value);
        var fourth = await PresentAgainAsync(third.Value, contests[3]);

        Assert.Equal(3, options.Value!.PresentationsSoFar);
        Assert.False(options.Value.Allowed);
        Assert.Equal(ServiceOutcome.Invalid, fourth.Outcome);
        var refusal = Assert.Single(fourth.Violations);
        Assert.Equal("PresentAgain.LimitReached", refusal.Rule);
        Assert.Equal([3, 3], refusal.Arguments);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.BusinessProfiles.AnyAsync(p => p.ContestId == contests[3].Id));
        var chain = await db.BusinessProfiles.Where(p => p.ProducerGroupId == _group).OrderBy(p => p.Id).Select(p => p.PreviousPresentationId).ToListAsync();
        Assert.Equal([null, first, second.Value], chain);
    }

    [Fact]
    public async Task The_copy_keeps_the_sections_the_plan_and_the_expected_results_but_not_the_files()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);

        var copied = await Service().PresentAgainAsync(_representative, first, later.Id, later.Categories[1].Id);

        Assert.True(copied.Succeeded);
        await using var db = _database.CreateDbContext();
        var source = await db.BusinessProfiles.Include(p => p.Lines).SingleAsync(p => p.Id == first);
        var copy = await db.BusinessProfiles.Include(p => p.Lines).SingleAsync(p => p.Id == copied.Value);
        Assert.Equal(ProfileStatus.Draft, copy.Status);
        Assert.Null(copy.Code);
        Assert.Equal((later.Id, later.Categories[1].Id, _group, (int?)first), (copy.ContestId, copy.CategoryId, copy.ProducerGroupId, copy.PreviousPresentationId));
        Assert.All(ProfileSections.All, s => Assert.Equal(source.Section(s), copy.Section(s)));
        Assert.Equal(
            source.Lines.OrderBy(l => l.Id).Select(l => (l.Description, l.Category, l.Unit, l.Quantity, l.UnitCost, l.FinancedBy)),
            copy.Lines.OrderBy(l => l.Id).Select(l => (l.Description, l.Category, l.Unit, l.Quantity, l.UnitCost, l.FinancedBy)));
        Assert.Equal((7_505m, 1_000m, 8_505m), (copy.Totals.FundRequest, copy.Totals.Counterpart, copy.Totals.TotalInvestment));
        Assert.Equal((24_000m, (int?)3, (int?)5), (copy.ExpectedSalesPerYear!.Value, copy.ExpectedJobs, copy.HouseholdsBenefiting));
        Assert.False(await db.ProfileAttachments.AnyAsync(a => a.BusinessProfileId == copy.Id));
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "profile.presented-again");
        Assert.Equal(copy.Id, audit.ProfileId);
        Assert.Equal(ProfileStatus.Submitted, source.Status);
    }

    [Fact]
    public async Task A_funded_profile_is_not_offered_and_not_presented_again()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var funded = await SubmittedProfileAsync(earlier);
        await PublishAsync(funded, ResultOutcome.Funded, 82m);

        var options = await Service().GetOptionsAsync(_representative, funded);
        var refused = await PresentAgainAsync(funded, later);

        Assert.Equal("PresentAgain.Funded", Assert.Single(options.Value!.Refusals).Rule);
        Assert.Empty(options.Value.Contests);
        Assert.Equal("PresentAgain.Funded", Assert.Single(refused.Violations).Rule);
    }

    [Fact]
    public async Task A_profile_whose_results_are_not_published_cannot_be_presented_again()
    {
        var current = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var submitted = await SubmittedProfileAsync(current);

        var refused = await PresentAgainAsync(submitted, later);

        Assert.Equal("PresentAgain.ResultsNotPublished", Assert.Single(refused.Violations).Rule);
    }

    [Fact]
    public async Task Only_open_contests_of_the_groups_territory_and_line_are_offered()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Ineligible);
        var province = await OpenContestAsync("AYA-2026-PROV", c => c.LocateIn("05", "0501", null));
        await OpenContestAsync("AYA-2026-OTRA", c => c.LocateIn("05", "0502", null));
        await OpenContestAsync("AYA-2026-DIST", c => c.LocateIn("05", "0501", "050103"));
        var otherRegion = await OpenContestAsync("CUS-2026-01", c => c.LocateIn("08", null, null));
        await OpenContestAsync("AYA-2026-MIEL", eligibleLine: false);

        var options = (await Service().GetOptionsAsync(_representative, first)).Value!;
        var elsewhere = await PresentAgainAsync(first, otherRegion);

        Assert.True(options.Allowed);
        var offered = Assert.Single(options.Contests);
        Assert.Equal(province.Id, offered.ContestId);
        Assert.Equal(province.Categories.Single(k => k.Code == "IDEA").Id, offered.SuggestedCategoryId);
        Assert.Equal(ServiceOutcome.NotFound, elsewhere.Outcome);
    }

    [Fact]
    public async Task Without_an_open_contest_of_its_territory_the_reason_is_given()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);

        var options = (await Service().GetOptionsAsync(_representative, first)).Value!;

        Assert.False(options.Allowed);
        Assert.Equal("PresentAgain.NoOpenContest", Assert.Single(options.Refusals).Rule);
    }

    [Fact]
    public async Task Another_groups_representative_can_neither_see_nor_present_the_profile_again()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);
        var stranger = new ActingUser("rep-b");

        Assert.Equal(ServiceOutcome.Forbidden, (await Service().GetOptionsAsync(stranger, first)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await PresentAgainAsync(first, later, stranger)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().GetOptionsAsync(stranger, 999_999)).Outcome);
        Assert.True((await PresentAgainAsync(first, later, new ActingUser("tech", IsTechnician: true))).Succeeded);
    }

    [Fact]
    public async Task Two_tabs_presenting_at_once_create_one_draft()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var other = await OpenContestAsync("AYA-2026-02");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);

        var results = await Task.WhenAll(
            Task.Run(() => PresentAgainAsync(first, later)),
            Task.Run(() => PresentAgainAsync(first, other)),
            Task.Run(() => PresentAgainAsync(first, later)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Violations, v =>
            v.Rule is "PresentAgain.AlreadyPresentedAgain" or "Rules.OneProfilePerGroup"));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.BusinessProfiles.CountAsync(p => p.PreviousPresentationId == first));
        Assert.Equal(2, await db.BusinessProfiles.CountAsync(p => p.ProducerGroupId == _group));
    }

    [Fact]
    public async Task A_draft_presented_again_and_withdrawn_frees_the_earlier_profile()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);
        var draft = (await PresentAgainAsync(first, later)).Value;
        Assert.True((await Service().GetOptionsAsync(_representative, first)).Value!.PresentedAgainAs == draft);

        var withdrawn = await new ProfileService(_database, _time, new NoSignal()).WithdrawAsync(_representative, draft, "Nos equivocamos de categoría");
        var again = await Service().PresentAgainAsync(_representative, first, later.Id, later.Categories[1].Id);

        Assert.True(withdrawn.Succeeded);
        Assert.True(again.Succeeded, string.Join(", ", again.Violations.Select(v => v.Rule)));
        await using var db = _database.CreateDbContext();
        Assert.Null(await db.BusinessProfiles.Where(p => p.Id == draft).Select(p => p.PreviousPresentationId).SingleAsync());
    }

    [Fact]
    public async Task A_draft_left_unsubmitted_when_its_call_closed_frees_the_earlier_profile()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var missed = await OpenContestAsync("AYA-2026-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed);
        var abandoned = (await PresentAgainAsync(first, missed)).Value;
        _time.Advance(TimeSpan.FromDays(11));
        var next = await OpenContestAsync("AYA-2026-02");
        await using (var db = _database.CreateDbContext())
        {
            // The builder opens a call around the test's start; this one opens around the advanced clock.
            var contest = await db.Contests.SingleAsync(c => c.Id == next.Id);
            db.Entry(contest).ComplexProperty(c => c.Timeline).Property(t => t.SubmissionsCloseAtUtc).CurrentValue = _time.GetUtcNow().UtcDateTime.AddDays(5);
            await db.SaveChangesAsync();
        }

        var again = await PresentAgainAsync(first, next);

        Assert.True(again.Succeeded, string.Join(", ", again.Violations.Select(v => v.Rule)));
        await using var check = _database.CreateDbContext();
        Assert.Null(await check.BusinessProfiles.Where(p => p.Id == abandoned).Select(p => p.PreviousPresentationId).SingleAsync());
        Assert.Equal(first, await check.BusinessProfiles.Where(p => p.Id == again.Value).Select(p => p.PreviousPresentationId).SingleAsync());
    }

    [Fact]
    public async Task The_history_lists_the_earlier_presentations_with_their_contests_scores_and_outcomes()
    {
        var earlier = await OpenContestAsync("AYA-2025-01");
        var later = await OpenContestAsync("AYA-2026-01");
        var first = await SubmittedProfileAsync(earlier);
        await PublishAsync(first, ResultOutcome.Failed, 64.37m);
        var second = (await PresentAgainAsync(first, later)).Value;

        var history = (await new PresentationHistory(_database).GetAsync(new ActingUser("admin", IsAdmin: true), second)).Value!;
        var fromFirst = (await new PresentationHistory(_database).GetAsync(_representative, first)).Value!;

        Assert.Equal(2, history.Number);
        var row = Assert.Single(history.Earlier);
        Assert.Equal((1, first, "AYA-2025-01", ResultOutcome.Failed, 64.37m, 4), (row.Number, row.ProfileId, row.ContestCode, row.Outcome!.Value, row.FinalScore!.Value, row.Rank!.Value));
        Assert.Null(history.Later);
        Assert.Equal(second, fromFirst.Later!.ProfileId);
        Assert.Equal(ServiceOutcome.Forbidden, (await new PresentationHistory(_database).GetAsync(new ActingUser("rep-b"), second)).Outcome);
    }

    private sealed class NoSignal : HakuWinay.Contests.Notifications.IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }
}
