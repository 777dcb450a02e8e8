using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Tests.Common;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("00000000")]
    [InlineData("40000001")]
    public void Eight_digits_are_a_dni(string dni)
    {
        Assert.True(Identifiers.IsValidDni(dni));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    [InlineData("ABCDEFGH")]
    [InlineData("1234 678")]
    [InlineData(" 12345678")]
    [InlineData("12345678 ")]
    [InlineData("1234-5678")]
    [InlineData("１２３４５６７８")] // full-width digits
    [InlineData("١٢٣٤٥٦٧٨")] // Arabic-Indic digits
    public void Anything_but_eight_ascii_digits_is_not_a_dni(string? dni)
    {
        Assert.False(Identifiers.IsValidDni(dni));
    }

    // Check digits worked out by hand: weights 5,4,3,2,7,6,5,4,3,2 on the first ten digits,
    // digit = 11 - (sum mod 11), where 10 becomes 0 and 11 becomes 1.
    [Theory]
    [InlineData("20131312955")] // 10+0+3+6+7+18+5+8+27+10 = 94;  94 mod 11 = 6; 11 - 6 = 5
    [InlineData("10468912347")] // 5+0+12+12+56+54+5+8+9+8 = 169; 169 mod 11 = 4; 11 - 4 = 7
    [InlineData("15123456782")] // 5+20+3+4+21+24+25+24+21+16 = 163; 163 mod 11 = 9; 11 - 9 = 2
    [InlineData("20100070970")] // 10+0+3+0+0+0+35+0+27+14 = 89;  89 mod 11 = 1; 11 - 1 = 10 -> 0
    [InlineData("17000000001")] // 5+28 = 33;                       33 mod 11 = 0; 11 - 0 = 11 -> 1
    [InlineData("20010000000")] // 10+2 = 12;                       12 mod 11 = 1; 11 - 1 = 10 -> 0
    public void Ruc_with_a_known_prefix_and_the_right_check_digit_is_valid(string ruc)
    {
        Assert.True(Identifiers.IsValidRuc(ruc));
    }

    [Theory]
    [InlineData("20131312956")]
    [InlineData("20131312950")]
    [InlineData("10468912348")]
    [InlineData("20100070971")]
    [InlineData("17000000000")]
    public void Ruc_with_a_wrong_check_digit_is_refused(string ruc)
    {
        Assert.False(Identifiers.IsValidRuc(ruc));
    }

    [Theory]
    [InlineData("30131312951")] // its check digit is right (99 mod 11 = 0 -> 1), but 30 is no RUC prefix
    [InlineData("11123456787")] // likewise: 147 mod 11 = 4 -> 7
    public void Ruc_with_an_unknown_prefix_is_refused_even_with_the_right_check_digit(string ruc)
    {
        Assert.Equal(ruc[10] - '0', Identifiers.RucCheckDigit(ruc.AsSpan(0, 10)));
        Assert.False(Identifiers.IsValidRuc(ruc));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2013131295")]
    [InlineData("201313129555")]
    [InlineData("2013131295A")]
    [InlineData("20131312 55")]
    [InlineData(" 20131312955")]
    [InlineData("２０１３１３１２９５５")] // full-width digits
    public void Anything_but_eleven_ascii_digits_is_not_a_ruc(string? ruc)
    {
        Assert.False(Identifiers.IsValidRuc(ruc));
    }

    [Theory]
    [InlineData("2013131295", 5)]
    [InlineData("2010007097", 0)]
    [InlineData("1700000000", 1)]
    public void Check_digit_follows_sunat_modulo_eleven(string firstTen, int expected)
    {
        Assert.Equal(expected, Identifiers.RucCheckDigit(firstTen));
    }
}
