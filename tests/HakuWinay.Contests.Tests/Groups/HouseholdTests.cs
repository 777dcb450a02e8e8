using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Tests.Groups;

public sealed class HouseholdTests
{
    [Theory]
    [InlineData(2026, 18, true)]
    [InlineData(2026, 29, true)]
    [InlineData(2026, 17, false)]
    [InlineData(2026, 30, false)]
    [InlineData(2026, 23, true)]
    [InlineData(2026, 65, false)]
    public void Youth_is_a_head_aged_18_to_29_in_the_year(int year, int age, bool isYouth)
    {
        var household = new GroupBuilder().Build()
            .AddHousehold("Yeni Huamán", "45678901", Sex.Female, birthYear: year - age, isJuntosUser: false, HouseholdRole.Member);

        Assert.Equal(isYouth, household.IsYouthIn(year));
    }

    [Fact]
    public void Household_is_recorded_as_registered()
    {
        var household = new GroupBuilder().Build()
            .AddHousehold("  Yeni Huamán  ", "45678901", Sex.Female, 2001, isJuntosUser: true, HouseholdRole.Treasurer);

        Assert.Equal("Yeni Huamán", household.HeadFullName);
        Assert.Equal("45678901", household.Dni);
        Assert.Equal(Sex.Female, household.Sex);
        Assert.True(household.IsJuntosUser);
        Assert.Equal(HouseholdRole.Treasurer, household.Role);
    }
}

public sealed class HouseholdInvariantTests
{
    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void An_impossible_birth_year_is_refused(int birthYear)
    {
        var group = new GroupBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => group.AddHousehold("Rosa", "45678901", Sex.Female, birthYear, false, HouseholdRole.Member));
    }

    [Fact]
    public void An_oversized_head_name_is_refused()
    {
        var group = new GroupBuilder().Build();

        Assert.Throws<ArgumentException>(() => group.AddHousehold(new string('x', Household.MaxNameLength + 1), "45678901", Sex.Female, 1990, false, HouseholdRole.Member));
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var group = new GroupBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => group.AddHousehold("Rosa", "45678901", Sex.Female, 1990, false, (HouseholdRole)7));
    }
}
