using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Contests;

/// <summary>The administrator's contest setup on a migrated SQLite database with the shipped reference data.</summary>
public sealed class ContestAdminServiceTests : IAsyncLifetime
{
    private const string Admin = "admin-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly CountingSignal _signal = new();
    private SqliteTestDatabase _database = null!;
    private int _contestId;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        await ReferenceDataSeeder.SeedAsync(db, new SeedFolder(Path.Combine(AppContext.BaseDirectory, "seed-data")));
        var created = await Service().CreateAsync(Admin, new NewContest("AYA-2027-01", "Concurso 2027", "05", Timeline(), "CLAR-DOS-ETAPAS", null));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        _contestId = created.Value;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContestAdminService Service() => new(_database, _time, _signal);

    private static ContestTimeline Timeline() => new ContestBuilder(Instants.Now).Timeline();

    private async Task<Contest> ContestAsync(int? id = null) => (await Service().FindAsync(id ?? _contestId))!;

    private async Task<List<Audit.AuditEntry>> AuditAsync(string action)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditLog.Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Fills in what the template does not: bases and an eligible line.</summary>
    private async Task MakeReadyAsync()
    {
        var contest = await ContestAsync();
        var general = await Service().SaveGeneralAsync(Admin, _contestId, contest.Version,
            new GeneralSettings(contest.Code, contest.Title, "05", "0501", null, "# Bases\n\nTexto."));
        Assert.True(general.Succeeded, string.Join(", ", general.Violations.Select(v => v.Rule)));
        var lines = await LineIdsAsync("CUYES");
        var eligibility = await Service().SaveEligibilityAsync(Admin, _contestId, general.Value,
            new EligibilitySettings(lines, 3, 6, 10, new Dictionary<InvestmentCategory, decimal> { [InvestmentCategory.TechnicalAssistance] = 40 }));
        Assert.True(eligibility.Succeeded, string.Join(", ", eligibility.Violations.Select(v => v.Rule)));
    }

    private async Task<List<int>> LineIdsAsync(params string[] codes)
    {
        await using var db = _database.CreateDbContext();
        return await db.ProductionLines.Where(l => codes.Contains(l.Code)).Select(l => l.Id).ToListAsync();
    }

    [Fact]
    public async Task A_contest_from_a_template_gets_its_stages_the_default_categories_and_plans_and_is_audited()
    {
        var contest = await ContestAsync();

        Assert.Equal(("AYA-2027-01", ContestStatus.Draft, "CLAR-DOS-ETAPAS"), (contest.Code, contest.Status, contest.TemplateCode));
        Assert.Equal(["CAMPO", "PUBLICA"], contest.Stages.OrderBy(s => s.Order).Select(s => s.Code));
        Assert.Equal(["IDEA", "MARCHA"], contest.Categories.OrderBy(c => c.Order).Select(c => c.Code));
        Assert.Equal([70m, 30m], contest.Tranches.OrderBy(t => t.Order).Select(t => t.Percent));
        Assert.Equal([30, 90, 180], contest.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment));
        var audit = Assert.Single(await AuditAsync("contest.created"));
        Assert.Equal((Admin, _contestId, Instants.Now), (audit.UserId, audit.ContestId, audit.OccurredAtUtc));
        Assert.Contains("AYA-2027-01", audit.AfterJson);
    }

    [Theory]
    [InlineData("AYA-2027-01")]
    [InlineData(" aya-2027-01 ")]
    public async Task A_code_already_used_is_refused_next_to_the_code(string code)
    {
        var result = await Service().CreateAsync(Admin, new NewContest(code, "Otro", "05", Timeline(), "CLAR-DOS-ETAPAS", null));

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v is { Field: "Code", Rule: "ContestRules.CodeTaken" });
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Contests.CountAsync());
    }

    [Fact]
    public async Task An_incoherent_timeline_an_unknown_region_or_no_source_are_each_refused()
    {
        var timeline = Timeline() with { SubmissionsCloseAtUtc = Instants.Now };

        var result = await Service().CreateAsync(Admin, new NewContest("NEW-01", "Nuevo", "99", timeline, null, null));

        Assert.Equal(["Timeline", "Territory", "Source"], result.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_scoped_administrator_creates_only_in_their_region_and_copies_only_their_territorys_contests()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Users.Add(new Identity.AppUser { Id = "admin-apu", UserName = "apu@t.pe", Email = "apu@t.pe", FullName = "Apurímac" });
            db.StaffScopeAreas.Add(new HakuWinay.Contests.Territories.StaffScopeArea("admin-apu", "03"));
            await db.SaveChangesAsync();
        }

        var ayacucho = await Service().CreateAsync("admin-apu", new NewContest("AYA-2027-09", "Otro", "05", Timeline(), "CLAR-DOS-ETAPAS", null));
        var copy = await Service().CreateAsync("admin-apu", new NewContest("APU-2027-02", "Copia", "03", Timeline(), null, _contestId));
        var apurimac = await Service().CreateAsync("admin-apu", new NewContest("APU-2027-01", "Andahuaylas", "03", Timeline(), "CLAR-DOS-ETAPAS", null));

        Assert.Equal(("Territory", "Territories.ContestOutsideScope"), (Assert.Single(ayacucho.Violations).Field, ayacucho.Violations[0].Rule));
        Assert.Equal("Source", Assert.Single(copy.Violations).Field);
        Assert.True(apurimac.Succeeded);
        Assert.Equal(["APU-2027-01"], (await Service().OptionsAsync(HakuWinay.Contests.Territories.StaffScope.Of(["03"]))).Contests.Select(c => c.Name[..11]));
        await using var check = _database.CreateDbContext();
        Assert.Equal(2, await check.Contests.CountAsync());
    }

    [Fact]
    public async Task A_scoped_administrator_neither_sets_up_nor_publishes_another_territorys_contest()
    {
        await using (var db = _database.CreateDbContext())
        {
            ScopedStaff.Add(db, ("admin-apu", "03"), ("admin-aya", "05"));
            await db.SaveChangesAsync();
        }
        await MakeReadyAsync();
        var contest = await ContestAsync();
        var later = contest.Timeline with { ResultsAtUtc = contest.Timeline.ResultsAtUtc!.Value.AddDays(1) };

        var timeline = await Service().SaveTimelineAsync("admin-apu", _contestId, contest.Version, later);
        var published = await Service().PublishAsync("admin-apu", _contestId, contest.Version);

        foreach (var refused in new[] { timeline.Violations, published.Violations })
        {
            Assert.Equal(("Territory", HakuWinay.Contests.Territories.StaffReach.OutsideScope), (Assert.Single(refused).Field, refused[0].Rule));
        }
        Assert.Equal((ContestStatus.Draft, contest.Version), ((await ContestAsync()).Status, (await ContestAsync()).Version));
        Assert.Empty(await AuditAsync("contest.timeline-saved"));
        var saved = await Service().SaveTimelineAsync("admin-aya", _contestId, contest.Version, later);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Violations.Select(v => v.Rule)));
        Assert.Equal(ContestStatus.Published, (await Service().PublishAsync("admin-aya", _contestId, saved.Value)).Value);
    }

    [Fact]
    public async Task A_clone_through_the_service_copies_the_setup_into_a_new_draft()
    {
        await MakeReadyAsync();
        var source = await ContestAsync();
        var later = new ContestBuilder(Instants.Now.AddDays(365)).Timeline();

        var created = await Service().CreateAsync(Admin, new NewContest("AYA-2028-01", "Concurso 2028", "05", later, null, _contestId));

        Assert.True(created.Succeeded);
        var clone = await ContestAsync(created.Value);
        Assert.Equal((later, "# Bases\n\nTexto.", "0501"), (clone.Timeline, clone.BasesMarkdown, clone.ProvinceCode));
        Assert.Equal(source.EligibleLines.Select(l => l.ProductionLineId), clone.EligibleLines.Select(l => l.ProductionLineId));
        Assert.Equal(source.Stages.SelectMany(s => s.Criteria).Count(), clone.Stages.SelectMany(s => s.Criteria).Count());
        Assert.Equal(40m, clone.InvestmentCaps.Single().MaxPercentOfFund);
    }

    [Fact]
    public async Task Saving_categories_records_the_values_before_and_after()
    {
        var contest = await ContestAsync();
        var idea = contest.Categories.Single(c => c.Code == "IDEA");

        var saved = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version,
            [new(idea.Id, "IDEA", "Negocio en idea", 150_000m, 10_000m), new(null, "JOVEN", "Jóvenes emprendedores", 50_000m, 5_000m)]);

        Assert.True(saved.Succeeded, string.Join(", ", saved.Violations.Select(v => v.Rule)));
        var after = await ContestAsync();
        Assert.Equal([("IDEA", 150_000m), ("JOVEN", 50_000m)], after.Categories.OrderBy(c => c.Order).Select(c => (c.Code, c.Budget)));
        var audit = Assert.Single(await AuditAsync("contest.categories-saved"));
        using var before = JsonDocument.Parse(audit.BeforeJson!);
        using var afterJson = JsonDocument.Parse(audit.AfterJson!);
        Assert.Equal(["IDEA", "MARCHA"], before.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["IDEA", "JOVEN"], afterJson.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.NotEqual(contest.Version, saved.Value);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var contest = await ContestAsync();
        var first = await Service().SaveTimelineAsync(Admin, _contestId, contest.Version, contest.Timeline with { ResultsAtUtc = contest.Timeline.ResultsAtUtc!.Value.AddDays(1) });
        Assert.True(first.Succeeded);

        var second = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(null, "OTRA", "Otra", 10m, 1m)]);

        Assert.Equal(ServiceOutcome.Conflict, second.Outcome);
        Assert.Equal(["IDEA", "MARCHA"], (await ContestAsync()).Categories.Select(c => c.Code).Order());
        Assert.Empty(await AuditAsync("contest.categories-saved"));
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_at_once_let_exactly_one_through()
    {
        var contest = await ContestAsync();
        var idea = contest.Categories.Single(c => c.Code == "IDEA");

        var results = await Task.WhenAll(
            Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(idea.Id, "IDEA", "Primera pestaña", 120_000m, 7_500m)]),
            Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(idea.Id, "IDEA", "Segunda pestaña", 120_000m, 7_500m)]));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(1, results.Count(r => r.Outcome == ServiceOutcome.Conflict));
        Assert.Single(await AuditAsync("contest.categories-saved"));
    }

    [Fact]
    public async Task Stages_whose_weights_do_not_sum_to_100_are_refused_and_nothing_is_stored()
    {
        var contest = await ContestAsync();
        var stages = contest.Stages.OrderBy(s => s.Order).Select(s => new StageSettings(s.Id, s.Code, s.Name, s.Code == "CAMPO" ? 60 : s.Weight, s.JurorsPerProfile,
            s.Criteria.OrderBy(c => c.Order).Select(c => new CriterionSettings(c.Id, c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight)).ToList())).ToList();

        var result = await Service().SaveStagesAsync(Admin, _contestId, contest.Version, new StagesSettings(70, stages));

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v is { Field: "Stages", Rule: "ContestRules.StageWeightsSum" });
        Assert.Equal(50m, (await ContestAsync()).Stages.Single(s => s.Code == "CAMPO").Weight);
    }

    [Fact]
    public async Task Stages_and_criteria_are_added_revised_and_removed_in_one_save()
    {
        var contest = await ContestAsync();
        var campo = contest.Stages.Single(s => s.Code == "CAMPO");
        var settings = new StagesSettings(65,
        [
            new(campo.Id, "CAMPO", "Campo", 100, 2, [new(null, "K1", "Único criterio", "Rúbrica *nueva*", 20, 100)]),
        ]);

        var result = await Service().SaveStagesAsync(Admin, _contestId, contest.Version, settings);

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Rule + v.Field)));
        var after = await ContestAsync();
        var stage = Assert.Single(after.Stages);
        Assert.Equal((campo.Id, 2, 65m), (stage.Id, stage.JurorsPerProfile, after.PassMark));
        Assert.Equal("K1", Assert.Single(stage.Criteria).Code);
    }

    [Fact]
    public async Task A_maximum_award_above_the_budget_is_refused_next_to_its_field()
    {
        var contest = await ContestAsync();

        var result = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(null, "IDEA2", "Idea", 1_000m, 1_000.01m)]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Category.IDEA2.MaxAward", "ContestRules.MaxAwardAboveBudget"), (violation.Field, violation.Rule));
    }

    [Fact]
    public async Task Outcome_rules_are_refused_once_a_profile_is_submitted_but_texts_are_not()
    {
        await MakeReadyAsync();
        await LockAsync();
        var contest = await ContestAsync();

        var categories = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(null, "OTRA", "Otra", 10m, 1m)]);
        var ranking = await Service().SaveRankingAsync(Admin, _contestId, contest.Version, new RankingSettings(EvaluationSettings.Default, [], []));
        var plan = await Service().SaveDisbursementPlanAsync(Admin, _contestId, contest.Version, [new(100, TrancheTrigger.AgreementSigned)]);
        var general = await Service().SaveGeneralAsync(Admin, _contestId, contest.Version,
            new GeneralSettings(contest.Code, "Título corregido", contest.RegionCode, contest.ProvinceCode, null, "Fe de erratas"));

        Assert.All(new[] { categories.Violations, ranking.Violations, plan.Violations }, v => Assert.Equal(("Contest", "ContestRules.Locked"), (v.Single().Field, v.Single().Rule)));
        Assert.True(general.Succeeded);
        Assert.Equal("Título corregido", (await ContestAsync()).Title);
    }

    [Fact]
    public async Task Removing_a_category_that_has_a_profile_is_refused()
    {
        var (groupId, _) = await AddGroupAsync("Grupo A", "a@t.pe");
        var contest = await ContestAsync();
        await AddProfileAsync(contest, groupId, ProfileStatus.Draft);

        var result = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version,
            contest.Categories.Where(c => c.Code == "MARCHA").Select(c => new CategorySettings(c.Id, c.Code, c.Name, c.Budget, c.MaxAward)).ToList());

        Assert.Contains(result.Violations, v => v.Rule == "ContestRules.CategoryInUse");
    }

    [Fact]
    public async Task Publishing_lists_the_problems_then_publishes_once_they_are_fixed()
    {
        var refused = await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);

        Assert.Equal(["ContestRules.BasesRequired", "ContestRules.NoEligibleLine"], refused.Violations.Select(v => v.Rule));
        await MakeReadyAsync();
        var published = await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);

        Assert.Equal(ContestStatus.Published, published.Value);
        var audit = Assert.Single(await AuditAsync("contest.published"));
        Assert.Contains("Draft", audit.BeforeJson);
        Assert.Contains("Published", audit.AfterJson);
    }

    [Fact]
    public async Task The_lifecycle_goes_step_by_step_each_step_is_audited_and_results_are_not_a_bare_step()
    {
        await MakeReadyAsync();
        await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);
        _time.SetUtcNow(new DateTimeOffset((await ContestAsync()).Timeline.SubmissionsCloseAtUtc.AddMinutes(1)));

        var skipped = await Service().AdvanceAsync(Admin, _contestId, (await ContestAsync()).Version, ContestTransition.PublishResults);
        Assert.Equal("ContestRules.TransitionNotAllowed", Assert.Single(skipped.Violations).Rule);

        var evaluating = await Service().AdvanceAsync(Admin, _contestId, (await ContestAsync()).Version, ContestTransition.StartEvaluation);
        Assert.Equal(ContestStatus.Evaluation, evaluating.Value);
        // Results are published from the results page, with their package and emails, never as a bare step.
        var bare = await Service().AdvanceAsync(Admin, _contestId, (await ContestAsync()).Version, ContestTransition.PublishResults);
        Assert.Equal("ContestRules.PublishResultsFromResultsPage", Assert.Single(bare.Violations).Rule);
        Assert.Equal(ContestStatus.Evaluation, (await ContestAsync()).Status);
        var audits = await AuditAsync("contest.status-changed");
        Assert.Single(audits);
        Assert.Contains("\"Closed\"", audits[0].BeforeJson);
        Assert.Contains("\"Evaluation\"", audits[0].AfterJson);
    }

    [Fact]
    public async Task Extending_the_deadline_emails_groups_with_drafts_or_submissions_but_not_others_and_is_audited()
    {
        await MakeReadyAsync();
        await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);
        var contest = await ContestAsync();
        var (drafting, _) = await AddGroupAsync("Grupo con borrador", "borrador@t.pe");
        var (submitting, _) = await AddGroupAsync("Grupo que postuló", "postulo@t.pe");
        var (withdrawing, _) = await AddGroupAsync("Grupo que se retiró", "retiro@t.pe");
        await AddGroupAsync("Grupo sin perfil", "nada@t.pe");
        await AddProfileAsync(contest, drafting, ProfileStatus.Draft);
        await AddProfileAsync(contest, submitting, ProfileStatus.Submitted);
        await AddProfileAsync(contest, withdrawing, ProfileStatus.Withdrawn);
        contest = await ContestAsync();
        var oldDeadline = contest.Timeline.SubmissionsCloseAtUtc;
        var newDeadline = oldDeadline.AddDays(2);

        var result = await Service().ExtendDeadlineAsync(Admin, _contestId, contest.Version, newDeadline, "Huaicos en la vía a Quinua");

        Assert.Equal(2, result.Value);
        await using var db = _database.CreateDbContext();
        var mails = await db.Outbox.OrderBy(m => m.To).ToListAsync();
        Assert.Equal(["borrador@t.pe", "postulo@t.pe"], mails.Select(m => m.To));
        Assert.All(mails, m => Assert.Contains("Huaicos en la vía a Quinua", m.TextBody));
        Assert.All(mails, m => Assert.Contains(LimaTime.Format(newDeadline), m.TextBody));
        Assert.Equal(1, _signal.Count);
        var audit = Assert.Single(await AuditAsync("contest.deadline-extended"));
        using var before = JsonDocument.Parse(audit.BeforeJson!);
        using var after = JsonDocument.Parse(audit.AfterJson!);
        Assert.Equal(oldDeadline, before.RootElement.GetProperty("submissionsCloseAtUtc").GetDateTime());
        Assert.Equal(newDeadline, after.RootElement.GetProperty("submissionsCloseAtUtc").GetDateTime());
        Assert.Equal("Huaicos en la vía a Quinua", after.RootElement.GetProperty("reason").GetString());
        Assert.Equal(newDeadline, (await ContestAsync()).Timeline.SubmissionsCloseAtUtc);
    }

    [Fact]
    public async Task An_extension_without_reason_or_on_a_stale_page_stores_and_sends_nothing()
    {
        await MakeReadyAsync();
        await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);
        var contest = await ContestAsync();
        var (groupId, _) = await AddGroupAsync("Grupo A", "a@t.pe");
        await AddProfileAsync(contest, groupId, ProfileStatus.Draft);
        var deadline = contest.Timeline.SubmissionsCloseAtUtc;

        var noReason = await Service().ExtendDeadlineAsync(Admin, _contestId, contest.Version, deadline.AddDays(1), " ");
        var stale = await Service().ExtendDeadlineAsync(Admin, _contestId, Guid.NewGuid(), deadline.AddDays(1), "Motivo");

        Assert.Equal("Reason", Assert.Single(noReason.Violations).Field);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.Outbox.ToListAsync());
        Assert.Equal(deadline, (await ContestAsync()).Timeline.SubmissionsCloseAtUtc);
    }

    private async Task LockAsync()
    {
        await using var db = _database.CreateDbContext();
        var contest = await db.Contests.SingleAsync(c => c.Id == _contestId);
        contest.NextProfileCode(Instants.Now);
        await db.SaveChangesAsync();
    }

    private async Task<(int GroupId, string UserId)> AddGroupAsync(string name, string email)
    {
        await using var db = _database.CreateDbContext();
        var user = new AppUser { UserName = email, Email = email, FullName = name };
        db.Users.Add(user);
        var line = await db.ProductionLines.FirstAsync(l => l.Code == "CUYES");
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, line.Id, new GroupLocation("05", "0501", "050101", "Centro"), Instants.Now);
        group.AppointRepresentative(user.Id);
        db.ProducerGroups.Add(group);
        await db.SaveChangesAsync();
        return (group.Id, user.Id);
    }

    private async Task AddProfileAsync(Contest contest, int groupId, ProfileStatus status)
    {
        await using var db = _database.CreateDbContext();
        var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, groupId, Instants.Now);
        if (status == ProfileStatus.Submitted)
        {
            profile.Submit($"{contest.Code}-{groupId:D3}", Instants.Now);
        }
        if (status == ProfileStatus.Withdrawn)
        {
            profile.Withdraw("Ya no participamos", Instants.Now, contest.Timeline.SubmissionsCloseAtUtc);
        }
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync();
    }

    private sealed class CountingSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MessagesQueued() => Count++;
    }
}
