using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("7500", "S/ 7,500.00")]
    [InlineData("0", "S/ 0.00")]
    [InlineData("1234567.89", "S/ 1,234,567.89")]
    [InlineData("19340", "S/ 19,340.00")]
    [InlineData("0.5", "S/ 0.50")]
    [InlineData("999.995", "S/ 1,000.00")]
    [InlineData("120000.0000", "S/ 120,000.00")]
    public void Amount_is_written_as_peruvian_documents_write_it(string amount, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("-7500", "-S/ 7,500.00")]
    [InlineData("-0.5", "-S/ 0.50")]
    [InlineData("-1234567.89", "-S/ 1,234,567.89")]
    public void Negative_amount_puts_the_sign_before_the_currency(string amount, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("-0.004")]
    [InlineData("-0.0049")]
    public void Negative_amount_that_rounds_to_zero_is_written_as_zero(string amount)
    {
        Assert.Equal("S/ 0.00", Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Format_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("S/ 1,234,567.89", Money.Format(1_234_567.89m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("2.675", "2.68")]
    [InlineData("2.665", "2.67")]
    [InlineData("2.674", "2.67")]
    [InlineData("1.005", "1.01")]
    [InlineData("-2.675", "-2.68")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("7500", "7500")]
    public void Round_goes_to_cents_half_away_from_zero(string amount, string expected)
    {
        Assert.Equal(
            decimal.Parse(expected, CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }
}
