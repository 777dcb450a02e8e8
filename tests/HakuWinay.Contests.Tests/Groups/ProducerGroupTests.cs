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

public sealed class ProducerGroupEditingTests
{
    private static HouseholdData Data(int n, HouseholdRole role = HouseholdRole.Member, int? id = null) =>
        new(id, $"Integrante {n}", GroupBuilder.DniOf(n), Sex.Female, 1990, false, role);

    [Fact]
    public void A_second_president_is_refused()
    {
        var group = new GroupBuilder().WithHouseholds(3).Build();

        Assert.Throws<InvalidOperationException>(() => group.AddHousehold("Otra", "45678901", Sex.Male, 1980, false, HouseholdRole.President));
        Assert.Equal(3, group.Households.Count);
    }

    [Fact]
    public void A_second_treasurer_is_refused_but_members_are_many()
    {
        var group = new GroupBuilder().WithHouseholds(3).Build();
        group.AddHousehold("Tesorera", "45678901", Sex.Female, 1980, false, HouseholdRole.Treasurer);

        Assert.Throws<InvalidOperationException>(() => group.AddHousehold("Otro", "45678902", Sex.Male, 1980, false, HouseholdRole.Treasurer));
        group.AddHousehold("Socio", "45678903", Sex.Male, 1980, false, HouseholdRole.Member);
        Assert.Equal(5, group.Households.Count);
    }

    [Fact]
    public void Replacing_households_may_move_the_presidency_in_one_save()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();

        group.ReplaceHouseholds([Data(1), Data(2, HouseholdRole.President)], Instants.Now);

        Assert.Equal(HouseholdRole.President, group.Households.Single(h => h.Dni == GroupBuilder.DniOf(2)).Role);
        Assert.Equal(HouseholdRole.Member, group.Households.Single(h => h.Dni == GroupBuilder.DniOf(1)).Role);
    }

    [Fact]
    public void Replacing_households_with_a_repeated_dni_changes_nothing()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();

        Assert.Throws<InvalidOperationException>(() => group.ReplaceHouseholds([Data(1), Data(1)], Instants.Now));
        Assert.Equal(2, group.Households.Count);
    }

    [Fact]
    public void Replacing_households_with_an_invalid_one_changes_nothing()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();

        Assert.Throws<ArgumentException>(() => group.ReplaceHouseholds([Data(1), Data(3) with { Dni = "123" }], Instants.Now));
        Assert.Equal([GroupBuilder.DniOf(1), GroupBuilder.DniOf(2)], group.Households.Select(h => h.Dni));
    }

    [Fact]
    public void Replacing_households_with_an_id_of_another_group_is_refused()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();

        Assert.Throws<InvalidOperationException>(() => group.ReplaceHouseholds([Data(1, id: 999)], Instants.Now));
    }

    [Fact]
    public void Replacing_households_bumps_the_revision_so_the_version_is_checked()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();
        var before = group.Revision;

        group.ReplaceHouseholds([Data(1)], Instants.Now.AddHours(1));

        Assert.True(group.Revision > before);
        Assert.Equal(Instants.Now.AddHours(1), group.UpdatedAtUtc);
        Assert.Single(group.Households);
    }

    [Fact]
    public void More_than_the_sanity_bound_of_households_is_refused()
    {
        var group = new GroupBuilder().WithHouseholds(ProducerGroup.MaxHouseholds).Build();

        Assert.Throws<InvalidOperationException>(() => group.AddHousehold("Uno más", "49999999", Sex.Male, 1980, false, HouseholdRole.Member));
    }

    [Fact]
    public void An_oversized_name_is_refused_and_the_longest_allowed_is_kept()
    {
        Assert.Throws<ArgumentException>(() => new GroupBuilder().Named(new string('a', ProducerGroup.MaxNameLength + 1)).Build());
        Assert.Equal(ProducerGroup.MaxNameLength, new GroupBuilder().Named(new string('a', ProducerGroup.MaxNameLength)).Build().Name.Length);
    }

    [Fact]
    public void Changing_details_to_an_association_needs_a_valid_ruc()
    {
        var group = new GroupBuilder().Build();

        Assert.Throws<ArgumentException>(() => group.ChangeDetails("Nuevo", LegalForm.Association, "20131312956", 1, GroupBuilder.Quinua, Instants.Now));
        group.ChangeDetails("Nuevo", LegalForm.Association, "20131312955", 1, GroupBuilder.Quinua, Instants.Now);
        Assert.Equal("20131312955", group.Ruc);
    }

    [Theory]
    [InlineData("05", "0501", "050199", true)]
    [InlineData("05", "0502", "050108", false)]
    [InlineData("06", "0501", "050108", false)]
    [InlineData("05", "0501", "05010", false)]
    [InlineData("05", "0501", "05010A", false)]
    public void A_location_is_a_consistent_ubigeo(string region, string province, string district, bool valid)
    {
        var create = () => new GroupLocation(region, province, district, "Quinua");
        if (valid)
        {
            Assert.Equal(district, create().DistrictCode);
        }
        else
        {
            Assert.Throws<ArgumentException>(create);
        }
    }

    [Fact]
    public void Self_registration_appoints_the_representative()
    {
        var group = new GroupBuilder().Build();

        group.RecordSelfRegistration("rep-1");

        Assert.Equal("rep-1", group.RepresentativeUserId);
        Assert.Equal("rep-1", group.RegisteredByUserId);
        Assert.False(group.IsAssistedRegistration);
        Assert.True(group.MayBeEditedBy(new("rep-1")));
        Assert.False(group.MayBeEditedBy(new("rep-2")));
        Assert.True(group.MayBeEditedBy(new("tech", IsTechnician: true)));
    }

    [Fact]
    public void A_group_without_representative_is_edited_only_by_staff()
    {
        var group = new GroupBuilder().Build();

        Assert.False(group.MayBeEditedBy(new("anyone")));
        Assert.True(group.MayBeEditedBy(new("admin", IsAdmin: true)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-30, true)]
    [InlineData(1, false)]
    public void Assisted_registration_records_who_and_a_consent_not_after_today_in_lima(int daysFromToday, bool accepted)
    {
        var group = new GroupBuilder().Build();
        // 23:30 in Lima is already the next day in UTC: "today" is Lima's day.
        var now = Instants.Lima(2026, 11, 23, 23, 30);
        var consent = new DateOnly(2026, 11, 23).AddDays(daysFromToday);

        if (accepted)
        {
            group.RecordAssistedRegistration("tech-1", consent, now);
            Assert.True(group.IsAssistedRegistration);
            Assert.Equal("tech-1", group.RegisteredByUserId);
            Assert.Equal(consent, group.RepresentativeConsentDate);
            Assert.Null(group.RepresentativeUserId);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => group.RecordAssistedRegistration("tech-1", consent, now));
            Assert.False(group.IsAssistedRegistration);
        }
    }

    [Fact]
    public void Returning_to_pending_verification_clears_the_verification()
    {
        var group = new GroupBuilder().Build();
        group.Verify("admin-1", Instants.Now);

        group.ReturnToPendingVerification(Instants.Now.AddDays(1));

        Assert.False(group.IsVerified);
        Assert.Null(group.VerifiedByUserId);
    }

    [Fact]
    public void Removing_an_unknown_household_is_refused()
    {
        var group = new GroupBuilder().WithHouseholds(2).Build();

        Assert.Throws<InvalidOperationException>(() => group.RemoveHousehold(42, Instants.Now));
    }
}
