using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Makes a sign-in with an unknown email cost what a known one costs (one password hash check), so the
/// answer's timing does not tell which emails have an account.
/// </summary>
internal static class UnknownAccount
{
    private static readonly AppUser Nobody = new();
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public static void SpendHashingTime(IPasswordHasher<AppUser> hasher, string password) =>
        hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
}
