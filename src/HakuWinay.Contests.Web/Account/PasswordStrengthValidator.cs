using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Refuses guessable passwords (zxcvbn's estimate, the person's own name and email given as inputs) on every
/// path that sets one: registration, set-password, reset and the bootstrap administrator.
/// </summary>
internal sealed class PasswordStrengthValidator : IPasswordValidator<AppUser>
{
    /// <summary>zxcvbn's 3, "safely unguessable": about 10^8 guesses, beyond an online attack.</summary>
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var personal = PersonalWords(user).ToList();
        if (personal.Any(word => password.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalInfo", Description = "The password contains the person's name or email." }));
        }
        // A fresh estimator per call: passwords are set rarely, and its thread safety is not documented.
        var estimate = new global::Zxcvbn.Zxcvbn().EvaluatePassword(password, personal);
        return Task.FromResult(estimate.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooGuessable", Description = "The password is too easy to guess." }));
    }

    /// <summary>The words of the name and the email's local part; shorter than 4 letters they match too much.</summary>
    private static IEnumerable<string> PersonalWords(AppUser user)
    {
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0];
        return user.FullName.Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Concat(local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
            .Append(local)
            .Where(word => word.Length >= 4)
            .Select(word => word.ToLowerInvariant())
            .Distinct();
    }
}
