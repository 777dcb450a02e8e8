using System.Globalization;

namespace HakuWinay.Contests.Common;

/// <summary>
/// Converts between the UTC instants the database stores and the America/Lima wall-clock
/// times people enter and read. Peru has no daylight saving time, but we still go through the
/// time-zone database rather than a fixed offset so history stays right.
/// </summary>
public static class LimaTime
{
    public const string TimeZoneId = "America/Lima";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateTime ToLima(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(EnsureUtc(utc), Zone);

    /// <summary>Interprets a wall-clock time in Lima and returns the UTC instant.</summary>
    public static DateTime ToUtc(DateTime limaWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(limaWallClock, DateTimeKind.Unspecified), Zone);

    /// <summary>Formats a UTC instant as Lima date and time, e.g. "23/11/2026 09:30".</summary>
    public static string Format(DateTime utc, IFormatProvider? culture = null) =>
        ToLima(utc).ToString("dd/MM/yyyy HH:mm", culture ?? CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime utc, IFormatProvider? culture = null) =>
        ToLima(utc).ToString("dd/MM/yyyy", culture ?? CultureInfo.InvariantCulture);

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
