using System.Text;
using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class EligibilityAndListingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;
    private int _submittedId;
    private int _draftId;
    private int _contestId;
    private int[] _items = [];

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        var cuyes = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        var miel = new ProductionLine("MIEL", "Miel", "Honey");
        db.ProductionLines.AddRange(cuyes, miel);
        db.Districts.Add(new District("050102", "Acocro"));
        db.Users.Add(new AppUser { Id = "rep", UserName = "rep@t.pe", Email = "rep@t.pe", FullName = "Rep" });
        var contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").WithCategory("MARCHA", maxAward: 19_340m).OpenFor(TimeSpan.FromDays(5)).Published().Build();
        contest.AddChecklistItem("Hogares presentes con DNI");
        contest.AddChecklistItem("Compromiso de contrapartida");
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        var groupA = Group("Asociación Ñaupa, Pacha", cuyes.Id, "rep", 41000000);
        var groupB = Group("=Grupo tramposo", miel.Id, null, 42000000);
        db.ProducerGroups.AddRange(groupA, groupB);
        await db.SaveChangesAsync();
        var submitted = new BusinessProfile(contest.Id, contest.Categories[0].Id, groupA.Id, Instants.Now);
        submitted.WriteSection(ProfileSection.Title, "Cuyes \"mejorados\"", Instants.Now);
        submitted.AddLine("Jaulas", InvestmentCategory.Equipment, "u", 10, 700m, FinancedBy.Fund, Instants.Now);
        submitted.AddLine("Galpón", InvestmentCategory.Infrastructure, "g", 1, 800m, FinancedBy.CounterpartInKind, Instants.Now);
        submitted.Submit(contest.NextProfileCode(Instants.Now), Instants.Now);
        var draft = new BusinessProfile(contest.Id, contest.Categories[1].Id, groupB.Id, Instants.Now);
        db.BusinessProfiles.AddRange(submitted, draft);
        await db.SaveChangesAsync();
        (_submittedId, _draftId, _contestId) = (submitted.Id, draft.Id, contest.Id);
        _items = contest.EligibilityChecklist.Select(i => i.Id).ToArray();
    }

    private static ProducerGroup Group(string name, int lineId, string? representative, int firstDni)
    {
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, lineId, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        if (representative is not null)
        {
            group.AppointRepresentative(representative);
        }
        for (var i = 0; i < 4; i++)
        {
            group.AddHousehold($"Socia {i}", (firstDni + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Sex.Female, 1980, false, HouseholdRole.Member);
        }
        return group;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EligibilityService Eligibility() => new(_database, _time, new NoSignal());

    private async Task<Guid> VersionAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.BusinessProfiles.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }

    [Fact]
    public async Task An_eligible_decision_records_the_checklist_emails_the_group_and_is_audited()
    {
        var result = await Eligibility().DecideAsync("admin", _submittedId, await VersionAsync(_submittedId), eligible: true,
            "Cumple todas las condiciones", [new(_items[0], true), new(_items[1], true)]);

        Assert.Equal(ProfileStatus.Eligible, result.Value);
        await using var db = _database.CreateDbContext();
        var profile = await db.BusinessProfiles.SingleAsync(p => p.Id == _submittedId);
        Assert.Contains("\"met\":true", profile.EligibilityChecklistJson);
        var email = await db.Outbox.SingleAsync();
        Assert.Equal("rep@t.pe", email.To);
        Assert.Contains("elegible", email.TextBody);
        Assert.Equal("profile.eligibility-decided", (await db.AuditLog.SingleAsync()).Action);
    }

    [Fact]
    public async Task A_decision_for_a_group_without_an_account_is_one_sms_to_the_groups_mobile_and_no_email()
    {
        int profileId;
        await using (var db = _database.CreateDbContext())
        {
            var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Id == _contestId);
            var group = Group("Warmi Kallpa", await db.ProductionLines.Select(l => l.Id).FirstAsync(), null, 43000000);
            group.ChangeRepresentativeMobile("+51987654321", Instants.Now);
            db.ProducerGroups.Add(group);
            await db.SaveChangesAsync();
            var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Instants.Now);
            profile.WriteSection(ProfileSection.Title, "Cuyes de Warmi Kallpa", Instants.Now);
            profile.AddLine("Jaulas", InvestmentCategory.Equipment, "u", 10, 700m, FinancedBy.Fund, Instants.Now);
            profile.Submit(contest.NextProfileCode(Instants.Now), Instants.Now);
            db.BusinessProfiles.Add(profile);
            await db.SaveChangesAsync();
            profileId = profile.Id;
        }

        var result = await Eligibility().DecideAsync("admin", profileId, await VersionAsync(profileId), eligible: false, "Faltan hogares", [new(_items[0], false), new(_items[1], true)]);

        Assert.Equal(ProfileStatus.Ineligible, result.Value);
        await using var check = _database.CreateDbContext();
        var sms = Assert.Single(await check.Outbox.ToListAsync());
        Assert.Equal((OutboxChannel.Sms, "+51987654321"), (sms.Channel, sms.To));
        Assert.Contains("no elegible", sms.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_administrator_whose_scope_does_not_hold_the_contest_decides_nothing_and_one_whose_scope_does_decides()
    {
        await using (var db = _database.CreateDbContext())
        {
            ScopedStaff.Add(db, ("admin-apu", "03"), ("admin-aya", "05"));
            await db.SaveChangesAsync();
        }
        var version = await VersionAsync(_submittedId);
        ChecklistAnswer[] answers = [new(_items[0], true), new(_items[1], true)];

        var refused = await Eligibility().DecideAsync("admin-apu", _submittedId, version, eligible: true, "Cumple", answers);

        Assert.Equal(("Territory", StaffReach.OutsideScope), (Assert.Single(refused.Violations).Field, refused.Violations[0].Rule));
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal((ProfileStatus.Submitted, version), await db.BusinessProfiles.Where(p => p.Id == _submittedId).Select(p => ValueTuple.Create(p.Status, p.Version)).SingleAsync());
            Assert.Empty(await db.AuditLog.ToListAsync());
            Assert.Empty(await db.Outbox.ToListAsync());
        }
        Assert.Equal(ProfileStatus.Eligible, (await Eligibility().DecideAsync("admin-aya", _submittedId, version, eligible: true, "Cumple", answers)).Value);
    }

    [Fact]
    public async Task A_contest_that_requires_project_membership_refuses_eligible_while_a_household_is_outside_every_padron()
    {
        await using (var db = _database.CreateDbContext())
        {
            // The contest's rules are locked once a profile is submitted: set as if chosen before.
            await db.Contests.Where(c => c.Id == _contestId).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequiresProjectMembership, true));
            var group = await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Name == "Asociación Ñaupa, Pacha");
            foreach (var household in group.Households)
            {
                household.RecordRegistryCheck(household == group.Households[0] ? null : "AYA-01", false, Instants.Now);
            }
            await db.SaveChangesAsync();
        }
        var answers = new ChecklistAnswer[] { new(_items[0], true), new(_items[1], true) };

        var eligible = await Eligibility().DecideAsync("admin", _submittedId, await VersionAsync(_submittedId), true, "Cumple", answers);
        var ineligible = await Eligibility().DecideAsync("admin", _submittedId, await VersionAsync(_submittedId), false, "Un hogar no es usuario del proyecto", answers);

        Assert.Equal("Rules.ProjectMembershipRequired", Assert.Single(eligible.Violations).Rule);
        Assert.Equal(ProfileStatus.Ineligible, ineligible.Value);
    }

    [Fact]
    public async Task Eligible_needs_every_item_met_every_item_answered_and_a_reason()
    {
        var version = await VersionAsync(_submittedId);

        var unmet = await Eligibility().DecideAsync("admin", _submittedId, version, true, "Ok", [new(_items[0], true), new(_items[1], false)]);
        var unanswered = await Eligibility().DecideAsync("admin", _submittedId, version, false, "No cumple", [new(_items[0], false)]);
        var noReason = await Eligibility().DecideAsync("admin", _submittedId, version, false, "  ", [new(_items[0], false), new(_items[1], true)]);
        var unknownItem = await Eligibility().DecideAsync("admin", _submittedId, version, false, "x", [new(_items[0], false), new(_items[1], true), new(9999, true)]);

        Assert.Equal("Rules.EligibleNeedsEveryItem", Assert.Single(unmet.Violations).Rule);
        Assert.Equal($"Checklist.{_items[1]}", Assert.Single(unanswered.Violations).Field);
        Assert.Equal("Rules.ReasonRequired", Assert.Single(noReason.Violations).Rule);
        Assert.Equal("Rules.ChecklistUnknownItem", Assert.Single(unknownItem.Violations).Rule);
        Assert.Equal(version, await VersionAsync(_submittedId));
    }

    [Fact]
    public async Task A_draft_cannot_be_declared_eligible_and_a_stale_decision_is_refused()
    {
        var draft = await Eligibility().DecideAsync("admin", _draftId, await VersionAsync(_draftId), false, "No", [new(_items[0], false), new(_items[1], false)]);
        var stale = await Eligibility().DecideAsync("admin", _submittedId, Guid.NewGuid(), false, "No", [new(_items[0], false), new(_items[1], false)]);

        Assert.Equal("Rules.NotSubmitted", Assert.Single(draft.Violations).Rule);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
    }

    [Fact]
    public async Task The_submissions_list_filters_by_category_status_line_and_district()
    {
        var queries = new SubmissionQueries(_database);

        var all = await queries.ListAsync(new SubmissionFilter(_contestId));
        var idea = await queries.ListAsync(new SubmissionFilter(_contestId, CategoryCode: "IDEA"));
        var drafts = await queries.ListAsync(new SubmissionFilter(_contestId, Status: ProfileStatus.Draft));
        var honey = await queries.ListAsync(new SubmissionFilter(_contestId, ProductionLineCode: "MIEL"));
        var elsewhere = await queries.ListAsync(new SubmissionFilter(_contestId, DistrictCode: "050101"));

        Assert.Equal(["AYA-2026-01-001", null], all.Select(r => r.Code));
        Assert.Equal((7_000m, 800m, 10.26m, 4, "Acocro"), (all[0].FundRequest, all[0].Counterpart, all[0].CounterpartPercent, all[0].Households, all[0].District));
        Assert.Equal([_submittedId], idea.Select(r => r.ProfileId));
        Assert.Equal([_draftId], drafts.Select(r => r.ProfileId));
        Assert.Equal([_draftId], honey.Select(r => r.ProfileId));
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task The_csv_export_is_excel_ready_and_neutralises_formulas()
    {
        var bytes = await new SubmissionQueries(_database).ExportCsvAsync(new SubmissionFilter(_contestId));

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(string.Join(',', SubmissionQueries.CsvHeader), lines[0]);
        Assert.StartsWith("AYA-2026-01-001,\"Cuyes \"\"mejorados\"\"\",Categoría IDEA,\"Asociación Ñaupa, Pacha\",Crianza de cuyes,Acocro,Submitted,7000.00,800.00,10.26,4,", lines[1]);
        Assert.Contains(",'=Grupo tramposo,", lines[2]);
    }

    private sealed class NoSignal : IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }
}
