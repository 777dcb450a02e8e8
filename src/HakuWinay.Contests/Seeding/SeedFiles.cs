using System.Text.Json;
using System.Text.Json.Serialization;

namespace HakuWinay.Contests.Seeding;

// The shapes of the JSON files in seed-data/. They are read, checked and upserted by code, so
// loading them again changes nothing.

public sealed record ProductionLineSeed(string Code, string Name, string NameEn);

public sealed record RegionSeed(string Code, string Name);

public sealed record TerritorySeed(string RegionCode, IReadOnlyList<ProvinceSeed> Provinces);

public sealed record ProvinceSeed(string Code, string Name, IReadOnlyList<DistrictSeed> Districts);

public sealed record DistrictSeed(string Code, string Name);

public sealed record TemplateSeed(string Code, string Name, string Description, decimal PassMark, IReadOnlyList<StageSeed> Stages);

public sealed record StageSeed(string Code, string Name, decimal Weight, int JurorsPerProfile, IReadOnlyList<CriterionSeed> Criteria);

public sealed record CriterionSeed(string Code, string Name, string Rubric, decimal MaxPoints, decimal Weight);

public sealed record DemoSeed(string Password, IReadOnlyList<DemoUserSeed> Users, DemoContestSeed Contest, IReadOnlyList<DemoGroupSeed> Groups,
    IReadOnlyList<DemoAppointmentSeed>? JurorAppointments = null);

/// <summary>A demo juror appointed to stages of the demo contest.</summary>
public sealed record DemoAppointmentSeed(string Email, IReadOnlyList<string> StageCodes);

/// <summary>A demo account; <see cref="Scope"/> gives staff their areas (docs/decisions/028), none being national.</summary>
public sealed record DemoUserSeed(string Email, string FullName, string Role, string? Institution, string? DistrictCode, IReadOnlyList<string>? Scope = null);

public sealed record DemoContestSeed(
    string Code, string Title, string TemplateCode, string RegionCode, string? ProvinceCode, string? DistrictCode,
    string BasesMarkdown, int OpensDaysFromNow, int ClosesDaysFromNow, int? FieldEvaluationStartsDaysFromNow,
    int? FieldEvaluationEndsDaysFromNow, int? PublicSessionDaysFromNow, int? ResultsDaysFromNow,
    IReadOnlyList<DemoCategorySeed> Categories, IReadOnlyList<string> EligibleProductionLineCodes,
    int? MinHouseholds = null, int? MaxHouseholds = null, decimal? MinCounterpartPercent = null,
    IReadOnlyDictionary<string, decimal>? InvestmentCaps = null, IReadOnlyList<string>? EligibilityChecklist = null,
    string? Aggregation = null, IReadOnlyList<DemoTrancheSeed>? Tranches = null, IReadOnlyList<int>? FollowUpVisitDays = null,
    IReadOnlyList<DemoDocumentSlotSeed>? DocumentSlots = null);

/// <summary>A document the demo contest requires; the demo's submitted profiles carry a generated PDF in each.</summary>
public sealed record DemoDocumentSlotSeed(string Name, string? Description, bool IsRequired, bool PdfOnly);

public sealed record DemoTrancheSeed(decimal Percent, string Trigger, decimal? RequiredAccountedPercent = null);

public sealed record DemoCategorySeed(string Code, string Name, decimal Budget, decimal MaxAward);

public sealed record DemoGroupSeed(
    string Name, string LegalForm, string? Ruc, string ProductionLineCode, string RegionCode, string ProvinceCode,
    string DistrictCode, string CentroPoblado, string RepresentativeEmail, IReadOnlyList<DemoHouseholdSeed> Households,
    DemoProfileSeed? Profile = null);

/// <summary>
/// A demo group's business profile in the demo contest, submitted and declared eligible, so the
/// jury's work (assignment, scoring, the live session) can be tried right after <c>dotnet run</c>.
/// </summary>
public sealed record DemoProfileSeed(
    string CategoryCode, IReadOnlyDictionary<string, string> Sections, decimal? ExpectedSalesPerYear, int? ExpectedJobs,
    int? HouseholdsBenefiting, IReadOnlyList<DemoPlanLineSeed> Lines);

public sealed record DemoPlanLineSeed(string Description, string Category, string Unit, decimal Quantity, decimal UnitCost, string FinancedBy);

public sealed record DemoHouseholdSeed(string HeadFullName, string Dni, string Sex, int BirthYear, bool IsJuntosUser, string Role);

/// <summary>Reads seed files; a missing or malformed file is an error that names the file.</summary>
public sealed class SeedFolder(string path)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // A forgotten or null field is a malformed file, not a silent null or zero in the database.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public string Path { get; } = path;

    public T Read<T>(string relativePath)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Seed file {file} is missing.");
        }
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new InvalidOperationException($"Seed file {file} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Seed file {file} is not valid: {ex.Message}", ex);
        }
    }

    public IEnumerable<string> Files(string pattern) =>
        Directory.Exists(Path) ? Directory.EnumerateFiles(Path, pattern).Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal) : [];
}
