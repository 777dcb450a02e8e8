using HakuWinay.Contests.Judging;
using static HakuWinay.Contests.Tests.Judging.ScoreSheetCsvSamples;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>The optional <c>present_dnis</c> column (issue 17): the field attendance of a paper sheet.</summary>
public sealed class ScoreSheetCsvAttendanceTests
{
    private const string Member1 = "41000001";
    private const string Member2 = "41000002";
    private const string WithAttendance = Header + ",present_dnis";

    /// <summary>The samples' contest, whose CAMPO stage records attendance and whose profile 001 has two members.</summary>
    private static ScoreSheetCsvContext Contest() => ScoreSheetCsvSamples.Contest() is var contest
        ? contest with
        {
            Profiles = [.. contest.Profiles.Select(p => p with { MemberDnis = p.Code == "AYA-2026-01-001" ? [Member1, Member2] : ["42000001"] })],
            Stages = [.. contest.Stages.Select(s => s with { RecordsAttendance = s.Code == "CAMPO" })],
        }
        : throw new InvalidOperationException();

    private static string Sheet(string first, string second = "", string third = "", string stage = "CAMPO", params string[] codes) => string.Join("\r\n",
        WithAttendance,
        $"AYA-2026-01-001,{stage},{Juror(1)},{(codes.Length > 0 ? codes[0] : "C1")},7.5,,{first}",
        $"AYA-2026-01-001,{stage},{Juror(1)},{(codes.Length > 1 ? codes[1] : "C2")},8,,{second}",
        $"AYA-2026-01-001,{stage},{Juror(1)},{(codes.Length > 2 ? codes[2] : "C3")},4,,{third}") + "\r\n";

    private static ScoreSheetCsvValidation Validate(string text)
    {
        var parsed = ScoreSheetCsv.Parse(Utf8(text));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return ScoreSheetCsv.Validate(parsed.Rows, Contest());
    }

    [Fact]
    public void A_sheet_carries_its_attendance_from_the_present_dnis_column()
    {
        var validation = Validate(Sheet($"{Member2} {Member1}", "", $"{Member1}  {Member2}"));

        Assert.True(validation.Succeeded, string.Join("\n", validation.Errors));
        Assert.Equal([Member1, Member2], validation.Scorecards.Single().PresentDnis);
    }

    [Fact]
    public void Ninguna_records_that_nobody_came_and_an_empty_column_records_nothing()
    {
        Assert.Equal([], Validate(Sheet("NINGUNA")).Scorecards.Single().PresentDnis);
        Assert.Null(Validate(Sheet("")).Scorecards.Single().PresentDnis);
        Assert.Null(ScoreSheetCsv.Validate(ScoreSheetCsv.Parse(Utf8(CompleteSheet())).Rows, Contest()).Scorecards.Single().PresentDnis);
    }

    [Fact]
    public void A_value_that_is_not_a_dni_or_repeats_one_is_refused_with_its_row()
    {
        var parsed = ScoreSheetCsv.Parse(Utf8(Sheet($"{Member1} 4100000X", $"{Member1} {Member1}", "=HYPERLINK(\"http://x\")")));

        Assert.False(parsed.Succeeded);
        Assert.Equal(
        [
            "Fila 2: la asistencia tiene «4100000X», que no es un DNI de 8 dígitos (separe los DNI con espacios, o escriba «ninguna»).",
            "Fila 3: la asistencia repite el DNI 41000001.",
            "Fila 4: la asistencia tiene «=HYPERLINK(\"http://x\")», que no es un DNI de 8 dígitos (separe los DNI con espacios, o escriba «ninguna»).",
        ], parsed.Errors.Select(ScoreSheetCsvMessages.Spanish));
    }

    [Fact]
    public void A_dni_outside_the_group_differing_lists_and_attendance_on_another_stage_are_refused()
    {
        var foreign = Validate(Sheet($"{Member1} 42000001"));
        var differing = Validate(Sheet(Member1, Member2));
        var publicStage = Validate(string.Join("\r\n", WithAttendance,
            $"AYA-2026-01-001,PUBLICA,{Juror(1)},P1,15,,{Member1}",
            $"AYA-2026-01-001,PUBLICA,{Juror(1)},P2,20,,") + "\r\n");

        Assert.Equal(["Fila 2: el DNI 42000001 de la asistencia no es de una familia socia del grupo del perfil AYA-2026-01-001."],
            foreign.Errors.Select(ScoreSheetCsvMessages.Spanish));
        Assert.Equal([$"Fila 3: las filas de la ficha del perfil AYA-2026-01-001, etapa CAMPO, jurado {Juror(1)} dan asistencias distintas."],
            differing.Errors.Select(ScoreSheetCsvMessages.Spanish));
        Assert.Equal(["Fila 2: la etapa PUBLICA no registra asistencia: deje vacía la columna present_dnis."],
            publicStage.Errors.Select(ScoreSheetCsvMessages.Spanish));
        Assert.Empty(foreign.Scorecards);
    }

    [Fact]
    public void A_row_without_the_seventh_cell_is_refused_when_the_header_has_it()
    {
        var parsed = ScoreSheetCsv.Parse(Utf8(WithAttendance + "\r\n" + $"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7.5,\r\n"));

        Assert.False(parsed.Succeeded);
        Assert.Single(parsed.Errors);
        Assert.Equal("ScoreSheet.WrongColumnCount", parsed.Errors[0].Rule);
    }
}
