using System.Security.Cryptography;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// The CSV import into a real (SQLite) contest: j1–j3 assigned to every eligible profile of CAMPO
/// (C1 of 20, C2 of 10, whole points), j4 appointed too; nobody appointed to PUBLICA.
/// </summary>
public sealed class ScoreSheetImportTests : IAsyncLifetime
{
    private const string Header = "profile_code,stage_code,juror_email,criterion_code,points,comment";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private JudgingTestData _data = null!;
    private PaperTestKit _kit = null!;
    private string[] _codes = [];

    public async Task InitializeAsync()
    {
        _data = await JudgingTestData.CreateAsync();
        _kit = new PaperTestKit(_data, _time);
        _codes = await _kit.ProfileCodesAsync();
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<ScoreSheetImport> ImportAsync(byte[] file, string name = "fichas.csv") =>
        _kit.Import.ImportAsync(JudgingTestData.Admin, _data.ContestId, name, new MemoryStream(file));

    /// <summary>Profile <paramref name="profile"/>'s CAMPO sheet by <paramref name="juror"/>: two rows.</summary>
    private string Sheet(int profile, string juror, int c1 = 15, int c2 = 8, string comment = "Bien") =>
        $"{_codes[profile]},CAMPO,{PaperTestKit.Email(juror)},C1,{c1},{comment}\r\n{_codes[profile]},CAMPO,{PaperTestKit.Email(juror)},C2,{c2},\r\n";

    private async Task<int> SubmittedAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Scorecards.CountAsync(s => s.Status == ScorecardStatus.Submitted);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        // name, what replaces the file's header or is added after two valid sheets (rows 2–5), the expected error
        { "wrong header", "HEADER:profile,stage_code,juror_email,criterion_code,points,comment", "Fila 1: al encabezado le faltan las columnas profile_code. Debe tener: profile_code, stage_code, juror_email, criterion_code, points, comment." },
        { "unknown profile", "AYA-1999-99-999,CAMPO,j1@t.pe,C1,5,", "Fila 6: no existe el perfil AYA-1999-99-999 en este concurso." },
        { "unknown juror", "{0},CAMPO,nadie@t.pe,C1,5,", "Fila 6: no hay un jurado con el correo nadie@t.pe." },
        { "unknown criterion", "{0},CAMPO,j1@t.pe,C9,5,", "Fila 6: la etapa CAMPO no tiene el criterio C9." },
        { "points out of range", "{2},CAMPO,j3@t.pe,C1,25,\r\n{2},CAMPO,j3@t.pe,C2,5,", "Fila 6: el puntaje 25 supera el máximo 20 del criterio C1." },
        { "duplicate row", "{0},CAMPO,j1@t.pe,C1,15,Bien", "Fila 6: repite la fila 2 (mismo perfil, etapa, jurado y criterio)." },
        { "juror not appointed", "{2},PUBLICA,j1@t.pe,C1,5,\r\n{2},PUBLICA,j1@t.pe,C2,5,", "Fila 6: el jurado j1@t.pe no está designado para la etapa PUBLICA." },
        { "conflicted juror", "{1},CAMPO,j4@t.pe,C1,5,\r\n{1},CAMPO,j4@t.pe,C2,5,", "Fila 6: el jurado j4@t.pe tiene un conflicto de interés con el perfil {1}." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_rejected_whole_with_row_numbered_errors_and_nothing_is_imported(string name, string bad, string expected)
    {
        await _kit.AssignFirstThreeAsync();
        Assert.True((await _kit.Judging.Conflicts.RecordAsync(JudgingTestData.Admin, _data.ContestId, "j4", _data.GroupIds[1], ConflictKind.SameCommunity, null)).Succeeded);
        string Fill(string text) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, _codes[0], _codes[1], _codes[2]);
        var valid = Sheet(0, "j1") + Sheet(1, "j2");
        var file = bad.StartsWith("HEADER:", StringComparison.Ordinal)
            ? bad["HEADER:".Length..] + "\r\n" + valid
            : Header + "\r\n" + valid + Fill(bad) + "\r\n";

        var import = await ImportAsync(Utf8(file));

        Assert.Equal(ServiceOutcome.Invalid, import.Outcome);
        Assert.Contains(Fill(expected), import.Errors.Select(ScoreSheetCsvMessages.Spanish));
        Assert.Equal(0, await SubmittedAsync());
        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "scoresheet.imported"), name);
        Assert.Empty(_kit.Events.Published);
    }

    [Fact]
    public async Task A_valid_file_submits_every_scorecard_as_entered_by_the_admin_with_one_audit_entry()
    {
        await _kit.AssignFirstThreeAsync();
        var file = Utf8(Header + "\r\n" + Sheet(0, "j1", 20, 10, "\"Todo en orden, con actas\"") + Sheet(0, "j2") + Sheet(2, "j3", 0, 0));

        var import = await ImportAsync(file, "C:\\Users\\secretaria\\fichas campo.csv");

        Assert.True(import.Succeeded, string.Join("; ", import.Errors));
        Assert.Equal((6, 3, 0), (import.Rows, import.Scorecards, import.CreatedAssignments));
        var scorecard = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");
        Assert.Equal((ScorecardStatus.Submitted, "admin"), (scorecard.Status, scorecard.EnteredByAdminUserId));
        Assert.Equal(["Todo en orden, con actas", null], scorecard.Points.OrderBy(p => p.ContestCriterionId).Select(p => p.Comment));
        Assert.Equal(3, await SubmittedAsync());
        await using var db = _data.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "scoresheet.imported");
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        Assert.Equal(sha, audit.EntityId);
        Assert.Contains("\"fileName\":\"fichas campo.csv\"", audit.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"rows\":6", audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(3, _kit.Events.Published.Count(e => e.Change == ContestChange.ScorecardSubmitted));
    }

    [Fact]
    public async Task The_same_file_again_is_refused_as_already_submitted()
    {
        await _kit.AssignFirstThreeAsync();
        var file = Utf8(Header + "\r\n" + Sheet(0, "j1"));
        Assert.True((await ImportAsync(file)).Succeeded);

        var again = await ImportAsync(file);

        Assert.Equal(ServiceOutcome.Invalid, again.Outcome);
        Assert.StartsWith("Fila 2: la ficha del perfil", ScoreSheetCsvMessages.Spanish(Assert.Single(again.Errors)), StringComparison.Ordinal);
        Assert.Equal(1, await SubmittedAsync());
    }

    [Fact]
    public async Task The_same_file_imported_twice_at_once_is_saved_once()
    {
        await _kit.AssignFirstThreeAsync();
        var file = Utf8(Header + "\r\n" + Sheet(0, "j1") + Sheet(1, "j2") + Sheet(2, "j3"));

        var imports = await Task.WhenAll(Task.Run(() => ImportAsync(file)), Task.Run(() => ImportAsync(file)));

        Assert.Single(imports, i => i.Succeeded);
        Assert.Single(imports, i => i.Outcome is ServiceOutcome.Conflict or ServiceOutcome.Invalid);
        Assert.Equal(3, await SubmittedAsync());
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "scoresheet.imported"));
        Assert.Equal(6, await db.Set<ScorecardPoint>().CountAsync());
    }

    [Fact]
    public async Task A_sheet_without_an_assignment_creates_it_while_the_profile_has_room_and_is_refused_when_full()
    {
        await JudgingTestData.AppointAllAsync(_kit.Judging, _data.FieldStageId);
        var full = Utf8(Header + "\r\n" + Sheet(0, "j1") + Sheet(0, "j2") + Sheet(0, "j3") + Sheet(0, "j4"));
        var three = Utf8(Header + "\r\n" + Sheet(0, "j1") + Sheet(0, "j2") + Sheet(0, "j3"));

        var refused = await ImportAsync(full);
        var imported = await ImportAsync(three);

        Assert.Equal($"Fila 8: el perfil {_codes[0]} ya tiene sus 3 jurados en la etapa CAMPO y j4@t.pe no es uno de ellos.",
            ScoreSheetCsvMessages.Spanish(Assert.Single(refused.Errors)));
        Assert.True(imported.Succeeded);
        Assert.Equal(3, imported.CreatedAssignments);
        var scorecards = await _data.ScorecardsAsync(_data.FieldStageId);
        Assert.Equal(["j1", "j2", "j3"], scorecards.Select(s => s.JurorUserId));
        Assert.All(scorecards, s => Assert.Equal(("admin", ScorecardStatus.Submitted), (s.AssignedByUserId, s.Status)));
    }

    [Fact]
    public async Task A_file_saved_by_excel_with_a_byte_order_mark_and_semicolons_imports()
    {
        await _kit.AssignFirstThreeAsync();
        var text = Header.Replace(',', ';') + "\r\n"
            + $"{_codes[0]};campo;J1@T.PE;c1;12;Bien, con actas; y registros\r\n".Replace("Bien, con actas; y registros", "\"Bien, con actas; y registros\"", StringComparison.Ordinal)
            + $"{_codes[0]};CAMPO;j1@t.pe;C2;7;\r\n;;;;;\r\n";
        var file = Encoding.UTF8.GetPreamble().Concat(Utf8(text)).ToArray();

        var import = await ImportAsync(file);

        Assert.True(import.Succeeded, string.Join("; ", import.Errors));
        var scorecard = await _kit.ScorecardAsync(_data.ProfileIds[0], "j1");
        Assert.Equal([12m, 7m], scorecard.Points.OrderBy(p => p.ContestCriterionId).Select(p => p.Points!.Value));
        Assert.Equal("Bien, con actas; y registros", scorecard.Points.OrderBy(p => p.ContestCriterionId).First().Comment);
    }

    [Fact]
    public async Task A_latin1_file_keeps_its_accents_and_a_utf16_file_is_refused_with_how_to_save_it()
    {
        await _kit.AssignFirstThreeAsync();
        var text = Header + "\r\n" + Sheet(0, "j1", comment: "Familias de Ñahui y Huamán, todas presentes".Replace(",", "", StringComparison.Ordinal));
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

        var utf16 = await ImportAsync(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
        var latin1 = await ImportAsync(windows1252);

        Assert.Contains("«CSV UTF-8 (delimitado por comas) (*.csv)»", ScoreSheetCsvMessages.Spanish(Assert.Single(utf16.Errors)), StringComparison.Ordinal);
        Assert.True(latin1.Succeeded, string.Join("; ", latin1.Errors));
        var comment = (await _kit.ScorecardAsync(_data.ProfileIds[0], "j1")).Points.Select(p => p.Comment).First(c => c is not null);
        Assert.Equal("Familias de Ñahui y Huamán todas presentes", comment);
    }

    [Fact]
    public async Task An_oversized_file_a_workbook_and_an_unknown_contest_are_refused_and_only_an_admin_imports()
    {
        await _kit.AssignFirstThreeAsync();
        var huge = new byte[ScoreSheetCsv.MaxBytes + 10];
        Array.Fill(huge, (byte)'a');
        var workbook = "PK\u0003\u0004 hoja"u8.ToArray();
        var valid = Utf8(Header + "\r\n" + Sheet(0, "j1"));

        var tooLarge = await ImportAsync(huge);
        var xlsx = await ImportAsync(workbook, "fichas.xlsx");
        var nowhere = await _kit.Import.ImportAsync(JudgingTestData.Admin, 99_999, "f.csv", new MemoryStream(valid));
        var byJuror = await _kit.Import.ImportAsync(new ActingUser("j1"), _data.ContestId, "f.csv", new MemoryStream(valid));

        Assert.Equal("ScoreSheet.FileTooLarge", Assert.Single(tooLarge.Errors).Rule);
        Assert.Equal("ScoreSheet.Workbook", Assert.Single(xlsx.Errors).Rule);
        Assert.Equal(ServiceOutcome.NotFound, nowhere.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, byJuror.Outcome);
        Assert.Equal(0, await SubmittedAsync());
    }

    [Fact]
    public async Task An_excluded_scorecard_cannot_be_filled_by_a_sheet_even_after_the_conflict_is_withdrawn()
    {
        await _kit.AssignFirstThreeAsync();
        var started = await _kit.ScorecardAsync(_data.ProfileIds[1], "j2");
        await _data.StartAsync(started.Id);
        var declared = await _kit.Judging.Conflicts.DeclareAsync("j2", _data.ContestId, _data.GroupIds[1], ConflictKind.Kinship, null);
        Assert.True((await _kit.Judging.Conflicts.WithdrawAsync("j2", declared.Value)).Succeeded);

        var import = await ImportAsync(Utf8(Header + "\r\n" + Sheet(1, "j2")));

        Assert.Equal($"Fila 2: la ficha del perfil {_codes[1]}, etapa CAMPO, jurado j2@t.pe fue excluida por un conflicto de interés.",
            ScoreSheetCsvMessages.Spanish(Assert.Single(import.Errors)));
        Assert.Equal(0, await SubmittedAsync());
    }
}
