using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Tests.Data;
using HakuWinay.Contests.Tests.Judging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>
/// A contest in evaluation (deadline 28/11/2026; stages CAMPO and PUBLICA of 50 each, 3 jurors per
/// profile; criteria C1 of 20 points weight 60, C2 of 10 weight 40; category IDEA with S/ 120,000,
/// at most S/ 7,500) with three jurors appointed to both stages (j1 first, then j2, then j3) and
/// three groups with a submitted profile: Quinua (eligible, four households: two headed by women,
/// one of them born 1997, so 29 at the deadline; one Juntos), Acocro (eligible, three households,
/// its head born 1996, 30 at the deadline) and Socos (ineligible). Each group has a representative
/// with an email. No scorecard exists until <see cref="ScoreAllAsync"/>.
/// </summary>
internal sealed class PublicationTestData : IAsyncDisposable
{
    public static readonly ActingUser Admin = new("admin", IsAdmin: true);
    public static readonly string[] Jurors = ["j1", "j2", "j3"];

    private int _households;

    private PublicationTestData(SqliteTestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
    }

    public SqliteTestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public ScoringTestData.RecordingEvents Events { get; } = new();
    public JudgingServices.RecordingSignal Signal { get; } = new();
    public int ContestId { get; private set; }
    public string ContestCode { get; private set; } = "";
    public int FieldStageId { get; private set; }
    public int PublicStageId { get; private set; }
    public int LineId { get; private set; }

    /// <summary>Quinua, Acocro, Socos.</summary>
    public int[] GroupIds { get; private set; } = [];

    /// <summary>Quinua's (eligible), Acocro's (eligible), Socos's (ineligible).</summary>
    public int[] ProfileIds { get; private set; } = [];

    public string[] ProfileCodes { get; private set; } = [];

    public static DateTime Deadline => Instants.Now.AddDays(5);

    public PublicationService Publication => new(Database, Clock, Signal);
    public ResultsPreviewService Preview => new(Database, new EvaluationQueries(Database));
    public ResultsInputBuilder Inputs => new(Database);
    public IncompleteAcceptanceService Acceptances => new(Database, Clock);
    public PublicationQueries Queries => new(Database);
    public ScoringService Scoring => new(Database, Clock, Signal, new ScoringTestData.FakeScoringLinks(), Events);
    public PaperSheetService Paper => new(Database, Clock, Events);
    public ScoreSheetImportService Import => new(Database, Clock, Events);
    public EligibilityService Eligibility => new(Database, Clock, Signal);
    public ConflictService Conflicts => new(Database, Clock, Events);

    public static async Task<PublicationTestData> CreateAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Instants.Now));
        var data = new PublicationTestData(await SqliteTestDatabase.TempFileAsync(), clock);
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
        LineId = line.Id;
        AddUser(db, "admin", Roles.Admin);
        foreach (var juror in Jurors.Append("j4"))
        {
            AddUser(db, juror, Roles.Juror);
        }
        foreach (var rep in new[] { "rep1", "rep2", "rep3", "rep4" })
        {
            AddUser(db, rep, Roles.Producer);
        }
        var contest = new ContestBuilder().WithEligibleLine(line.Id).OpenFor(TimeSpan.FromDays(5)).Published().Build();
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        ContestId = contest.Id;
        ContestCode = contest.Code;
        FieldStageId = contest.Stages.Single(s => s.Code == "CAMPO").Id;
        PublicStageId = contest.Stages.Single(s => s.Code == "PUBLICA").Id;

        var quinua = Group("Grupo Quinua", "050108", "rep1",
            (Sex.Female, 1980, true), (Sex.Female, 1997, false), (Sex.Male, 1985, false), (Sex.Male, 1970, false));
        var acocro = Group("Grupo Acocro", "050102", "rep2", (Sex.Male, 1996, false), (Sex.Female, 1960, false), (Sex.Male, 1975, false));
        var socos = Group("Grupo Socos", "050112", "rep3", (Sex.Male, 1990, false), (Sex.Male, 1991, false), (Sex.Female, 1992, true));
        db.ProducerGroups.AddRange(quinua, acocro, socos);
        await db.SaveChangesAsync();
        GroupIds = [quinua.Id, acocro.Id, socos.Id];
        var profiles = new[] { (quinua, 7_500m, true), (acocro, 6_000m, true), (socos, 7_000m, false) }.Select((p, i) =>
        {
            var profile = Profile(contest, p.Item1.Id, p.Item2, Instants.Now.AddHours(i));
            profile.DecideEligibility(p.Item3, p.Item3 ? "Cumple" : "No cumple", "admin", Instants.Now.AddHours(i));
            return profile;
        }).ToList();
        db.BusinessProfiles.AddRange(profiles);
        await db.SaveChangesAsync();
        ProfileIds = profiles.Select(p => p.Id).ToArray();
        ProfileCodes = profiles.Select(p => p.Code!).ToArray();

        // Jurors appointed in order j1, j2, j3 (their pseudonyms J01, J02, J03), each to both stages, declarations confirmed.
        for (var i = 0; i < Jurors.Length; i++)
        {
            foreach (var stageId in new[] { FieldStageId, PublicStageId })
            {
                db.JurorAppointments.Add(new JurorAppointment(contest.Id, stageId, Jurors[i], "admin", Instants.Now.AddMinutes(i)));
            }
            db.ConflictDeclarations.Add(new ConflictDeclaration(contest.Id, Jurors[i], Instants.Now));
        }
        var afterDeadline = Deadline.AddMinutes(1);
        contest.SyncWithClock(afterDeadline);
        contest.Advance(ContestTransition.StartEvaluation, afterDeadline);
        await db.SaveChangesAsync();
        Clock.SetUtcNow(new DateTimeOffset(afterDeadline.AddHours(1)));
    }

    private ProducerGroup Group(string name, string district, string representative, params (Sex Sex, int BirthYear, bool Juntos)[] households)
    {
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, LineId, new GroupLocation("05", "0501", district, "Centro " + name), Instants.Now);
        for (var i = 0; i < households.Length; i++)
        {
            var (sex, year, juntos) = households[i];
            group.AddHousehold($"{name} integrante {i + 1}", $"4{++_households:D7}", sex, year, juntos, i == 0 ? HouseholdRole.President : HouseholdRole.Member)
                .RecordRegistryCheck("PROY-1", juntosVerified: juntos, Instants.Now);
        }
        group.AppointRepresentative(representative);
        return group;
    }

    private static BusinessProfile Profile(Contest contest, int groupId, decimal fund, DateTime submittedAt)
    {
        var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, groupId, Instants.Now);
        profile.WriteSection(ProfileSection.Title, "Perfil de cuyes", Instants.Now);
        profile.AddLine("Galpón", InvestmentCategory.Infrastructure, "unidad", 1, fund, FinancedBy.Fund, Instants.Now);
        profile.AddLine("Mano de obra", InvestmentCategory.Infrastructure, "jornal", 10, 100, FinancedBy.CounterpartInKind, Instants.Now);
        profile.Submit(contest.NextProfileCode(submittedAt), submittedAt);
        return profile;
    }

    private static void AddUser(ContestsDbContext db, string id, string role)
    {
        db.Users.Add(new AppUser
        {
            Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe",
            NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(), FullName = $"Persona {id}",
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = db.Roles.Local.Single(r => r.Name == role).Id });
    }

    /// <summary>
    /// Every juror scores every eligible profile in both stages and submits: Quinua C1=18, C2=9 (total
    /// 90) from each juror; Acocro C1=14, C2=7 (total 70). Comments "Buen plan" on Quinua's C1 by j1.
    /// </summary>
    public async Task ScoreAllAsync(params string[] jurors)
    {
        jurors = jurors.Length == 0 ? Jurors : jurors;
        foreach (var juror in jurors)
        {
            foreach (var stageId in new[] { FieldStageId, PublicStageId })
            {
                await ScoreAsync(juror, stageId, ProfileIds[0], 18, 9, juror == "j1" ? "Buen plan" : null);
                await ScoreAsync(juror, stageId, ProfileIds[1], 14, 7);
            }
        }
    }

    /// <summary>A scorecard recorded and submitted straight in the database (as the scoring page would leave it).</summary>
    public async Task<int> ScoreAsync(string juror, int stageId, int profileId, decimal c1, decimal c2, string? comment = null, bool submit = true)
    {
        await using var db = Database.CreateDbContext();
        var criteria = await db.Set<ContestCriterion>().Where(c => c.ContestStageId == stageId).OrderBy(c => c.Order).ToListAsync();
        var scorecard = await db.Scorecards.Include(s => s.Points).SingleOrDefaultAsync(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.JurorUserId == juror);
        if (scorecard is null)
        {
            scorecard = new Scorecard(stageId, profileId, juror, "admin", Instants.Now);
            db.Scorecards.Add(scorecard);
        }
        var now = Clock.GetUtcNow().UtcDateTime;
        scorecard.Record(new Dictionary<int, (decimal?, string?)> { [criteria[0].Id] = (c1, comment), [criteria[1].Id] = (c2, null) }, null, now);
        if (submit)
        {
            scorecard.Submit(now);
        }
        await db.SaveChangesAsync();
        return scorecard.Id;
    }

    /// <summary>A profile submitted by a new group and left without an eligibility decision.</summary>
    public async Task<int> AddUndecidedProfileAsync()
    {
        await using var db = Database.CreateDbContext();
        var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Id == ContestId);
        var group = Group("Grupo pendiente", "050102", "rep4", (Sex.Male, 1980, false), (Sex.Male, 1981, false), (Sex.Male, 1982, false));
        db.ProducerGroups.Add(group);
        await db.SaveChangesAsync();
        var profile = Profile(contest, group.Id, 5_000m, Instants.Now.AddHours(5));
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    public async Task<Contest> ContestAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Contests.AsNoTracking().SingleAsync(c => c.Id == ContestId);
    }

    public async Task<T> WithDbAsync<T>(Func<ContestsDbContext, Task<T>> read)
    {
        await using var db = Database.CreateDbContext();
        return await read(db);
    }

    /// <summary>Publishes version 1 after every juror scored; fails the test if it does not.</summary>
    public async Task<PublishedVersion> PublishFirstAsync()
    {
        await ScoreAllAsync();
        var result = await Publication.PublishAsync(ContestId, Admin);
        Assert.True(result.Succeeded, string.Join("; ", result.Violations.Select(v => $"{v.Rule} {string.Join(",", v.Arguments)}")));
        return result.Value!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
