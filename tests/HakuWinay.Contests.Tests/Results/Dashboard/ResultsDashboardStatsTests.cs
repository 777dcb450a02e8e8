using System.Text;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Dashboard;

namespace HakuWinay.Contests.Tests.Results.Dashboard;

public sealed class ResultsDashboardStatsTests
{
    private static readonly DateTime Submitted = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Five applicants: two cuy groups in Tambillo (one funded, one waitlisted), a trout group in
    /// Tambillo (partially funded), a honey group in Quinua (failed) and a withdrawn cuy group in Quinua.
    /// </summary>
    private static (ResultsInput Input, RankingResult Result) Sample()
    {
        ProfileFacts Profile(string code, string line, string district, GroupFacts group, ProfileStanding standing = ProfileStanding.Eligible) =>
            new(code, "IDEA", 7_500m, Submitted, standing, group, [], $"Grupo {code}", line, district);
        ResultEntry Entry(string code, ResultOutcome outcome, decimal award) =>
            new(code, "IDEA", [], 80m, 0m, 80m, outcome is not ResultOutcome.Failed, null, null, outcome, award, "", null);

        var rules = new ResultsRules(70m, ScoreAggregation.Mean, BudgetAllocationPolicy.SkipToFit, null, false, Submitted, [], [new("IDEA", "Negocio en idea", 12_000m, 7_500m)], [], []);
        var input = new ResultsInput(rules,
        [
            Profile("P1", "Cuyes", "Tambillo", new GroupFacts(4, 3, 1, 2)),
            Profile("P2", "Cuyes", "Tambillo", new GroupFacts(5, 1, 0, 5)),
            Profile("P3", "Truchas", "Tambillo", new GroupFacts(6, 3, 3, 0)),
            Profile("P4", "Miel", "Quinua", new GroupFacts(3, 0, 0, 3)),
            Profile("P5", "Cuyes", "Quinua", new GroupFacts(2, 2, 2, 2), ProfileStanding.Withdrawn),
        ], []);
        var result = new RankingResult([],
        [
            Entry("P1", ResultOutcome.Funded, 7_500m),
            Entry("P2", ResultOutcome.Waitlisted, 0m),
            Entry("P3", ResultOutcome.PartiallyFunded, 4_500m),
            Entry("P4", ResultOutcome.Failed, 0m),
            Entry("P5", ResultOutcome.Withdrawn, 0m),
        ]);
        return (input, result);
    }

    [Fact]
    public void Winners_are_the_funded_and_partially_funded_profiles_and_their_awards_add_up()
    {
        var (input, result) = Sample();

        var dashboard = ResultsDashboardStats.Compute(input, result);

        Assert.Equal((5, 2, 12_000m), (dashboard.Applicants, dashboard.Winners, dashboard.Awarded));
    }

    [Fact]
    public void Applicants_and_winners_are_counted_per_production_line_most_applicants_first()
    {
        var (input, result) = Sample();

        var lines = ResultsDashboardStats.Compute(input, result).ByProductionLine;

        Assert.Equal(
        [
            new DashboardRow("Cuyes", 3, 1, 7_500m),
            new DashboardRow("Miel", 1, 0, 0m),
            new DashboardRow("Truchas", 1, 1, 4_500m),
        ], lines);
        Assert.Equal(33.33m, lines[0].WinRatePercent);
        Assert.Equal(0m, lines[1].WinRatePercent);
    }

    [Fact]
    public void Applicants_and_winners_are_counted_per_district()
    {
        var (input, result) = Sample();

        var districts = ResultsDashboardStats.Compute(input, result).ByDistrict;

        Assert.Equal([new DashboardRow("Tambillo", 3, 2, 12_000m), new DashboardRow("Quinua", 2, 0, 0m)], districts);
        Assert.Equal(66.67m, districts[0].WinRatePercent);
    }

    [Fact]
    public void Shares_are_of_member_households_among_applicants_and_among_winners()
    {
        var (input, result) = Sample();

        var shares = ResultsDashboardStats.Compute(input, result).Shares;

        // Applicants: 4+5+6+3+2 = 20 households; winners P1 and P3: 4+6 = 10.
        var women = shares.Single(s => s.Kind == PriorityKind.WomenHeaded);
        var youth = shares.Single(s => s.Kind == PriorityKind.Youth);
        var juntos = shares.Single(s => s.Kind == PriorityKind.Juntos);
        Assert.Equal(new HouseholdShare(PriorityKind.WomenHeaded, 20, 9, 10, 6), women);
        Assert.Equal((45m, 60m), (women.ApplicantPercent, women.WinnerPercent));
        Assert.Equal((30m, 40m), (youth.ApplicantPercent, youth.WinnerPercent));
        Assert.Equal((60m, 20m), (juntos.ApplicantPercent, juntos.WinnerPercent));
    }

    [Fact]
    public void With_no_winner_the_winners_shares_are_empty_rather_than_zero()
    {
        var (input, result) = Sample();
        var nobody = result with { Entries = [.. result.Entries.Select(e => e with { Outcome = ResultOutcome.Failed, Award = 0m })] };

        var dashboard = ResultsDashboardStats.Compute(input, nobody);

        Assert.Equal(0, dashboard.Winners);
        Assert.All(dashboard.Shares, s => Assert.Null(s.WinnerPercent));
        Assert.All(dashboard.ByDistrict, d => Assert.Equal(0m, d.WinRatePercent));
    }

    [Fact]
    public void A_profile_without_a_line_or_district_is_counted_under_a_dash()
    {
        var (input, result) = Sample();
        var unnamed = input with { Profiles = [.. input.Profiles.Select(p => p.Code == "P4" ? p with { ProductionLine = " ", District = "" } : p)] };

        var dashboard = ResultsDashboardStats.Compute(unnamed, result);

        Assert.Contains(new DashboardRow("—", 1, 0, 0m), dashboard.ByProductionLine);
        Assert.Contains(new DashboardRow("—", 1, 0, 0m), dashboard.ByDistrict);
    }

    [Fact]
    public void The_csv_files_have_a_header_and_one_line_per_row_with_dot_decimals()
    {
        var (input, result) = Sample();
        var dashboard = ResultsDashboardStats.Compute(input, result);

        var lines = Encoding.UTF8.GetString(ResultsDashboardCsv.Rows(dashboard.ByDistrict, "district")).TrimStart('\uFEFF').Split("\r\n");
        var shares = Encoding.UTF8.GetString(ResultsDashboardCsv.Shares(dashboard.Shares)).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal(["district,applicants,winners,win_rate_percent,awarded", "Tambillo,3,2,66.67,12000.00", "Quinua,2,0,0.00,0.00", ""], lines);
        Assert.Equal("Juntos,20,12,60.00,10,2,20.00", shares[3]);
    }
}
