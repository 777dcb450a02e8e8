using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Judging.Paper;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The import page: an upload shows every row-numbered error (nothing imported), or the counts of what was imported.</summary>
public sealed class ImportPageTests : ComponentTestBase
{
    private string _code = "";
    private int _contestId;

    public ImportPageTests()
    {
        Services.AddScoped<ScoreSheetImportService>();
        Services.AddScoped<JurorService>();
        Services.AddSingleton<IContestEvents>(new ContestEvents(NullLogger<ContestEvents>.Instance));
        Services.AddSingleton<IPasswordSetupLinks, NoLinks>();
    }

    private async Task ArrangeAsync()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var ana = await Database.AddUserAsync("ana@t.pe", Roles.Juror);
        var contest = await Database.AddOpenContestAsync("T-PAPEL", Now);
        var group = await Database.AddGroupAsync("Grupo Uno", "050101", null, 3);
        await using (var db = Database.CreateDbContext())
        {
            var tracked = db.Contests.Single(c => c.Id == contest.Id);
            var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Now);
            _code = tracked.NextProfileCode(Now);
            profile.Submit(_code, Now);
            profile.DecideEligibility(true, "Cumple", admin.Id, Now);
            db.BusinessProfiles.Add(profile);
            await db.SaveChangesAsync();
        }
        var stage = contest.Stages.OrderBy(s => s.Order).First();
        Assert.True((await Services.GetRequiredService<JurorService>().AppointAsync(new ActingUser(admin.Id, IsAdmin: true), stage.Id, ana.Id)).Succeeded);
        _contestId = contest.Id;
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
    }

    private string Sheet(string email, params string[] points) =>
        "profile_code,stage_code,juror_email,criterion_code,points,comment\n"
        + string.Concat(points.Select((p, i) => $"{_code},CAMPO,{email},C{i + 1},{p},Anotado en la visita\n"));

    private IRenderedComponent<ImportPage> RenderPage()
    {
        RenderAsLiveCircuit();
        var cut = Render<ImportPage>(p => p.Add(x => x.ContestId, _contestId));
        cut.WaitForElement("[data-testid=file-upload]");
        return cut;
    }

    [Fact]
    public async Task A_bad_file_lists_its_row_numbered_errors_and_a_good_one_reports_what_was_imported()
    {
        await ArrangeAsync();
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sheet("ana@t.pe", "15", "25", "10", "15", "10", "12"), "fichas.csv"));

        cut.WaitForAssertion(() => Assert.Equal(
            ["Fila 3: el puntaje 25 supera el máximo 20 del criterio C2.", "Fila 7: el puntaje 12 supera el máximo 10 del criterio C6."],
            cut.FindAll("[data-testid=import-error]").Select(e => e.TextContent).Order(StringComparer.Ordinal)));
        Assert.Contains("No se importó nada", cut.Find("[data-testid=import-rejected]").TextContent, StringComparison.Ordinal);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sheet("nadie@t.pe", "15", "20", "10", "15", "10", "8"), "fichas.csv"));
        cut.WaitForAssertion(() => Assert.Contains("Fila 2: no hay un jurado con el correo nadie@t.pe.",
            cut.FindAll("[data-testid=import-error]").Select(e => e.TextContent)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sheet("ana@t.pe", "15", "20", "10", "15", "10", "8"), "fichas.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Importado: 6 filas, 1 fichas enviadas", cut.Find("[data-testid=import-done]").TextContent, StringComparison.Ordinal));
        Assert.Contains("1 de ellas no tenían asignación", cut.Find("[data-testid=import-done]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=import-error]"));
    }

    [Fact]
    public async Task English_speakers_read_the_errors_in_english()
    {
        await ArrangeAsync();
        SetCulture("en");
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("codigo,etapa\n", "fichas.csv"));

        cut.WaitForAssertion(() => Assert.StartsWith("Row 1: the header lacks the columns profile_code",
            cut.FindAll("[data-testid=import-error]")[0].TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_over_the_limit_imports_nothing_and_says_when_to_try_again()
    {
        Services.AddSingleton(new RateLimitSettings { ImportsPerMinute = 1 });
        await ArrangeAsync();
        var cut = RenderPage();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("codigo,etapa\n", "fichas.csv"));
        cut.WaitForElement("[data-testid=import-rejected]");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sheet("ana@t.pe", "15", "20", "10", "15", "10", "8"), "fichas.csv"));

        cut.WaitForAssertion(() => Assert.StartsWith("Demasiadas importaciones seguidas; intente de nuevo en ",
            cut.Find("[data-testid=upload-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=import-done]"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Scorecards.AnyAsync(s => s.Status == ScorecardStatus.Submitted));
    }

    private sealed class NoLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => Task.FromResult("https://portal.test/link");
    }
}
