using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>Rule 8: every entry's plain-Spanish explanation, the official wording of the results and the acta.</summary>
public sealed class ExplanationTests
{
    /// <summary>The example: nine passed profiles asking S/ 7,500.00 each, S/ 37,500.00 of budget; the third has 78.50.</summary>
    private static RankingResult NineProfiles()
    {
        var builder = new ResultsBuilder().Budget(37_500m);
        decimal[] scores = [90m, 85m, 78.5m, 77m, 76m, 75m, 74m, 73m, 72m];
        for (var i = 0; i < scores.Length; i++)
        {
            builder.Profile($"AYA-00{i + 1}").Scored($"AYA-00{i + 1}", scores[i]);
        }
        return builder.Rank();
    }

    [Fact]
    public void Funded_says_score_rank_remaining_budget_and_request()
    {
        Assert.Equal(
            "Puntaje 78.50 ≥ 70; puesto 3 de 9 en negocio en idea; presupuesto restante S/ 22,500.00 ≥ solicitado S/ 7,500.00: " +
            "financiado con S/ 7,500.00. Etapas: Evaluación de campo 78.50, Presentación pública 78.50; bonificación 0.00; puntaje final 78.50.",
            NineProfiles().Entry("AYA-003").Explanation);
    }

    [Fact]
    public void Waitlisted_says_the_remaining_budget_was_short_and_the_position()
    {
        Assert.Equal(
            "Puntaje 75.00 ≥ 70; puesto 6 de 9 en negocio en idea; presupuesto restante S/ 0.00 < solicitado S/ 7,500.00: " +
            "lista de espera, posición 1. Etapas: Evaluación de campo 75.00, Presentación pública 75.00; bonificación 0.00; puntaje final 75.00.",
            NineProfiles().Entry("AYA-006").Explanation);
    }

    [Fact]
    public void Partially_funded_says_the_rest_reached_the_minimum_share()
    {
        var result = new ResultsBuilder().Budget(10_000m).Policy(BudgetAllocationPolicy.PartialLast, 30m)
            .Profile("R1").Scored("R1", 90).Profile("R2").Scored("R2", 80)
            .Rank();

        Assert.StartsWith(
            "Puntaje 80.00 ≥ 70; puesto 2 de 2 en negocio en idea; presupuesto restante S/ 2,500.00 < solicitado S/ 7,500.00, " +
            "y es al menos el 30 % de lo solicitado: financiado en parte con S/ 2,500.00. Etapas: ",
            result.Entry("R2").Explanation);
    }

    [Fact]
    public void Waitlisted_under_PartialLast_below_the_minimum_says_so()
    {
        var result = new ResultsBuilder().Budget(10_000m).Policy(BudgetAllocationPolicy.PartialLast, 50m)
            .Profile("R1").Scored("R1", 90).Profile("R2").Scored("R2", 80).Profile("R3", 1_000m).Scored("R3", 75)
            .Rank();

        Assert.StartsWith(
            "Puntaje 80.00 ≥ 70; puesto 2 de 3 en negocio en idea; presupuesto restante S/ 2,500.00 < solicitado S/ 7,500.00, " +
            "y es menos del 50 % de lo solicitado: lista de espera, posición 1.",
            result.Entry("R2").Explanation);
        Assert.StartsWith(
            "Puntaje 75.00 ≥ 70; puesto 3 de 3 en negocio en idea; la asignación se detuvo en el puesto 2, el primero que no alcanzó presupuesto " +
            "(asignación parcial al último que no alcanza): lista de espera, posición 2.",
            result.Entry("R3").Explanation);
    }

    [Fact]
    public void Waitlisted_under_StrictOrder_after_the_stop_says_where_allocation_stopped()
    {
        // R3's S/ 1,000.00 would fit the S/ 2,500.00 left, but the allocation stopped at R2.
        var result = new ResultsBuilder().Budget(10_000m).Policy(BudgetAllocationPolicy.StrictOrder)
            .Profile("R1").Scored("R1", 90).Profile("R2").Scored("R2", 80).Profile("R3", 1_000m).Scored("R3", 75)
            .Rank();

        Assert.StartsWith(
            "Puntaje 75.00 ≥ 70; puesto 3 de 3 en negocio en idea; la asignación se detuvo en el puesto 2, el primero que no alcanzó presupuesto " +
            "(asignación en estricto orden de mérito): lista de espera, posición 2.",
            result.Entry("R3").Explanation);
    }

    [Fact]
    public void Failed_says_the_score_is_below_the_pass_mark_and_that_the_bonus_does_not_count()
    {
        var result = new ResultsBuilder().Priority(PriorityKind.Juntos, 40, 5)
            .Profile("AYA-001", group: new GroupFacts(5, 0, 0, 2)).Scored("AYA-001", 70, 60.4m)
            .Profile("AYA-002").Scored("AYA-002", 65.2m)
            .Rank();

        Assert.Equal(
            "Puntaje 65.20 < 70 (puntaje mínimo): desaprobado; la bonificación no cuenta para aprobar. " +
            "Etapas: Evaluación de campo 70.00, Presentación pública 60.40; bonificación 5.00; puntaje final 70.20.",
            result.Entry("AYA-001").Explanation);
        Assert.StartsWith("Puntaje 65.20 < 70 (puntaje mínimo): desaprobado. Etapas: ", result.Entry("AYA-002").Explanation);
    }

    [Fact]
    public void Incomplete_names_each_short_stage_with_its_scorecards_of_those_required()
    {
        var result = new ResultsBuilder().Stage(Field, 50, 2).Stage(Public, 50, 3)
            .Profile("AYA-001").Totals("AYA-001", Public, 80, 90)
            .Rank();

        Assert.Equal(
            "Calificación incompleta: la etapa Evaluación de campo tiene 0 de 2 fichas de calificación; " +
            "la etapa Presentación pública tiene 2 de 3 fichas de calificación; no entra al orden de mérito. " +
            "Etapas: Evaluación de campo sin fichas, Presentación pública 85.00; bonificación 0.00.",
            result.Entry("AYA-001").Explanation);
    }

    [Fact]
    public void Ineligible_and_withdrawn_say_so()
    {
        var result = new ResultsBuilder()
            .Profile("AYA-001", standing: ProfileStanding.Ineligible)
            .Profile("AYA-002", standing: ProfileStanding.Withdrawn)
            .Rank();

        Assert.Equal("No apto: el perfil no pasó la revisión de elegibilidad y no fue calificado.", result.Entry("AYA-001").Explanation);
        Assert.Equal("Retirado: el grupo retiró su perfil y no fue calificado.", result.Entry("AYA-002").Explanation);
    }

    [Fact]
    public void A_pass_mark_with_decimals_is_shown_as_the_rules_state_it()
    {
        var result = new ResultsBuilder().PassMark(72.5m).Profile("AYA-001").Scored("AYA-001", 72.4m).Rank();

        Assert.StartsWith("Puntaje 72.40 < 72.5 (puntaje mínimo)", result.Entry("AYA-001").Explanation);
    }
}
