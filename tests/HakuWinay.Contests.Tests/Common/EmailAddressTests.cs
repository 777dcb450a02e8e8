using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Tests.Common;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ana@foncodes.gob.pe")]
    [InlineData("grupo.cuyes+quinua@demo.hakuwinay.pe")]
    [InlineData("  ana@foncodes.gob.pe  ")]
    public void Plain_address_is_valid(string address)
    {
        Assert.True(EmailAddress.IsValid(address));
    }

    [Theory]
    [InlineData("ana@foncodes.gob.pe\r\nBcc: eve@example.com")]
    [InlineData("ana@foncodes.gob.pe\nBcc: eve@example.com")]
    [InlineData("ana@foncodes.gob.pe\r")]
    [InlineData("ana@foncodes.gob.pe\n")]
    [InlineData("\r\nana@foncodes.gob.pe")]
    public void Address_that_could_inject_a_header_is_refused(string address)
    {
        Assert.False(EmailAddress.IsValid(address));
    }

    [Theory]
    [InlineData("Ana Quispe <ana@foncodes.gob.pe>")]
    [InlineData("\"Ana Quispe\" <ana@foncodes.gob.pe>")]
    [InlineData("<ana@foncodes.gob.pe>")]
    [InlineData("ana@foncodes.gob.pe (Ana Quispe)")]
    public void Address_with_a_display_name_is_refused(string address)
    {
        Assert.False(EmailAddress.IsValid(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@foncodes.gob.pe")]
    [InlineData("ana@@foncodes.gob.pe")]
    [InlineData("ana@foncodes.gob.pe, eve@example.com")]
    [InlineData("ana@foncodes.gob.pe;eve@example.com")]
    public void Something_that_is_not_one_address_is_refused(string? address)
    {
        Assert.False(EmailAddress.IsValid(address));
    }

    [Fact]
    public void Address_longer_than_254_characters_is_refused()
    {
        var address = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".pe";

        Assert.True(address.Length > 254);
        Assert.False(EmailAddress.IsValid(address));
    }
}
