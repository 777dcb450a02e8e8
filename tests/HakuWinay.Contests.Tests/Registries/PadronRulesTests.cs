using System.Text;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Registries;
using MiniExcelLibs;

namespace HakuWinay.Contests.Tests.Registries;

public sealed class PadronRulesTests
{
    private static readonly HashSet<string> Districts = ["050108", "050102", "020101"];
    private static readonly DateOnly Today = new(2026, 11, 23);

    internal const string Header = "codigo_proyecto,dni_representante,nombres,sexo,fecha_nacimiento,centro_poblado,ubigeo_distrito,dni_miembros";

    internal static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static PadronFile Households(byte[] bytes, Func<string, string?>? region = null)
    {
        var (table, error) = RegistryFile.Read(bytes);
        Assert.Null(error);
        return PadronRules.ReadHouseholds(table!, new PadronContext(Districts, region ?? (_ => null)), Today);
    }

    private static JuntosFile Juntos(byte[] bytes)
    {
        var (table, error) = RegistryFile.Read(bytes);
        Assert.Null(error);
        return PadronRules.ReadJuntos(table!, Districts);
    }

    [Fact]
    public void A_valid_padron_is_read_with_its_members_sex_and_birth_date()
    {
        var file = Households(Csv(Header,
            "ayq-01,41000001,Rosa Quispe,F,1985-04-12,Muyurina,050108,41000011 41000012",
            "AYQ-01,41000002,Juan Huamán,m,03/02/1979,Muyurina,050108,"));

        Assert.True(file.Succeeded);
        Assert.Equal("AYQ-01", file.ProjectCode);
        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(4, file.People);
        var rosa = file.Rows[0];
        Assert.Equal((Sex.Female, new DateOnly(1985, 4, 12)), (rosa.Sex!.Value, rosa.BirthDate!.Value));
        Assert.Equal(["41000011", "41000012"], rosa.MemberDnis);
        Assert.Equal((Sex.Male, new DateOnly(1979, 2, 3), "Juan Huamán"), (file.Rows[1].Sex!.Value, file.Rows[1].BirthDate!.Value, file.Rows[1].FullName));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_row_number_and_nothing_is_kept()
    {
        var file = Households(Csv(Header,
            "AYQ-01,41000001,Rosa Quispe,F,,Muyurina,050108,",
            "AYQ-01,4100000X,Juan Huamán,M,,Muyurina,050108,",
            "AYQ-01,41000003,Ana Sulca,F,,Muyurina,999999,",
            "AYQ-01,41000004,Eva Ccente,Q,31/02/1990,Muyurina,050108,123",
            "AYQ-01,41000001,Otra Rosa,F,,Muyurina,050108,"));

        Assert.False(file.Succeeded);
        Assert.Empty(file.Rows);
        Assert.Contains(file.Errors, e => e is { Row: 3, Rule: "Registry.BadDni" });
        Assert.Contains(file.Errors, e => e is { Row: 4, Rule: "Registry.UnknownDistrict" });
        Assert.Contains(file.Errors, e => e is { Row: 5, Rule: "Registry.BadSex" });
        Assert.Contains(file.Errors, e => e is { Row: 5, Rule: "Registry.BadDate" });
        Assert.Contains(file.Errors, e => e is { Row: 5, Rule: "Registry.BadDni" } && (string)e.Arguments[0] == "dni_miembros");
        var duplicate = Assert.Single(file.Errors, e => e.Rule == "Registry.DuplicateDni");
        Assert.Equal((6, "41000001", 2), (duplicate.Row, (string)duplicate.Arguments[0], (int)duplicate.Arguments[1]));
    }

    [Fact]
    public void A_member_listed_in_two_households_of_the_file_is_a_duplicate()
    {
        var file = Households(Csv(Header,
            "AYQ-01,41000001,Rosa Quispe,F,,Muyurina,050108,41000099",
            "AYQ-01,41000099,Pedro Quispe,M,,Muyurina,050108,"));

        var error = Assert.Single(file.Errors);
        Assert.Equal(("Registry.DuplicateDni", 3), (error.Rule, error.Row));
    }

    [Fact]
    public void A_missing_column_is_an_error_of_the_header_row()
    {
        var file = Households(Csv("codigo_proyecto,dni_representante,nombres,centro_poblado", "AYQ-01,41000001,Rosa,Muyurina"));

        var error = Assert.Single(file.Errors);
        Assert.Equal(("Registry.MissingColumns", 1, "ubigeo_distrito"), (error.Rule, error.Row, (string)error.Arguments[0]));
    }

    [Fact]
    public void Extra_columns_are_ignored_and_columns_may_come_in_any_order_and_case()
    {
        var file = Households(Csv("Observaciones;UBIGEO_DISTRITO;Nombres;DNI_Representante;Centro_Poblado;Codigo_Proyecto",
            "nada;050108;Rosa Quispe;41000001;Muyurina;AYQ-01"));

        Assert.True(file.Succeeded);
        Assert.Equal(("41000001", "050108", "Muyurina"), (file.Rows[0].RepresentativeDni, file.Rows[0].DistrictCode, file.Rows[0].CentroPoblado));
    }

    [Fact]
    public void One_file_holds_one_project()
    {
        var file = Households(Csv(Header,
            "AYQ-01,41000001,Rosa Quispe,F,,Muyurina,050108,",
            "AYQ-02,41000002,Juan Huamán,M,,Muyurina,050108,"));

        Assert.Equal("Registry.OtherProject", Assert.Single(file.Errors).Rule);
    }

    [Fact]
    public void A_district_outside_the_existing_projects_region_is_refused()
    {
        var file = Households(Csv(Header, "AYQ-01,41000001,Rosa Quispe,F,,Huaraz,020101,"), region: code => code == "AYQ-01" ? "05" : null);

        Assert.Equal("Registry.DistrictOutsideProject", Assert.Single(file.Errors).Rule);
    }

    [Fact]
    public void Formula_like_text_is_kept_as_text()
    {
        var file = Households(Csv(Header, "AYQ-01,41000001,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",F,,@SUM(A1),050108,"));

        Assert.True(file.Succeeded);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", file.Rows[0].FullName);
        Assert.Equal("@SUM(A1)", file.Rows[0].CentroPoblado);
    }

    [Fact]
    public void The_same_rows_in_another_order_have_the_same_hash_and_a_changed_row_another()
    {
        var a = Households(Csv(Header, "AYQ-01,41000001,Rosa,F,,Muyurina,050108,", "AYQ-01,41000002,Juan,M,,Muyurina,050108,"));
        var b = Households(Csv(Header, "AYQ-01,41000002,Juan,M,,Muyurina,050108,", "AYQ-01,41000001,Rosa,F,,Muyurina,050108,"));
        var c = Households(Csv(Header, "AYQ-01,41000002,Juan,M,,Muyurina,050108,", "AYQ-01,41000001,Rosa,F,,Pampa,050108,"));

        Assert.Equal(a.RowsSha256, b.RowsSha256);
        Assert.NotEqual(a.RowsSha256, c.RowsSha256);
    }

    [Fact]
    public void An_excel_workbook_reads_like_its_csv_and_a_numeric_dni_gets_its_leading_zero_back()
    {
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object> { ["codigo_proyecto"] = "AYQ-01", ["dni_representante"] = 1000001, ["nombres"] = "Rosa", ["sexo"] = "F", ["fecha_nacimiento"] = "", ["centro_poblado"] = "Muyurina", ["ubigeo_distrito"] = "050108", ["dni_miembros"] = "" },
        }, excelType: ExcelType.XLSX);
        var fromExcel = Households(workbook.ToArray());
        var fromCsv = Households(Csv(Header, "AYQ-01,01000001,Rosa,F,,Muyurina,050108,"));

        Assert.True(fromExcel.Succeeded, string.Join(", ", fromExcel.Errors.Select(e => e.Rule)));
        Assert.Equal("01000001", fromExcel.Rows[0].RepresentativeDni);
        Assert.Equal(fromCsv.RowsSha256, fromExcel.RowsSha256);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x01 })] // a PDF
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })] // an old .xls
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })] // a broken zip
    public void A_file_that_is_neither_csv_nor_xlsx_is_refused_whole(byte[] bytes)
    {
        var (table, error) = RegistryFile.Read(bytes);

        Assert.Null(table);
        Assert.Equal("Registry.NotCsvOrXlsx", error!.Rule);
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        var (_, error) = RegistryFile.Read(new byte[RegistryFile.MaxBytes + 1]);

        Assert.Equal("Registry.FileTooLarge", error!.Rule);
    }

    [Fact]
    public void A_juntos_padron_is_read_and_its_period_normalised()
    {
        var file = Juntos(Csv("dni_titular,ubigeo_distrito,periodo", "41000001,050108,2026-10", "41000002,50108,202609"));

        Assert.True(file.Succeeded);
        Assert.Equal([("41000001", "050108", "2026-10"), ("41000002", "050108", "2026-09")], file.Rows.Select(r => (r.Dni, r.DistrictCode, r.Period)));
    }

    [Fact]
    public void A_juntos_padron_with_a_bad_period_or_a_repeated_titular_imports_nothing()
    {
        var file = Juntos(Csv("dni_titular,ubigeo_distrito,periodo", "41000001,050108,octubre", "41000001,050108,2026-10"));

        Assert.Empty(file.Rows);
        Assert.Equal([("Registry.BadPeriod", 2), ("Registry.DuplicateDni", 3)], file.Errors.Select(e => (e.Rule, e.Row!.Value)));
    }

    [Fact]
    public void Past_two_hundred_errors_the_rest_are_counted()
    {
        var lines = Enumerable.Range(0, 250).Select(i => $"AYQ-01,bad{i},Rosa,F,,Muyurina,050108,").Prepend(Header).ToArray();

        var file = Households(Csv(lines));

        Assert.Equal(201, file.Errors.Count);
        Assert.Equal(("Registry.MoreErrors", 50), (file.Errors[^1].Rule, (int)file.Errors[^1].Arguments[0]));
    }
}
