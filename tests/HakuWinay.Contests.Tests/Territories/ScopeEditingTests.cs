using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Territories;

/// <summary>A national administrator sets staff scopes on the accounts page; everyone else is refused, and every change is audited.</summary>
public sealed class ScopeEditingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;

    private static readonly ActingUser National = new("admin", IsAdmin: true);
    private static readonly ActingUser Apurimac = new("admin-apu", IsAdmin: true);

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = _database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        db.Regions.AddRange(new Region("03", "Apurímac"), new Region("05", "Ayacucho"));
        db.Provinces.AddRange(new Province("0302", "Andahuaylas"), new Province("0501", "Huamanga"));
        db.Districts.AddRange(new District("030216", "Talavera"), new District("050102", "Acocro"));
        await db.SaveChangesAsync();
        await AddUserAsync("admin", Roles.Admin);
        await AddUserAsync("admin-apu", Roles.Admin);
        await AddUserAsync("tech", Roles.Technician);
        await AddUserAsync("rep", Roles.Producer);
        db.StaffScopeAreas.Add(new StaffScopeArea("admin-apu", "03"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AccountAdminService Service() => new(_database, _time);

    private StaffScopes Scopes() => new(_database);

    private async Task AddUserAsync(string id, string role)
    {
        await using var db = _database.CreateDbContext();
        db.Users.Add(new AppUser
        {
            Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe",
            NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(), FullName = id, SecurityStamp = "stamp-" + id,
            ConcurrencyStamp = Guid.NewGuid().ToString(), PasswordHash = "hash", CreatedAtUtc = Instants.Now,
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        await db.SaveChangesAsync();
    }

    private async Task<List<(string Action, string? After)>> AuditAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return (await db.AuditLog.Where(a => a.EntityId == userId).OrderBy(a => a.Id).Select(a => new { a.Action, a.AfterJson }).ToListAsync())
            .Select(a => (a.Action, a.AfterJson)).ToList();
    }

    [Fact]
    public async Task An_account_without_areas_is_national()
    {
        Assert.True((await Scopes().OfAsync("tech")).IsNational);
        Assert.Equal(StaffScope.Of(["03"]), await Scopes().OfAsync("admin-apu"));
    }

    [Fact]
    public async Task A_national_administrator_narrows_a_technician_and_it_is_audited()
    {
        var result = await Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["0501", "030216"]));

        Assert.True(result.Succeeded);
        Assert.True(result.Value);
        Assert.Equal(StaffScope.Of(["030216", "0501"]), await Scopes().OfAsync("tech"));
        var (action, after) = Assert.Single(await AuditAsync("tech"));
        Assert.Equal("account.scope-changed", action);
        Assert.Contains("030216,0501", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Narrowing_a_scope_ends_the_accounts_sessions_and_widening_does_not()
    {
        await Service().ChangeScopeAsync(National, "admin-apu", StaffScope.Of(["03", "05"]));
        Assert.Equal("stamp-admin-apu", await StampAsync("admin-apu"));

        await Service().ChangeScopeAsync(National, "admin-apu", StaffScope.Of(["0302"]));

        Assert.NotEqual("stamp-admin-apu", await StampAsync("admin-apu"));
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }

    [Fact]
    public async Task Saving_the_same_scope_again_changes_nothing()
    {
        await Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["05"]));

        var again = await Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["05"]));

        Assert.True(again.Succeeded);
        Assert.False(again.Value);
        Assert.Single(await AuditAsync("tech"));
    }

    [Fact]
    public async Task A_scope_widened_back_to_national_leaves_no_area()
    {
        await Service().ChangeScopeAsync(National, "admin-apu", StaffScope.National);

        Assert.True((await Scopes().OfAsync("admin-apu")).IsNational);
    }

    [Fact]
    public async Task A_scoped_administrator_changes_no_scope_and_no_role()
    {
        var scope = await Service().ChangeScopeAsync(Apurimac, "tech", StaffScope.Of(["03"]));
        var grant = await Service().GrantRoleAsync(Apurimac, "rep", Roles.Technician);
        var deactivate = await Service().DeactivateAsync(Apurimac, "rep", "Prueba");

        Assert.Equal(ServiceOutcome.Forbidden, scope.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, grant.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, deactivate.Outcome);
        Assert.True((await Scopes().OfAsync("tech")).IsNational);
        Assert.Empty(await AuditAsync("tech"));
    }

    [Fact]
    public async Task Nobody_changes_their_own_scope()
    {
        var result = await Service().ChangeScopeAsync(National, "admin", StaffScope.Of(["05"]));

        Assert.Equal("Accounts.CannotChangeOwnScope", Assert.Single(result.Violations).Rule);
        Assert.True((await Scopes().OfAsync("admin")).IsNational);
    }

    [Fact]
    public async Task An_area_missing_from_the_catalogue_is_refused_and_nothing_stored()
    {
        var result = await Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["05", "0899"]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Scope", "Accounts.UnknownArea"), (violation.Field, violation.Rule));
        Assert.Equal("0899", violation.Arguments[0]);
        Assert.True((await Scopes().OfAsync("tech")).IsNational);
    }

    [Fact]
    public async Task Jurors_and_producers_get_no_scope()
    {
        var result = await Service().ChangeScopeAsync(National, "rep", StaffScope.Of(["05"]));

        Assert.Equal("Accounts.ScopeOnlyForStaff", Assert.Single(result.Violations).Rule);
    }

    [Fact]
    public async Task Two_administrators_saving_a_scope_at_once_leave_one_of_them()
    {
        var results = await Task.WhenAll(
            Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["05"])),
            Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["03"])));

        Assert.Contains(results, r => r.Succeeded);
        var scope = await Scopes().OfAsync("tech");
        Assert.Contains(scope, new[] { StaffScope.Of(["05"]), StaffScope.Of(["03"]) });
    }

    [Fact]
    public async Task The_account_list_shows_each_scope_with_its_names()
    {
        await Service().ChangeScopeAsync(National, "tech", StaffScope.Of(["050102"]));

        var tech = (await new AccountQueries(_database, _time).FindAsync("tech"))!;

        Assert.Equal(StaffScope.Of(["050102"]), tech.Scope);
        Assert.Equal(["Ayacucho · Huamanga · Acocro"], tech.AreaNames);
        Assert.True((await new AccountQueries(_database, _time).FindAsync("admin"))!.Scope!.IsNational);
    }
}
