namespace HakuWinay.Contests.Common;

/// <summary>Peru's national identifiers: DNI (8 digits) and RUC (11 digits with SUNAT's check digit).</summary>
public static class Identifiers
{
    private static readonly int[] RucWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    public static bool IsValidDni(string? value) => IsDigits(value, 8);

    /// <summary>A RUC is 11 digits, starts with 10, 15, 17 or 20, and ends with SUNAT's modulo-11 check digit.</summary>
    public static bool IsValidRuc(string? value)
    {
        if (!IsDigits(value, 11) || value![..2] is not ("10" or "15" or "17" or "20"))
        {
            return false;
        }
        return value[10] - '0' == RucCheckDigit(value.AsSpan(0, 10));
    }

    public static int RucCheckDigit(ReadOnlySpan<char> firstTenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (firstTenDigits[i] - '0') * RucWeights[i];
        }
        var digit = 11 - (sum % 11);
        return digit switch
        {
            10 => 0,
            11 => 1,
            _ => digit,
        };
    }

    private static bool IsDigits(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}
