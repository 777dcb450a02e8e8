using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Registries;

/// <summary>A household row of a project's padrón, checked.</summary>
public sealed record PadronHouseholdRow(
    int Row, string RepresentativeDni, string FullName, Sex? Sex, DateOnly? BirthDate, string CentroPoblado, string DistrictCode,
    IReadOnlyList<string> MemberDnis);

/// <summary>A row of the Juntos padrón, checked: the titular's DNI, the district and the period ("yyyy-MM").</summary>
public sealed record JuntosRow(int Row, string Dni, string DistrictCode, string Period);

/// <summary>What the import knows before it reads a file: the districts of INEI's catalog and the project's region when it exists.</summary>
public sealed record PadronContext(IReadOnlySet<string> Districts, Func<string, string?> ProjectRegion);

/// <summary>A project's padrón, read whole: its project, its rows and the hash of its content; or the errors and nothing.</summary>
public sealed record PadronFile(string ProjectCode, IReadOnlyList<PadronHouseholdRow> Rows, string RowsSha256, IReadOnlyList<RegistryError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public int People => Rows.Sum(r => 1 + r.MemberDnis.Count);
}

public sealed record JuntosFile(IReadOnlyList<JuntosRow> Rows, string RowsSha256, IReadOnlyList<RegistryError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The checks of a padrón's rows, pure: every DNI eight digits, the required cells present, sex and
/// birth date readable when given, the district in the catalog (and in the project's region), one
/// project per file, no DNI twice in the file. Any error rejects the whole file. The content hash
/// is over the rows sorted by DNI, so the same padrón saved in another order or format is the same.
/// </summary>
public static class PadronRules
{
    public static IReadOnlyList<string> HouseholdColumns { get; } =
        ["codigo_proyecto", "dni_representante", "nombres", "centro_poblado", "ubigeo_distrito"];

    public static IReadOnlyList<string> OptionalHouseholdColumns { get; } = ["sexo", "fecha_nacimiento", "dni_miembros"];

    public static IReadOnlyList<string> JuntosColumns { get; } = ["dni_titular", "ubigeo_distrito", "periodo"];

    /// <summary>The most members a padrón household lists (a sanity bound against a runaway cell).</summary>
    public const int MaxMembers = 30;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"];

    public static PadronFile ReadHouseholds(RegistryTable table, PadronContext context, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        var headerErrors = new List<RegistryError>();
        var columns = RegistryColumns.Locate(table, HouseholdColumns, OptionalHouseholdColumns, headerErrors);
        if (columns is null)
        {
            return new PadronFile("", [], "", headerErrors);
        }
        if (table.Rows.Count == 0)
        {
            return new PadronFile("", [], "", [new RegistryError(null, "Registry.NoRows")]);
        }
        var errors = new RegistryErrorList();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<PadronHouseholdRow>(table.Rows.Count);
        string? project = null;
        string? region = null;
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var code = columns.Cell(row, "codigo_proyecto");
            if (!RegistryProject.IsValidCode(code))
            {
                errors.Add(new(row.Row, "Registry.BadProjectCode", Shorten(code)));
            }
            else if (project is null)
            {
                project = RegistryProject.Normalize(code);
                region = context.ProjectRegion(project);
            }
            else if (RegistryProject.Normalize(code) != project)
            {
                errors.Add(new(row.Row, "Registry.OtherProject", Shorten(code), project));
            }
            var dni = Dni(row, columns.Cell(row, "dni_representante"), "dni_representante", errors);
            var name = Text(row, columns.Cell(row, "nombres"), "nombres", RegistryHousehold.MaxNameLength, errors);
            var centro = Text(row, columns.Cell(row, "centro_poblado"), "centro_poblado", RegistryHousehold.MaxCentroPobladoLength, errors);
            var district = District(row, columns.Cell(row, "ubigeo_distrito"), context, errors);
            if (district.Length > 0 && region is not null && district[..2] != region)
            {
                errors.Add(new(row.Row, "Registry.DistrictOutsideProject", district, project!, region));
            }
            // The project's region is its first row's when the project is new.
            region ??= district.Length > 0 && project is not null ? district[..2] : null;
            var sex = SexOf(row, columns.Cell(row, "sexo"), errors);
            var birth = BirthDate(row, columns.Cell(row, "fecha_nacimiento"), today, errors);
            var members = Members(row, columns.Cell(row, "dni_miembros"), dni, errors);
            foreach (var person in members.Prepend(dni).Where(d => d.Length > 0))
            {
                if (!firstRowOf.TryAdd(person, row.Row))
                {
                    errors.Add(new(row.Row, "Registry.DuplicateDni", person, firstRowOf[person]));
                }
            }
            if (errors.Count == before)
            {
                rows.Add(new PadronHouseholdRow(row.Row, dni, name, sex, birth, centro, district, members));
            }
        }
        if (errors.Count > 0)
        {
            return new PadronFile(project ?? "", [], "", errors.ToList());
        }
        var hash = Hash(rows.OrderBy(r => r.RepresentativeDni, StringComparer.Ordinal).Select(r => new[]
        {
            r.RepresentativeDni, r.FullName, r.Sex?.ToString() ?? "", r.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            r.CentroPoblado, r.DistrictCode, string.Join(' ', r.MemberDnis.Order(StringComparer.Ordinal)),
        }));
        return new PadronFile(project!, rows, hash, []);
    }

    public static JuntosFile ReadJuntos(RegistryTable table, IReadOnlySet<string> districts)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(districts);
        var headerErrors = new List<RegistryError>();
        var columns = RegistryColumns.Locate(table, JuntosColumns, [], headerErrors);
        if (columns is null)
        {
            return new JuntosFile([], "", headerErrors);
        }
        if (table.Rows.Count == 0)
        {
            return new JuntosFile([], "", [new RegistryError(null, "Registry.NoRows")]);
        }
        var context = new PadronContext(districts, _ => null);
        var errors = new RegistryErrorList();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<JuntosRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var dni = Dni(row, columns.Cell(row, "dni_titular"), "dni_titular", errors);
            var district = District(row, columns.Cell(row, "ubigeo_distrito"), context, errors);
            var period = Period(row, columns.Cell(row, "periodo"), errors);
            if (dni.Length > 0 && !firstRowOf.TryAdd(dni, row.Row))
            {
                errors.Add(new(row.Row, "Registry.DuplicateDni", dni, firstRowOf[dni]));
            }
            if (errors.Count == before)
            {
                rows.Add(new JuntosRow(row.Row, dni, district, period));
            }
        }
        if (errors.Count > 0)
        {
            return new JuntosFile([], "", errors.ToList());
        }
        var hash = Hash(rows.OrderBy(r => r.Dni, StringComparer.Ordinal).Select(r => new[] { r.Dni, r.DistrictCode, r.Period }));
        return new JuntosFile(rows, hash, []);
    }

    private static string Dni(RegistryTableRow row, string value, string column, RegistryErrorList errors)
    {
        if (value.Length == 0)
        {
            errors.Add(new(row.Row, "Registry.Required", column));
            return "";
        }
        // Excel keeps a DNI typed as a number without its leading zero: 01234567 arrives as 1234567.
        // Only that one zero is restored; a shorter number is a wrong DNI, not a shortened one.
        var dni = value.Length == 7 && value.All(char.IsAsciiDigit) ? "0" + value : value;
        if (!Identifiers.IsValidDni(dni))
        {
            errors.Add(new(row.Row, "Registry.BadDni", column, Shorten(value)));
            return "";
        }
        return dni;
    }

    private static string Text(RegistryTableRow row, string value, string column, int maxLength, RegistryErrorList errors)
    {
        if (value.Length == 0)
        {
            errors.Add(new(row.Row, "Registry.Required", column));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new(row.Row, "Registry.TooLong", column, maxLength));
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(new(row.Row, "Registry.ControlCharacters", column));
        }
        // A cell that starts with "=" is a name to keep, not a formula: it is stored as written and
        // every CSV the portal writes neutralises it (CsvWriter).
        return value;
    }

    private static string District(RegistryTableRow row, string value, PadronContext context, RegistryErrorList errors)
    {
        if (value.Length == 0)
        {
            errors.Add(new(row.Row, "Registry.Required", "ubigeo_distrito"));
            return "";
        }
        var code = value.Length == 5 && value.All(char.IsAsciiDigit) ? "0" + value : value;
        if (!context.Districts.Contains(code))
        {
            errors.Add(new(row.Row, "Registry.UnknownDistrict", Shorten(value)));
            return "";
        }
        return code;
    }

    private static Sex? SexOf(RegistryTableRow row, string value, RegistryErrorList errors)
    {
        switch (value.ToUpperInvariant())
        {
            case "":
                return null;
            case "F" or "FEMENINO" or "MUJER":
                return Sex.Female;
            case "M" or "MASCULINO" or "HOMBRE" or "VARON" or "VARÓN":
                return Sex.Male;
            default:
                errors.Add(new(row.Row, "Registry.BadSex", Shorten(value)));
                return null;
        }
    }

    private static DateOnly? BirthDate(RegistryTableRow row, string value, DateOnly today, RegistryErrorList errors)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < Household.MinBirthYear || date > today)
        {
            errors.Add(new(row.Row, "Registry.BadDate", Shorten(value)));
            return null;
        }
        return date;
    }

    private static List<string> Members(RegistryTableRow row, string value, string representative, RegistryErrorList errors)
    {
        var members = new List<string>();
        foreach (var part in value.Split([' ', '|', ';', ',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Identifiers.IsValidDni(part))
            {
                errors.Add(new(row.Row, "Registry.BadDni", "dni_miembros", Shorten(part)));
            }
            else if (part == representative || members.Contains(part))
            {
                errors.Add(new(row.Row, "Registry.DuplicateDni", part, row.Row));
            }
            else
            {
                members.Add(part);
            }
        }
        if (members.Count > MaxMembers)
        {
            errors.Add(new(row.Row, "Registry.TooManyMembers", MaxMembers));
        }
        return members;
    }

    private static string Period(RegistryTableRow row, string value, RegistryErrorList errors)
    {
        var text = value.Replace('/', '-');
        if (text.Length == 6 && text.All(char.IsAsciiDigit))
        {
            text = text[..4] + "-" + text[4..];
        }
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year < 2005)
        {
            errors.Add(new(row.Row, value.Length == 0 ? "Registry.Required" : "Registry.BadPeriod", value.Length == 0 ? "periodo" : Shorten(value)));
            return "";
        }
        return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static string Hash(IEnumerable<string[]> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', row) + "\u001e"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
