using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Tests.Groups;

public sealed class GroupRulesTests
{
    private const int Year = 2026;

    private static HouseholdData Household(string dni = "45678901", int birthYear = 1990, HouseholdRole role = HouseholdRole.Member, string name = "Rosa Quispe") =>
        new(null, name, dni, Sex.Female, birthYear, true, role);

    private static GroupData Group(params HouseholdData[] households) =>
        new("Warmi Kallpa", LegalForm.InformalGroup, null, 1, "050108", "Quinua", households.Length == 0 ? [Household()] : households);

    private static IEnumerable<string> Fields(GroupData data) => GroupRules.Check(data, Year).Select(v => v.Field);

    [Fact]
    public void A_complete_group_passes()
    {
        Assert.Empty(GroupRules.Check(Group(Household("45678901", role: HouseholdRole.President), Household("45678902", role: HouseholdRole.Treasurer), Household("45678903")), Year));
    }

    [Theory]
    [InlineData("4567890", false)]
    [InlineData("45678901", true)]
    [InlineData("456789012", false)]
    [InlineData("4567890A", false)]
    [InlineData("", false)]
    [InlineData("4567 890", false)]
    public void A_dni_has_exactly_eight_digits(string dni, bool valid)
    {
        var violations = GroupRules.Check(Group(Household(dni)), Year);

        Assert.Equal(valid, !violations.Any(v => v.Field == "Households[0].Dni"));
        Assert.All(violations, v => Assert.Equal("Groups.DniInvalid", v.Rule));
    }

    [Fact]
    public void A_repeated_dni_is_flagged_on_the_second_household()
    {
        var violations = GroupRules.Check(Group(Household("45678901"), Household("45678901")), Year);

        var violation = Assert.Single(violations);
        Assert.Equal(("Households[1].Dni", "Groups.DniRepeated"), (violation.Field, violation.Rule));
    }

    [Theory]
    [InlineData("20131312955", true)]
    [InlineData("20131312956", false)]
    [InlineData("2013131295", false)]
    [InlineData("201313129555", false)]
    [InlineData("30131312951", false)]
    [InlineData(null, false)]
    public void An_association_needs_a_ruc_with_its_check_digit(string? ruc, bool valid)
    {
        var data = Group() with { LegalForm = LegalForm.Association, Ruc = ruc };

        Assert.Equal(valid, !Fields(data).Contains("Ruc"));
    }

    [Fact]
    public void An_informal_group_needs_no_ruc()
    {
        Assert.DoesNotContain("Ruc", Fields(Group() with { Ruc = "basura" }));
    }

    [Theory]
    [InlineData(Year - 14, true)]
    [InlineData(Year - 13, false)]
    [InlineData(Year - 110, true)]
    [InlineData(Year - 111, false)]
    [InlineData(Year + 1, false)]
    public void A_birth_year_is_plausible_for_a_head_of_household(int birthYear, bool valid)
    {
        Assert.Equal(valid, !Fields(Group(Household(birthYear: birthYear))).Contains("Households[0].BirthYear"));
    }

    [Fact]
    public void A_second_president_and_a_second_treasurer_are_flagged_where_they_are()
    {
        var violations = GroupRules.Check(Group(
            Household("45678901", role: HouseholdRole.President), Household("45678902", role: HouseholdRole.President),
            Household("45678903", role: HouseholdRole.Treasurer), Household("45678904", role: HouseholdRole.Treasurer)), Year);

        Assert.Equal(
            [("Households[1].Role", "Groups.SecondPresident"), ("Households[3].Role", "Groups.SecondTreasurer")],
            violations.Select(v => (v.Field, v.Rule)));
    }

    [Fact]
    public void Missing_fields_are_each_flagged()
    {
        var data = new GroupData(" ", LegalForm.InformalGroup, null, 1, "", "", [Household(name: "")]);

        Assert.Equal(["Name", "DistrictCode", "CentroPoblado", "Households[0].HeadFullName"], Fields(data));
    }

    [Fact]
    public void A_group_without_households_is_refused()
    {
        Assert.Contains("Households", Fields(new GroupData("G", LegalForm.InformalGroup, null, 1, "050108", "Quinua", [])));
    }

    [Fact]
    public void Oversized_names_are_refused_with_the_limit()
    {
        var data = Group(Household(name: new string('n', HakuWinay.Contests.Groups.Household.MaxNameLength + 1))) with { Name = new string('g', ProducerGroup.MaxNameLength + 1) };

        var violations = GroupRules.Check(data, Year);

        Assert.Equal(["Name", "Households[0].HeadFullName"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal("Groups.TooLong", v.Rule));
    }

    [Fact]
    public void Two_households_of_one_group_are_allowed_at_registration()
    {
        // The contest's group size is checked when a profile is submitted, not here.
        Assert.Empty(GroupRules.Check(Group(Household("45678901"), Household("45678902")), Year));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "Groups.ConsentInFuture")]
    [InlineData(-6000, "Groups.ConsentImplausible")]
    public void Consent_is_dated_no_later_than_today_in_lima(int days, string? rule)
    {
        var now = Instants.Lima(2026, 11, 23, 23, 30);
        var violations = GroupRules.CheckAssisted(new AssistedRegistration(new DateOnly(2026, 11, 23).AddDays(days), null, null), now);

        Assert.Equal(rule, violations.SingleOrDefault()?.Rule);
    }

    [Fact]
    public void A_representative_email_must_be_valid_and_come_with_a_name()
    {
        var violations = GroupRules.CheckAssisted(new AssistedRegistration(new DateOnly(2026, 11, 1), "no es correo", null), Instants.Now);

        Assert.Equal(["RepresentativeEmail", "RepresentativeFullName"], violations.Select(v => v.Field));
    }
}
