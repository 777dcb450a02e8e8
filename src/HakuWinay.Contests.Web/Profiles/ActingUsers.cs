using System.Security.Claims;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;

namespace HakuWinay.Contests.Web.Profiles;

public static class ActingUsers
{
    /// <summary>The signed-in person as the feature services see them, or null when anonymous.</summary>
    public static ActingUser? ToActingUser(this ClaimsPrincipal principal) =>
        principal.UserId() is { } id ? new ActingUser(id, principal.IsInRole(Roles.Admin), principal.IsInRole(Roles.Technician)) : null;
}
