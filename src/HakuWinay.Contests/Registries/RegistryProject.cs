namespace HakuWinay.Contests.Registries;

/// <summary>
/// A Haku Wiñay project: run by a territorial unit through its NEC, in a few districts of one
/// region. Its padrón lists the households that are its users; only they take part in the
/// contests that require project membership. Created by hand or by the first import of its padrón.
/// </summary>
public sealed class RegistryProject
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxNecLength = 200;

    private readonly List<RegistryProjectDistrict> _districts = [];

    private RegistryProject() { }

    public RegistryProject(string code, string name, string regionCode, DateTime createdAtUtc)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException($"'{code}' is not a project code (letters, digits, '-', '_', '.', at most {MaxCodeLength}).", nameof(code));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Catalog.UbigeoCode.IsRegion(regionCode))
        {
            throw new ArgumentException($"'{regionCode}' is not a region's ubigeo.", nameof(regionCode));
        }
        Code = Normalize(code);
        Name = name.Trim().Length <= MaxNameLength ? name.Trim() : name.Trim()[..MaxNameLength];
        RegionCode = regionCode;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    /// <summary>The Núcleo Ejecutor Central that runs the project (its name), when known.</summary>
    public string? NecName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public IReadOnlyList<RegistryProjectDistrict> Districts => _districts;

    /// <summary>Adds the districts not yet covered; a district of another region is refused.</summary>
    public void Cover(IEnumerable<string> districtCodes)
    {
        foreach (var code in districtCodes.Distinct(StringComparer.Ordinal))
        {
            if (!Catalog.UbigeoCode.IsDistrict(code) || code[..2] != RegionCode)
            {
                throw new ArgumentException($"District '{code}' is not in region {RegionCode}.", nameof(districtCodes));
            }
            if (_districts.All(d => d.DistrictCode != code))
            {
                _districts.Add(new RegistryProjectDistrict(code));
            }
        }
    }

    /// <summary>Names the project and its NEC (checked by <see cref="RegistryProjectRules"/>).</summary>
    public void Describe(string name, string? necName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Trim().Length > MaxNameLength || necName?.Trim().Length > MaxNecLength)
        {
            throw new ArgumentException($"A project's name and its NEC's have at most {MaxNameLength} characters.", nameof(name));
        }
        Name = name.Trim();
        NecName = string.IsNullOrWhiteSpace(necName) ? null : necName.Trim();
    }

    /// <summary>Covers exactly <paramref name="districtCodes"/>: the new ones are added, the others dropped.</summary>
    public void CoverOnly(IReadOnlyCollection<string> districtCodes)
    {
        ArgumentNullException.ThrowIfNull(districtCodes);
        Cover(districtCodes);
        _districts.RemoveAll(d => !districtCodes.Contains(d.DistrictCode));
    }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static bool IsValidCode(string? code) =>
        code is not null && code.Trim() is { Length: > 0 and <= MaxCodeLength } trimmed
        && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

/// <summary>A district a project works in (its six-digit ubigeo).</summary>
public sealed class RegistryProjectDistrict
{
    private RegistryProjectDistrict() { }

    internal RegistryProjectDistrict(string districtCode) => DistrictCode = districtCode;

    public int Id { get; private set; }
    public int RegistryProjectId { get; private set; }
    public string DistrictCode { get; private set; } = "";
}
