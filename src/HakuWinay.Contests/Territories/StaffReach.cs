using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;

namespace HakuWinay.Contests.Territories;

/// <summary>
/// The services' own check of the territory (ADR 033): the gate answers 404 before a page opens, but
/// an action can still reach a service by another path (a page left open while the scope was
/// narrowed, a crafted circuit call), so every service that changes a record of a contest or group
/// asks again, in its own context, with the same lookup and the same rule as the gate.
/// </summary>
public static class StaffReach
{
    /// <summary>The text key of the refusal: the page shows it as it shows any rule's message.</summary>
    public const string OutsideScope = "Territories.RecordOutsideScope";

    /// <summary>
    /// Whether <paramref name="user"/> may act on the record. Whoever is not staff (a group's
    /// representative, a juror) is judged by the service's own checks; a record that does not exist
    /// is the service's NotFound, not a territory's refusal.
    /// </summary>
    public static async Task<bool> ReachesAsync(ContestsDbContext db, ActingUser user, TerritoryResource kind, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsStaff)
        {
            return true;
        }
        var scope = await StaffScopes.OfAsync(db, user.UserId, ct);
        if (scope.IsNational)
        {
            return true;
        }
        var place = await TerritoryLookup.PlaceAsync(db, kind, id.ToString(CultureInfo.InvariantCulture), ct);
        return place is null || TerritoryRule.Reaches(scope, user.IsAdmin, user.IsTechnician, place);
    }

    /// <summary>For services that know their caller only by an administrator's id (contest settings, eligibility).</summary>
    public static Task<bool> AdminReachesAsync(ContestsDbContext db, string adminUserId, TerritoryResource kind, int id, CancellationToken ct = default) =>
        ReachesAsync(db, new ActingUser(adminUserId, IsAdmin: true), kind, id, ct);

    /// <summary>
    /// The refusal every service answers: nothing was changed, and the page says why. The field is
    /// where the page shows a record-wide message ("Profile" for the profile editor's panel).
    /// </summary>
    public static ServiceResult<T> Refused<T>(string field = "Territory") => ServiceResult<T>.Invalid(field, OutsideScope);
}
