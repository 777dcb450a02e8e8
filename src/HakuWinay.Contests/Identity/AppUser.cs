using HakuWinay.Contests.Notifications.Sms;
using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Identity;

/// <summary>A person who signs in: administrator, juror, group representative or technician.</summary>
public sealed class AppUser : IdentityUser
{
    public const int MaxDeactivationReasonLength = 500;

    public string FullName { get; set; } = "";

    /// <summary>Institution a juror represents on the CLAR (municipality, agency, producer organization).</summary>
    public string? Institution { get; set; }

    /// <summary>Ubigeo of the district where the person lives; used to flag possible conflicts of interest.</summary>
    public string? DistrictCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>How the person wants the portal's messages; the mobile is Identity's PhoneNumber, in E.164.</summary>
    public ContactPreference ContactPreference { get; private set; }

    /// <summary>
    /// Sets the mobile (already normalised by <see cref="MobileNumber.Normalize"/>, or null to remove it)
    /// and the choice of channel. Without a mobile the choice falls back to email.
    /// </summary>
    public void ChangeContact(string? mobileE164, ContactPreference preference)
    {
        if (mobileE164 is not null && !MobileNumber.IsE164(mobileE164))
        {
            throw new ArgumentException($"'{mobileE164}' is not a Peruvian mobile in E.164 form.", nameof(mobileE164));
        }
        if (!Enum.IsDefined(preference))
        {
            throw new ArgumentOutOfRangeException(nameof(preference));
        }
        PhoneNumber = mobileE164;
        PhoneNumberConfirmed = false;
        ContactPreference = mobileE164 is null ? ContactPreference.Email : preference;
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Whom the portal's messages for this person go to.</summary>
    public NotificationRecipient Recipient => new(Email, PhoneNumber, ContactPreference);

    /// <summary>When an administrator deactivated the account; null while it is active. A deactivated account cannot sign in.</summary>
    public DateTime? DeactivatedAtUtc { get; private set; }

    /// <summary>The administrator who deactivated the account.</summary>
    public string? DeactivatedByUserId { get; private set; }

    /// <summary>Why, in the administrator's words: kept on the account so the next administrator sees it without the audit log.</summary>
    public string? DeactivationReason { get; private set; }

    public bool IsDeactivated => DeactivatedAtUtc is not null;

    /// <summary>Deactivates the account and rotates its security stamp, so every session of it ends (docs/decisions/022).</summary>
    public void Deactivate(string byUserId, string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reason.Length > MaxDeactivationReasonLength)
        {
            throw new ArgumentException($"A reason of at most {MaxDeactivationReasonLength} characters.", nameof(reason));
        }
        DeactivatedAtUtc = nowUtc;
        DeactivatedByUserId = byUserId;
        DeactivationReason = reason;
        RotateSecurityStamp();
    }

    /// <summary>Lets the account sign in again; the sessions ended by the deactivation stay ended.</summary>
    public void Reactivate()
    {
        DeactivatedAtUtc = null;
        DeactivatedByUserId = null;
        DeactivationReason = null;
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// A new security stamp: every cookie and open circuit that carries the old one is refused at its
    /// next check (each request; each minute for a circuit). Changes the concurrency stamp as Identity's store does.
    /// </summary>
    public void RotateSecurityStamp()
    {
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
