namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>
/// A Peruvian mobile number. People type it as "987 654 321", "987-654-321", "+51 987654321" or
/// "0051987654321"; it is kept in E.164 ("+51987654321") so one number is one string everywhere.
/// Peruvian mobiles have nine digits and start with 9; anything else is refused with a reason.
/// </summary>
public static class MobileNumber
{
    /// <summary>Longer input is refused before it is read: no real number, however spaced, is longer.</summary>
    public const int MaxInputLength = 30;

    public const string CountryPrefix = "+51";

    /// <summary>The E.164 form of <paramref name="input"/>, or null with the text key of the reason.</summary>
    public static (string? E164, string? Error) Normalize(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Mobile.Required");
        }
        if (text.Length > MaxInputLength)
        {
            return (null, "Mobile.Invalid");
        }
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0)
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                // Letters, other scripts' digits, control characters, a '+' in the middle: not a phone number.
                return (null, "Mobile.Invalid");
            }
        }
        var number = digits.ToString();
        if (number.StartsWith("+51", StringComparison.Ordinal))
        {
            number = number[3..];
        }
        else if (number.StartsWith("0051", StringComparison.Ordinal))
        {
            number = number[4..];
        }
        else if (number.Length == 11 && number.StartsWith("51", StringComparison.Ordinal))
        {
            number = number[2..];
        }
        else if (number.StartsWith('+'))
        {
            return (null, "Mobile.NotPeruvian");
        }
        if (number.Length != 9 || number[0] != '9')
        {
            return (null, "Mobile.Invalid");
        }
        return (CountryPrefix + number, null);
    }

    /// <summary>True for a number already in the stored form (what the outbox accepts).</summary>
    public static bool IsE164(string? value) =>
        value is { Length: 12 } && value.StartsWith("+519", StringComparison.Ordinal) && value.Skip(1).All(char.IsAsciiDigit);

    /// <summary>"+51 987 654 321", as people read it.</summary>
    public static string Display(string e164) =>
        IsE164(e164) ? $"{e164[..3]} {e164[3..6]} {e164[6..9]} {e164[9..]}" : e164;
}
