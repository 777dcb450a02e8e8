using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class ProfileServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly CountingSignal _signal = new();
    private SqliteTestDatabase _database = null!;
    private Contest _contest = null!;
    private int _groupA;
    private int _groupB;
    private readonly ActingUser _representativeA = new("rep-a");
    private readonly ActingUser _representativeB = new("rep-b");

    private DateTime Deadline => _contest.Timeline.SubmissionsCloseAtUtc;

    private int Category => _contest.Categories[0].Id;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Users.AddRange(
            new AppUser { Id = "rep-a", UserName = "a@t.pe", Email = "a@t.pe", FullName = "Rep A" },
            new AppUser { Id = "rep-b", UserName = "b@t.pe", Email = "b@t.pe", FullName = "Rep B" });
        await db.SaveChangesAsync();
        _contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(10)).Published().Build();
        _contest.MakeEligible(line.Id);
        _contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 40m);
        db.Contests.Add(_contest);
        var groupA = AddGroup(db, "Grupo A", line.Id, "rep-a", 4, firstDni: 41000000);
        var groupB = AddGroup(db, "Grupo B", line.Id, "rep-b", 3, firstDni: 42000000);
        await db.SaveChangesAsync();
        (_groupA, _groupB) = (groupA.Id, groupB.Id);
    }

    private static ProducerGroup AddGroup(ContestsDbContext db, string name, int lineId, string representative, int households, int firstDni)
    {
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, lineId, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        group.AppointRepresentative(representative);
        for (var i = 0; i < households; i++)
        {
            group.AddHousehold($"Socia {i} {name}", (firstDni + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Sex.Female, 1985, false, HouseholdRole.Member);
        }
        db.ProducerGroups.Add(group);
        return group;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ProfileService Service() => new(_database, _time, _signal);

    private async Task<(int Id, Guid Version)> CompleteDraftAsync(ActingUser user, int groupId)
    {
        var started = await Service().StartDraftAsync(user, groupId, _contest.Id, Category);
        Assert.True(started.Succeeded, started.Outcome.ToString());
        var edited = await Service().EditDraftAsync(user, started.Value, await VersionAsync(started.Value), (profile, now) =>
        {
            foreach (var section in ProfileSections.All)
            {
                profile.WriteSection(section, $"Texto de {section}", now);
            }
            profile.AddLine("Jaulas", InvestmentCategory.Equipment, "unidad", 10, 450m, FinancedBy.Fund, now);
            profile.AddLine("Asistencia técnica", InvestmentCategory.TechnicalAssistance, "mes", 6, 500m, FinancedBy.Fund, now);
            profile.AddLine("Galpón", InvestmentCategory.Infrastructure, "global", 1, 1_000m, FinancedBy.CounterpartInKind, now);
        });
        Assert.True(edited.Succeeded, edited.Outcome.ToString());
        return (started.Value, edited.Value);
    }

    private async Task<Guid> VersionAsync(int profileId)
    {
        await using var db = _database.CreateDbContext();
        return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Version).SingleAsync();
    }

    [Fact]
    public async Task Staff_whose_scope_no_longer_holds_the_group_neither_edit_nor_withdraw_its_profile()
    {
        await using (var db = _database.CreateDbContext())
        {
            ScopedStaff.Add(db, ("tech-apu", "03"), ("tech-aya", "05"));
            await db.SaveChangesAsync();
        }
        var outsider = new ActingUser("tech-apu", IsTechnician: true);
        var insider = new ActingUser("tech-aya", IsTechnician: true);
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);

        var edit = await Service().EditDraftAsync(outsider, id, version, (profile, now) => profile.WriteSection(ProfileSection.Title, "Otro título", now));
        var submit = await Service().SubmitAsync(outsider, id, version);
        var withdraw = await Service().WithdrawAsync(outsider, id, "Desde otro territorio");

        foreach (var refused in new[] { edit.Violations, submit.Violations, withdraw.Violations })
        {
            Assert.Equal(("Profile", StaffReach.OutsideScope), (Assert.Single(refused).Field, refused[0].Rule));
        }
        await using (var db = _database.CreateDbContext())
        {
            var profile = await db.BusinessProfiles.SingleAsync(p => p.Id == id);
            Assert.Equal((ProfileStatus.Draft, version), (profile.Status, profile.Version));
        }
        Assert.True((await Service().WithdrawAsync(insider, id, "El grupo cambió de idea")).Succeeded);
    }

    [Fact]
    public async Task A_valid_submission_gets_a_code_locks_the_rules_queues_one_receipt_and_is_audited()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);

        var result = await Service().SubmitAsync(_representativeA, id, version);

        Assert.Equal((ServiceOutcome.Ok, "AYA-2026-01-001"), (result.Outcome, result.Value));
        await using var db = _database.CreateDbContext();
        var receipt = await db.Outbox.SingleAsync();
        Assert.Equal(("a@t.pe", "Constancia de postulación AYA-2026-01-001"), (receipt.To, receipt.Subject));
        Assert.Contains("S/ 7,500.00", receipt.TextBody);
        Assert.NotNull((await db.Contests.SingleAsync()).RulesLockedAtUtc);
        Assert.Equal(["profile.created", "profile.submitted"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, _signal.Count);
    }

    [Fact]
    public async Task Submission_checks_the_households_again_against_a_juntos_padron_imported_since_registration()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);
        await using (var db = _database.CreateDbContext())
        {
            // A Juntos padrón arrives after the group registered: it lists the group's second household.
            var padron = new HakuWinay.Contests.Registries.RegistryImport(HakuWinay.Contests.Registries.RegistryKind.Juntos, null, 1, "juntos.csv", new string('a', 64), new string('b', 64), 1, 1, "admin", Instants.Now, null);
            db.RegistryImports.Add(padron);
            await db.SaveChangesAsync();
            db.JuntosEntries.Add(new HakuWinay.Contests.Registries.JuntosEntry(padron.Id, new HakuWinay.Contests.Registries.JuntosRow(2, "41000001", "050102", "2026-10")));
            padron.Start();
            padron.Complete(Instants.Now);
            await db.SaveChangesAsync();
        }

        var result = await Service().SubmitAsync(_representativeA, id, version);

        Assert.True(result.Succeeded);
        await using var check = _database.CreateDbContext();
        var households = await check.Households.Where(h => h.ProducerGroupId == _groupA).OrderBy(h => h.Dni).ToListAsync();
        Assert.Equal([false, true, false, false], households.Select(h => h.IsJuntosVerified));
        Assert.All(households, h => Assert.NotNull(h.RegistryCheckedAtUtc));
    }

    [Fact]
    public async Task A_submission_breaking_rules_is_refused_with_every_violation_and_nothing_changes()
    {
        var started = await Service().StartDraftAsync(_representativeB, _groupB, _contest.Id, Category);

        var result = await Service().SubmitAsync(_representativeB, started.Value, await VersionAsync(started.Value));

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v.Rule == "Rules.NoInvestmentLines");
        Assert.Contains(result.Violations, v => v.Field == "Section.Title");
        await using var db = _database.CreateDbContext();
        Assert.Equal(ProfileStatus.Draft, (await db.BusinessProfiles.SingleAsync()).Status);
        Assert.Equal(0, (await db.Contests.SingleAsync()).LastProfileNumber);
        Assert.False(await db.Outbox.AnyAsync());
    }

    [Fact]
    public async Task Submitting_after_the_deadline_from_a_page_opened_before_it_is_refused()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);
        _time.SetUtcNow(Deadline);

        var result = await Service().SubmitAsync(_representativeA, id, version);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal("Rules.CallClosed", Assert.Single(result.Violations).Rule);
    }

    [Fact]
    public async Task Another_groups_representative_can_neither_edit_nor_submit_nor_withdraw()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);

        var edit = await Service().EditDraftAsync(_representativeB, id, version, (p, now) => p.WriteSection(ProfileSection.Title, "Robado", now));
        var submit = await Service().SubmitAsync(_representativeB, id, version);
        var withdraw = await Service().WithdrawAsync(_representativeB, id, "No es mío");
        var start = await Service().StartDraftAsync(_representativeB, _groupA, _contest.Id, Category);

        Assert.All(new[] { edit.Outcome, submit.Outcome, withdraw.Outcome, start.Outcome }, o => Assert.Equal(ServiceOutcome.Forbidden, o));
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task A_technician_may_act_on_the_groups_behalf()
    {
        var technician = new ActingUser("tec", IsTechnician: true);

        var (id, version) = await CompleteDraftAsync(technician, _groupA);
        var result = await Service().SubmitAsync(technician, id, version);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_stale_edit_from_a_second_tab_is_refused_and_overwrites_nothing()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);
        var firstTab = await Service().EditDraftAsync(_representativeA, id, version, (p, now) => p.WriteSection(ProfileSection.Summary, "Primer tab", now));

        var secondTab = await Service().EditDraftAsync(_representativeA, id, version, (p, now) => p.WriteSection(ProfileSection.Summary, "Segundo tab", now));

        Assert.True(firstTab.Succeeded);
        Assert.Equal(ServiceOutcome.Conflict, secondTab.Outcome);
        await using var db = _database.CreateDbContext();
        Assert.Equal("Primer tab", (await db.BusinessProfiles.SingleAsync()).Summary);
    }

    [Fact]
    public async Task A_group_has_one_active_profile_per_contest_until_it_withdraws()
    {
        var (id, _) = await CompleteDraftAsync(_representativeA, _groupA);

        var second = await Service().StartDraftAsync(_representativeA, _groupA, _contest.Id, Category);
        var withdrawal = await Service().WithdrawAsync(_representativeA, id, "Cambiamos de idea de negocio");
        var afterWithdrawal = await Service().StartDraftAsync(_representativeA, _groupA, _contest.Id, Category);

        Assert.Equal("Rules.OneProfilePerGroup", Assert.Single(second.Violations).Rule);
        Assert.True(withdrawal.Succeeded);
        Assert.True(afterWithdrawal.Succeeded);
    }

    [Fact]
    public async Task Withdrawal_needs_a_reason_and_closes_with_the_call()
    {
        var (id, _) = await CompleteDraftAsync(_representativeA, _groupA);

        var noReason = await Service().WithdrawAsync(_representativeA, id, " ");
        _time.SetUtcNow(Deadline);
        var late = await Service().WithdrawAsync(_representativeA, id, "Tarde");

        Assert.Equal("Rules.ReasonRequired", Assert.Single(noReason.Violations).Rule);
        Assert.Equal("Rules.WithdrawalClosed", Assert.Single(late.Violations).Rule);
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_with_its_reason_and_leaves_the_draft_as_it_was()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);

        var result = await Service().EditDraftAsync(_representativeA, id, version,
            (p, now) => p.AddLine("Cuyes", InvestmentCategory.InputsAndMaterials, "unidad", -5, 30m, FinancedBy.Fund, now));

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task Unknown_profiles_groups_contests_and_categories_are_not_found()
    {
        Assert.Equal(ServiceOutcome.NotFound, (await Service().SubmitAsync(_representativeA, 9999, Guid.NewGuid())).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().StartDraftAsync(_representativeA, 9999, _contest.Id, Category)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().StartDraftAsync(_representativeA, _groupA, 9999, Category)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().StartDraftAsync(_representativeA, _groupA, _contest.Id, 9999)).Outcome);
    }

    [Fact]
    public async Task Two_groups_submitting_at_the_same_moment_never_share_a_code()
    {
        var a = await CompleteDraftAsync(_representativeA, _groupA);
        var b = await CompleteDraftAsync(_representativeB, _groupB);
        var results = await Task.WhenAll(Service().SubmitAsync(_representativeA, a.Id, a.Version), Service().SubmitAsync(_representativeB, b.Id, b.Version));

        var codes = results.Where(r => r.Succeeded).Select(r => r.Value).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ServiceOutcome.Conflict, r.Outcome));
    }

    [Fact]
    public async Task The_editor_query_returns_the_draft_and_its_rules_to_its_group_only()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);
        var queries = new ProfileQueries(_database);

        var own = await queries.GetForEditingAsync(_representativeA, id);
        var other = await queries.GetForEditingAsync(_representativeB, id);
        var missing = await queries.GetForEditingAsync(_representativeA, 987654);

        Assert.Equal(version, own.Value!.Version);
        Assert.Equal((3, 7_500m, 4), (own.Value.Lines.Count, own.Value.Rules.MaxAward, own.Value.Households));
        Assert.Equal("Texto de Title", own.Value.Sections[ProfileSection.Title]);
        Assert.Equal(ServiceOutcome.Forbidden, other.Outcome);
        Assert.Equal(ServiceOutcome.NotFound, missing.Outcome);
        Assert.Equal([id], (await queries.ListForRepresentativeAsync("rep-a")).Select(p => p.Id));
        Assert.Empty(await queries.ListForRepresentativeAsync("rep-b"));
    }

    [Fact]
    public async Task A_saved_plan_is_replaced_line_by_line_through_the_service()
    {
        var (id, version) = await CompleteDraftAsync(_representativeA, _groupA);
        var loaded = (await new ProfileQueries(_database).GetForEditingAsync(_representativeA, id)).Value!;
        var plan = loaded.Lines.Skip(1).Select(l => l with { Quantity = l.Quantity * 2 }).Append(new PlanLine(null, "Bebederos", InvestmentCategory.Equipment, "unidad", 5, 20m, FinancedBy.Fund)).ToList();

        var saved = await Service().EditDraftAsync(_representativeA, id, version, (p, now) => p.ReplacePlan(plan, now));

        Assert.True(saved.Succeeded);
        var after = (await new ProfileQueries(_database).GetForEditingAsync(_representativeA, id)).Value!;
        Assert.Equal(["Asistencia técnica", "Galpón", "Bebederos"], after.Lines.Select(l => l.Description));
        Assert.Equal(loaded.Lines[1].LineId, after.Lines[0].LineId);
        Assert.Equal(12m, after.Lines[0].Quantity);
    }

    private sealed class CountingSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MessagesQueued() => Count++;
    }
}
