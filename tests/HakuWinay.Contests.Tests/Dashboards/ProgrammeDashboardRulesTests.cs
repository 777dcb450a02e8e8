using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Dashboards;

public sealed class ProgrammeDashboardRulesTests
{
    // Three contests: Ayacucho 2025 and 2026, Cusco 2026; one Cusco 2026 contest without applicants yet.
    private static readonly IReadOnlyList<ProgrammeContestFacts> Contests =
    [
        new(1, 2025, "05", "Ayacucho"),
        new(2, 2026, "05", "Ayacucho"),
        new(3, 2026, "08", "Cusco"),
        new(4, 2026, "08", "Cusco"),
    ];

    private static ProgrammeApplicantFacts Applicant(int contest, string line, string category, ProfileStatus status, decimal requested,
        ProgrammeHouseholds households, ProgrammeAwardFacts? award = null) =>
        new(contest, line, category, status, requested, households, award);

    private static readonly IReadOnlyList<ProgrammeApplicantFacts> Applicants =
    [
        // Ayacucho 2025: two applicants, one funded and closed.
        Applicant(1, "CUYES", "IDEA", ProfileStatus.Eligible, 7_500m, new(5, 3, 1, 2), new(AwardStatus.Closed, 7_500m, 7_500m, 7_500m, false)),
        Applicant(1, "CUYES", "IDEA", ProfileStatus.Ineligible, 7_000m, new(4, 1, 0, 0)),
        // Ayacucho 2026: three applicants; one funded at risk, one whose award was cancelled by a correction.
        Applicant(2, "CUYES", "MARCHA", ProfileStatus.Eligible, 19_340m, new(6, 2, 2, 6), new(AwardStatus.Active, 19_340m, 13_538m, 4_000m, true)),
        Applicant(2, "APICULTURA", "IDEA", ProfileStatus.Eligible, 7_200m, new(3, 3, 0, 0), new(AwardStatus.Cancelled, 7_200m, 0m, 0m, false)),
        Applicant(2, "APICULTURA", "IDEA", ProfileStatus.Submitted, 7_200m, new(4, 0, 4, 0)),
        // Cusco 2026: one funded, on track.
        Applicant(3, "TRUCHAS", "MARCHA", ProfileStatus.Eligible, 20_300m, new(5, 2, 1, 1), new(AwardStatus.Active, 20_300m, 14_210m, 10_000m, false)),
    ];

    private static ProgrammeDashboard Compute(ProgrammeFilter? filter = null) => ProgrammeDashboardRules.Compute(Contests, Applicants, filter ?? new());

    [Fact]
    public void The_national_totals_count_every_contest_applicant_and_sol()
    {
        var totals = Compute().Totals;

        Assert.Equal(4, totals.Contests);
        Assert.Equal(6, totals.Applicants);
        Assert.Equal(4, totals.Eligible);
        Assert.Equal(3, totals.Funded);
        Assert.Equal(68_540m, totals.Requested);
        Assert.Equal(47_140m, totals.Awarded);
        Assert.Equal(35_248m, totals.Paid);
        Assert.Equal(21_500m, totals.Accounted);
        Assert.Equal(1, totals.AtRisk);
        Assert.Equal(1, totals.Closed);
    }

    [Fact]
    public void A_cancelled_award_is_not_funded_nor_awarded()
    {
        var row = Compute().ByYearAndRegion.Single(r => r is { Year: 2026, RegionCode: "05" });

        Assert.Equal(3, row.Applicants);
        Assert.Equal(1, row.Funded);
        Assert.Equal(19_340m, row.Awarded);
    }

    [Fact]
    public void Rows_are_per_year_and_region_latest_year_first()
    {
        var rows = Compute().ByYearAndRegion;

        Assert.Equal([(2026, "Ayacucho"), (2026, "Cusco"), (2025, "Ayacucho")], rows.Select(r => (r.Year!.Value, r.RegionName)));
        Assert.Equal(2, rows.Single(r => r is { Year: 2026, RegionCode: "08" }).Contests);
    }

    [Fact]
    public void Shares_are_of_member_households_among_applicants_and_among_winners()
    {
        var shares = Compute().Shares.ToDictionary(s => s.Kind);

        Assert.Equal((27, 9), (shares[PriorityKind.Juntos].ApplicantHouseholds, shares[PriorityKind.Juntos].ApplicantsOfKind));
        Assert.Equal((16, 9), (shares[PriorityKind.Juntos].WinnerHouseholds, shares[PriorityKind.Juntos].WinnersOfKind));
        Assert.Equal(56.25m, shares[PriorityKind.Juntos].WinnerPercent);
        Assert.Equal((11, 8), (shares[PriorityKind.WomenHeaded].ApplicantsOfKind, shares[PriorityKind.Youth].ApplicantsOfKind));
        Assert.Equal((7, 4), (shares[PriorityKind.WomenHeaded].WinnersOfKind, shares[PriorityKind.Youth].WinnersOfKind));
    }

    [Fact]
    public void Declared_only_Juntos_households_are_shown_apart_and_not_counted_in_the_juntos_share()
    {
        IReadOnlyList<ProgrammeApplicantFacts> applicants =
        [
            // 5 households: 2 verified Juntos, 1 declared only; funded.
            Applicant(1, "CUYES", "IDEA", ProfileStatus.Eligible, 7_500m, new(5, 3, 1, 2, 1), new(AwardStatus.Active, 7_500m, 0m, 0m, false)),
            // 4 households: none verified, 3 declared only; not funded.
            Applicant(1, "CUYES", "IDEA", ProfileStatus.Eligible, 7_000m, new(4, 1, 0, 0, 3)),
        ];

        var dashboard = ProgrammeDashboardRules.Compute(Contests, applicants, new());

        var juntos = dashboard.Shares.Single(s => s.Kind == PriorityKind.Juntos);
        Assert.Equal((9, 2, 5, 2), (juntos.ApplicantHouseholds, juntos.ApplicantsOfKind, juntos.WinnerHouseholds, juntos.WinnersOfKind));
        var declared = dashboard.DeclaredOnlyJuntos;
        Assert.Equal((9, 4, 5, 1), (declared.ApplicantHouseholds, declared.ApplicantsOfKind, declared.WinnerHouseholds, declared.WinnersOfKind));
        Assert.Equal(44.44m, declared.ApplicantPercent);
        Assert.Equal(20m, declared.WinnerPercent);
        var table = ProgrammeDashboardTables.Table(dashboard, "shares")!;
        Assert.Equal(["Juntos", "WomenHeaded", "Youth", "JuntosDeclaredOnly"], table.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void A_production_line_filter_counts_only_its_applicants_and_the_contests_they_applied_to()
    {
        var totals = Compute(new ProgrammeFilter(ProductionLineCode: "APICULTURA")).Totals;

        Assert.Equal((1, 2, 0, 14_400m), (totals.Contests, totals.Applicants, totals.Funded, totals.Requested));
    }

    [Fact]
    public void A_category_filter_is_matched_by_code_across_contests()
    {
        var dashboard = Compute(new ProgrammeFilter(CategoryCode: "marcha"));

        Assert.Equal((2, 2, 2, 39_640m), (dashboard.Totals.Contests, dashboard.Totals.Applicants, dashboard.Totals.Funded, dashboard.Totals.Awarded));
        Assert.Equal(2, dashboard.ByYearAndRegion.Count);
    }

    [Fact]
    public void Year_and_region_filters_narrow_contests_even_without_applicants()
    {
        var totals = Compute(new ProgrammeFilter(Year: 2026, RegionCode: "08")).Totals;

        Assert.Equal((2, 1, 20_300m), (totals.Contests, totals.Applicants, totals.Awarded));
    }

    [Fact]
    public void Nothing_matches_gives_zeros_and_no_percentages()
    {
        var dashboard = Compute(new ProgrammeFilter(Year: 2019));

        Assert.Empty(dashboard.ByYearAndRegion);
        Assert.Equal(0, dashboard.Totals.Applicants);
        Assert.Null(dashboard.Totals.FundedPercent);
        Assert.All(dashboard.Shares, s => Assert.Null(s.ApplicantPercent));
    }

    [Theory]
    [InlineData("2026", "05", "CUYES", "IDEA", null)]
    [InlineData("", " ", null, "", null)]
    [InlineData("26", null, null, null, "year")]
    [InlineData("2026; DROP TABLE", null, null, null, "year")]
    [InlineData("1999", null, null, null, "year")]
    [InlineData(null, "<script>", null, null, "region")]
    [InlineData(null, null, "CUYES' OR 1=1", null, "line")]
    [InlineData(null, null, null, "IDEAIDEAIDEAIDEAIDEA1", "category")]
    public void Filters_from_an_address_are_read_or_refused_by_name(string? year, string? region, string? line, string? category, string? rejected)
    {
        var ok = ProgrammeFilter.TryParse(year, region, line, category, out var filter, out var refused);

        Assert.Equal(rejected is null, ok);
        Assert.Equal(rejected, refused);
        if (ok && year == "2026")
        {
            Assert.Equal(new ProgrammeFilter(2026, "05", "CUYES", "IDEA"), filter);
        }
    }
}
