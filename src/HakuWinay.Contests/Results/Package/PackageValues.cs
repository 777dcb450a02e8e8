using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// How the package writes its values as text, and how it reads them back, strictly: each value has
/// one accepted spelling, the one written, so a package that reads also hashes the same here as in
/// any other JCS tool.
/// </summary>
internal static partial class PackageValues
{
    public const string AmountExample = "7500.00";
    public const string ScoreExample = "78.50";
    public const string NumberExample = "7.50";
    public const string TimeExample = "2026-11-23T14:00:00Z";

    private const string WholeSecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string FractionFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Money and scores: exactly two decimals ("7500.00", "78.50").</summary>
    public static string TwoDecimals(decimal value, string field)
    {
        if (decimal.Round(value, 2) != value)
        {
            throw new ArgumentException($"{field} is {value.ToString(CultureInfo.InvariantCulture)}, which has more than two decimals; the package writes money and scores with exactly two.", nameof(value));
        }
        return value.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Weights, percentages and points: at least two decimals, more only where the value has them ("7.50", "33.333").</summary>
    public static string Number(decimal value) => value.ToString("0.00###########################", CultureInfo.InvariantCulture);

    /// <summary>A display form for messages: two decimals, more only where the value has them.</summary>
    public static string Show(decimal? value) => value is { } v ? Number(v) : "none";

    public static string Time(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc), // the model stores UTC
            _ => value,
        };
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? WholeSecondsFormat : FractionFormat, CultureInfo.InvariantCulture);
    }

    public static string EnumName<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParseTwoDecimals(string text, out decimal value)
    {
        value = 0;
        return TwoDecimalsPattern().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseNumber(string text, out decimal value)
    {
        value = 0;
        return NumberPattern().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && string.Equals(Number(value), text, StringComparison.Ordinal);
    }

    public static bool IsNegative(string text) => text.StartsWith('-') && NegativePattern().IsMatch(text);

    public static bool TryParseTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text, [WholeSecondsFormat, FractionFormat], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        && string.Equals(Time(value), text, StringComparison.Ordinal);

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDecimalsPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.[0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NegativePattern();
}
