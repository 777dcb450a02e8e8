using HakuWinay.Contests.Territories;

namespace HakuWinay.Contests.Tests.Territories;

public sealed class StaffScopeTests
{
    private static readonly ContestPlace AyacuchoRegion = new("05", null, null);
    private static readonly ContestPlace Huamanga = new("05", "0501", null);
    private static readonly ContestPlace Acocro = new("05", "0501", "050102");
    private static readonly ContestPlace Andahuaylas = new("03", "0302", null);

    [Theory]
    [InlineData("05", "05", null, null, true)]
    [InlineData("05", "05", "0501", null, true)]
    [InlineData("05", "05", "0501", "050102", true)]
    [InlineData("0501", "05", "0501", "050102", true)]
    [InlineData("050102", "05", "0501", "050102", true)]
    [InlineData("0501", "05", null, null, false)]
    [InlineData("050102", "05", "0501", null, false)]
    [InlineData("050102", "05", "0501", "050103", false)]
    [InlineData("03", "05", "0501", "050102", false)]
    [InlineData("0302", "03", "0301", null, false)]
    public void A_place_is_inside_when_an_area_is_it_or_one_of_its_parents(string area, string region, string? province, string? district, bool inside) =>
        Assert.Equal(inside, StaffScope.Of([area]).Contains(region, province, district));

    [Fact]
    public void The_national_scope_holds_every_place() =>
        Assert.True(StaffScope.National.Contains("25", "2501", "250101"));

    [Fact]
    public void An_area_inside_another_given_is_dropped_and_the_rest_ordered()
    {
        var scope = StaffScope.Of(["0501", "05", "030201", " 030201 "]);
        Assert.Equal(["030201", "05"], scope.Areas);
        Assert.Equal(["05"], scope.RegionCodes);
        Assert.Equal(["030201"], scope.DistrictCodes);
        Assert.Equal(["03", "05"], scope.TouchedRegionCodes.Order());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("055")]
    [InlineData("05a1")]
    [InlineData("")]
    [InlineData("0501020")]
    [InlineData("'; DROP TABLE x")]
    public void A_code_that_is_no_region_province_or_district_is_refused(string code) =>
        Assert.Throws<ArgumentException>(() => StaffScope.Of([code]));

    [Fact]
    public void An_empty_list_is_not_a_scope_national_is_said_so() =>
        Assert.Throws<ArgumentException>(() => StaffScope.Of([]));

    [Fact]
    public void Nobody_covers_more_than_their_scope()
    {
        Assert.True(StaffScope.National.Covers(StaffScope.National));
        Assert.True(StaffScope.National.Covers(StaffScope.Of(["03"])));
        Assert.True(StaffScope.Of(["05"]).Covers(StaffScope.Of(["0501", "050201"])));
        Assert.False(StaffScope.Of(["05"]).Covers(StaffScope.National));
        Assert.False(StaffScope.Of(["0501"]).Covers(StaffScope.Of(["05"])));
        Assert.False(StaffScope.Of(["05"]).Covers(StaffScope.Of(["05", "03"])));
    }

    [Fact]
    public void Scopes_of_the_same_areas_are_equal() =>
        Assert.Equal(StaffScope.Of(["05", "0302"]), StaffScope.Of(["0302", "05", "0501"]));

    [Fact]
    public void An_administrator_reaches_what_belongs_to_a_contest_of_the_scope()
    {
        var ayacucho = StaffScope.Of(["05"]);
        Assert.True(TerritoryRule.Reaches(ayacucho, isAdmin: true, isTechnician: false, TerritoryPlace.OfContest(Huamanga)));
        Assert.False(TerritoryRule.Reaches(ayacucho, isAdmin: true, isTechnician: false, TerritoryPlace.OfContest(Andahuaylas)));
        // A profile of an Apurímac group in an Ayacucho contest is the Ayacucho administrator's: they run the contest.
        Assert.True(TerritoryRule.Reaches(ayacucho, isAdmin: true, isTechnician: false, new TerritoryPlace(Huamanga, "030201")));
        Assert.False(TerritoryRule.Reaches(ayacucho, isAdmin: true, isTechnician: false, new TerritoryPlace(Andahuaylas, "050102")));
    }

    [Fact]
    public void A_technician_reaches_what_belongs_to_a_group_of_the_scope()
    {
        var acocro = StaffScope.Of(["050102"]);
        Assert.True(TerritoryRule.Reaches(acocro, isAdmin: false, isTechnician: true, new TerritoryPlace(AyacuchoRegion, "050102")));
        Assert.False(TerritoryRule.Reaches(acocro, isAdmin: false, isTechnician: true, new TerritoryPlace(Acocro, "050103")));
        Assert.True(TerritoryRule.Reaches(acocro, isAdmin: false, isTechnician: true, TerritoryPlace.OfGroup("050102")));
        // A contest alone (its projector) by the contest's place.
        Assert.False(TerritoryRule.Reaches(acocro, isAdmin: false, isTechnician: true, TerritoryPlace.OfContest(AyacuchoRegion)));
        Assert.True(TerritoryRule.Reaches(acocro, isAdmin: false, isTechnician: true, TerritoryPlace.OfContest(Acocro)));
    }

    [Fact]
    public void A_district_administrator_does_not_reach_a_contest_of_the_whole_region() =>
        Assert.False(TerritoryRule.Reaches(StaffScope.Of(["050102"]), isAdmin: true, isTechnician: false, TerritoryPlace.OfContest(AyacuchoRegion)));

    [Fact]
    public void Someone_with_both_roles_reaches_what_either_reaches()
    {
        var huamanga = StaffScope.Of(["0501"]);
        var place = new TerritoryPlace(Andahuaylas, "050102");
        Assert.False(TerritoryRule.Reaches(huamanga, isAdmin: true, isTechnician: false, place));
        Assert.True(TerritoryRule.Reaches(huamanga, isAdmin: true, isTechnician: true, place));
    }

    [Fact]
    public void Without_a_staff_role_nobody_is_reached() =>
        Assert.False(TerritoryRule.Reaches(StaffScope.National, isAdmin: false, isTechnician: false, TerritoryPlace.OfContest(Huamanga)));
}
