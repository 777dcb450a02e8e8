using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Web.Account;

/// <summary>Runs Identity's password validators (length, <see cref="PasswordStrengthValidator"/>) without creating or changing anything.</summary>
internal static class PasswordCheck
{
    public static async Task<IdentityResult> ValidateAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
