using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Territories;

namespace HakuWinay.Contests.Tests.Registries;

public sealed class RegistryProjectRulesTests
{
    private static readonly HashSet<string> Catalog = ["050102", "050108", "050301", "020101"];

    private static ProjectContext New(StaffScope? scope = null, bool taken = false) => new(Catalog, taken, scope ?? StaffScope.National);

    private static IReadOnlyList<(string Field, string Rule)> Check(ProjectInput input, ProjectContext context, bool isNew = true) =>
        [.. RegistryProjectRules.Check(input, context, isNew).Select(v => (v.Field, v.Rule))];

    [Fact]
    public void A_project_with_a_code_a_name_a_nec_and_districts_of_one_region_passes()
    {
        Assert.Empty(Check(new ProjectInput("hw-aya-01", "Haku Wiñay Huamanga", "NEC Acocro", ["050102", "050108"]), New()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("HW AYA")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE RegistryProjects;--")]
    [InlineData("HW-AYA-0000000000000000000000000000000000000001")]
    public void A_code_a_padron_file_could_not_name_is_refused(string code)
    {
        Assert.Equal([("Code", "ProjectRules.BadCode")], Check(new ProjectInput(code, "Proyecto", null, ["050102"]), New()));
    }

    [Fact]
    public void A_code_taken_by_another_project_is_refused()
    {
        Assert.Equal([("Code", "ProjectRules.CodeTaken")], Check(new ProjectInput("HW-AYA-01", "Proyecto", null, ["050102"]), New(taken: true)));
    }

    [Fact]
    public void The_code_of_an_existing_project_is_not_checked_again_on_an_edit()
    {
        Assert.Empty(Check(new ProjectInput("HW-AYA-01", "Proyecto", null, ["050102"]), New(taken: true) with { RegionCode = "05" }, isNew: false));
    }

    [Fact]
    public void A_missing_name_an_oversized_nec_and_control_characters_are_refused_next_to_their_fields()
    {
        Assert.Equal([("Name", "ProjectRules.Required"), ("NecName", "ProjectRules.TooLong")],
            Check(new ProjectInput("HW-1", "  ", new string('N', RegistryProject.MaxNecLength + 1), ["050102"]), New()));
        Assert.Equal([("Name", "ProjectRules.ControlCharacters")], Check(new ProjectInput("HW-1", "Huamanga\u0000\u001b[2J", null, ["050102"]), New()));
        Assert.Equal([("Name", "ProjectRules.TooLong")], Check(new ProjectInput("HW-1", new string('x', 10_000), null, ["050102"]), New()));
    }

    [Fact]
    public void Districts_must_be_given_known_and_of_one_region()
    {
        Assert.Equal([("DistrictCodes", "ProjectRules.DistrictsRequired")], Check(new ProjectInput("HW-1", "P", null, []), New()));
        Assert.Equal([("DistrictCodes", "ProjectRules.UnknownDistrict")], Check(new ProjectInput("HW-1", "P", null, ["050102", "999999"]), New()));
        Assert.Equal([("DistrictCodes", "ProjectRules.UnknownDistrict")], Check(new ProjectInput("HW-1", "P", null, ["05' OR 1=1"]), New()));
        Assert.Equal([("DistrictCodes", "ProjectRules.OneRegion")], Check(new ProjectInput("HW-1", "P", null, ["050102", "020101"]), New()));
        Assert.Equal([("DistrictCodes", "ProjectRules.TooManyDistricts")],
            Check(new ProjectInput("HW-1", "P", null, [.. Enumerable.Range(0, RegistryProjectRules.MaxDistricts + 1).Select(i => $"05{i:D4}")]), New()));
    }

    [Fact]
    public void An_edit_keeps_the_projects_region()
    {
        Assert.Equal([("DistrictCodes", "ProjectRules.OneRegion")],
            Check(new ProjectInput("HW-1", "P", null, ["020101"]), New() with { RegionCode = "05" }, isNew: false));
    }

    [Fact]
    public void A_scoped_administrator_chooses_only_districts_of_their_scope()
    {
        var huamanga = StaffScope.Of(["0501"]);

        Assert.Empty(Check(new ProjectInput("HW-1", "P", null, ["050102", "050108"]), New(huamanga)));
        Assert.Equal([("DistrictCodes", "ProjectRules.OutsideScope")], Check(new ProjectInput("HW-1", "P", null, ["050102", "050301"]), New(huamanga)));
    }

    [Fact]
    public void A_district_where_the_current_padron_has_households_cannot_be_dropped()
    {
        var context = New() with { RegionCode = "05", PadronDistricts = new HashSet<string> { "050108" } };

        Assert.Equal([("DistrictCodes", "ProjectRules.DistrictHasPadron")], Check(new ProjectInput("HW-1", "P", null, ["050102"]), context, isNew: false));
        Assert.Empty(Check(new ProjectInput("HW-1", "P", null, ["050108", "050301"]), context, isNew: false));
    }
}
