using System.Security.Claims;
using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Identity's sign-in manager, refusing deactivated accounts: at sign-in (NotAllowed, which the login
/// page answers like a wrong password) and at every cookie check, even when the cookie's stamp still
/// matched (docs/decisions/022).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDeactivated && await base.CanSignInAsync(user);

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
