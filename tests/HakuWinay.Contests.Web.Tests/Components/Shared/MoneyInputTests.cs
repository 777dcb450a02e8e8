using System.Globalization;
using Bunit;

namespace HakuWinay.Contests.Web.Tests.Components.Shared;

public sealed class MoneyInputTests : FormComponentTestBase
{
    private IRenderedComponent<MoneyInputHost<TValue>> RenderInput<TValue>(
        MoneyInputHost<TValue>.AmountModel model, decimal min = 0, decimal? max = null) =>
        Render<MoneyInputHost<TValue>>(p => p
            .Add(h => h.Model, model)
            .Add(h => h.Min, min)
            .Add(h => h.Max, max));

    private static decimal Amount(string invariant) => decimal.Parse(invariant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("7,500.50", "7500.50", "7,500.50")]
    [InlineData("7500", "7500", "7,500.00")]
    [InlineData("7500.5", "7500.5", "7,500.50")]
    [InlineData("1,250,000", "1250000", "1,250,000.00")]
    [InlineData(" 12.340 ", "12.34", "12.34")]
    [InlineData("S/ 7,500.00", "7500", "7,500.00")]
    public void A_typed_amount_binds_and_is_shown_with_two_decimals(string typed, string expected, string shown)
    {
        var model = new MoneyInputHost<decimal>.AmountModel();
        var cut = RenderInput(model);

        cut.Find("input").Change(typed);

        Assert.Equal(Amount(expected), model.Amount);
        Assert.Equal(shown, cut.Find("input").GetAttribute("value"));
        Assert.Empty(cut.FindAll(".validation-message"));
        Assert.Contains("modified", cut.Find("input").ClassList);
    }

    [Theory]
    [InlineData("-5", "El monto no puede ser negativo.")]
    [InlineData("12.345", "Escriba como máximo dos decimales (céntimos).")]
    [InlineData("abc", "Escriba un monto en soles con punto decimal, por ejemplo 7500 o 7,500.50.")]
    [InlineData("7,50", "Escriba un monto en soles con punto decimal, por ejemplo 7500 o 7,500.50.")]
    [InlineData("20,000.01", "El monto no puede ser mayor que S/ 20,000.00.")]
    [InlineData("", "Este dato es obligatorio.")]
    public void A_refused_amount_shows_the_reason_beside_the_field_and_the_model_keeps_its_last_valid_amount(string typed, string message)
    {
        var model = new MoneyInputHost<decimal>.AmountModel { Amount = 100m };
        var cut = RenderInput(model, max: 20_000m);

        cut.Find("input").Change(typed);

        Assert.Equal(100m, model.Amount);
        Assert.Equal(message, cut.Find(".validation-message").TextContent);
        Assert.Contains("invalid", cut.Find("input").ClassList);
        Assert.Equal(typed, cut.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void Correcting_a_refused_amount_clears_the_message()
    {
        var model = new MoneyInputHost<decimal>.AmountModel { Amount = 100m };
        var cut = RenderInput(model, max: 20_000m);
        cut.Find("input").Change("25000");

        cut.Find("input").Change("20,000");

        Assert.Equal(20_000m, model.Amount);
        Assert.Empty(cut.FindAll(".validation-message"));
        Assert.DoesNotContain("invalid", cut.Find("input").ClassList);
    }

    [Theory]
    [InlineData("100", true)]
    [InlineData("99.99", false)]
    public void A_minimum_above_zero_is_named_in_the_message(string typed, bool accepted)
    {
        var model = new MoneyInputHost<decimal>.AmountModel { Amount = 500m };
        var cut = RenderInput(model, min: 100m);

        cut.Find("input").Change(typed);

        Assert.Equal(accepted ? 100m : 500m, model.Amount);
        Assert.Equal(accepted ? [] : ["El monto no puede ser menor que S/ 100.00."],
            cut.FindAll(".validation-message").Select(m => m.TextContent));
    }

    [Fact]
    public void The_field_shows_the_soles_prefix_a_decimal_keyboard_and_the_amount_rounded_to_cents()
    {
        var cut = RenderInput(new MoneyInputHost<decimal>.AmountModel { Amount = 1234.565m });

        Assert.Equal("S/", cut.Find(".input-group > .input-group-text").TextContent);
        var input = cut.Find(".input-group > input");
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.Equal("decimal", input.GetAttribute("inputmode"));
        Assert.Equal("amount", input.Id);
        Assert.Equal("1,234.57", input.GetAttribute("value"));
    }

    [Fact]
    public void An_optional_amount_left_empty_binds_nothing()
    {
        var model = new MoneyInputHost<decimal?>.AmountModel { Amount = 300m };
        var cut = RenderInput(model);
        Assert.Equal("300.00", cut.Find("input").GetAttribute("value"));

        cut.Find("input").Change("");

        Assert.Null(model.Amount);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void An_optional_amount_binds_and_refuses_like_a_required_one()
    {
        var model = new MoneyInputHost<decimal?>.AmountModel();
        var cut = RenderInput(model, max: 1000m);

        cut.Find("input").Change("1,000.00");
        Assert.Equal(1000m, model.Amount);

        cut.Find("input").Change("1,000.01");
        Assert.Equal(1000m, model.Amount);
        Assert.Equal("El monto no puede ser mayor que S/ 1,000.00.", cut.Find(".validation-message").TextContent);
    }

    [Fact]
    public void In_english_the_refusal_speaks_english()
    {
        SetCulture("en");
        var cut = RenderInput(new MoneyInputHost<decimal>.AmountModel());

        cut.Find("input").Change("-5");

        Assert.Equal("The amount cannot be negative.", cut.Find(".validation-message").TextContent);
    }
}
