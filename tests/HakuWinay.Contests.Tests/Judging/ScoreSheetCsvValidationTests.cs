using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using static HakuWinay.Contests.Tests.Judging.ScoreSheetCsvSamples;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>Checking a parsed sheet against the contest: each bad row is named, and nothing passes.</summary>
public sealed class ScoreSheetCsvValidationTests
{
    private static ScoreSheetCsvValidation Validate(string text, ScoreSheetCsvContext? contest = null)
    {
        var parsed = ScoreSheetCsv.Parse(Utf8(text));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return ScoreSheetCsv.Validate(parsed.Rows, contest ?? Contest());
    }

    /// <summary>Juror 1's CAMPO rows for profile 001, with <paramref name="replace"/> applied to the given row (2 to 4).</summary>
    private static string Sheet(int row = 0, string find = "", string replace = "", string extra = "")
    {
        var lines = CompleteSheet("\n").TrimEnd('\n').Split('\n');
        if (row > 0)
        {
            lines[row - 1] = lines[row - 1].Replace(find, replace, StringComparison.Ordinal);
        }
        return string.Join("\n", lines) + "\n" + extra;
    }

    private static void AssertRejected(ScoreSheetCsvValidation result, params string[] messages)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Scorecards);
        Assert.Equal(messages, result.Errors.Select(ScoreSheetCsvMessages.Spanish));
    }

    [Fact]
    public void A_valid_sheet_gives_one_scorecard_per_profile_stage_and_juror_in_criterion_order()
    {
        var extra = $"aya-2026-01-002,publica,JURADO3@demo.hakuwinay.pe,p2,30,\naya-2026-01-002,publica,JURADO3@demo.hakuwinay.pe,p1,0,nada\n";

        var result = Validate(Sheet(extra: extra));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Scorecards.Count);
        var first = result.Scorecards[0];
        Assert.Equal((2, "AYA-2026-01-001", "CAMPO", Juror(1)), (first.FirstRow, first.ProfileCode, first.StageCode, first.JurorEmail));
        Assert.Equal([7.5m, 8m, 4m], first.Points.Select(p => p.Points));
        // Codes and email as the contest spells them, criteria in the stage's order.
        var second = result.Scorecards[1];
        Assert.Equal(("AYA-2026-01-002", "PUBLICA", Juror(3)), (second.ProfileCode, second.StageCode, second.JurorEmail));
        Assert.Equal([("P1", 0m, "nada"), ("P2", 30m, "")], second.Points.Select(p => (p.CriterionCode, p.Points!.Value, p.Comment)));
    }

    [Fact]
    public void An_unknown_profile_is_refused_at_its_row()
    {
        AssertRejected(Validate(Sheet(3, "AYA-2026-01-001", "AYA-2026-01-404")),
            "Fila 2: a la ficha del perfil AYA-2026-01-001, etapa CAMPO, jurado jurado1@demo.hakuwinay.pe le faltan los criterios C2.",
            "Fila 3: no existe el perfil AYA-2026-01-404 en este concurso.",
            "Fila 3: a la ficha del perfil AYA-2026-01-404, etapa CAMPO, jurado jurado1@demo.hakuwinay.pe le faltan los criterios C1, C3.");
    }

    [Fact]
    public void A_profile_that_is_not_eligible_is_refused()
    {
        var result = Validate(Sheet().Replace("AYA-2026-01-001", "AYA-2026-01-009", StringComparison.Ordinal));

        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Row));
        Assert.All(result.Errors, e => Assert.Equal("ScoreSheet.ProfileNotEligible", e.Rule));
        Assert.Empty(result.Scorecards);
    }

    [Fact]
    public void An_unknown_stage_is_refused()
    {
        var result = Validate(Sheet().Replace(",CAMPO,", ",VISITA,", StringComparison.Ordinal));

        Assert.Equal("Fila 2: no existe la etapa VISITA en este concurso.", ScoreSheetCsvMessages.Spanish(result.Errors[0]));
        Assert.Equal(3, result.Errors.Count);
        Assert.Empty(result.Scorecards);
    }

    [Fact]
    public void An_unknown_juror_is_refused()
    {
        var result = Validate(Sheet().Replace(Juror(1), "nadie@demo.hakuwinay.pe", StringComparison.Ordinal));

        Assert.Equal("Fila 2: no hay un jurado con el correo nadie@demo.hakuwinay.pe.", ScoreSheetCsvMessages.Spanish(result.Errors[0]));
        Assert.All(result.Errors, e => Assert.Equal("ScoreSheet.UnknownJuror", e.Rule));
        Assert.Empty(result.Scorecards);
    }

    [Fact]
    public void An_unknown_criterion_is_refused_and_the_one_it_replaced_is_missing()
    {
        AssertRejected(Validate(Sheet(4, ",C3,", ",C9,")),
            "Fila 2: a la ficha del perfil AYA-2026-01-001, etapa CAMPO, jurado jurado1@demo.hakuwinay.pe le faltan los criterios C3.",
            "Fila 4: la etapa CAMPO no tiene el criterio C9.");
    }

    [Fact]
    public void A_criterion_of_another_stage_is_unknown_in_this_one()
    {
        var result = Validate(Sheet(4, ",C3,", ",P1,"));

        Assert.Contains(result.Errors, e => e.Row == 4 && e.Rule == "ScoreSheet.UnknownCriterion");
    }

    [Fact]
    public void Points_above_the_maximum_are_refused_with_the_maximum_and_the_criterion()
    {
        AssertRejected(Validate(Sheet(3, ",8,", ",12,")), "Fila 3: el puntaje 12 supera el máximo 10 del criterio C2.");
    }

    [Fact]
    public void Points_below_zero_are_refused()
    {
        AssertRejected(Validate(Sheet(3, ",8,", ",-0.5,")), "Fila 3: el puntaje -0.5 del criterio C2 es menor que 0.");
    }

    [Fact]
    public void Points_off_the_contests_step_are_refused()
    {
        AssertRejected(Validate(Sheet(3, ",8,", ",7.25,")), "Fila 3: el puntaje 7.25 del criterio C2 debe ser entero o terminar en .5.");
        AssertRejected(Validate(Sheet(), Contest(ScoreGranularity.WholePoints)), "Fila 2: el puntaje 7.5 del criterio C1 debe ser un número entero.");
    }

    [Fact]
    public void A_duplicate_row_is_refused_naming_the_row_it_repeats()
    {
        var extra = $"aya-2026-01-001,campo,{Juror(1).ToUpperInvariant()},c2,9,otra vez\n";

        AssertRejected(Validate(Sheet(extra: extra)), "Fila 5: repite la fila 3 (mismo perfil, etapa, jurado y criterio).");
    }

    [Fact]
    public void A_juror_not_appointed_to_the_stage_is_refused()
    {
        var text = Header + "\n" +
                   $"AYA-2026-01-001,PUBLICA,{Juror(4)},P1,10,\n" +
                   $"AYA-2026-01-001,PUBLICA,{Juror(4)},P2,10,\n";

        AssertRejected(Validate(text),
            "Fila 2: el jurado jurado4@demo.hakuwinay.pe no está designado para la etapa PUBLICA.",
            "Fila 3: el jurado jurado4@demo.hakuwinay.pe no está designado para la etapa PUBLICA.");
    }

    [Fact]
    public void A_conflicted_juror_is_refused()
    {
        var result = Validate(Sheet().Replace("AYA-2026-01-001", "AYA-2026-01-002", StringComparison.Ordinal).Replace(Juror(1), Juror(2), StringComparison.Ordinal));

        Assert.Equal("Fila 2: el jurado jurado2@demo.hakuwinay.pe tiene un conflicto de interés con el perfil AYA-2026-01-002.", ScoreSheetCsvMessages.Spanish(result.Errors[0]));
        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Row));
        Assert.Empty(result.Scorecards);
    }

    [Fact]
    public void A_sheet_missing_a_criterion_is_refused_at_its_first_row()
    {
        AssertRejected(Validate(Sheet().Replace($"AYA-2026-01-001,CAMPO,{Juror(1)},C2,8,\n", "", StringComparison.Ordinal)),
            "Fila 2: a la ficha del perfil AYA-2026-01-001, etapa CAMPO, jurado jurado1@demo.hakuwinay.pe le faltan los criterios C2.");
    }

    [Fact]
    public void A_scorecard_already_submitted_is_not_overwritten()
    {
        var result = Validate(Sheet().Replace("AYA-2026-01-001", "AYA-2026-01-003", StringComparison.Ordinal).Replace(Juror(1), Juror(3), StringComparison.Ordinal));

        AssertRejected(result,
            "Fila 2: la ficha del perfil AYA-2026-01-003, etapa CAMPO, jurado jurado3@demo.hakuwinay.pe ya fue enviada; un administrador debe reabrirla antes de importarla.");
    }

    [Fact]
    public void One_bad_row_among_good_ones_rejects_the_whole_file()
    {
        var good = string.Concat(Enumerable.Range(1, 3).Select(j => Sheet().Replace(Juror(1), Juror(j), StringComparison.Ordinal)[(Header.Length + 1)..]));
        var text = Header + "\n" + good.Replace($"{Juror(3)},C3,4,", $"{Juror(3)},C3,6,", StringComparison.Ordinal);

        AssertRejected(Validate(text), "Fila 10: el puntaje 6 supera el máximo 5 del criterio C3.");
    }

    [Fact]
    public void A_ten_thousand_row_file_parses_and_validates_completely()
    {
        var (file, contest) = Large(profiles: 500);

        var parsed = ScoreSheetCsv.Parse(file);
        var validated = ScoreSheetCsv.Validate(parsed.Rows, contest);

        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors.Take(5)));
        Assert.Equal(10_000, parsed.Rows.Count);
        Assert.Equal(10_001, parsed.Rows[^1].Row);
        Assert.True(validated.Succeeded, string.Join("\n", validated.Errors.Take(5)));
        Assert.Equal(2_000, validated.Scorecards.Count);
        Assert.All(validated.Scorecards, s => Assert.Equal(5, s.Points.Count));
        Assert.Contains(parsed.Rows, r => r.Comment == "Familias de Ñahui y Huamán, todas presentes");
        Assert.Contains(parsed.Rows, r => r.Comment == "Dijo: \"vendemos en la feria\"");
    }

    [Fact]
    public void Validated_scorecards_meet_the_scoring_rules_of_a_submission()
    {
        var contest = Contest();
        var result = Validate(Sheet());

        var scorecard = Assert.Single(result.Scorecards);
        var stage = contest.Stages.Single(s => s.Code == scorecard.StageCode);
        Assert.Empty(ScoreRules.CheckSubmission(stage.Criteria, stage.Granularity, scorecard.Points, null));
        Assert.Equal(7.5m * 40 / 10 + 8m * 35 / 10 + 4m * 25 / 5, ScoreRules.StageTotal(stage.Criteria, scorecard.Points));
    }
}
