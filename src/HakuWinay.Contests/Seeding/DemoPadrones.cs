using HakuWinay.Contests.Common;
using HakuWinay.Contests.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// The demo's padrones (seed-data/demo/padron-*.csv): the project HW-AYA-HUAMANGA's user households
/// and a Juntos padrón, imported through <see cref="RegistryImportService"/> as an administrator
/// would on /admin/registries, so the versions and their audit exist. Each demo group's households
/// are checked against them when the group is created, as at registration; the files leave one
/// household of Wiñay Sumaq outside the project's padrón and another declared Juntos but not in
/// Juntos's, so an eligibility checklist shows both mismatches.
/// </summary>
internal static class DemoPadrones
{
    public const string ProjectFile = "demo/padron-hw-aya-huamanga.csv";

    /// <summary>The project, written by hand first (as on the padrón page) so that it carries a name and its NEC, not only its code.</summary>
    public static readonly ProjectInput Project = new(
        "HW-AYA-HUAMANGA", "Haku Wiñay Huamanga: Acocro, Acos Vinchos, Quinua y Vinchos", "NEC Haku Wiñay Huamanga",
        ["050102", "050103", "050108", "050114"]);
    public const string JuntosFile = "demo/padron-juntos.csv";

    /// <summary>
    /// Padrones are built at a project's start (DOMAIN.md), so the import is dated before the demo
    /// cycle's first contest (created 420 days before the first start): last year's submissions
    /// are checked against a padrón that existed then.
    /// </summary>
    public const int ImportedDaysFromNow = -450;

    public static async Task ImportAsync(IServiceProvider services, SeedFolder seeds, ActingUser admin, DateTime nowUtc, CancellationToken ct)
    {
        var clock = new DemoCycleStory.StoryClock(nowUtc.AddDays(ImportedDaysFromNow));
        var projects = ActivatorUtilities.CreateInstance<RegistryProjectService>(services, clock);
        var created = await projects.CreateAsync(admin, Project, ct);
        if (!created.Succeeded && created.Violations.Any(v => v.Rule != "ProjectRules.CodeTaken"))
        {
            // CodeTaken: an earlier start made it (and an administrator may have edited it since).
            throw new InvalidOperationException($"Demo project {Project.Code} was refused: {string.Join(", ", created.Violations.Select(v => v.Rule))}.");
        }
        var imports = ActivatorUtilities.CreateInstance<RegistryImportService>(services, clock);
        await ImportFileAsync(imports, admin, RegistryKind.ProjectHouseholds, seeds, ProjectFile, ct);
        await ImportFileAsync(imports, admin, RegistryKind.Juntos, seeds, JuntosFile, ct);
    }

    private static async Task ImportFileAsync(RegistryImportService imports, ActingUser admin, RegistryKind kind, SeedFolder seeds, string file, CancellationToken ct)
    {
        var path = Path.Combine(seeds.Path, file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Seed file {path} is missing.");
        }
        // The same rows as an earlier start answer Unchanged and write nothing.
        var outcome = await imports.ImportAsync(admin, kind, Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), ct);
        if (outcome.Result is not (RegistryImportResult.Imported or RegistryImportResult.Unchanged))
        {
            throw new InvalidOperationException(
                $"Demo padrón {path} was refused ({outcome.Result}: {string.Join("; ", outcome.Errors.Select(e => $"row {e.Row} {e.Rule}"))}).");
        }
    }
}
