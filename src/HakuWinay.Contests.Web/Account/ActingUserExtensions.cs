using System.Security.Claims;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;

namespace HakuWinay.Contests.Web.Account;

public static class ActingUserExtensions
{
    /// <summary>The signed-in user as feature services see them: who, and whether they act as staff.</summary>
    public static ActingUser AsActingUser(this ClaimsPrincipal principal) => new(
        principal.UserId() ?? throw new InvalidOperationException("No signed-in user."),
        IsAdmin: principal.IsInRole(Roles.Admin),
        IsTechnician: principal.IsInRole(Roles.Technician));
}
