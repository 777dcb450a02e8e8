using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>Rule 6: within a category, final score first, then the contest's tie-breakers in order, then submission time and code.</summary>
public sealed class TieBreakerTests
{
    [Fact]
    public void Higher_final_score_ranks_first()
    {
        var result = new ResultsBuilder()
            .Profile("AYA-001").Scored("AYA-001", 72)
            .Profile("AYA-002").Scored("AYA-002", 90)
            .Profile("AYA-003").Scored("AYA-003", 81)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-003", "AYA-001"], result.Ranked());
        Assert.Equal([1, 2, 3], result.Entries.Select(e => e.Rank!.Value));
        Assert.All(result.Entries, e => Assert.Null(e.TieBreakNote));
    }

    [Fact]
    public void Tie_is_broken_by_the_higher_score_in_a_named_stage()
    {
        // Both 75.00: AYA-001 has 80 in the field and 70 in public; AYA-002 the reverse.
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherStageScore, Public)
            .Profile("AYA-001").Scored("AYA-001", 80, 70)
            .Profile("AYA-002").Scored("AYA-002", 70, 80)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.Equal(
            "Empate en 75.00 con AYA-001 (puesto 2); lo resolvió el desempate por mayor puntaje en la etapa Presentación pública: 80.00 frente a 70.00.",
            result.Entry("AYA-002").TieBreakNote);
        Assert.Equal(
            "Empate en 75.00 con AYA-002 (puesto 1); lo resolvió el desempate por mayor puntaje en la etapa Presentación pública: 70.00 frente a 80.00.",
            result.Entry("AYA-001").TieBreakNote);
    }

    [Fact]
    public void Tie_is_broken_by_the_higher_mean_points_in_a_named_criterion()
    {
        // Field totals are all 70 (two criteria of 10 points, weight 50 each); the mean of ORG is
        // (6 + 6) / 2 = 6 for AYA-001 and (8 + 7) / 2 = 7.5 for AYA-002.
        var result = new ResultsBuilder()
            .Stage(Field, 50, 2, Criterion("PLAN", 10, 50), Criterion("ORG", 10, 50)).Stage(Public, 50)
            .TieBreaker(TieBreakerKind.HigherCriterionMean, Field, "ORG")
            .Profile("AYA-001")
            .Score("AYA-001", Field, "J1", ("PLAN", 8), ("ORG", 6)).Score("AYA-001", Field, "J2", ("PLAN", 8), ("ORG", 6))
            .Totals("AYA-001", Public, 70)
            .Profile("AYA-002")
            .Score("AYA-002", Field, "J1", ("PLAN", 6), ("ORG", 8)).Score("AYA-002", Field, "J2", ("ORG", 7), ("PLAN", 7))
            .Totals("AYA-002", Public, 70)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.Equal(
            "Empate en 70.00 con AYA-001 (puesto 2); lo resolvió el desempate por mayor promedio en el criterio Criterio ORG de la etapa Evaluación de campo: 7.50 frente a 6.00.",
            result.Entry("AYA-002").TieBreakNote);
    }

    [Fact]
    public void Tie_is_broken_by_the_higher_share_of_Juntos_households()
    {
        // AYA-001: 2 of 5 = 40%; AYA-002: 3 of 6 = 50%.
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherJuntosShare)
            .Profile("AYA-001", group: new GroupFacts(5, 0, 0, 2)).Scored("AYA-001", 75)
            .Profile("AYA-002", group: new GroupFacts(6, 0, 0, 3)).Scored("AYA-002", 75)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.EndsWith("mayor proporción de hogares usuarios de Juntos: 50.00 % frente a 40.00 %.", result.Entry("AYA-002").TieBreakNote);
    }

    [Fact]
    public void Tie_is_broken_by_the_higher_share_of_women_headed_households()
    {
        // AYA-001: 2 of 5 = 40%; AYA-002: 3 of 5 = 60%.
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherWomenHeadedShare)
            .Profile("AYA-001", group: new GroupFacts(5, 2, 0, 0)).Scored("AYA-001", 75)
            .Profile("AYA-002", group: new GroupFacts(5, 3, 0, 0)).Scored("AYA-002", 75)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.EndsWith("mayor proporción de hogares con jefatura femenina: 40.00 % frente a 60.00 %.", result.Entry("AYA-001").TieBreakNote);
    }

    [Fact]
    public void Tie_is_broken_by_the_earlier_submission()
    {
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.EarlierSubmission)
            .Profile("AYA-001", submittedAtUtc: Instants.Lima(2026, 3, 2, 11, 0)).Scored("AYA-001", 75)
            .Profile("AYA-002", submittedAtUtc: Instants.Lima(2026, 3, 2, 10, 15)).Scored("AYA-002", 75)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.EndsWith("presentación más temprana: 02/03/2026 10:15:00 frente a 02/03/2026 11:00:00.", result.Entry("AYA-002").TieBreakNote);
    }

    [Fact]
    public void Tie_breakers_apply_in_the_contests_order()
    {
        // Juntos first: AYA-001 has the higher share though AYA-002 has the higher public score.
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherJuntosShare).TieBreaker(TieBreakerKind.HigherStageScore, Public)
            .Profile("AYA-001", group: new GroupFacts(5, 0, 0, 3)).Scored("AYA-001", 80, 70)
            .Profile("AYA-002", group: new GroupFacts(5, 0, 0, 1)).Scored("AYA-002", 70, 80)
            .Rank();

        Assert.Equal(["AYA-001", "AYA-002"], result.Ranked());
        Assert.Contains("Juntos", result.Entry("AYA-001").TieBreakNote);
    }

    [Fact]
    public void Tie_breaker_values_compare_rounded_to_two_decimals()
    {
        // Public 80.004 and 80.001 both compare as 80.00, so the stage does not break the tie and
        // the later tie-breaker (Juntos) does, though AYA-001's public score is higher unrounded.
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherStageScore, Public).TieBreaker(TieBreakerKind.HigherJuntosShare)
            .Profile("AYA-001", group: new GroupFacts(5, 0, 0, 1)).Scored("AYA-001", 70, 80.004m)
            .Profile("AYA-002", group: new GroupFacts(5, 0, 0, 2)).Scored("AYA-002", 70.003m, 80.001m)
            .Rank();

        Assert.Equal(75.00m, result.Entry("AYA-001").FinalScore);
        Assert.Equal(75.00m, result.Entry("AYA-002").FinalScore);
        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.Contains("Juntos", result.Entry("AYA-002").TieBreakNote);
    }

    [Fact]
    public void A_tie_that_survives_every_tie_breaker_goes_to_the_earlier_submission_and_says_so()
    {
        var result = new ResultsBuilder()
            .TieBreaker(TieBreakerKind.HigherStageScore, Public)
            .Profile("AYA-001", submittedAtUtc: Instants.Lima(2026, 3, 2, 11, 0)).Scored("AYA-001", 75)
            .Profile("AYA-002", submittedAtUtc: Instants.Lima(2026, 3, 2, 10, 15).AddSeconds(30)).Scored("AYA-002", 75)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
        Assert.Equal(
            "Empate en 75.00 con AYA-001 (puesto 2) no resuelto por los criterios de desempate; se ordenó por hora de presentación: 02/03/2026 10:15:30 frente a 02/03/2026 11:00:00.",
            result.Entry("AYA-002").TieBreakNote);
    }

    [Fact]
    public void A_tie_with_the_same_submission_time_goes_to_the_profile_code_in_ordinal_order()
    {
        // Ordinal: "AYA-010" < "AYA-2" < "aya-003" (upper case before lower case).
        var at = Instants.Lima(2026, 3, 2, 10, 0);
        var result = new ResultsBuilder()
            .Profile("aya-003", submittedAtUtc: at).Scored("aya-003", 75)
            .Profile("AYA-2", submittedAtUtc: at).Scored("AYA-2", 75)
            .Profile("AYA-010", submittedAtUtc: at).Scored("AYA-010", 75)
            .Rank();

        Assert.Equal(["AYA-010", "AYA-2", "aya-003"], result.Ranked());
        Assert.Equal(
            "Empate en 75.00 con AYA-010 (puesto 1) no resuelto por los criterios de desempate ni por la hora de presentación; se ordenó por código de perfil. " +
            "Empate en 75.00 con aya-003 (puesto 3) no resuelto por los criterios de desempate ni por la hora de presentación; se ordenó por código de perfil.",
            result.Entry("AYA-2").TieBreakNote);
    }

    [Fact]
    public void Ranks_are_one_to_n_without_shared_ranks()
    {
        var builder = new ResultsBuilder();
        foreach (var code in new[] { "A", "B", "C", "D" })
        {
            builder.Profile(code).Scored(code, 75);
        }

        var result = builder.Rank();

        Assert.Equal([1, 2, 3, 4], result.Entries.Select(e => e.Rank!.Value).Order());
        Assert.Equal(["A", "B", "C", "D"], result.Ranked());
    }

    [Theory]
    [InlineData(TieBreakerKind.HigherStageScore, "NOPE", null, "stage 'NOPE'")]
    [InlineData(TieBreakerKind.HigherStageScore, null, null, "stage ''")]
    [InlineData(TieBreakerKind.HigherCriterionMean, Field, "NOPE", "criterion 'NOPE'")]
    [InlineData(TieBreakerKind.HigherCriterionMean, "NOPE", "Q", "stage 'NOPE'")]
    public void A_tie_breaker_naming_an_unknown_stage_or_criterion_is_a_configuration_error(TieBreakerKind kind, string? stage, string? criterion, string named)
    {
        var builder = new ResultsBuilder().TieBreaker(kind, stage, criterion).Profile("AYA-001").Scored("AYA-001", 75);

        var error = Assert.ThrowsAny<ArgumentException>(builder.Rank);
        Assert.IsType<ResultsInputException>(error);
        Assert.Contains("Tie-breaker number 1", error.Message);
        Assert.Contains(named, error.Message);
    }
}
