using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("987654321")]
    [InlineData("987 654 321")]
    [InlineData("987-654-321")]
    [InlineData("+51 987 654 321")]
    [InlineData("+51987654321")]
    [InlineData("0051 987654321")]
    [InlineData("51987654321")]
    [InlineData("(+51) 987.654.321")]
    [InlineData("  987654321  ")]
    public void Common_spellings_of_a_Peruvian_mobile_become_E164(string input)
    {
        var (e164, error) = MobileNumber.Normalize(input);

        Assert.Null(error);
        Assert.Equal("+51987654321", e164);
        Assert.True(MobileNumber.IsE164(e164));
    }

    [Theory]
    [InlineData("", "Mobile.Required")]
    [InlineData("   ", "Mobile.Required")]
    [InlineData("87654321", "Mobile.Invalid")]
    [InlineData("9876543210", "Mobile.Invalid")]
    [InlineData("187654321", "Mobile.Invalid")]
    [InlineData("014567890", "Mobile.Invalid")]
    [InlineData("+1 202 555 0100", "Mobile.NotPeruvian")]
    [InlineData("+34 612 345 678", "Mobile.NotPeruvian")]
    [InlineData("98765432a", "Mobile.Invalid")]
    [InlineData("987654321; DROP TABLE Users", "Mobile.Invalid")]
    [InlineData("<script>987654321</script>", "Mobile.Invalid")]
    [InlineData("987\u0000654321", "Mobile.Invalid")]
    [InlineData("987\n654321", "Mobile.Invalid")]
    [InlineData("٩٨٧٦٥٤٣٢١", "Mobile.Invalid")]
    [InlineData("98+7654321", "Mobile.Invalid")]
    [InlineData("=HYPERLINK(\"x\")", "Mobile.Invalid")]
    public void Wrong_or_malicious_input_is_refused_with_its_reason(string input, string reason)
    {
        var (e164, error) = MobileNumber.Normalize(input);

        Assert.Null(e164);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Oversized_input_is_refused_before_it_is_read()
    {
        var (e164, error) = MobileNumber.Normalize("9" + new string(' ', 10_000) + "87654321");

        Assert.Null(e164);
        Assert.Equal("Mobile.Invalid", error);
    }

    [Fact]
    public void A_number_is_shown_grouped_as_people_read_it() =>
        Assert.Equal("+51 987 654 321", MobileNumber.Display("+51987654321"));
}
