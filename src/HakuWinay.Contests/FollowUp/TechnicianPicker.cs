namespace HakuWinay.Contests.FollowUp;

/// <summary>A Technician who may be given visits: where they work and how many open visits they have.</summary>
/// <param name="UserId">The Technician's user id.</param>
/// <param name="DistrictCode">The six-digit ubigeo of their district, when known.</param>
/// <param name="OpenVisits">Visits assigned to them not yet approved.</param>
/// <param name="Scope">Their territorial scope; null or national reaches every group.</param>
public sealed record TechnicianLoad(string UserId, string? DistrictCode, int OpenVisits, Territories.StaffScope? Scope = null);

/// <summary>
/// Who follows a new award: the Technician closest to the group (same district, then province,
/// then region, then anywhere), and among the equally close the one with the fewest open
/// visits (ties by user id, so the choice is reproducible). Only Technicians whose scope holds the
/// group's district are candidates. Null when there is no such Technician.
/// </summary>
public static class TechnicianPicker
{
    public static string? Pick(IReadOnlyList<TechnicianLoad> technicians, string groupDistrictCode)
    {
        ArgumentNullException.ThrowIfNull(technicians);
        return technicians
            .Where(t => t.Scope is null || t.Scope.Contains(groupDistrictCode[..2], groupDistrictCode[..4], groupDistrictCode))
            .OrderByDescending(t => Closeness(t.DistrictCode, groupDistrictCode))
            .ThenBy(t => t.OpenVisits)
            .ThenBy(t => t.UserId, StringComparer.Ordinal)
            .Select(t => t.UserId)
            .FirstOrDefault();
    }

    /// <summary>3 for the same district, 2 the same province, 1 the same region, 0 otherwise.</summary>
    public static int Closeness(string? technicianDistrict, string? groupDistrict)
    {
        if (technicianDistrict is not { Length: 6 } t || groupDistrict is not { Length: 6 } g)
        {
            return 0;
        }
        return t == g ? 3 : t[..4] == g[..4] ? 2 : t[..2] == g[..2] ? 1 : 0;
    }
}
