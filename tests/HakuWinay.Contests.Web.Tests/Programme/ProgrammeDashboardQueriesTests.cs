using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Programme;

/// <summary>The programme dashboard's service over the demo of every stage, against counts taken straight from the database.</summary>
public sealed class ProgrammeDashboardQueriesTests(ProgrammePortal portal) : IClassFixture<ProgrammePortal>
{
    private ProgrammeDashboardQueries Queries => ActivatorUtilities.CreateInstance<ProgrammeDashboardQueries>(portal.Portal.Services);

    [Fact]
    public async Task National_figures_are_the_databases_counts()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var contests = await db.Contests.CountAsync(c => c.Status != ContestStatus.Draft);
        var applicants = await db.BusinessProfiles.CountAsync(p => p.Status == ProfileStatus.Submitted || p.Status == ProfileStatus.Eligible || p.Status == ProfileStatus.Ineligible);
        var funded = await db.Awards.Where(a => a.Status != AwardStatus.Cancelled).ToListAsync();

        var totals = (await Queries.ComputeAsync(new ProgrammeFilter(), StaffScope.National)).Totals;

        Assert.Equal(contests, totals.Contests);
        Assert.Equal(applicants, totals.Applicants);
        Assert.Equal(funded.Count, totals.Funded);
        Assert.Equal(funded.Sum(a => a.Amount), totals.Awarded);
        Assert.Equal(funded.Count(a => a.Status == AwardStatus.Closed), totals.Closed);
        // grupo7's award: an unsatisfactory visit and 40 % of tranche 1 accounted (README).
        Assert.True(totals.AtRisk >= 1);
        Assert.True(totals.Paid > 0 && totals.Accounted > 0 && totals.Accounted <= totals.Paid);
    }

    [Fact]
    public async Task Juntos_counts_the_households_the_demo_padron_verified_and_shows_the_declared_only_ones_apart()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var groups = await db.BusinessProfiles
            .Where(p => p.Status == ProfileStatus.Submitted || p.Status == ProfileStatus.Eligible || p.Status == ProfileStatus.Ineligible)
            .Select(p => p.ProducerGroupId).ToListAsync();
        int verified = 0, declaredOnly = 0;
        foreach (var id in groups)
        {
            verified += await db.Households.Where(h => h.ProducerGroupId == id).CountAsync(ProgrammeDashboardQueries.CountsAsJuntos);
            declaredOnly += await db.Households.Where(h => h.ProducerGroupId == id).CountAsync(h => h.IsJuntosUser && !h.IsJuntosVerified);
        }

        var dashboard = await Queries.ComputeAsync(new ProgrammeFilter(), StaffScope.National);

        // The demo's Juntos padrón lists every declared household but one (Wiñay Sumaq's treasurer).
        Assert.True(verified > declaredOnly && declaredOnly > 0, $"{verified} verified, {declaredOnly} declared only");
        Assert.Equal(verified, dashboard.Shares.Single(s => s.Kind == PriorityKind.Juntos).ApplicantsOfKind);
        Assert.Equal(declaredOnly, dashboard.DeclaredOnlyJuntos.ApplicantsOfKind);
        Assert.Equal(dashboard.Shares[0].ApplicantHouseholds, dashboard.DeclaredOnlyJuntos.ApplicantHouseholds);
    }

    [Fact]
    public async Task A_scoped_reader_sees_only_the_contests_of_their_territory_even_when_asking_for_another_region()
    {
        var ayacucho = await Queries.ComputeAsync(new ProgrammeFilter(), StaffScope.Of(["05"]));
        var elsewhere = await Queries.ComputeAsync(new ProgrammeFilter(), StaffScope.Of(["08"]));
        var askedOutside = await Queries.ComputeAsync(new ProgrammeFilter(RegionCode: "05"), StaffScope.Of(["08"]));
        var options = await Queries.OptionsAsync(StaffScope.Of(["08"]));

        Assert.True(ayacucho.Totals.Contests > 0);
        Assert.Equal(0, elsewhere.Totals.Contests);
        Assert.Equal(0, askedOutside.Totals.Applicants);
        Assert.Empty(askedOutside.ByYearAndRegion);
        Assert.Empty(options.Regions);
        Assert.Empty(options.Years);
    }

    [Fact]
    public async Task Options_list_the_years_regions_and_categories_of_the_contests()
    {
        var options = await Queries.OptionsAsync(StaffScope.National);

        Assert.Contains(portal.LastYear.Timeline.CallOpensAtUtc.AddHours(-5).Year, options.Years);
        Assert.Contains(options.Regions, r => r.Code == "05" && r.Name == "Ayacucho");
        Assert.Equal(["IDEA", "MARCHA"], options.Categories.Select(c => c.Code));
        Assert.Contains(options.ProductionLines, l => l.Code == "CUYES");
    }
}
