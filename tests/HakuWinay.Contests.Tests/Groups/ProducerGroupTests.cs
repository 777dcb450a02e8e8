using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Tests.Groups;

public sealed class ProducerGroupTests
{
    [Fact]
    public void Association_with_a_valid_ruc_keeps_it()
    {
        var group = new GroupBuilder().AsAssociation("20131312955").Build();

        Assert.Equal(LegalForm.Association, group.LegalForm);
        Assert.Equal("20131312955", group.Ruc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2013131295")]
    [InlineData("20131312956")]
    [InlineData("30131312951")]
    public void Association_without_a_valid_ruc_is_refused(string? ruc)
    {
        Assert.Throws<ArgumentException>(() => new GroupBuilder().AsAssociation(ruc).Build());
    }

    [Theory]
    [InlineData("20131312955")]
    [InlineData("not a ruc")]
    public void Informal_group_keeps_no_ruc(string ruc)
    {
        var group = new GroupBuilder().AsInformalGroup(ruc).Build();

        Assert.Equal(LegalForm.InformalGroup, group.LegalForm);
        Assert.Null(group.Ruc);
    }

    [Fact]
    public void Group_name_is_required()
    {
        Assert.Throws<ArgumentException>(() => new GroupBuilder().Named(" ").Build());
    }

    [Fact]
    public void Households_join_in_the_order_they_are_added()
    {
        var group = new GroupBuilder().WithHouseholds(5).Build();

        Assert.Equal(Enumerable.Range(1, 5).Select(GroupBuilder.DniOf), group.Households.Select(h => h.Dni));
        Assert.Equal(HouseholdRole.President, group.Households[0].Role);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    [InlineData("")]
    public void Household_with_an_invalid_dni_is_refused(string dni)
    {
        var group = new GroupBuilder().WithHouseholds(3).Build();

        Assert.Throws<ArgumentException>(() => group.AddHousehold("Rosa Quispe", dni, Sex.Female, 1990, isJuntosUser: true, HouseholdRole.Member));
        Assert.Equal(3, group.Households.Count);
    }

    [Fact]
    public void Household_whose_dni_is_already_in_the_group_is_refused()
    {
        var group = new GroupBuilder().WithHouseholds(3).Build();

        Assert.Throws<InvalidOperationException>(() =>
            group.AddHousehold("Otra persona", GroupBuilder.DniOf(2), Sex.Male, 1985, isJuntosUser: false, HouseholdRole.Member));
        Assert.Equal(3, group.Households.Count);
    }

    [Fact]
    public void Same_dni_may_belong_to_households_of_different_groups()
    {
        var first = new GroupBuilder().WithHouseholds(3).Build();
        var second = new GroupBuilder().Named("Truchas Vilcashuamán").WithHouseholds(3).Build();

        Assert.Equal(first.Households[0].Dni, second.Households[0].Dni);
    }

    [Fact]
    public void Household_head_name_is_required()
    {
        var group = new GroupBuilder().Build();

        Assert.Throws<ArgumentException>(() => group.AddHousehold(" ", "45678901", Sex.Female, 1990, isJuntosUser: false, HouseholdRole.Member));
        Assert.Empty(group.Households);
    }

    [Fact]
    public void Verified_group_records_who_verified_it_and_when()
    {
        var group = new GroupBuilder().WithHouseholds(3).Build();
        Assert.False(group.IsVerified);

        group.Verify("admin-1", Instants.Now);

        Assert.True(group.IsVerified);
        Assert.Equal("admin-1", group.VerifiedByUserId);
        Assert.Equal(Instants.Now, group.VerifiedAtUtc);
    }
}
