using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Web.Components.Pages.Registries;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Registries;

/// <summary>The padrón upload: a bad file shows its row errors and imports nothing; a good one is previewed, then imported once.</summary>
public sealed class RegistryUploadTests : ComponentTestBase
{
    private const string Header = "codigo_proyecto,dni_representante,nombres,sexo,fecha_nacimiento,centro_poblado,ubigeo_distrito,dni_miembros\n";

    // Small files are imported at once and never stored: the folder stays empty, shared by every run.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "registry-upload-tests");

    public RegistryUploadTests()
    {
        Services.AddSingleton(new AttachmentStorage(_folder));
        Services.AddSingleton<IRegistryImportJobs, NoJobs>();
        Services.AddScoped<RegistryImportService>();
    }

    private async Task<IRenderedComponent<RegistryUpload>> RenderAsync(RegistryKind kind)
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<RegistryUpload>(p => p.Add(x => x.Kind, kind));
        cut.WaitForElement("[data-testid=file-upload]");
        return cut;
    }

    private async Task<int> VersionsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.RegistryImports.CountAsync();
    }

    [Fact]
    public async Task A_file_with_a_bad_row_shows_its_errors_offers_no_import_and_imports_nothing()
    {
        var cut = await RenderAsync(RegistryKind.ProjectHouseholds);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            Header + "AYQ-01,41000001,Rosa Quispe,F,,Muyurina,050101,\nAYQ-01,4100,Juan Huamán,M,,Muyurina,050101,\nAYQ-01,41000001,Ana,F,,Muyurina,050101,\n", "padron.csv"));

        cut.WaitForAssertion(() => Assert.Equal(
            ["Fila 3: dni_representante «4100» no es un DNI de 8 dígitos.", "Fila 4: el DNI 41000001 ya figura en la fila 2 del archivo."],
            cut.FindAll("[data-testid=registry-error]").Select(e => e.TextContent)));
        Assert.Empty(cut.FindAll("[data-testid=registry-import]"));
        Assert.Equal(0, await VersionsAsync());
    }

    [Fact]
    public async Task A_pdf_renamed_to_csv_is_refused_as_a_whole()
    {
        var cut = await RenderAsync(RegistryKind.Juntos);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02], "juntos.csv"));

        cut.WaitForAssertion(() => Assert.StartsWith("El archivo no es un CSV ni un Excel", cut.Find("[data-testid=registry-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await VersionsAsync());
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_imported_and_the_same_file_again_changes_nothing()
    {
        var cut = await RenderAsync(RegistryKind.ProjectHouseholds);
        var file = Header + "AYQ-01,41000001,=Rosa Quispe,F,1985-04-12,Muyurina,050101,41000011\n";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file, "padron.csv"));
        cut.WaitForAssertion(() => Assert.Contains("AYQ-01 (nuevo: se creará)", cut.Find("[data-testid=registry-summary]").TextContent, StringComparison.Ordinal));
        Assert.Contains("=Rosa Quispe", cut.Find("[data-testid=registry-sample]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await VersionsAsync());

        cut.Find("[data-testid=registry-import]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Imported", cut.Find("[data-testid=registry-outcome]").GetAttribute("data-result")));
        Assert.Equal(1, await VersionsAsync());

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file, "otra-copia.csv"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=registry-unchanged]")));
        Assert.Empty(cut.FindAll("[data-testid=registry-import]"));
        Assert.Equal(1, await VersionsAsync());
    }

    private sealed class NoJobs : IRegistryImportJobs
    {
        public void Enqueue(int importId) => throw new InvalidOperationException("A small file is imported at once.");
    }
}
