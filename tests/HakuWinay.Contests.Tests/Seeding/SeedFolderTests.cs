using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Seeding;

/// <summary>Seed files someone edited by hand: mistakes are refused with the file or template named.</summary>
public sealed class SeedFolderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contests-seed-");

    public void Dispose() => _folder.Delete(recursive: true);

    private SeedFolder Seeds => new(_folder.FullName);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder.FullName, name), json);

    [Fact]
    public void Malformed_file_is_refused_naming_the_file()
    {
        Write("production-lines.json", """[ { "code": "CUYES", "name": "Crianza de cuyes" """);

        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<ProductionLineSeed>>("production-lines.json"));

        Assert.Contains("production-lines.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_the_wrong_shape_is_refused_naming_the_file()
    {
        Write("regions.json", """{ "code": "05", "name": "Ayacucho" }""");

        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<RegionSeed>>("regions.json"));

        Assert.Contains("regions.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_refused_naming_the_file()
    {
        Write("regions.json", "null");

        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<RegionSeed>>("regions.json"));

        Assert.Contains("regions.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_refused_naming_the_file()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<RegionSeed>>("regions.json"));

        Assert.Contains("regions.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_missing_a_field_is_refused_naming_the_file()
    {
        // "maxPoints" forgotten: it must not load as a criterion worth 0 points.
        Write("evaluation-templates.json", """
            [ { "code": "CLAR", "name": "CLAR", "description": "", "passMark": 70,
                "stages": [ { "code": "CAMPO", "name": "Campo", "weight": 100, "jurorsPerProfile": 2,
                              "criteria": [ { "code": "A", "name": "A", "rubric": "", "weight": 100 } ] } ] } ]
            """);

        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<TemplateSeed>>("evaluation-templates.json"));

        Assert.Contains("evaluation-templates.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_with_null_where_a_value_is_required_is_refused_naming_the_file()
    {
        Write("production-lines.json", """[ { "code": "CUYES", "name": "Crianza de cuyes", "nameEn": null } ]""");

        var error = Assert.Throws<InvalidOperationException>(() => Seeds.Read<List<ProductionLineSeed>>("production-lines.json"));

        Assert.Contains("production-lines.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_field_may_be_null()
    {
        Write("users.json", """[ { "email": "a@demo.hakuwinay.pe", "fullName": "Ana", "role": "Juror", "institution": null, "districtCode": null } ]""");

        var users = Seeds.Read<List<DemoUserSeed>>("users.json");

        Assert.Null(Assert.Single(users).Institution);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        Write("regions.json", """
            [
              // Only the demo region.
              { "code": "05", "name": "Ayacucho", },
            ]
            """);

        var regions = Seeds.Read<List<RegionSeed>>("regions.json");

        Assert.Equal([new RegionSeed("05", "Ayacucho")], regions);
    }

    [Fact]
    public void Territory_files_are_listed_in_name_order()
    {
        Write("territory-cusco.json", "{}");
        Write("territory-ayacucho.json", "{}");
        Write("regions.json", "[]");

        Assert.Equal(["territory-ayacucho.json", "territory-cusco.json"], Seeds.Files("territory-*.json"));
    }

    [Theory]
    [InlineData(60, 50, 100, 100)]
    [InlineData(50, 50, 90, 100)]
    [InlineData(50, 50, 100, 110)]
    public async Task Template_whose_weights_do_not_sum_to_100_is_refused(int fieldWeight, int publicWeight, int fieldCriteria, int publicCriteria)
    {
        Write("production-lines.json", "[]");
        Write("regions.json", "[]");
        Write("evaluation-templates.json", $$"""
            [
              {
                "code": "CLAR-MAL", "name": "Mal sumada", "description": "", "passMark": 70,
                "stages": [
                  { "code": "CAMPO", "name": "Campo", "weight": {{fieldWeight}}, "jurorsPerProfile": 2,
                    "criteria": [
                      { "code": "A", "name": "A", "rubric": "", "maxPoints": 10, "weight": {{fieldCriteria - 40}} },
                      { "code": "B", "name": "B", "rubric": "", "maxPoints": 10, "weight": 40 } ] },
                  { "code": "PUBLICA", "name": "Pública", "weight": {{publicWeight}}, "jurorsPerProfile": 3,
                    "criteria": [ { "code": "C", "name": "C", "rubric": "", "maxPoints": 10, "weight": {{publicCriteria}} } ] }
                ]
              }
            ]
            """);
        await using var database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = database.CreateDbContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReferenceDataSeeder.SeedAsync(db, Seeds));

        Assert.Contains("CLAR-MAL", error.Message, StringComparison.Ordinal);
        await using var check = database.CreateDbContext();
        Assert.False(await check.EvaluationTemplates.AnyAsync());
    }

    [Theory]
    [InlineData(120, 2, 10, "pass mark")]
    [InlineData(70, 0, 10, "juror")]
    [InlineData(70, 2, 0, "maximum points")]
    public async Task Template_with_an_impossible_pass_mark_jury_or_maximum_is_refused(int passMark, int jurors, int maxPoints, string named)
    {
        Write("production-lines.json", "[]");
        Write("regions.json", "[]");
        Write("evaluation-templates.json", $$"""
            [
              {
                "code": "CLAR-RARA", "name": "Rara", "description": "", "passMark": {{passMark}},
                "stages": [
                  { "code": "UNICA", "name": "Única", "weight": 100, "jurorsPerProfile": {{jurors}},
                    "criteria": [ { "code": "A", "name": "A", "rubric": "", "maxPoints": {{maxPoints}}, "weight": 100 } ] }
                ]
              }
            ]
            """);
        await using var database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = database.CreateDbContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReferenceDataSeeder.SeedAsync(db, Seeds));

        Assert.Contains("CLAR-RARA", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
