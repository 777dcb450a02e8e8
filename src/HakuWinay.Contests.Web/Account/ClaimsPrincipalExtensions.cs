using System.Security.Claims;

namespace HakuWinay.Contests.Web;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (Identity's NameIdentifier claim), or null when anonymous.</summary>
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
