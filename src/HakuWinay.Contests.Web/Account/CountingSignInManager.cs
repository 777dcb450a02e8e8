using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Identity's sign-in manager, counting refused password sign-ins of known accounts by reason
/// (<c>hakuwinay.sign_in.failures</c>); the login form counts an unknown email itself, since it
/// never reaches this manager.
/// </summary>
public sealed class CountingSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded)
        {
            PortalMeters.SignInFailed(result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "wrong_password");
        }
        return result;
    }
}
