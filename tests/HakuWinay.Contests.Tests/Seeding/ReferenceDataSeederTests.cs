using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Seeding;

/// <summary>The seed files shipped in seed-data/ load into a migrated database, and loading them again changes nothing.</summary>
public sealed class ReferenceDataSeederTests : IAsyncLifetime
{
    private static readonly SeedFolder Shipped = new(Path.Combine(AppContext.BaseDirectory, "seed-data"));

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task All_25_regions_are_loaded()
    {
        await using var db = _database.CreateDbContext();

        var regions = await db.Regions.OrderBy(r => r.Code).ToListAsync();

        Assert.Equal(25, regions.Count);
        Assert.Equal("05", Assert.Single(regions, r => r.Name == "Ayacucho").Code);
    }

    [Fact]
    public async Task Every_production_line_of_the_seed_file_is_loaded()
    {
        var expected = Shipped.Read<List<ProductionLineSeed>>("production-lines.json");
        await using var db = _database.CreateDbContext();

        var lines = await db.ProductionLines.ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(l => l.Code).Order(), lines.Select(l => l.Code).Order());
        Assert.Contains(lines, l => l.Code == "CUYES" && l.Name == "Crianza de cuyes" && l.NameEn == "Guinea pig raising");
    }

    [Fact]
    public async Task Ayacucho_territory_has_its_11_provinces_and_their_districts()
    {
        var expected = Shipped.Read<TerritorySeed>("territory-ayacucho.json");
        await using var db = _database.CreateDbContext();

        var provinces = await db.Provinces.Where(p => p.Code.StartsWith("05")).ToListAsync();
        var districts = await db.Districts.Where(d => d.Code.StartsWith("05")).ToListAsync();

        Assert.Equal(11, provinces.Count);
        Assert.Contains(provinces, p => p.Code == "0501" && p.Name == "Huamanga");
        Assert.Equal(expected.Provinces.Sum(p => p.Districts.Count), districts.Count);
        var provinceCodes = provinces.Select(p => p.Code).ToHashSet();
        Assert.All(districts, d => Assert.Contains(d.ProvinceCode, provinceCodes));
        Assert.All(expected.Provinces, p => Assert.All(p.Districts, d => Assert.StartsWith(p.Code, d.Code, StringComparison.Ordinal)));
        Assert.All(provinces, p => Assert.Contains(districts, d => d.ProvinceCode == p.Code));
    }

    [Fact]
    public async Task Apurimac_territory_has_the_province_of_Andahuaylas_and_its_districts()
    {
        // The second region of the demo, so that staff scopes show (docs/decisions/028).
        var expected = Shipped.Read<TerritorySeed>("territory-apurimac.json");
        await using var db = _database.CreateDbContext();

        Assert.Equal(["0302"], await db.Provinces.Where(p => p.Code.StartsWith("03")).Select(p => p.Code).ToListAsync());
        Assert.Equal(expected.Provinces.Single().Districts.Count, await db.Districts.CountAsync(d => d.Code.StartsWith("0302")));
        Assert.Equal(11 + 1, await db.Provinces.CountAsync());
    }

    [Fact]
    public async Task Clar_template_has_two_stages_of_fifty_points_and_a_pass_mark_of_seventy()
    {
        await using var db = _database.CreateDbContext();

        var template = await db.EvaluationTemplates
            .Include(t => t.Stages).ThenInclude(s => s.Criteria)
            .SingleAsync(t => t.Code == "CLAR-DOS-ETAPAS");

        Assert.Equal(70, template.PassMark);
        var stages = template.Stages.OrderBy(s => s.Order).ToList();
        Assert.Equal(["CAMPO", "PUBLICA"], stages.Select(s => s.Code));
        Assert.All(stages, stage =>
        {
            Assert.Equal(50, stage.Weight);
            Assert.NotEmpty(stage.Criteria);
            Assert.Equal(100, stage.Criteria.Sum(c => c.Weight));
            Assert.Equal(Enumerable.Range(1, stage.Criteria.Count), stage.Criteria.Select(c => c.Order).Order());
        });
    }

    [Fact]
    public async Task Contest_created_from_the_seeded_template_copies_it_in_order()
    {
        await using var db = _database.CreateDbContext();
        var template = await db.EvaluationTemplates
            .Include(t => t.Stages).ThenInclude(s => s.Criteria)
            .SingleAsync(t => t.Code == "CLAR-DOS-ETAPAS");

        var contest = Contest.FromTemplate(template, "HW-2026-AYA", "Concurso Ayacucho 2026", "05", new ContestBuilder().Timeline(), Instants.Now);

        Assert.Equal(template.Stages.OrderBy(s => s.Order).Select(s => s.Code), contest.Stages.Select(s => s.Code));
        Assert.Equal(
            template.Stages.OrderBy(s => s.Order).SelectMany(s => s.Criteria.OrderBy(c => c.Order)).Select(c => c.Code),
            contest.Stages.SelectMany(s => s.Criteria).Select(c => c.Code));
    }

    [Fact]
    public void Shipped_demo_file_is_valid()
    {
        var demo = Shipped.Read<DemoSeed>("demo/demo.json");

        Assert.NotEmpty(demo.Users);
        Assert.NotEmpty(demo.Groups);
        Assert.Equal("CLAR-DOS-ETAPAS", demo.Contest.TemplateCode);
    }

    [Fact]
    public async Task Seeding_again_changes_no_row()
    {
        var before = await SnapshotAsync();

        await SeedAsync();

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task SeedAsync()
    {
        await using var db = _database.CreateDbContext();
        await ReferenceDataSeeder.SeedAsync(db, Shipped);
    }

    /// <summary>Every seeded row, by key, so a second run that adds, drops or re-creates rows shows up.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _database.CreateDbContext();
        var rows = new List<string>();
        rows.AddRange(await db.ProductionLines.OrderBy(l => l.Id).Select(l => $"line {l.Id} {l.Code} {l.Name}").ToListAsync());
        rows.AddRange(await db.Regions.OrderBy(r => r.Code).Select(r => $"region {r.Code} {r.Name}").ToListAsync());
        rows.AddRange(await db.Provinces.OrderBy(p => p.Code).Select(p => $"province {p.Code} {p.Name}").ToListAsync());
        rows.AddRange(await db.Districts.OrderBy(d => d.Code).Select(d => $"district {d.Code} {d.Name}").ToListAsync());
        rows.AddRange(await db.EvaluationTemplates.OrderBy(t => t.Id).Select(t => $"template {t.Id} {t.Code}").ToListAsync());
        rows.AddRange(await db.Set<TemplateStage>().OrderBy(s => s.Id).Select(s => $"stage {s.Id} {s.Code} {s.Weight}").ToListAsync());
        rows.AddRange(await db.Set<TemplateCriterion>().OrderBy(c => c.Id).Select(c => $"criterion {c.Id} {c.Code} {c.Weight}").ToListAsync());
        return string.Join('\n', rows);
    }
}
