namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>How a person wants the portal's messages: by email, by SMS, or both.</summary>
public enum ContactPreference
{
    Email = 0,
    Sms = 1,
    Both = 2,
}

/// <summary>
/// Whom a message is for, with what they gave: an email, a mobile, and their choice. A person with
/// only one of the two gets it there whatever the choice, so nobody with a number is left unreached.
/// </summary>
public sealed record NotificationRecipient(string? Email, string? Mobile, ContactPreference Preference)
{
    public bool WantsEmail =>
        !string.IsNullOrWhiteSpace(Email) && (Preference != ContactPreference.Sms || !HasMobile);

    public bool WantsSms =>
        HasMobile && (Preference != ContactPreference.Email || string.IsNullOrWhiteSpace(Email));

    private bool HasMobile => MobileNumber.IsE164(Mobile);
}
