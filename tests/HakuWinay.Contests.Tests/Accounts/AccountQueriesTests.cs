using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Accounts;

public sealed class AccountQueriesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = _database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var (id, name, role, hasPassword) in new[]
                 {
                     ("u1", "Rosa Huamán", Roles.Producer, true), ("u2", "Julio Ccori", Roles.Juror, false),
                     ("u3", "Ana Admin", Roles.Admin, true), ("u4", "Rosa Mamani", Roles.Technician, true),
                 })
        {
            db.Users.Add(new AppUser
            {
                Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe", NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(),
                FullName = name, PasswordHash = hasPassword ? "hash" : null, CreatedAtUtc = Instants.Now,
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleIds[role] });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AccountQueries Queries() => new(_database, _time);

    [Fact]
    public async Task Search_matches_name_or_email_whatever_the_case_and_role_narrows_it()
    {
        var byName = await Queries().ListAsync(new AccountListFilter("rosa"), 0, 25);
        var byEmail = await Queries().ListAsync(new AccountListFilter("U2@T"), 0, 25);
        var byRole = await Queries().ListAsync(new AccountListFilter("rosa", Roles.Technician), 0, 25);

        Assert.Equal(["Rosa Huamán", "Rosa Mamani"], byName.Rows.Select(r => r.FullName));
        Assert.Equal("u2", Assert.Single(byEmail.Rows).Id);
        Assert.Equal(AccountStatus.Unconfirmed, byEmail.Rows[0].Status);
        Assert.Equal("u4", Assert.Single(byRole.Rows).Id);
    }

    [Fact]
    public async Task Pages_come_in_name_order_with_the_total()
    {
        var page = await Queries().ListAsync(new AccountListFilter(), 1, 2);

        Assert.Equal(4, page.Total);
        Assert.Equal(["Julio Ccori", "Rosa Huamán"], page.Rows.Select(r => r.FullName));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("**Rosa** [x](javascript:alert(1)) <script>")]
    [InlineData("\"; DROP TABLE AspNetUsers; --")]
    public async Task Hostile_search_text_matches_nothing_and_breaks_nothing(string search)
    {
        var page = await Queries().ListAsync(new AccountListFilter(search), 0, 25);

        Assert.Empty(page.Rows);
        Assert.Equal(4, (await Queries().ListAsync(new AccountListFilter(), 0, 25)).Total);
    }

    [Fact]
    public async Task A_very_long_search_is_cut_and_answered()
    {
        var page = await Queries().ListAsync(new AccountListFilter("Rosa" + new string('x', 100_000)), 0, 25);

        Assert.Empty(page.Rows);
    }
}
