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
        return (isAdmin && ReachesAsAdmin(scope, place)) || (isTechnician && ReachesAsTechnician(scope, place));
    }

    private static bool ReachesAsAdmin(StaffScope scope, TerritoryPlace place) => place.Contest is { } contest
        ? scope.Contains(contest.RegionCode, contest.ProvinceCode, contest.DistrictCode)
        : place.GroupDistrictCode is { } district && ContainsDistrict(scope, district);

    private static bool ReachesAsTechnician(StaffScope scope, TerritoryPlace place) => place.GroupDistrictCode is { } district
        ? ContainsDistrict(scope, district)
        : place.Contest is { } contest && scope.Contains(contest.RegionCode, contest.ProvinceCode, contest.DistrictCode);

    private static bool ContainsDistrict(StaffScope scope, string district) =>
        district.Length == 6 && scope.Contains(district[..2], district[..4], district);
}
