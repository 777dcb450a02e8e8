using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Loads production lines, regions, the demo territory and evaluation templates from seed-data/.
/// Idempotent: rows are matched by code and updated, never duplicated.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(ContestsDbContext db, SeedFolder seeds, CancellationToken cancellationToken = default)
    {
        await SeedProductionLinesAsync(db, seeds.Read<List<ProductionLineSeed>>("production-lines.json"), cancellationToken);
        await SeedRegionsAsync(db, seeds.Read<List<RegionSeed>>("regions.json"), cancellationToken);
        foreach (var file in seeds.Files("territory-*.json"))
        {
            await SeedTerritoryAsync(db, seeds.Read<TerritorySeed>(file), cancellationToken);
        }
        await SeedTemplatesAsync(db, seeds.Read<List<TemplateSeed>>("evaluation-templates.json"), cancellationToken);
    }

    private static async Task SeedProductionLinesAsync(ContestsDbContext db, List<ProductionLineSeed> seeds, CancellationToken ct)
    {
        var existing = await db.ProductionLines.ToDictionaryAsync(l => l.Code, ct);
        foreach (var seed in seeds)
        {
            if (existing.TryGetValue(seed.Code, out var line))
            {
                line.Rename(seed.Name, seed.NameEn);
            }
            else
            {
                db.ProductionLines.Add(new ProductionLine(seed.Code, seed.Name, seed.NameEn));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedRegionsAsync(ContestsDbContext db, List<RegionSeed> seeds, CancellationToken ct)
    {
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        foreach (var seed in seeds)
        {
            if (!UbigeoCode.IsRegion(seed.Code))
            {
                throw new InvalidOperationException($"Region code '{seed.Code}' is not a two-digit ubigeo.");
            }
            if (existing.TryGetValue(seed.Code, out var region))
            {
                region.Rename(seed.Name);
            }
            else
            {
                db.Regions.Add(new Region(seed.Code, seed.Name));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedTerritoryAsync(ContestsDbContext db, TerritorySeed seed, CancellationToken ct)
    {
        var provinces = await db.Provinces.Where(p => p.Code.StartsWith(seed.RegionCode)).ToDictionaryAsync(p => p.Code, ct);
        var districts = await db.Districts.Where(d => d.Code.StartsWith(seed.RegionCode)).ToDictionaryAsync(d => d.Code, ct);
        foreach (var provinceSeed in seed.Provinces)
        {
            if (!UbigeoCode.IsProvince(provinceSeed.Code) || !provinceSeed.Code.StartsWith(seed.RegionCode, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Province code '{provinceSeed.Code}' is not a province of region {seed.RegionCode}.");
            }
            if (provinces.TryGetValue(provinceSeed.Code, out var province))
            {
                province.Rename(provinceSeed.Name);
            }
            else
            {
                db.Provinces.Add(new Province(provinceSeed.Code, provinceSeed.Name));
            }
            foreach (var districtSeed in provinceSeed.Districts)
            {
                if (!UbigeoCode.IsDistrict(districtSeed.Code) || !districtSeed.Code.StartsWith(provinceSeed.Code, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"District code '{districtSeed.Code}' is not a district of province {provinceSeed.Code}.");
                }
                if (districts.TryGetValue(districtSeed.Code, out var district))
                {
                    district.Rename(districtSeed.Name);
                }
                else
                {
                    db.Districts.Add(new District(districtSeed.Code, districtSeed.Name));
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedTemplatesAsync(ContestsDbContext db, List<TemplateSeed> seeds, CancellationToken ct)
    {
        foreach (var seed in seeds)
        {
            Check(seed);
            var template = await db.EvaluationTemplates
                .Include(t => t.Stages).ThenInclude(s => s.Criteria)
                .SingleOrDefaultAsync(t => t.Code == seed.Code, ct);
            if (template is null)
            {
                template = new EvaluationTemplate(seed.Code, seed.Name, seed.Description, seed.PassMark);
                db.EvaluationTemplates.Add(template);
            }
            else if (Matches(template, seed))
            {
                continue;
            }
            else
            {
                // A template is only a starting point that contests copy, so replacing its stages is safe.
                template.Describe(seed.Name, seed.Description, seed.PassMark);
                template.ClearStages();
            }
            foreach (var stageSeed in seed.Stages)
            {
                var stage = template.AddStage(stageSeed.Code, stageSeed.Name, stageSeed.Weight, stageSeed.JurorsPerProfile);
                foreach (var c in stageSeed.Criteria)
                {
                    stage.AddCriterion(c.Code, c.Name, c.Rubric, c.MaxPoints, c.Weight);
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static bool Matches(EvaluationTemplate template, TemplateSeed seed) =>
        template.Name == seed.Name && template.Description == seed.Description && template.PassMark == seed.PassMark
        && template.Stages.Count == seed.Stages.Count
        && template.Stages.OrderBy(s => s.Order).Zip(seed.Stages).All(pair =>
            pair.First.Code == pair.Second.Code && pair.First.Name == pair.Second.Name
            && pair.First.Weight == pair.Second.Weight && pair.First.JurorsPerProfile == pair.Second.JurorsPerProfile
            && pair.First.Criteria.Count == pair.Second.Criteria.Count
            && pair.First.Criteria.OrderBy(c => c.Order).Zip(pair.Second.Criteria).All(c =>
                c.First.Code == c.Second.Code && c.First.Name == c.Second.Name && c.First.RubricMarkdown == c.Second.Rubric
                && c.First.MaxPoints == c.Second.MaxPoints && c.First.Weight == c.Second.Weight));

    private static void Check(TemplateSeed seed)
    {
        if (seed.PassMark is < 0 or > 100)
        {
            throw new InvalidOperationException($"Template {seed.Code}: the pass mark must be between 0 and 100.");
        }
        foreach (var stage in seed.Stages.Where(s => s.JurorsPerProfile < 1))
        {
            throw new InvalidOperationException($"Template {seed.Code}, stage {stage.Code}: at least one juror per profile.");
        }
        foreach (var criterion in seed.Stages.SelectMany(s => s.Criteria).Where(c => c.MaxPoints <= 0))
        {
            throw new InvalidOperationException($"Template {seed.Code}, criterion {criterion.Code}: maximum points must be positive.");
        }
        if (seed.Stages.Sum(s => s.Weight) != 100)
        {
            throw new InvalidOperationException($"Template {seed.Code}: stage weights must sum to 100.");
        }
        foreach (var stage in seed.Stages.Where(s => s.Criteria.Sum(c => c.Weight) != 100))
        {
            throw new InvalidOperationException($"Template {seed.Code}, stage {stage.Code}: criterion weights must sum to 100.");
        }
    }
}
