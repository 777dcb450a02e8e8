using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class ProfilePersistenceTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private int _profileId;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        var contest = new ContestBuilder().WithCategory("IDEA").Build();
        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 40m);
        db.Contests.Add(contest);
        var group = new ProducerGroup("Warmi Kallpa", LegalForm.InformalGroup, null, 0, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        await db.SaveChangesAsync();
        db.Entry(group).Property(g => g.ProductionLineId).CurrentValue = line.Id;
        db.ProducerGroups.Add(group);
        await db.SaveChangesAsync();
        var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Instants.Now);
        profile.WriteSection(ProfileSection.Title, "Cuyes mejorados para el mercado de Huamanga", Instants.Now);
        profile.AddLine("Jaulas", InvestmentCategory.Equipment, "unidad", 10, 250.50m, FinancedBy.Fund, Instants.Now);
        profile.AddLine("Mano de obra", InvestmentCategory.InputsAndMaterials, "jornal", 20, 40m, FinancedBy.CounterpartInKind, Instants.Now);
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync();
        _profileId = profile.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<BusinessProfile> LoadAsync(ContestsDbContext db) =>
        db.BusinessProfiles.Include(p => p.Lines).SingleAsync(p => p.Id == _profileId);

    [Fact]
    public async Task A_draft_round_trips_with_its_lines_totals_and_caps()
    {
        await using var db = _database.CreateDbContext();

        var profile = await LoadAsync(db);
        var contest = await db.Contests.Include(c => c.InvestmentCaps).SingleAsync(c => c.Id == profile.ContestId);

        Assert.Equal("Cuyes mejorados para el mercado de Huamanga", profile.Title);
        Assert.Equal(2, profile.Lines.Count);
        Assert.Equal((2_505m, 800m), (profile.Totals.FundRequest, profile.Totals.CounterpartInKind));
        Assert.Equal(40m, Assert.Single(contest.InvestmentCaps).MaxPercentOfFund);
    }

    [Fact]
    public async Task Two_tabs_editing_the_same_draft_cannot_overwrite_each_other()
    {
        await using var firstTab = _database.CreateDbContext();
        await using var secondTab = _database.CreateDbContext();
        var first = await LoadAsync(firstTab);
        var second = await LoadAsync(secondTab);

        first.WriteSection(ProfileSection.Summary, "Resumen escrito en el primer tab", Instants.Now);
        await firstTab.SaveChangesAsync();
        second.WriteSection(ProfileSection.Summary, "Resumen escrito en el segundo tab", Instants.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondTab.SaveChangesAsync());
        await using var check = _database.CreateDbContext();
        Assert.Equal("Resumen escrito en el primer tab", (await LoadAsync(check)).Summary);
    }

    [Fact]
    public async Task Adding_a_line_in_one_tab_makes_a_stale_save_in_another_fail()
    {
        await using var firstTab = _database.CreateDbContext();
        await using var secondTab = _database.CreateDbContext();
        var first = await LoadAsync(firstTab);
        var second = await LoadAsync(secondTab);

        first.AddLine("Alimento balanceado", InvestmentCategory.InputsAndMaterials, "saco", 5, 90m, FinancedBy.Fund, Instants.Now);
        await firstTab.SaveChangesAsync();
        second.RemoveLine(second.Lines[0].Id, Instants.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondTab.SaveChangesAsync());
    }
}
