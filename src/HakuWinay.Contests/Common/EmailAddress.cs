using System.Net.Mail;

namespace HakuWinay.Contests.Common;

public static class EmailAddress
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.Contains('\r') || value.Contains('\n'))
        {
            return false;
        }
        return MailAddress.TryCreate(value.Trim(), out var parsed) && parsed.Address == value.Trim();
    }
}
