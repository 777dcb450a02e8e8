using System.Globalization;
using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Groups;

public sealed class GroupServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly RecordingLinks _links = new();
    private readonly QueuedSignal _signal = new();
    private SqliteTestDatabase _database = null!;
    private int _line;

    private static readonly ActingUser RepA = new("rep-a");
    private static readonly ActingUser RepB = new("rep-b");
    private static readonly ActingUser Technician = new("tech", IsTechnician: true);
    private static readonly ActingUser Admin = new("admin", IsAdmin: true);

    private static DateOnly Today => DateOnly.FromDateTime(LimaTime.ToLima(Instants.Now));

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Regions.Add(new Region("05", "Ayacucho"));
        db.Provinces.Add(new Province("0501", "Huamanga"));
        db.Districts.AddRange(new District("050108", "Quinua"), new District("050102", "Acocro"));
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        foreach (var (id, role) in new[] { ("rep-a", Roles.Producer), ("rep-b", Roles.Producer), ("tech", Roles.Technician), ("admin", Roles.Admin) })
        {
            db.Users.Add(new AppUser { Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe", NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(), FullName = $"Persona {id}" });
            await db.SaveChangesAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id });
        }
        await db.SaveChangesAsync();
        _line = line.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private GroupService Service() => new(_database, _time, _signal, _links);

    private GroupData Data(string name = "Warmi Kallpa", int households = 4, int firstDni = 41000000) =>
        new(name, LegalForm.InformalGroup, null, _line, "050108", "Quinua",
            Enumerable.Range(0, households).Select(i => new HouseholdData(null, $"Socia {i}", (firstDni + i).ToString(CultureInfo.InvariantCulture),
                Sex.Female, 1990, i == 0, i == 0 ? HouseholdRole.President : HouseholdRole.Member)).ToList());

    private async Task<int> RegisterOwnAsync(ActingUser user, GroupData? data = null)
    {
        var result = await Service().RegisterAsync(user, data ?? Data(), null);
        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Field + ":" + v.Rule)));
        return result.Value;
    }

    private async Task<ProducerGroup> LoadAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Id == id);
    }

    private static GroupData ToData(ProducerGroup group) =>
        new(group.Name, group.LegalForm, group.Ruc, group.ProductionLineId, group.Location.DistrictCode, group.Location.CentroPoblado,
            group.Households.Select(h => new HouseholdData(h.Id, h.HeadFullName, h.Dni, h.Sex, h.BirthYear, h.IsJuntosUser, h.Role)).ToList());

    [Fact]
    public async Task A_representative_registers_its_own_group_and_it_is_audited()
    {
        var id = await RegisterOwnAsync(RepA);

        var group = await LoadAsync(id);
        Assert.Equal("rep-a", group.RepresentativeUserId);
        Assert.Equal("rep-a", group.RegisteredByUserId);
        Assert.False(group.IsAssistedRegistration);
        Assert.False(group.IsVerified);
        Assert.Equal(4, group.Households.Count);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "group.registered");
        Assert.Equal("rep-a", audit.UserId);
        Assert.Contains("41000000", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_representative_with_a_group_cannot_register_a_second_one()
    {
        await RegisterOwnAsync(RepA);

        var second = await Service().RegisterAsync(RepA, Data("Otro grupo", firstDni: 42000000), null);

        Assert.Equal(("Group", "Groups.AlreadyRepresents"), (second.Violations.Single().Field, second.Violations.Single().Rule));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.ProducerGroups.CountAsync());
    }

    [Fact]
    public async Task A_producer_cannot_pretend_an_assisted_registration()
    {
        var result = await Service().RegisterAsync(RepA, Data(), new AssistedRegistration(Today, null, null));

        Assert.Equal(ServiceOutcome.Forbidden, result.Outcome);
    }

    [Fact]
    public async Task Assisted_registration_records_who_when_and_the_consent_date()
    {
        _time.Advance(TimeSpan.FromHours(2));
        var result = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today.AddDays(-3), null, null));

        Assert.True(result.Succeeded);
        var group = await LoadAsync(result.Value);
        Assert.True(group.IsAssistedRegistration);
        Assert.Equal("tech", group.RegisteredByUserId);
        Assert.Equal(Instants.Now.AddHours(2), group.CreatedAtUtc);
        Assert.Equal(Today.AddDays(-3), group.RepresentativeConsentDate);
        Assert.Null(group.RepresentativeUserId);
        Assert.Equal(0, _signal.Count);
    }

    [Fact]
    public async Task Assisted_registration_with_a_consent_in_the_future_is_refused_and_nothing_is_stored()
    {
        var result = await Service().RegisterAsync(Admin, Data(), new AssistedRegistration(Today.AddDays(1), null, null));

        Assert.Equal(("ConsentDate", "Groups.ConsentInFuture"), (result.Violations.Single().Field, result.Violations.Single().Rule));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ProducerGroups.AnyAsync());
    }

    [Fact]
    public async Task Staff_must_give_the_consent_when_registering_for_a_group()
    {
        var result = await Service().RegisterAsync(Technician, Data(), null);

        Assert.Equal("ConsentDate", result.Violations.Single().Field);
    }

    [Fact]
    public async Task Assisted_registration_with_an_email_creates_the_producer_account_and_emails_a_password_link()
    {
        var result = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today, " Rosa.Quispe@correo.pe ", "Rosa Quispe"));

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.NormalizedEmail == "ROSA.QUISPE@CORREO.PE");
        Assert.Equal("Rosa.Quispe@correo.pe", account.UserName);
        Assert.Null(account.PasswordHash);
        var role = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).SingleAsync(x => x.UserId == account.Id);
        Assert.Equal(Roles.Producer, role.Name);
        Assert.Equal(account.Id, (await LoadAsync(result.Value)).RepresentativeUserId);
        var email = await db.Outbox.SingleAsync();
        Assert.Equal("Rosa.Quispe@correo.pe", email.To);
        Assert.Contains(RecordingLinks.LinkFor(account.Id), email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{RecordingLinks.LinkFor(account.Id)}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, _signal.Count);
    }

    [Fact]
    public async Task Markdown_in_a_group_name_reaches_the_invitation_as_text_and_the_password_link_still_works()
    {
        const string name = "Grupo [verifique su cuenta](https://evil.example/login) **urgente** <b>x</b>";
        var result = await Service().RegisterAsync(Technician, Data(name), new AssistedRegistration(Today, "rosa@correo.pe", "Rosa ![foto](https://evil.example/p.png) www.evil.example"));

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Email == "rosa@correo.pe");
        var email = await db.Outbox.SingleAsync();
        Assert.DoesNotContain("evil.example/login\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://www.evil.example", email.HtmlBody, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.HtmlBody, "<a "));
        Assert.Contains($"href=\"{RecordingLinks.LinkFor(account.Id)}\"", email.HtmlBody, StringComparison.Ordinal);
        // The reader sees the name exactly as it was typed.
        Assert.Contains("Grupo [verifique su cuenta](https://evil.example/login) **urgente** &lt;b&gt;x&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(name, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assisted_registration_with_the_email_of_a_staff_account_is_refused()
    {
        var result = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today, "ADMIN@t.pe", "Alguien"));

        Assert.Equal(("RepresentativeEmail", "Groups.EmailTaken"), (result.Violations.Single().Field, result.Violations.Single().Rule));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ProducerGroups.AnyAsync());
        Assert.False(await db.Outbox.AnyAsync());
    }

    [Fact]
    public async Task Assisted_registration_may_appoint_an_existing_producer_without_a_group()
    {
        var result = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today, "rep-b@t.pe", "Persona rep-b"));

        Assert.True(result.Succeeded);
        Assert.Equal("rep-b", (await LoadAsync(result.Value)).RepresentativeUserId);
        await RegisterOwnAsync(RepA, Data("Grupo de A", firstDni: 43000000));
        var again = await Service().RegisterAsync(Admin, Data("Tercero", firstDni: 44000000), new AssistedRegistration(Today, "rep-a@t.pe", "Persona rep-a"));
        Assert.Equal("Groups.EmailTaken", again.Violations.Single().Rule);
    }

    [Fact]
    public async Task Invalid_data_is_refused_with_every_field_named_and_nothing_stored()
    {
        var data = Data() with { Name = new string('x', 201), LegalForm = LegalForm.Association, Ruc = "20131312956", DistrictCode = "059999", ProductionLineId = 999 };

        var result = await Service().RegisterAsync(RepA, data, null);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(["Name", "Ruc", "ProductionLineId", "DistrictCode"], result.Violations.Select(v => v.Field));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ProducerGroups.AnyAsync());
    }

    [Fact]
    public async Task The_representative_of_group_b_cannot_edit_group_a()
    {
        var groupA = await LoadAsync(await RegisterOwnAsync(RepA));

        var result = await Service().UpdateAsync(RepB, groupA.Id, groupA.Version, ToData(groupA) with { Name = "Robado" });

        Assert.Equal(ServiceOutcome.Forbidden, result.Outcome);
        Assert.Equal("Warmi Kallpa", (await LoadAsync(groupA.Id)).Name);
    }

    [Fact]
    public async Task A_representative_edits_details_and_households_and_the_audit_keeps_before_and_after()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        var data = ToData(group);
        var edited = data with
        {
            Name = "Warmi Kallpa Quinua",
            Households = [.. data.Households.Skip(1).Take(2), data.Households[3] with { Role = HouseholdRole.President }, new HouseholdData(null, "Nueva socia", "45000000", Sex.Female, 2004, true, HouseholdRole.Treasurer)],
        };

        var result = await Service().UpdateAsync(RepA, group.Id, group.Version, edited);

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Field + ":" + v.Rule)));
        var saved = await LoadAsync(group.Id);
        Assert.Equal("Warmi Kallpa Quinua", saved.Name);
        Assert.Equal(["41000001", "41000002", "41000003", "45000000"], saved.Households.Select(h => h.Dni).Order());
        Assert.Equal("41000003", saved.Households.Single(h => h.Role == HouseholdRole.President).Dni);
        Assert.Equal(result.Value, saved.Version);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "group.updated");
        Assert.Contains("\"name\":\"Warmi Kallpa\"", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Warmi Kallpa Quinua\"", audit.AfterJson, StringComparison.Ordinal);
        Assert.Contains("41000000", audit.BeforeJson, StringComparison.Ordinal);
        Assert.DoesNotContain("41000000", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_told_of_the_conflict()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));

        var first = await Service().UpdateAsync(RepA, group.Id, group.Version, ToData(group) with { Name = "Primera pestaña" });
        var second = await Service().UpdateAsync(Technician, group.Id, group.Version, ToData(group) with { Name = "Segunda pestaña" });

        Assert.True(first.Succeeded);
        Assert.Equal(ServiceOutcome.Conflict, second.Outcome);
        Assert.Equal("Primera pestaña", (await LoadAsync(group.Id)).Name);
    }

    [Fact]
    public async Task A_household_edit_alone_also_changes_the_group_version()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        var data = ToData(group);

        var first = await Service().UpdateAsync(RepA, group.Id, group.Version, data with { Households = [.. data.Households.Take(3)] });
        var stale = await Service().UpdateAsync(RepA, group.Id, group.Version, data);

        Assert.NotEqual(group.Version, first.Value);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
    }

    [Fact]
    public async Task Editing_with_a_household_of_another_group_is_refused()
    {
        var groupA = await LoadAsync(await RegisterOwnAsync(RepA));
        var groupB = await LoadAsync(await RegisterOwnAsync(RepB, Data("Grupo B", firstDni: 42000000)));
        var stolen = ToData(groupB).Households[0];

        var result = await Service().UpdateAsync(RepA, groupA.Id, groupA.Version, ToData(groupA) with { Households = [.. ToData(groupA).Households.Skip(1), stolen with { Role = HouseholdRole.Member }] });

        Assert.Equal("Groups.HouseholdUnknown", result.Violations.Single().Rule);
        Assert.Equal(4, (await LoadAsync(groupB.Id)).Households.Count(h => h.Dni.StartsWith("4200000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_verified_group_changed_by_its_representative_returns_to_pending_verification()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        var verified = await Service().VerifyAsync(Admin, group.Id, group.Version);

        var edited = await Service().UpdateAsync(RepA, group.Id, verified.Value, ToData(group) with { CentroPoblado = "Muyurina" });

        Assert.True(edited.Succeeded);
        Assert.False((await LoadAsync(group.Id)).IsVerified);
    }

    [Fact]
    public async Task A_verified_group_changed_by_an_admin_stays_verified()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        var verified = await Service().VerifyAsync(Admin, group.Id, group.Version);

        var edited = await Service().UpdateAsync(Admin, group.Id, verified.Value, ToData(group) with { CentroPoblado = "Muyurina" });

        Assert.True(edited.Succeeded);
        Assert.True((await LoadAsync(group.Id)).IsVerified);
    }

    [Fact]
    public async Task Only_an_admin_verifies_and_the_verification_is_audited()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));

        Assert.Equal(ServiceOutcome.Forbidden, (await Service().VerifyAsync(Technician, group.Id, group.Version)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await Service().VerifyAsync(RepA, group.Id, group.Version)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().VerifyAsync(Admin, 999, group.Version)).Outcome);
        Assert.Equal(ServiceOutcome.Conflict, (await Service().VerifyAsync(Admin, group.Id, Guid.NewGuid())).Outcome);
        Assert.True((await Service().VerifyAsync(Admin, group.Id, group.Version)).Succeeded);

        var saved = await LoadAsync(group.Id);
        Assert.Equal("admin", saved.VerifiedByUserId);
        await using var db = _database.CreateDbContext();
        Assert.Equal("admin", (await db.AuditLog.SingleAsync(a => a.Action == "group.verified")).UserId);
    }

    [Fact]
    public async Task Staff_give_a_group_without_account_its_representative_later_and_may_resend_an_unused_link()
    {
        var registered = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today, null, null));
        var group = await LoadAsync(registered.Value);

        Assert.Equal(ServiceOutcome.Forbidden, (await Service().InviteRepresentativeAsync(RepA, group.Id, group.Version, "x@correo.pe", "X")).Outcome);
        var invited = await Service().InviteRepresentativeAsync(Technician, group.Id, group.Version, "marta@correo.pe", "Marta Ccente");
        _time.Advance(TimeSpan.FromDays(8));
        var resent = await Service().InviteRepresentativeAsync(Admin, group.Id, invited.Value, "MARTA@correo.pe", "Marta Ccente");
        var other = await Service().InviteRepresentativeAsync(Admin, group.Id, resent.Value, "otra@correo.pe", "Otra");

        Assert.True(invited.Succeeded);
        Assert.True(resent.Succeeded);
        Assert.Equal("Groups.HasRepresentative", other.Violations.Single().Rule);
        await using var db = _database.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Email == "marta@correo.pe");
        Assert.Equal(account.Id, (await LoadAsync(group.Id)).RepresentativeUserId);
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.To == "marta@correo.pe"));
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "group.representative-invited"));
    }

    [Fact]
    public async Task A_representative_who_chose_a_password_is_not_replaced_by_an_invitation()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        await using (var db = _database.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == "rep-a");
            user.PasswordHash = "hash";
            await db.SaveChangesAsync();
        }

        var result = await Service().InviteRepresentativeAsync(Technician, group.Id, group.Version, "rep-a@t.pe", "Persona rep-a");

        Assert.Equal("Groups.HasRepresentative", result.Violations.Single().Rule);
    }

    [Fact]
    public async Task Script_in_names_is_stored_as_plain_text()
    {
        var id = await RegisterOwnAsync(RepA, Data("<script>alert(1)</script>"));

        Assert.Equal("<script>alert(1)</script>", (await LoadAsync(id)).Name);
    }

    private async Task ScopeTechnicianToAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        db.StaffScopeAreas.Add(new HakuWinay.Contests.Territories.StaffScopeArea("tech", code));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_technician_registers_no_group_outside_their_scope()
    {
        await ScopeTechnicianToAsync("050102");

        var outside = await Service().RegisterAsync(Technician, Data(), new AssistedRegistration(Today, null, null));
        var inside = await Service().RegisterAsync(Technician, Data("Acocro Sumaq", firstDni: 42000000) with { DistrictCode = "050102", CentroPoblado = "Acocro" },
            new AssistedRegistration(Today, null, null));

        Assert.Equal(("DistrictCode", "Territories.DistrictOutsideScope"), (Assert.Single(outside.Violations).Field, outside.Violations[0].Rule));
        Assert.True(inside.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Equal(["Acocro Sumaq"], await db.ProducerGroups.Select(g => g.Name).ToListAsync());
    }

    [Fact]
    public async Task A_group_outside_the_technicians_scope_is_not_found_for_editing_nor_moved_out_of_it()
    {
        var quinua = await LoadAsync(await RegisterOwnAsync(RepA));
        await ScopeTechnicianToAsync("050102");

        var edit = await Service().UpdateAsync(Technician, quinua.Id, quinua.Version, ToData(quinua) with { Name = "Otro" });

        Assert.Equal(ServiceOutcome.NotFound, edit.Outcome);
        Assert.Equal("Warmi Kallpa", (await LoadAsync(quinua.Id)).Name);
        // The group's own representative is not staff: their scope is not asked.
        Assert.True((await Service().UpdateAsync(RepA, quinua.Id, quinua.Version, ToData(quinua) with { Name = "Warmi Kallpa Quinua" })).Succeeded);
    }

    [Fact]
    public async Task Staff_record_the_mobile_of_a_representative_without_an_account_normalised_and_audited()
    {
        var result = await Service().RegisterAsync(Technician, Data() with { RepresentativeMobile = "987 654 321" }, new AssistedRegistration(Today, null, null));

        Assert.True(result.Succeeded);
        Assert.Equal("+51987654321", (await LoadAsync(result.Value)).RepresentativeMobile);
        await using var db = _database.CreateDbContext();
        // The JSON escapes the "+"; the digits are what matter.
        Assert.Contains("51987654321", (await db.AuditLog.SingleAsync(a => a.Action == "group.registered")).AfterJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("064 123456", "Mobile.Invalid")]
    [InlineData("987 654 321 987 654 321 987 654 321", "Mobile.Invalid")]
    [InlineData("<script>alert(1)</script>", "Mobile.Invalid")]
    [InlineData("+1 202 555 0100", "Mobile.NotPeruvian")]
    public async Task A_wrong_mobile_is_refused_at_its_field_and_the_saved_group_stays(string mobile, string rule)
    {
        var registered = await Service().RegisterAsync(Technician, Data() with { RepresentativeMobile = "912345678" }, new AssistedRegistration(Today, null, null));
        var group = await LoadAsync(registered.Value);

        var refused = await Service().UpdateAsync(Technician, group.Id, group.Version, ToData(group) with { Name = "Otro nombre", RepresentativeMobile = mobile });
        var refusedNew = await Service().RegisterAsync(Admin, Data("Nuevo", firstDni: 43000000) with { RepresentativeMobile = mobile }, new AssistedRegistration(Today, null, null));

        Assert.Equal(("RepresentativeMobile", rule), (Assert.Single(refused.Violations).Field, refused.Violations[0].Rule));
        Assert.Equal(("RepresentativeMobile", rule), (Assert.Single(refusedNew.Violations).Field, refusedNew.Violations[0].Rule));
        var after = await LoadAsync(group.Id);
        Assert.Equal(("Warmi Kallpa", "+51912345678", group.Version), (after.Name, after.RepresentativeMobile, after.Version));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.ProducerGroups.CountAsync());
    }

    [Fact]
    public async Task Only_staff_change_the_mobile_and_a_stale_edit_of_it_is_a_conflict()
    {
        var group = await LoadAsync(await RegisterOwnAsync(RepA));
        var byStaff = await Service().UpdateAsync(Admin, group.Id, group.Version, ToData(group) with { RepresentativeMobile = "912 345 678" });

        var stale = await Service().UpdateAsync(Technician, group.Id, group.Version, ToData(group) with { RepresentativeMobile = "987654321" });
        var byRepresentative = await Service().UpdateAsync(RepA, group.Id, byStaff.Value, ToData(group) with { Name = "Warmi Kallpa Quinua", RepresentativeMobile = "987654321" });
        var afterRepresentative = await LoadAsync(group.Id);
        var removed = await Service().UpdateAsync(Technician, group.Id, afterRepresentative.Version, ToData(afterRepresentative) with { RepresentativeMobile = " " });

        Assert.True(byStaff.Succeeded);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        Assert.True(byRepresentative.Succeeded);
        Assert.Equal(("Warmi Kallpa Quinua", "+51912345678"), (afterRepresentative.Name, afterRepresentative.RepresentativeMobile));
        Assert.True(removed.Succeeded);
        Assert.Null((await LoadAsync(group.Id)).RepresentativeMobile);
    }

    [Fact]
    public async Task An_invitation_carries_the_groups_mobile_into_an_account_without_one_and_an_account_keeps_its_own()
    {
        var registered = await Service().RegisterAsync(Technician, Data() with { RepresentativeMobile = "987654321" }, new AssistedRegistration(Today, null, null));
        var group = await LoadAsync(registered.Value);
        await using (var db = _database.CreateDbContext())
        {
            var repB = await db.Users.SingleAsync(u => u.Id == "rep-b");
            repB.ChangeContact("+51911111111", HakuWinay.Contests.Notifications.Sms.ContactPreference.Email);
            await db.SaveChangesAsync();
        }
        var other = await Service().RegisterAsync(Technician, Data("Sumaq Mikuy", firstDni: 44000000) with { RepresentativeMobile = "922222222" },
            new AssistedRegistration(Today, "rep-b@t.pe", "Persona rep-b"));

        var invited = await Service().InviteRepresentativeAsync(Technician, group.Id, group.Version, "marta@correo.pe", "Marta Ccente");

        Assert.True(invited.Succeeded);
        Assert.True(other.Succeeded);
        await using var check = _database.CreateDbContext();
        var marta = await check.Users.SingleAsync(u => u.Email == "marta@correo.pe");
        Assert.Equal(("+51987654321", HakuWinay.Contests.Notifications.Sms.ContactPreference.Both), (marta.PhoneNumber, marta.ContactPreference));
        var kept = await check.Users.SingleAsync(u => u.Id == "rep-b");
        Assert.Equal(("+51911111111", HakuWinay.Contests.Notifications.Sms.ContactPreference.Email), (kept.PhoneNumber, kept.ContactPreference));
        Assert.Contains("51987654321", (await check.AuditLog.SingleAsync(a => a.Action == "group.representative-invited")).AfterJson, StringComparison.Ordinal);
    }

    private sealed class RecordingLinks : IPasswordSetupLinks
    {
        public static string LinkFor(string userId) => $"https://portal.test/account/set-password/{userId}?token=t-1_x";

        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => Task.FromResult(LinkFor(user.Id));
    }

    private sealed class QueuedSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MessagesQueued() => Count++;
    }
}
