using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Territories;

/// <summary>
/// The scope as a filter of queries, so that lists show what <see cref="TerritoryRule"/> lets one
/// open. An area holds a place when the place's code at the area's level equals it: a contest of
/// province 0501 has RegionCode 05 and ProvinceCode 0501; one of the whole region has no province.
/// Only plain equality and IN lists, which every provider translates.
/// </summary>
public static class TerritoryFilters
{
    public static IQueryable<Contest> Within(this IQueryable<Contest> contests, StaffScope scope)
    {
        if (scope.IsNational)
        {
            return contests;
        }
        var regions = scope.RegionCodes;
        var provinces = scope.ProvinceCodes;
        var districts = scope.DistrictCodes;
        return contests.Where(c => regions.Contains(c.RegionCode)
            || (c.ProvinceCode != null && provinces.Contains(c.ProvinceCode))
            || (c.DistrictCode != null && districts.Contains(c.DistrictCode)));
    }

    public static IQueryable<ProducerGroup> Within(this IQueryable<ProducerGroup> groups, StaffScope scope)
    {
        if (scope.IsNational)
        {
            return groups;
        }
        var regions = scope.RegionCodes;
        var provinces = scope.ProvinceCodes;
        var districts = scope.DistrictCodes;
        return groups.Where(g => regions.Contains(g.Location.RegionCode)
            || provinces.Contains(g.Location.ProvinceCode)
            || districts.Contains(g.Location.DistrictCode));
    }
}
