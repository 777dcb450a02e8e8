using HakuWinay.Contests.Catalog;

namespace HakuWinay.Contests.Territories;

/// <summary>
/// Where a member of staff works: the whole country, or a set of areas, each a region (two digits),
/// a province (four) or a district (six) of INEI's ubigeo. A place is inside the scope when one area
/// is the place itself or one of its parents: a region's scope holds its provinces and districts; a
/// district's scope does not hold a contest of the whole region around it (docs/decisions/028).
/// </summary>
public sealed record StaffScope
{
    public static StaffScope National { get; } = new(isNational: true, []);

    private StaffScope(bool isNational, IReadOnlyList<string> areas)
    {
        IsNational = isNational;
        Areas = areas;
    }

    /// <summary>A scope of these areas; an area inside another one given is dropped, being already held by it.</summary>
    public static StaffScope Of(IEnumerable<string> areas)
    {
        var codes = areas.Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            throw new ArgumentException("A territorial scope needs at least one area; the national scope is StaffScope.National.", nameof(areas));
        }
        if (codes.FirstOrDefault(c => !IsArea(c)) is { } wrong)
        {
            throw new ArgumentException($"'{wrong}' is not a region, province or district code.", nameof(areas));
        }
        var kept = codes.Where(c => !codes.Any(other => other != c && c.StartsWith(other, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        return new StaffScope(isNational: false, kept);
    }

    public bool IsNational { get; }

    /// <summary>The areas, ordered; empty when national.</summary>
    public IReadOnlyList<string> Areas { get; }

    public IReadOnlyList<string> RegionCodes => Areas.Where(UbigeoCode.IsRegion).ToList();
    public IReadOnlyList<string> ProvinceCodes => Areas.Where(UbigeoCode.IsProvince).ToList();
    public IReadOnlyList<string> DistrictCodes => Areas.Where(UbigeoCode.IsDistrict).ToList();

    /// <summary>The regions this scope reaches into, whole or in part: the choices of a contest's region.</summary>
    public IReadOnlyList<string> TouchedRegionCodes => Areas.Select(a => a[..2]).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsArea(string? code) => UbigeoCode.IsRegion(code) || UbigeoCode.IsProvince(code) || UbigeoCode.IsDistrict(code);

    /// <summary>
    /// Whether a place (a contest's region and optional province and district, or a group's district)
    /// is inside the scope: its most precise code starts with one of the areas.
    /// </summary>
    public bool Contains(string regionCode, string? provinceCode = null, string? districtCode = null)
    {
        if (IsNational)
        {
            return true;
        }
        var place = districtCode ?? provinceCode ?? regionCode;
        return !string.IsNullOrEmpty(place) && Areas.Any(a => place.StartsWith(a, StringComparison.Ordinal));
    }

    /// <summary>Whether everything <paramref name="other"/> holds is held by this scope: no one gives more than they have.</summary>
    public bool Covers(StaffScope other) =>
        IsNational || (!other.IsNational && other.Areas.All(a => Contains(a[..2], a.Length >= 4 ? a[..4] : null, a.Length == 6 ? a : null)));

    public bool Equals(StaffScope? other) =>
        other is not null && IsNational == other.IsNational && Areas.SequenceEqual(other.Areas, StringComparer.Ordinal);

    public override int GetHashCode() => IsNational ? 1 : string.Join(',', Areas).GetHashCode(StringComparison.Ordinal);

    public override string ToString() => IsNational ? "national" : string.Join(',', Areas);
}
