using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// A published two-stage contest (3 jurors per profile) with four jurors, three groups with an
/// eligible profile each (groups in Quinua, Acocro and Socos) and one group whose profile is only
/// submitted. Juror j1 lives in Quinua, like the first group.
/// </summary>
internal sealed class JudgingTestData : IAsyncDisposable
{
    public static readonly ActingUser Admin = new("admin", IsAdmin: true);
    public static readonly string[] Jurors = ["j1", "j2", "j3", "j4"];

    private JudgingTestData(SqliteTestDatabase database) => Database = database;

    public SqliteTestDatabase Database { get; }
    public int ContestId { get; private set; }
    public int FieldStageId { get; private set; }
    public int PublicStageId { get; private set; }
    public int[] GroupIds { get; private set; } = [];
    public int[] ProfileIds { get; private set; } = [];
    public int SubmittedOnlyProfileId { get; private set; }

    public static async Task<JudgingTestData> CreateAsync()
    {
        var data = new JudgingTestData(await SqliteTestDatabase.TempFileAsync());
        await data.SeedAsync();
        return data;
    }

    private async Task SeedAsync()
    {
        await using var db = Database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Districts.AddRange(new District("050108", "Quinua"), new District("050102", "Acocro"), new District("050112", "Socos"));
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync();
        AddUser(db, "admin", Roles.Admin, null);
        AddUser(db, "j1", Roles.Juror, "050108");
        AddUser(db, "j2", Roles.Juror, "050101");
        AddUser(db, "j3", Roles.Juror, null);
        AddUser(db, "j4", Roles.Juror, "050110");
        AddUser(db, "rep", Roles.Producer, "050108");
        var contest = new ContestBuilder().WithEligibleLine(line.Id).OpenFor(TimeSpan.FromDays(5)).Published().Build();
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        var groups = new[] { ("Grupo Quinua", "050108"), ("Grupo Acocro", "050102"), ("Grupo Socos", "050112"), ("Grupo pendiente", "050102") }
            .Select(g => new ProducerGroup(g.Item1, LegalForm.InformalGroup, null, line.Id, new GroupLocation("05", "0501", g.Item2, "Centro " + g.Item1), Instants.Now))
            .ToList();
        db.ProducerGroups.AddRange(groups);
        await db.SaveChangesAsync();
        var profiles = groups.Select((g, i) =>
        {
            var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, g.Id, Instants.Now);
            profile.WriteSection(ProfileSection.Title, "Perfil de " + g.Name, Instants.Now);
            profile.Submit(contest.NextProfileCode(Instants.Now), Instants.Now);
            if (i < 3)
            {
                profile.DecideEligibility(true, "Cumple", "admin", Instants.Now);
            }
            return profile;
        }).ToList();
        db.BusinessProfiles.AddRange(profiles);
        await db.SaveChangesAsync();
        ContestId = contest.Id;
        FieldStageId = contest.Stages.Single(s => s.Code == "CAMPO").Id;
        PublicStageId = contest.Stages.Single(s => s.Code == "PUBLICA").Id;
        GroupIds = groups.Select(g => g.Id).ToArray();
        ProfileIds = profiles.Take(3).Select(p => p.Id).ToArray();
        SubmittedOnlyProfileId = profiles[3].Id;
    }

    private static void AddUser(ContestsDbContext db, string id, string role, string? district)
    {
        db.Users.Add(new AppUser
        {
            Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe",
            NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(), FullName = $"Persona {id}", DistrictCode = district,
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = db.Roles.Local.Single(r => r.Name == role).Id });
    }

    public static async Task AppointAllAsync(JudgingServices services, int stageId)
    {
        foreach (var juror in Jurors)
        {
            Assert.True((await services.Jurors.AppointAsync(Admin, stageId, juror)).Succeeded);
        }
    }

    public async Task<List<Scorecard>> ScorecardsAsync(int stageId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Scorecards.Where(s => s.ContestStageId == stageId).OrderBy(s => s.BusinessProfileId).ThenBy(s => s.JurorUserId).ToListAsync();
    }

    public async Task StartAsync(int scorecardId)
    {
        await using var db = Database.CreateDbContext();
        var scorecard = await db.Scorecards.SingleAsync(s => s.Id == scorecardId);
        scorecard.Start(Instants.Now);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>The judging services over one test database, with a recorded outbox signal and fake set-password links.</summary>
internal sealed class JudgingServices(SqliteTestDatabase database, TimeProvider clock)
{
    public RecordingSignal Signal { get; } = new();

    public JurorService Jurors => new(database, clock, Signal, new FakeLinks());

    public ConflictService Conflicts => new(database, clock);

    public AssignmentService Assignment => new(database, clock);

    public JudgingQueries Queries => new(database);

    internal sealed class RecordingSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MessagesQueued() => Count++;
    }

    private sealed class FakeLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) =>
            Task.FromResult($"https://portal.test/account/set-password/{user.Id}?token=t");
    }
}
