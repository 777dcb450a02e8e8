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
    public async Task<string> CreateAsync(AppUser user, CancellationToken ct = default) =>
        Link(AccountPaths.SetPassword, user, await users.GeneratePasswordResetTokenAsync(user));

    /// <summary>The same page for someone who forgot their password: a reset token, the reset's wording.</summary>
    public async Task<string> CreateResetAsync(AppUser user) =>
        Link(AccountPaths.SetPassword, user, await users.GeneratePasswordResetTokenAsync(user)) + "&reset=true";

    /// <summary>The link of a new account's confirmation email: Identity's email-confirmation token, as long-lived as the reset's.</summary>
    public async Task<string> CreateConfirmationAsync(AppUser user) =>
        Link(AccountPaths.ConfirmEmail, user, await users.GenerateEmailConfirmationTokenAsync(user));

    /// <summary>A page of the portal as an absolute link for an email.</summary>
    public string Page(string page) => Hosting.PortalUrls.Absolute(navigation, configuration, page.TrimStart('/'));

    private string Link(string page, AppUser user, string token)
    {
        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return Hosting.PortalUrls.Absolute(navigation, configuration, $"{page.TrimStart('/')}/{Uri.EscapeDataString(user.Id)}?token={encoded}");
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
