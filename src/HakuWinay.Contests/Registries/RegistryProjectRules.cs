using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Territories;

namespace HakuWinay.Contests.Registries;

/// <summary>A project as an administrator writes it by hand: its code, its name, its NEC and the districts it covers.</summary>
public sealed record ProjectInput(string Code, string Name, string? NecName, IReadOnlyList<string> DistrictCodes);

/// <summary>
/// What the checks of a hand-made project need to know: the catalog's districts, whether another
/// project has the code, the writer's scope, and for an edit the project's region and the districts
/// where its current padrón has households.
/// </summary>
public sealed record ProjectContext(
    IReadOnlySet<string> KnownDistricts, bool CodeTaken, StaffScope Scope, string? RegionCode = null, IReadOnlySet<string>? PadronDistricts = null);

/// <summary>
/// The checks of a project written by hand (docs/decisions/034-hand-made-projects-and-the-demo-padron.md), pure: a code
/// a padrón file can name (letters, digits, '-', '_', '.'), not taken; a name; no control characters;
/// one to <see cref="MaxDistricts"/> districts of INEI's catalog, all of one region (the project's own
/// when it exists) and inside the writer's scope; and no district dropped where the current padrón
/// still has households, whose checks would otherwise silently stop finding them.
/// </summary>
public static class RegistryProjectRules
{
    public const int MaxDistricts = 100;

    public static IReadOnlyList<RuleViolation> Check(ProjectInput input, ProjectContext context, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var violations = new List<RuleViolation>();
        if (isNew)
        {
            if (!RegistryProject.IsValidCode(input.Code))
            {
                violations.Add(new("Code", "ProjectRules.BadCode", RegistryProject.MaxCodeLength));
            }
            else if (context.CodeTaken)
            {
                violations.Add(new("Code", "ProjectRules.CodeTaken", RegistryProject.Normalize(input.Code)));
            }
        }
        Text(violations, "Name", input.Name, RegistryProject.MaxNameLength, required: true);
        Text(violations, "NecName", input.NecName, RegistryProject.MaxNecLength, required: false);

        var districts = input.DistrictCodes.Distinct(StringComparer.Ordinal).ToList();
        if (districts.Count == 0)
        {
            violations.Add(new("DistrictCodes", "ProjectRules.DistrictsRequired"));
        }
        else if (districts.Count > MaxDistricts)
        {
            violations.Add(new("DistrictCodes", "ProjectRules.TooManyDistricts", MaxDistricts));
        }
        else if (districts.FirstOrDefault(d => !context.KnownDistricts.Contains(d)) is { } unknown)
        {
            violations.Add(new("DistrictCodes", "ProjectRules.UnknownDistrict", PadronRules.Shorten(unknown)));
        }
        else
        {
            var region = context.RegionCode ?? districts[0][..2];
            if (districts.Any(d => d[..2] != region))
            {
                violations.Add(new("DistrictCodes", "ProjectRules.OneRegion", region));
            }
            else if (districts.FirstOrDefault(d => !context.Scope.Contains(d[..2], d[..4], d)) is { } outside)
            {
                violations.Add(new("DistrictCodes", "ProjectRules.OutsideScope", outside));
            }
            else if (context.PadronDistricts?.Where(d => !districts.Contains(d)).Order(StringComparer.Ordinal).FirstOrDefault() is { } kept)
            {
                violations.Add(new("DistrictCodes", "ProjectRules.DistrictHasPadron", kept));
            }
        }
        return violations;
    }

    private static void Text(List<RuleViolation> violations, string field, string? value, int maxLength, bool required)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                violations.Add(new(field, "ProjectRules.Required"));
            }
        }
        else if (text.Length > maxLength)
        {
            violations.Add(new(field, "ProjectRules.TooLong", maxLength));
        }
        else if (text.Any(char.IsControl))
        {
            violations.Add(new(field, "ProjectRules.ControlCharacters"));
        }
    }
}
