using HakuWinay.Contests.Identity;

namespace HakuWinay.Contests.Groups;

/// <summary>
/// Makes the link a new representative follows to choose a password (an Identity reset token
/// under the portal's address). The web project implements it; the token needs no saved user.
/// </summary>
public interface IPasswordSetupLinks
{
    Task<string> CreateAsync(AppUser user, CancellationToken ct = default);
}
