using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HakuWinay.Contests.Web.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A POST with the antiforgery token (the sign-out button's form): a link cannot sign anyone out.
        app.MapPost(AccountPaths.Logout, async (HttpContext http, [FromServices] SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            // A new security stamp makes every copy of the old cookie worthless, on every copy of the portal:
            // the stamp is checked against the database on each request (see AddPortalIdentity).
            var user = await signIn.UserManager.GetUserAsync(http.User);
            if (user is not null)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(CultureSetup.IsLocal(returnUrl) ? returnUrl! : "/");
        });
    }
}
