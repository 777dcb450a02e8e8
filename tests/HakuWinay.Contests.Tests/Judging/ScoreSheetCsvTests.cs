using System.Text;
using HakuWinay.Contests.Judging;
using static HakuWinay.Contests.Tests.Judging.ScoreSheetCsvSamples;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>Reading the file: encoding, delimiter, header, quoting and each value's form.</summary>
public sealed class ScoreSheetCsvTests
{
    private static ScoreSheetCsvResult Parse(string text) => ScoreSheetCsv.Parse(Utf8(text));

    /// <summary>The file is refused whole: no row, and exactly these errors as an Admin reads them.</summary>
    private static void AssertRefused(ScoreSheetCsvResult result, params string[] messages)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal(messages, result.Errors.Select(ScoreSheetCsvMessages.Spanish));
    }

    [Fact]
    public void A_complete_sheet_gives_every_row_with_its_spreadsheet_row_number_and_points()
    {
        var result = Parse(CompleteSheet());

        Assert.True(result.Succeeded);
        Assert.Equal(
        [
            new ScoreSheetCsvRow(2, "AYA-2026-01-001", "CAMPO", Juror(1), "C1", 7.5m, "Participan 9 de 12 familias"),
            new ScoreSheetCsvRow(3, "AYA-2026-01-001", "CAMPO", Juror(1), "C2", 8m, ""),
            new ScoreSheetCsvRow(4, "AYA-2026-01-001", "CAMPO", Juror(1), "C3", 4m, "Plan realista, con contrapartida"),
        ], result.Rows);
    }

    [Fact]
    public void Lf_cr_and_crlf_line_endings_read_alike()
    {
        var crlf = Parse(CompleteSheet("\r\n")).Rows;

        Assert.Equal(crlf, Parse(CompleteSheet("\n")).Rows);
        Assert.Equal(crlf, Parse(CompleteSheet("\r")).Rows);
        Assert.Equal(crlf, Parse(CompleteSheet("\n").TrimEnd('\n')).Rows);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_reads_its_header_and_accents()
    {
        var text = $"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,Familias de Ñahui y Huamán\r\n";
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Utf8(text)];

        var row = Assert.Single(ScoreSheetCsv.Parse(bytes).Rows);

        Assert.Equal("AYA-2026-01-001", row.ProfileCode);
        Assert.Equal("Familias de Ñahui y Huamán", row.Comment);
    }

    [Fact]
    public void An_excel_semicolon_file_reads_decimal_commas_and_unquoted_commas_in_comments()
    {
        var text = "profile_code;stage_code;juror_email;criterion_code;points;comment\r\n" +
                   $"AYA-2026-01-001;CAMPO;{Juror(1)};C1;7,5;Bien, muy bien\r\n" +
                   $"AYA-2026-01-001;CAMPO;{Juror(1)};C2;8.5;\"Con \"\"punto\"\"; y coma\"\r\n" +
                   $"AYA-2026-01-001;CAMPO;{Juror(1)};C3;4;\r\n";

        var rows = Parse(text).Rows;

        Assert.Equal([7.5m, 8.5m, 4m], rows.Select(r => r.Points));
        Assert.Equal(["Bien, muy bien", "Con \"punto\"; y coma", ""], rows.Select(r => r.Comment));
    }

    [Fact]
    public void A_latin1_file_keeps_its_accents()
    {
        var text = $"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\"Ñahui, Huamán: años de experiencia\"\r\n";
        var bytes = Encoding.Latin1.GetBytes(text);

        var row = Assert.Single(ScoreSheetCsv.Parse(bytes).Rows);

        Assert.Equal("Ñahui, Huamán: años de experiencia", row.Comment);
    }

    [Fact]
    public void A_windows_1252_file_keeps_its_curly_quotes_and_euro_sign()
    {
        // “ ” and € are the bytes 0x93, 0x94 and 0x80 of Windows-1252, which Latin-1 lacks.
        byte[] bytes = [.. Encoding.ASCII.GetBytes($"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,"), 0x93, 0x6F, 0x6B, 0x94, 0x20, 0x80, 0x0D, 0x0A];

        Assert.Equal("“ok” €", Assert.Single(ScoreSheetCsv.Parse(bytes).Rows).Comment);
    }

    [Fact]
    public void A_file_in_neither_utf8_nor_windows_1252_is_refused_with_how_to_save_it()
    {
        // 0x81 is undefined in Windows-1252 and not valid UTF-8 here.
        byte[] bytes = [.. Encoding.ASCII.GetBytes($"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,"), 0x81, 0x0D, 0x0A];

        var result = ScoreSheetCsv.Parse(bytes);

        var error = Assert.Single(result.Errors);
        Assert.Empty(result.Rows);
        Assert.Contains("CSV UTF-8", ScoreSheetCsvMessages.Spanish(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_utf16_file_is_refused_with_how_to_save_it(string encoding)
    {
        var text = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. text.GetPreamble(), .. text.GetBytes(CompleteSheet())];

        var error = Assert.Single(ScoreSheetCsv.Parse(bytes).Errors);

        Assert.Equal("ScoreSheet.UnreadableEncoding", error.Rule);
        Assert.Null(error.Row);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_and_broken_bytes_is_refused()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.Latin1.GetBytes(CompleteSheet() + "AYA-2026-01-001,CAMPO,x@y.pe,C1,1,Ñ\r\n")];

        Assert.Equal("ScoreSheet.UnreadableEncoding", Assert.Single(ScoreSheetCsv.Parse(bytes).Errors).Rule);
    }

    [Fact]
    public void A_file_part_utf8_and_part_latin1_is_refused_rather_than_garbled()
    {
        byte[] bytes = [.. Utf8(CompleteSheet() + $"AYA-2026-01-001,CAMPO,{Juror(2)},C1,7,Huamán\r\n"), .. Encoding.Latin1.GetBytes($"AYA-2026-01-001,CAMPO,{Juror(2)},C2,7,Ñahui\r\n")];

        Assert.Equal("ScoreSheet.UnreadableEncoding", Assert.Single(ScoreSheetCsv.Parse(bytes).Errors).Rule);
    }

    [Fact]
    public void A_file_with_a_nul_byte_is_refused_as_unreadable()
    {
        byte[] bytes = [.. Utf8(CompleteSheet()), 0x00];

        Assert.Equal("ScoreSheet.UnreadableEncoding", Assert.Single(ScoreSheetCsv.Parse(bytes).Errors).Rule);
    }

    [Fact]
    public void An_excel_workbook_is_refused_as_not_a_csv()
    {
        byte[] xlsx = [.. "PK\u0003\u0004"u8, .. new byte[200]];

        AssertRefused(ScoreSheetCsv.Parse(xlsx),
            "El archivo es un libro de Excel, no un CSV. En Excel use Archivo > Guardar como > «CSV UTF-8 (delimitado por comas) (*.csv)» y vuelva a subirlo.");
    }

    [Fact]
    public void A_quoted_comment_keeps_its_commas_quotes_and_line_breaks_and_stays_one_row()
    {
        var text = $"{Header}\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\"Primera línea, con coma\r\nSegunda: \"\"cita\"\"\nTercera\"\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C2,x,\r\n";

        var result = Parse(text);

        // The row after the three-line comment is row 3, as Excel numbers it.
        AssertRefused(result, "Fila 3: el puntaje «x» no es un número (escriba, por ejemplo, 7 o 7.5).");
        var rows = Parse(text.Replace(",x,", ",8,", StringComparison.Ordinal)).Rows;
        Assert.Equal("Primera línea, con coma\nSegunda: \"cita\"\nTercera", rows[0].Comment);
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public void Trailing_empty_lines_and_rows_of_empty_cells_are_skipped_but_still_numbered()
    {
        var text = $"{Header}\r\n,,,,,\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\r\n\r\n \r\n,,,,,\r\n\r\n";

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(3, row.Row);
    }

    [Fact]
    public void The_header_ignores_case_spaces_and_column_order()
    {
        var text = $" Points ,PROFILE_CODE,comment,Stage_Code,juror_email,criterion_code\r\n7,AYA-2026-01-001,bien,CAMPO,{Juror(1)},C1\r\n";

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(("AYA-2026-01-001", "CAMPO", "C1", 7m, "bien"), (row.ProfileCode, row.StageCode, row.CriterionCode, row.Points, row.Comment));
    }

    [Fact]
    public void A_wrong_header_is_refused_naming_what_is_missing_and_what_does_not_belong()
    {
        var text = $"perfil,stage_code,juror_email,criterion_code,puntos,comment\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\r\n";

        AssertRefused(Parse(text),
            "Fila 1: al encabezado le faltan las columnas profile_code, points. Debe tener: profile_code, stage_code, juror_email, criterion_code, points, comment.",
            "Fila 1: el encabezado tiene columnas que no corresponden: perfil, puntos.");
    }

    [Fact]
    public void A_missing_header_is_refused()
    {
        var result = Parse($"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\r\n");

        Assert.Equal(["ScoreSheet.HeaderMissingColumns", "ScoreSheet.HeaderUnknownColumns"], result.Errors.Select(e => e.Rule));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Row));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_header_with_a_repeated_or_an_extra_column_is_refused()
    {
        AssertRefused(Parse(Header + ",comment\r\n"), "Fila 1: el encabezado repite las columnas comment.");
        AssertRefused(Parse(Header + ",\r\n"), "Fila 1: el encabezado tiene columnas que no corresponden: \"\".");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void An_empty_file_is_refused(string text)
    {
        AssertRefused(Parse(text), "El archivo está vacío.");
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        AssertRefused(Parse(Header + "\r\n\r\n"), "El archivo solo tiene la fila de encabezado: no hay puntajes que importar.");
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_number_and_no_row_is_returned()
    {
        var text = $"{Header}\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7,ok\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C2,8\r\n" +
                   $",CAMPO,no-es-correo,C2,,\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C3,\"7,5\",\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C3,1e3,\r\n" +
                   $"AYA-2026-01-001,{new string('X', 41)},{Juror(1)},C3,2,\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C3,2,{new string('a', ScoreRules.MaxCriterionCommentLength + 1)}\r\n" +
                   $"AYA-2026-01-001,CAMPO,{Juror(1)},C\u0007,2,\r\n";

        AssertRefused(Parse(text),
            "Fila 3: tiene 5 columnas y deben ser 6 (¿un comentario con comas o punto y coma sin comillas?).",
            "Fila 4: falta el valor de profile_code.",
            "Fila 4: «no-es-correo» no es un correo electrónico válido.",
            "Fila 4: falta el valor de points.",
            "Fila 5: el puntaje «7,5» usa coma decimal en un archivo separado por comas; escriba 7.5 en lugar de 7,5.",
            "Fila 6: el puntaje «1e3» no es un número (escriba, por ejemplo, 7 o 7.5).",
            "Fila 7: el valor de stage_code pasa de 40 caracteres.",
            "Fila 8: el valor de comment pasa de 2,000 caracteres.",
            "Fila 9: el valor de criterion_code tiene caracteres de control no permitidos.");
    }

    [Fact]
    public void A_quote_that_never_closes_is_reported_at_its_row()
    {
        var text = $"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,ok\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C2,8,\"sin cerrar\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C3,4,\r\n";

        AssertRefused(Parse(text), "Fila 3: unas comillas (\") se abren y no se cierran hasta el final del archivo.");
    }

    [Theory]
    [InlineData("=SUMA(A1:A9)")]
    [InlineData("+51 999 888 777")]
    [InlineData("-2 por tardanza")]
    [InlineData("@jurado")]
    [InlineData("=HYPERLINK(\"\"http://x.pe\"\")")]
    public void A_comment_that_looks_like_a_formula_is_kept_as_text(string comment)
    {
        var text = $"{Header}\r\nAYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\"{comment}\"\r\n";

        Assert.Equal(comment.Replace("\"\"", "\"", StringComparison.Ordinal), Assert.Single(Parse(text).Rows).Comment);
    }

    [Fact]
    public void Values_are_trimmed_and_points_accept_a_sign_and_trailing_zeros()
    {
        var text = $"{Header}\r\n  AYA-2026-01-001 , CAMPO ,{Juror(1)} , C1 , 7.50 , ok \r\nAYA-2026-01-001,CAMPO,{Juror(1)},C2,-1,\r\n";

        var rows = Parse(text).Rows;

        Assert.Equal(("AYA-2026-01-001", "CAMPO", Juror(1), "C1", 7.5m, "ok"), (rows[0].ProfileCode, rows[0].StageCode, rows[0].JurorEmail, rows[0].CriterionCode, rows[0].Points, rows[0].Comment));
        Assert.Equal(-1m, rows[1].Points);
    }

    [Fact]
    public void A_file_over_five_megabytes_is_refused_before_reading_it()
    {
        var bytes = new byte[ScoreSheetCsv.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'a');

        AssertRefused(ScoreSheetCsv.Parse(bytes), "El archivo pesa más de 5 MB. Divídalo en archivos más pequeños.");
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_after_reading_only_the_limit()
    {
        using var stream = new CountingStream(ScoreSheetCsv.MaxBytes * 3L);

        var result = await ScoreSheetCsv.ParseAsync(stream);

        Assert.Equal("ScoreSheet.FileTooLarge", Assert.Single(result.Errors).Rule);
        Assert.Equal(ScoreSheetCsv.MaxBytes + 1, stream.Position);
    }

    [Fact]
    public async Task An_upload_read_in_small_chunks_parses_whole()
    {
        using var stream = new TrickleStream(Utf8(CompleteSheet()));

        var result = await ScoreSheetCsv.ParseAsync(stream);

        Assert.Equal(3, result.Rows.Count);
    }

    [Fact]
    public void Twenty_thousand_rows_are_accepted_and_one_more_is_refused()
    {
        var line = $"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7,\n";
        var atLimit = Header + "\n" + string.Concat(Enumerable.Repeat(line, ScoreSheetCsv.MaxRows));

        Assert.Equal(ScoreSheetCsv.MaxRows, Parse(atLimit).Rows.Count);
        AssertRefused(Parse(atLimit + line), "El archivo tiene más de 20,000 filas de puntajes. Divídalo en varios archivos.");
    }

    [Fact]
    public void A_file_of_many_bad_rows_lists_the_first_two_hundred_and_counts_the_rest()
    {
        var text = Header + "\n" + string.Concat(Enumerable.Repeat($"AYA-2026-01-001,CAMPO,{Juror(1)},C1,siete,\n", 300));

        var result = Parse(text);

        Assert.Empty(result.Rows);
        Assert.Equal(ScoreSheetCsv.MaxErrorsListed + 1, result.Errors.Count);
        Assert.Equal(201, result.Errors[^2].Row);
        Assert.Equal("… y 100 errores más. Corrija los anteriores y vuelva a subir el archivo.", ScoreSheetCsvMessages.Spanish(result.Errors[^1]));
    }

    [Fact]
    public void Every_spanish_text_formats_and_an_unknown_key_is_a_programming_error()
    {
        Assert.All(ScoreSheetCsvMessages.Texts.Keys, key =>
            Assert.DoesNotContain("{", ScoreSheetCsvMessages.Spanish(new ScoreSheetCsvError(2, key, "a", "b", "c", "d")), StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => ScoreSheetCsvMessages.Spanish(new ScoreSheetCsvError(2, "ScoreSheet.NoSuchKey")));
        // ToString, used by logs and assertion messages, never throws.
        Assert.Equal("Row 2: ScoreSheet.NoSuchKey()", new ScoreSheetCsvError(2, "ScoreSheet.NoSuchKey").ToString());
        Assert.Equal("Row 3: ScoreSheet.Required(points)", new ScoreSheetCsvError(3, "ScoreSheet.Required", "points").ToString());
        Assert.Equal("ScoreSheet.FileTooLarge(5)", new ScoreSheetCsvError(null, "ScoreSheet.FileTooLarge", 5).ToString());
    }

    /// <summary>An endless upload that counts what was read of it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Like a browser upload: asynchronous reads only, a few bytes at a time.</summary>
    private sealed class TrickleStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not supported.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            var n = Math.Min(Math.Min(7, buffer.Length), content.Length - _position);
            content.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
