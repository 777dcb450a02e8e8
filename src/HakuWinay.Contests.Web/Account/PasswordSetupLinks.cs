using System.Text;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// The set-password link for a representative whose account staff created: an Identity reset
/// token (valid as long as <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/>, single
/// use because a reset changes the security stamp) under <c>Portal:PublicUrl</c> (<see cref="Hosting.PortalUrls"/>), never the request's Host.
/// The token is Base64Url, so the link survives plain-text email untouched.
/// </summary>
internal sealed class PasswordSetupLinks(UserManager<AppUser> users, NavigationManager navigation, IConfiguration configuration) : IPasswordSetupLinks
{
    public async Task<string> CreateAsync(AppUser user, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return Hosting.PortalUrls.Absolute(navigation, configuration, $"{AccountPaths.SetPassword.TrimStart('/')}/{Uri.EscapeDataString(user.Id)}?token={encoded}");
    }

    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 2_000)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
