using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Groups;

public sealed class GroupQueriesTests : IAsyncLifetime
{
    private const string Shared = "47000001";
    private SqliteTestDatabase _database = null!;
    private Contest _first = null!;
    private Contest _second = null!;
    private ProducerGroup _a = null!;
    private ProducerGroup _b = null!;
    private ProducerGroup _c = null!;
    private ProducerGroup _d = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = _database.CreateDbContext();
        var cuyes = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        var trucha = new ProductionLine("TRUCHA", "Truchas", "Trout");
        db.ProductionLines.AddRange(cuyes, trucha);
        db.Regions.Add(new Region("05", "Ayacucho"));
        db.Provinces.AddRange(new Province("0501", "Huamanga"), new Province("0502", "Cangallo"));
        db.Districts.AddRange(new District("050108", "Quinua"), new District("050201", "Cangallo"));
        _first = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(10)).Published().Build();
        _second = new ContestBuilder().WithCode("AYA-2026-02").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(10)).Published().Build();
        db.Contests.AddRange(_first, _second);
        db.Users.AddRange(
            new AppUser { Id = "rep-a", UserName = "a@t.pe", Email = "a@t.pe", FullName = "Rep A" },
            new AppUser { Id = "rep-b", UserName = "b@t.pe", Email = "b@t.pe", FullName = "Rep B" });
        await db.SaveChangesAsync();
        // A and B share a DNI and both apply to the first contest; C shares it too but applies to the
        // second; D shares it and withdrew from the first.
        _a = Group(db, "A", cuyes.Id, "050108", "rep-a", Shared, "47000002");
        _b = Group(db, "B", cuyes.Id, "050108", "rep-b", Shared, "47000003");
        _c = Group(db, "C", trucha.Id, "050201", null, Shared, "47000004");
        _d = Group(db, "D", trucha.Id, "050201", null, Shared, "47000005");
        _b.Verify("admin", Instants.Now);
        await db.SaveChangesAsync();
        Apply(db, _first, _a);
        Apply(db, _first, _b);
        Apply(db, _second, _c);
        Apply(db, _first, _d).Withdraw("Ya no participamos", Instants.Now, _first.Timeline.SubmissionsCloseAtUtc);
        await db.SaveChangesAsync();
    }

    private static ProducerGroup Group(ContestsDbContext db, string name, int lineId, string district, string? representative, params string[] dnis)
    {
        var group = new ProducerGroup($"Grupo {name}", LegalForm.InformalGroup, null, lineId, GroupLocation.InDistrict(district, "Centro"), Instants.Now);
        if (representative is not null)
        {
            group.RecordSelfRegistration(representative);
        }
        foreach (var dni in dnis)
        {
            group.AddHousehold($"Socia {dni} de {name}", dni, Sex.Female, 1990, false, HouseholdRole.Member);
        }
        db.ProducerGroups.Add(group);
        return group;
    }

    private static BusinessProfile Apply(ContestsDbContext db, Contest contest, ProducerGroup group)
    {
        var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Instants.Now);
        db.BusinessProfiles.Add(profile);
        return profile;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private GroupQueries Queries() => new(_database, new FakeTimeProvider(new DateTimeOffset(Instants.Now)));

    [Fact]
    public async Task A_dni_in_two_groups_applying_to_the_same_contest_is_flagged_with_both_groups()
    {
        var duplicates = await Queries().DuplicateDnisByContestAsync();

        var duplicate = Assert.Single(duplicates);
        Assert.Equal((_first.Id, "AYA-2026-01", Shared), (duplicate.ContestId, duplicate.ContestCode, duplicate.Dni));
        Assert.Equal(["Grupo A", "Grupo B"], duplicate.Members.Select(m => m.GroupName));
    }

    [Fact]
    public async Task A_dni_in_groups_of_different_contests_is_not_flagged()
    {
        var duplicates = await Queries().DuplicateDnisByContestAsync();

        Assert.DoesNotContain(duplicates, d => d.ContestId == _second.Id);
        Assert.DoesNotContain(duplicates.SelectMany(d => d.Members), m => m.GroupId == _c.Id || m.GroupId == _d.Id);
    }

    [Fact]
    public async Task The_admin_sees_every_other_group_that_shares_a_dni_and_others_do_not()
    {
        var forAdmin = await Queries().GetAsync(new ActingUser("admin", IsAdmin: true), _a.Id);
        var forRepresentative = await Queries().GetAsync(new ActingUser("rep-a"), _a.Id);

        Assert.Equal(["Grupo B", "Grupo C", "Grupo D"], forAdmin.Value!.SharedDnis.Select(s => s.OtherGroupName).Order());
        Assert.Empty(forRepresentative.Value!.SharedDnis);
    }

    [Fact]
    public async Task A_representative_reads_only_its_own_group()
    {
        Assert.Equal(ServiceOutcome.Forbidden, (await Queries().GetAsync(new ActingUser("rep-b"), _a.Id)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await Queries().GetAsync(new ActingUser("rep-a"), _c.Id)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Queries().GetAsync(new ActingUser("rep-a"), 999)).Outcome);
        var own = await Queries().GetAsync(new ActingUser("rep-a"), _a.Id);
        Assert.Equal(("Grupo A", "Quinua", "Huamanga", "Ayacucho"), (own.Value!.Name, own.Value.DistrictName, own.Value.ProvinceName, own.Value.RegionName));
        Assert.Equal(ServiceOutcome.Ok, (await Queries().GetAsync(new ActingUser("tech", IsTechnician: true), _c.Id)).Outcome);
    }

    [Fact]
    public async Task The_admin_list_filters_by_verification_place_and_line()
    {
        var queries = Queries();

        Assert.Equal(["Grupo A", "Grupo B", "Grupo C", "Grupo D"], (await queries.ListForAdminAsync(new())).Select(r => r.Name));
        Assert.Equal(["Grupo B"], (await queries.ListForAdminAsync(new(Verified: true))).Select(r => r.Name));
        Assert.Equal(["Grupo A", "Grupo C", "Grupo D"], (await queries.ListForAdminAsync(new(Verified: false))).Select(r => r.Name));
        Assert.Equal(["Grupo C", "Grupo D"], (await queries.ListForAdminAsync(new(ProvinceCode: "0502"))).Select(r => r.Name));
        Assert.Equal(["Grupo A", "Grupo B"], (await queries.ListForAdminAsync(new(DistrictCode: "050108"))).Select(r => r.Name));
        Assert.Equal(["Grupo C", "Grupo D"], (await queries.ListForAdminAsync(new(ProductionLineId: _c.ProductionLineId))).Select(r => r.Name));
        Assert.Empty(await queries.ListForAdminAsync(new(RegionCode: "06")));
        Assert.All(await queries.ListForAdminAsync(new()), r => Assert.Equal(1, r.SharedDnis));
    }

    [Fact]
    public async Task A_representative_finds_its_group()
    {
        Assert.Equal(_a.Id, await Queries().GroupOfRepresentativeAsync("rep-a"));
        Assert.Null(await Queries().GroupOfRepresentativeAsync("nobody"));
    }
}
