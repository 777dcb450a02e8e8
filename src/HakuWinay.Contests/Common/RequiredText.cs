namespace HakuWinay.Contests.Common;

/// <summary>The one check entities make of a required free text: trimmed, present, not too long, optionally without control characters.</summary>
internal static class RequiredText
{
    public static string Of(string? value, int maxLength, string what, string? parameter = null, bool refuseControlCharacters = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"{what} is required.", parameter);
        }
        if (text.Length > maxLength)
        {
            throw new ArgumentException($"{what} may have at most {maxLength} characters, not {text.Length}.", parameter);
        }
        if (refuseControlCharacters && text.Any(char.IsControl))
        {
            throw new ArgumentException($"{what} may not contain control characters.", parameter);
        }
        return text;
    }
}
