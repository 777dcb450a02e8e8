using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components;

/// <summary>
/// A migrated SQLite database with the reference data, for component tests that render real
/// feature services. Builders add the few rows a test needs.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<ContestsDbContext>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("haku-bunit-").FullName;
    private readonly DbContextOptions<ContestsDbContext> _options;

    private TestDatabase()
    {
        var builder = new DbContextOptionsBuilder<ContestsDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseSetup.ResolvedDatabase(
            DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "test.db")}", "test"));
        builder.AddInterceptors(new VersionStampInterceptor());
        _options = builder.Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db, new SeedFolder(Path.Combine(AppContext.BaseDirectory, "seed-data")));
        return database;
    }

    public ContestsDbContext CreateDbContext() => new(_options);

    public async Task<AppUser> AddUserAsync(string email, string role, string? districtCode = null, string? institution = null)
    {
        await using var db = CreateDbContext();
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            FullName = "Persona " + email.Split('@')[0], DistrictCode = districtCode, Institution = institution, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Contest> AddOpenContestAsync(string code, DateTime nowUtc, IReadOnlyList<DocumentSlotSettings>? documentSlots = null)
    {
        await using var db = CreateDbContext();
        var template = await db.EvaluationTemplates.Include(t => t.Stages).ThenInclude(s => s.Criteria).FirstAsync();
        var contest = Contest.FromTemplate(template, code, $"Concurso {code}", "05",
            new ContestTimeline(nowUtc.AddDays(-5), nowUtc.AddDays(20), null, null, null, null), nowUtc);
        contest.LocateIn("05", "0501", null);
        contest.AddCategory("IDEA", "Negocio en idea", 120_000m, 7_500m);
        // Publishing needs bases and an eligible line besides the template's evaluation.
        contest.WriteBases($"# Bases del concurso {code}");
        contest.MakeEligible(await db.ProductionLines.Where(l => l.Code == "CUYES").Select(l => l.Id).SingleAsync());
        contest.SetDocumentSlots(documentSlots ?? []);
        contest.Publish(nowUtc);
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }

    /// <summary>One profile per group in the contest's first category, submitted and declared eligible by <paramref name="adminId"/>.</summary>
    public async Task AddEligibleProfilesAsync(Contest contest, string adminId, DateTime nowUtc, params ProducerGroup[] groups)
    {
        await using var db = CreateDbContext();
        var tracked = await db.Contests.SingleAsync(c => c.Id == contest.Id);
        foreach (var group in groups)
        {
            var profile = new HakuWinay.Contests.Profiles.BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, nowUtc);
            profile.Submit(tracked.NextProfileCode(nowUtc), nowUtc);
            profile.DecideEligibility(true, "Cumple", adminId, nowUtc);
            db.BusinessProfiles.Add(profile);
        }
        await db.SaveChangesAsync();
    }

    public async Task<ProducerGroup> AddGroupAsync(string name, string districtCode, string? representativeId, int households, bool verified = true, string lineCode = "CUYES")
    {
        await using var db = CreateDbContext();
        var line = await db.ProductionLines.FirstAsync(l => l.Code == lineCode);
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, line.Id,
            new GroupLocation(districtCode[..2], districtCode[..4], districtCode, "Centro poblado de prueba"), DateTime.UtcNow);
        if (representativeId is not null)
        {
            group.AppointRepresentative(representativeId);
        }
        for (var i = 0; i < households; i++)
        {
            group.AddHousehold($"Socia {i + 1} de {name}", $"{40000000 + (name.Length * 100) + i}", i % 2 == 0 ? Sex.Female : Sex.Male,
                i == 0 ? DateTime.UtcNow.Year - 20 : 1980, isJuntosUser: i < 2, i == 0 ? HouseholdRole.President : HouseholdRole.Member)
                .RecordRegistryCheck("PROY-1", juntosVerified: i < 2, DateTime.UtcNow);
        }
        if (verified)
        {
            group.Verify("admin", DateTime.UtcNow);
        }
        db.ProducerGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
