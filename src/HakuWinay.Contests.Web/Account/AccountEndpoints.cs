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
        app.MapPost(AccountPaths.Logout, async ([FromServices] SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(CultureSetup.IsLocal(returnUrl) ? returnUrl! : "/");
        });
    }
}
