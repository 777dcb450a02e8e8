namespace HakuWinay.Contests.Territories;

/// <summary>Where a contest is: its region and, when narrower, its province and district.</summary>
public sealed record ContestPlace(string RegionCode, string? ProvinceCode, string? DistrictCode);

/// <summary>
/// What an address names, located: a contest alone, a group alone, or something of a group in a
/// contest (a profile, its scorecards and appeal, an award, its expenses and visits).
/// </summary>
public sealed record TerritoryPlace(ContestPlace? Contest, string? GroupDistrictCode)
{
    public static TerritoryPlace OfContest(ContestPlace contest) => new(contest, null);
    public static TerritoryPlace OfGroup(string districtCode) => new(null, districtCode);

    /// <summary>A padrón's project: its region and the districts it covers (none yet: the whole region is its place).</summary>
    public static TerritoryPlace OfProject(string regionCode, IReadOnlyList<string> districtCodes) =>
        new(null, null) { ProjectRegionCode = regionCode, ProjectDistrictCodes = districtCodes };

    public string? ProjectRegionCode { get; private init; }

    public IReadOnlyList<string> ProjectDistrictCodes { get; private init; } = [];
}

/// <summary>
/// The one decision of issue 17's territories: whether a member of staff reaches a place.
/// Administrators act on contests, so what belongs to a contest is theirs when the contest is in
/// their scope; technicians assist groups, so what belongs to a group is theirs when the group is.
/// Someone with both roles reaches what either role reaches.
/// </summary>
public static class TerritoryRule
{
    public static bool Reaches(StaffScope scope, bool isAdmin, bool isTechnician, TerritoryPlace place)
    {
        if (scope.IsNational)
        {
            return isAdmin || isTechnician;
        }
        if (place.ProjectRegionCode is { } region)
        {
            // Padrones are administrators' work; a project is theirs when every district of it is (ADR 033):
            // one who holds part of a project would otherwise replace the padrón of the rest.
            return isAdmin && ReachesProject(scope, region, place.ProjectDistrictCodes);
        }
        return (isAdmin && ReachesAsAdmin(scope, place)) || (isTechnician && ReachesAsTechnician(scope, place));
    }

    private static bool ReachesAsAdmin(StaffScope scope, TerritoryPlace place) => place.Contest is { } contest
        ? scope.Contains(contest.RegionCode, contest.ProvinceCode, contest.DistrictCode)
        : place.GroupDistrictCode is { } district && ContainsDistrict(scope, district);

    private static bool ReachesAsTechnician(StaffScope scope, TerritoryPlace place) => place.GroupDistrictCode is { } district
        ? ContainsDistrict(scope, district)
        : place.Contest is { } contest && scope.Contains(contest.RegionCode, contest.ProvinceCode, contest.DistrictCode);

    /// <summary>Whether every district of a project is in the scope; a project with no district yet stands for its whole region.</summary>
    public static bool ReachesProject(StaffScope scope, string regionCode, IReadOnlyCollection<string> districtCodes) =>
        districtCodes.Count == 0 ? scope.Contains(regionCode) : districtCodes.All(d => ContainsDistrict(scope, d));

    private static bool ContainsDistrict(StaffScope scope, string district) =>
        district.Length == 6 && scope.Contains(district[..2], district[..4], district);
}
