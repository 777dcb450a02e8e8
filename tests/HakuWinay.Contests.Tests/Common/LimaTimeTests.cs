using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Tests.Common;

public sealed class LimaTimeTests
{
    [Fact]
    public void Five_in_the_morning_utc_is_midnight_in_lima()
    {
        var lima = LimaTime.ToLima(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 23, 0, 0, 0), lima);
    }

    [Fact]
    public void Lima_wall_clock_is_five_hours_behind_utc()
    {
        var utc = LimaTime.ToUtc(new DateTime(2026, 12, 23, 17, 59, 0));

        Assert.Equal(new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void ToUtc_reads_its_argument_as_a_lima_wall_clock_whatever_its_kind(DateTimeKind kind)
    {
        var utc = LimaTime.ToUtc(new DateTime(2026, 12, 23, 17, 59, 0, kind));

        Assert.Equal(new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Late_evening_in_lima_is_already_the_next_day_in_utc()
    {
        var utc = LimaTime.ToUtc(new DateTime(2026, 12, 31, 23, 30, 0));

        Assert.Equal(new DateTime(2027, 1, 1, 4, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Instant_without_a_kind_is_taken_as_utc()
    {
        var lima = LimaTime.ToLima(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(new DateTime(2026, 11, 23, 0, 0, 0), lima);
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData("2026-06-15T12:34:56Z")]
    [InlineData("2026-12-23T22:59:00Z")]
    [InlineData("2030-02-28T05:00:00Z")]
    public void Converting_to_lima_and_back_gives_the_same_instant(string instant)
    {
        var utc = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        Assert.Equal(utc, LimaTime.ToUtc(LimaTime.ToLima(utc)));
    }

    [Theory]
    [InlineData("2026-11-23T14:30:00Z", "23/11/2026 09:30")]
    [InlineData("2026-11-23T05:00:00Z", "23/11/2026 00:00")]
    [InlineData("2026-11-24T04:59:59Z", "23/11/2026 23:59")]
    [InlineData("2026-12-23T22:59:00Z", "23/12/2026 17:59")]
    public void Format_shows_lima_date_and_time(string instant, string expected)
    {
        var utc = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, LimaTime.Format(utc));
    }

    [Theory]
    [InlineData("2026-11-24T04:59:59Z", "23/11/2026")]
    [InlineData("2026-11-24T05:00:00Z", "24/11/2026")]
    public void FormatDate_changes_day_at_lima_midnight(string instant, string expected)
    {
        var utc = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, LimaTime.FormatDate(utc));
    }

    [Fact]
    public void Format_in_peruvian_spanish_reads_the_same()
    {
        var utc = new DateTime(2026, 11, 23, 14, 30, 0, DateTimeKind.Utc);

        Assert.Equal("23/11/2026 09:30", LimaTime.Format(utc, CultureInfo.GetCultureInfo("es-PE")));
        Assert.Equal("23/11/2026", LimaTime.FormatDate(utc, CultureInfo.GetCultureInfo("es-PE")));
    }
}
