using System.Security.Claims;
using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Identity's sign-in manager, refusing deactivated accounts: at sign-in (NotAllowed, which the login
/// page answers like a wrong password) and at every cookie check, even when the cookie's stamp still
/// matched (docs/decisions/022); and counting refused password sign-ins of known accounts by reason
/// (<c>hakuwinay.sign_in.failures</c>, docs/decisions/023). The login form counts an unknown email
/// itself, since it never reaches this manager.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDeactivated && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded)
        {
            // A deactivated or unconfirmed account is not_allowed here, though the form answers it like a wrong password.
            PortalMeters.SignInFailed(result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "wrong_password");
        }
        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (user.IsDeactivated)
        {
            // Identity refuses before it checks the password; the hash check runs anyway, so the
            // answer takes as long as a wrong password's and does not tell the account is deactivated.
            UnknownAccount.SpendHashingTime(UserManager.PasswordHasher, password);
            return SignInResult.NotAllowed;
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDeactivated: true } ? null : user;
    }
}
