using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

public sealed class SmsLengthTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_text_takes_160_in_one_sms_and_153_per_part(int length, int parts)
    {
        var measure = SmsLength.Measure(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, measure.Encoding);
        Assert.Equal(length, measure.Units);
        Assert.Equal(parts, measure.Parts);
    }

    [Theory]
    [InlineData("€", 2)]
    [InlineData("[x]", 5)]
    [InlineData("{}\\^~|", 12)]
    public void Extension_characters_count_two(string text, int units)
    {
        var measure = SmsLength.Measure(text);

        Assert.Equal(SmsEncoding.Gsm7, measure.Encoding);
        Assert.Equal(units, measure.Units);
    }

    [Fact]
    public void Eighty_euro_signs_fill_one_sms_and_one_more_splits_it()
    {
        Assert.Equal(1, SmsLength.Measure(new string('€', 80)).Parts);
        Assert.Equal(2, SmsLength.Measure(new string('€', 81)).Parts);
    }

    [Theory]
    [InlineData("ñÑüÜéÉ¿¡àèùìòÇ")]
    [InlineData("Haku Wiñay: ¿Señor?")]
    public void Spanish_letters_of_the_default_alphabet_stay_gsm7(string text) =>
        Assert.Equal(SmsEncoding.Gsm7, SmsLength.Measure(text).Encoding);

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_character_outside_gsm7_makes_the_text_ucs2_with_70_and_67_per_part(int length, int parts)
    {
        var text = "á" + new string('a', length - 1);

        var measure = SmsLength.Measure(text);

        Assert.Equal(SmsEncoding.Ucs2, measure.Encoding);
        Assert.Equal(parts, measure.Parts);
    }

    [Fact]
    public void An_emoji_counts_two_ucs2_units()
    {
        var measure = SmsLength.Measure("👍" + new string('a', 68));

        Assert.Equal(SmsEncoding.Ucs2, measure.Encoding);
        Assert.Equal(70, measure.Units);
        Assert.Equal(1, measure.Parts);
    }

    [Fact]
    public void Folding_keeps_spanish_in_gsm7()
    {
        var folded = SmsLength.ToGsm7("Publicación: sesión pública, últimos días «Ñuñoa»");

        Assert.Equal("Publicacion: sesion publica, ultimos dias «Ñuñoa»", folded);
        Assert.Equal(SmsEncoding.Ucs2, SmsLength.Measure(folded).Encoding); // « » are not GSM-7: counted, not hidden
        Assert.Equal(SmsEncoding.Gsm7, SmsLength.Measure(SmsLength.ToGsm7("Publicación: sesión pública, últimos días")).Encoding);
    }
}
