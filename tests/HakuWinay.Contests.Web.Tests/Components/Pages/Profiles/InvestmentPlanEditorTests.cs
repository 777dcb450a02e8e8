using Bunit;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Profiles;
using HakuWinay.Contests.Web.Tests.Components.Shared;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Profiles;

public sealed class InvestmentPlanEditorTests : FormComponentTestBase
{
    private static readonly SubmissionRules Rules = new(
        MaxAward: 7_500m, MinCounterpartPercent: 10m,
        MaxShareOfFund: new Dictionary<InvestmentCategory, decimal> { [InvestmentCategory.TechnicalAssistance] = 40m },
        MinHouseholds: 3, MaxHouseholds: 6, EligibleProductionLineIds: new HashSet<int> { 1 });

    private readonly List<List<InvestmentLineInput>> _raised = [];

    private IRenderedComponent<InvestmentPlanEditor> RenderEditor(params InvestmentLineInput[] lines) =>
        Render<InvestmentPlanEditor>(p => p
            .Add(e => e.Lines, lines.ToList())
            .Add(e => e.Rules, Rules)
            .Add(e => e.LinesChanged, changed => _raised.Add([.. changed])));

    private static InvestmentLineInput Line(string description, InvestmentCategory category, decimal quantity, decimal unitCost, FinancedBy by = FinancedBy.Fund) =>
        new() { Description = description, Category = category, Unit = "unidad", Quantity = quantity, UnitCost = unitCost, FinancedBy = by };

    [Fact]
    public void The_totals_show_the_request_counterpart_and_share_as_the_plan_stands()
    {
        var cut = RenderEditor(
            Line("Jaulas", InvestmentCategory.Equipment, 10, 450m),
            Line("Asistencia técnica", InvestmentCategory.TechnicalAssistance, 6, 500m),
            Line("Galpón", InvestmentCategory.Infrastructure, 1, 1_000m, FinancedBy.CounterpartInKind));

        Assert.Equal("S/ 7,500.00", cut.Find("[data-testid=fund-request]").TextContent);
        Assert.Equal("S/ 8,500.00", cut.Find("[data-testid=total-investment]").TextContent);
        Assert.Equal("11.76 %", cut.Find("[data-testid=counterpart-percent]").TextContent);
        Assert.Equal(["S/ 4,500.00", "S/ 3,000.00", "S/ 1,000.00"], cut.FindAll("[data-testid=line-total]").Select(e => e.TextContent));
        Assert.NotNull(cut.Find("[data-testid=plan-ok]"));
    }

    [Fact]
    public void Changing_a_unit_cost_updates_the_totals_and_flags_a_request_over_the_maximum()
    {
        var cut = RenderEditor(
            Line("Jaulas", InvestmentCategory.Equipment, 10, 450m),
            Line("Galpón", InvestmentCategory.Infrastructure, 1, 1_000m, FinancedBy.CounterpartCash));

        cut.Find("#cost-1").Change("800");

        Assert.Equal("S/ 8,000.00", cut.Find("[data-testid=fund-request]").TextContent);
        var violation = Assert.Single(cut.FindAll("[data-testid=plan-violation]"));
        Assert.Equal("FundRequest", violation.GetAttribute("data-field"));
        Assert.Equal("El monto solicitado (S/ 8,000.00) supera el máximo de la categoría (S/ 7,500.00).", violation.TextContent);
        Assert.Equal(800m, Assert.Single(_raised)[0].UnitCost);
    }

    [Fact]
    public void A_counterpart_below_the_minimum_and_a_capped_category_over_its_cap_are_both_shown()
    {
        var cut = RenderEditor(
            Line("Jaulas", InvestmentCategory.Equipment, 1, 3_000m),
            Line("Asistencia técnica", InvestmentCategory.TechnicalAssistance, 1, 3_000m));

        var fields = cut.FindAll("[data-testid=plan-violation]").Select(v => v.GetAttribute("data-field")).ToList();

        Assert.Equal(["Counterpart", "Category.TechnicalAssistance"], fields);
        Assert.Contains("50 % del monto solicitado; el máximo es 40 %", cut.Markup);
    }

    [Fact]
    public void A_category_over_its_cap_is_named_in_its_message()
    {
        var cut = RenderEditor(
            Line("Jaulas", InvestmentCategory.Equipment, 1, 2_000m),
            Line("Asistencia técnica", InvestmentCategory.TechnicalAssistance, 1, 3_000m),
            Line("Galpón", InvestmentCategory.Infrastructure, 1, 1_000m, FinancedBy.CounterpartInKind));

        var violation = Assert.Single(cut.FindAll("[data-testid=plan-violation]"));

        Assert.Equal("Asistencia técnica usa 60 % del monto solicitado; el máximo es 40 %.", violation.TextContent);
    }

    [Fact]
    public void A_zero_quantity_is_refused_next_to_its_field_and_not_passed_on()
    {
        var cut = RenderEditor(Line("Jaulas", InvestmentCategory.Equipment, 10, 450m));

        cut.Find("#qty-1").Change("0");

        Assert.Contains("La cantidad debe ser mayor que 0", cut.Find("[data-testid=investment-line]").TextContent);
        Assert.Empty(_raised);
    }

    [Fact]
    public void A_negative_or_sub_cent_unit_cost_is_refused_and_the_line_keeps_its_amount()
    {
        var cut = RenderEditor(Line("Jaulas", InvestmentCategory.Equipment, 10, 450m));

        cut.Find("#cost-1").Change("-5");
        cut.Find("#cost-1").Change("12.345");

        Assert.Equal("S/ 4,500.00", cut.Find("[data-testid=line-total]").TextContent);
        Assert.Empty(_raised);
    }

    [Fact]
    public void Lines_can_be_added_and_removed_and_an_empty_plan_is_flagged()
    {
        var cut = RenderEditor(Line("Jaulas", InvestmentCategory.Equipment, 10, 450m));

        cut.Find("[data-testid=add-line]").Click();
        Assert.Equal(2, cut.FindAll("[data-testid=investment-line]").Count);
        foreach (var remove in Enumerable.Range(0, 2))
        {
            cut.FindAll("[data-testid=investment-line] button.btn-outline-danger")[0].Click();
        }

        Assert.Empty(cut.FindAll("[data-testid=investment-line]"));
        Assert.Equal("Agregue al menos una línea al plan de inversión.", Assert.Single(cut.FindAll("[data-testid=plan-violation]")).TextContent);
    }

    [Fact]
    public void A_read_only_plan_offers_no_editing()
    {
        var cut = Render<InvestmentPlanEditor>(p => p
            .Add(e => e.Lines, [Line("Jaulas", InvestmentCategory.Equipment, 10, 450m)])
            .Add(e => e.Rules, Rules)
            .Add(e => e.ReadOnly, true));

        Assert.Empty(cut.FindAll("[data-testid=add-line]"));
        Assert.Empty(cut.FindAll("button.btn-outline-danger"));
        Assert.All(cut.FindAll("[data-testid=investment-line] input, [data-testid=investment-line] select"), e => Assert.True(e.HasAttribute("disabled")));
    }
}
