using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Profiles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Profiles;

/// <summary>The editor page on real services: autosave, the plan, attachments, conflicts between tabs, and submission.</summary>
public sealed class ProfileEditPageTests : ComponentTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private readonly string _files = Directory.CreateTempSubdirectory("haku-bunit-files-").FullName;
    private int _profileId;
    private string _representativeId = "";

    private async Task<int> StartDraftAsync(string lineCode = "CUYES", IReadOnlyList<DocumentSlotSettings>? documentSlots = null)
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(new AttachmentStorage(_files));
        Services.AddScoped<ProfileService>();
        Services.AddScoped<ProfileQueries>();
        Services.AddScoped<AttachmentService>();
        var representative = await Database.AddUserAsync("rep@t.pe", Roles.Producer);
        _representativeId = representative.Id;
        var contest = await Database.AddOpenContestAsync("T-01", Now, documentSlots);
        var group = await Database.AddGroupAsync("Grupo de cuyes", "050101", representative.Id, 4, lineCode: lineCode);
        SignInAs(representative.Id, representative.Email!, Roles.Producer);
        var profiles = new ProfileService(Database, _time, Services.GetRequiredService<IOutboxSignal>());
        await using var db = Database.CreateDbContext();
        var category = await db.Contests.Where(c => c.Id == contest.Id).SelectMany(c => c.Categories).Select(c => c.Id).FirstAsync();
        _profileId = (await profiles.StartDraftAsync(new ActingUser(representative.Id), group.Id, contest.Id, category)).Value;
        return _profileId;
    }

    private IRenderedComponent<ProfileEditPage> RenderPage()
    {
        RenderAsLiveCircuit();
        var cut = Render<ProfileEditPage>(p => p.Add(x => x.Id, _profileId));
        cut.WaitForElement("[data-testid=submit-panel]");
        return cut;
    }

    private BusinessProfile Saved()
    {
        using var db = Database.CreateDbContext();
        return db.BusinessProfiles.Include(p => p.Lines).Single(p => p.Id == _profileId);
    }

    private static void Type(IRenderedComponent<ProfileEditPage> cut, ProfileSection section, string text)
    {
        cut.Find($"#section-{section}").Input(text);
        cut.Find($"form[data-section={section}] > div").FocusOut();
    }

    [Fact]
    public async Task Before_its_circuit_is_live_the_prerendered_editor_is_disabled_and_says_it_is_connecting()
    {
        await StartDraftAsync();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<ProfileEditPage>(p => p.Add(x => x.Id, _profileId));

        var editor = cut.Find("[data-testid=draft-editor]");
        Assert.True(editor.HasAttribute("disabled"));
        Assert.Equal("false", editor.GetAttribute("data-interactive"));
        Assert.Contains("Conectando con el portal", cut.Find("[data-testid=draft-editor-connecting]").TextContent);
    }

    [Fact]
    public async Task Once_its_circuit_is_live_the_editor_is_enabled()
    {
        await StartDraftAsync();

        var cut = RenderPage();

        var editor = cut.Find("[data-testid=draft-editor]");
        Assert.False(editor.HasAttribute("disabled"));
        Assert.Equal("true", editor.GetAttribute("data-interactive"));
        Assert.Empty(cut.FindAll("[data-testid=draft-editor-connecting]"));
    }

    [Fact]
    public async Task Leaving_a_section_saves_it_and_says_so()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        Type(cut, ProfileSection.Summary, "Criamos cuyes para el mercado de Huamanga.");

        cut.WaitForAssertion(() => Assert.Equal("Criamos cuyes para el mercado de Huamanga.", Saved().Summary));
        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("[data-testid=save-indicator]").GetAttribute("data-state")));
        Assert.Contains("Guardado a las", cut.Find("[data-testid=save-indicator]").TextContent);
    }

    [Fact]
    public async Task A_pause_in_typing_saves_the_section_without_leaving_it()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        cut.Find("#section-Risks").Input("Heladas en junio.");
        Assert.Equal("", Saved().Risks);
        _time.Advance(TimeSpan.FromSeconds(2));

        cut.WaitForAssertion(() => Assert.Equal("Heladas en junio.", Saved().Risks));
    }

    [Fact]
    public async Task Submitting_an_incomplete_draft_shows_each_failure_next_to_its_field()
    {
        // Sheep are not among the contest's eligible lines (only guinea pigs are).
        await StartDraftAsync(lineCode: "OVINOS");
        var cut = RenderPage();

        cut.Find("[data-testid=submit]").Click();
        cut.Find("[data-testid=submit-confirm]").Click();

        cut.WaitForElement("[data-testid=submit-failed]");
        foreach (var section in ProfileSections.All)
        {
            Assert.Equal("Esta sección es obligatoria.", cut.Find($"form[data-section={section}] .validation-message").TextContent);
        }
        var fields = cut.FindAll("[data-testid=rule-message]").Select(m => m.GetAttribute("data-field")).ToList();
        Assert.Contains("Group.ProductionLine", fields);
        // The plan's rules are told by the plan's live totals, once.
        Assert.Equal("InvestmentLines", Assert.Single(cut.FindAll("[data-testid=plan-violation]")).GetAttribute("data-field"));
        Assert.Equal(ProfileStatus.Draft, Saved().Status);
    }

    [Fact]
    public async Task The_plan_on_the_page_updates_its_totals_and_is_saved()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        cut.Find("[data-testid=add-line]").Click();
        cut.Find("#desc-1").Change("Jaulas de crianza");
        cut.Find("#unit-1").Change("unidad");
        cut.Find("#qty-1").Change("10");
        cut.Find("#cost-1").Change("450");

        Assert.Equal("S/ 4,500.00", cut.Find("[data-testid=fund-request]").TextContent);
        cut.WaitForAssertion(() => Assert.Equal(4_500m, Assert.Single(Saved().Lines).Total));
        cut.Find("#cost-1").Change("500");
        Assert.Equal("S/ 5,000.00", cut.Find("[data-testid=fund-request]").TextContent);
        cut.WaitForAssertion(() => Assert.Equal(500m, Assert.Single(Saved().Lines).UnitCost));
    }

    /// <summary>A resumed editor (docs/decisions/026-circuit-state.md) gives its parts what it kept; those that differ from the record save it at once.</summary>
    [Fact]
    public async Task Plan_lines_and_expected_results_kept_by_a_resumed_page_are_saved_at_once()
    {
        await StartDraftAsync();
        var (session, rules) = await SessionAsync();
        List<InvestmentLineInput> kept = [new() { Description = "Jaulas de crianza", Unit = "unidad", Quantity = 10, UnitCost = 450 }];
        var expected = new ExpectedResultsInput { SalesPerYear = 24_000m, Jobs = 3, HouseholdsBenefiting = 5 };

        var plan = Render<PlanAutosave>(p => p.AddCascadingValue(session).Add(x => x.Lines, kept).Add(x => x.Rules, rules).Add(x => x.Unsaved, true));
        plan.WaitForAssertion(() => Assert.Equal(4_500m, Assert.Single(Saved().Lines).Total));
        Render<ExpectedResultsForm>(p => p.AddCascadingValue(session).Add(x => x.Initial, expected).Add(x => x.Unsaved, true))
            .WaitForAssertion(() => Assert.Equal((24_000m, 3, 5), (Saved().ExpectedSalesPerYear, Saved().ExpectedJobs, Saved().HouseholdsBenefiting)));
        Assert.Equal(kept[0].LineId, Assert.Single(Saved().Lines).Id);
    }

    [Fact]
    public async Task Plan_lines_given_without_being_kept_are_not_saved_until_they_change()
    {
        await StartDraftAsync();
        var (session, rules) = await SessionAsync();
        List<InvestmentLineInput> lines = [new() { Description = "Jaulas de crianza", Unit = "unidad", Quantity = 10, UnitCost = 450 }];

        var plan = Render<PlanAutosave>(p => p.AddCascadingValue(session).Add(x => x.Lines, lines).Add(x => x.Rules, rules));
        plan.Find("#cost-1").Change("500");

        plan.WaitForAssertion(() => Assert.Equal(500m, Assert.Single(Saved().Lines).UnitCost));
        Assert.Equal(1, session.SavedCount);
    }

    private async Task<(DraftSession Session, SubmissionRules Rules)> SessionAsync()
    {
        RenderAsLiveCircuit();
        var user = new ActingUser(_representativeId);
        var profile = (await Services.GetRequiredService<ProfileQueries>().GetForEditingAsync(user, _profileId)).Value!;
        return (new DraftSession(_profileId, profile.Version, user, _time), profile.Rules);
    }

    [Fact]
    public async Task Negative_and_absurd_amounts_are_refused_and_not_saved()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        cut.Find("#expected-sales").Change("-100");
        cut.Find("#expected-jobs").Change("99999999");

        Assert.Contains("negativo", cut.Find("[data-testid=expected-results]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fuera del rango", cut.Find("[data-testid=expected-results]").TextContent, StringComparison.Ordinal);
        var saved = Saved();
        Assert.Equal((null, null), (saved.ExpectedSalesPerYear, saved.ExpectedJobs));
    }

    [Fact]
    public async Task A_second_tab_saving_a_stale_draft_is_told_it_changed_elsewhere_and_overwrites_nothing()
    {
        await StartDraftAsync();
        var first = RenderPage();
        var second = RenderPage();

        Type(first, ProfileSection.Summary, "Texto de la primera pestaña");
        first.WaitForAssertion(() => Assert.Equal("Texto de la primera pestaña", Saved().Summary));
        Type(second, ProfileSection.Summary, "Texto de la segunda pestaña");

        second.WaitForElement("[data-testid=draft-conflict]");
        Assert.Contains("cambió en otra pestaña", second.Find("[data-testid=draft-conflict]").TextContent);
        Assert.Equal("Texto de la primera pestaña", Saved().Summary);
    }

    [Fact]
    public async Task Submitting_after_the_deadline_from_a_page_opened_before_it_is_refused()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        _time.Advance(TimeSpan.FromDays(21));
        cut.Find("[data-testid=submit]").Click();
        cut.Find("[data-testid=submit-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("La convocatoria no está abierta", cut.Find("[data-testid=submit-panel]").TextContent));
        Assert.Equal(ProfileStatus.Draft, Saved().Status);
    }

    [Fact]
    public async Task An_uploaded_file_is_listed_and_a_disguised_one_is_refused_with_a_reason()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "croquis.png"));
        cut.WaitForAssertion(() => Assert.Contains("croquis.png", cut.Find("[data-testid=attachment-list]").TextContent));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("MZ\x90\0programa"u8.ToArray(), "factura.pdf"));

        cut.WaitForAssertion(() => Assert.Contains("Solo se aceptan archivos PDF, JPG o PNG", cut.Find("[data-testid=upload-error]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=attachment]"));
        Assert.Single(Directory.GetFiles(_files));
    }

    [Fact]
    public async Task A_failed_submission_says_once_that_the_plan_needs_a_line()
    {
        await StartDraftAsync();
        var cut = RenderPage();

        cut.Find("[data-testid=submit]").Click();
        cut.Find("[data-testid=submit-confirm]").Click();

        cut.WaitForElement("[data-testid=submit-failed]");
        var sentence = "Agregue al menos una línea al plan de inversión.";
        Assert.Equal(1, CountOf(cut.Find("[data-testid=draft-editor]").TextContent, sentence));
    }

    [Fact]
    public async Task The_editor_asks_for_each_required_document_by_name_and_fills_its_slot_on_upload()
    {
        await StartDraftAsync(documentSlots: [
            new(null, "Acta de asamblea", "La asamblea aprueba el negocio", IsRequired: true, PdfOnly: true),
            new(null, "Compromiso de contrapartida", null, IsRequired: true, PdfOnly: true),
        ]);
        var cut = RenderPage();
        var slots = cut.FindAll("[data-testid=document-slot]");
        Assert.Equal(["Acta de asamblea", "Compromiso de contrapartida"], slots.Select(s => s.QuerySelector("strong")!.TextContent));
        Assert.Contains("La asamblea aprueba el negocio", slots[0].TextContent);

        // The first upload on the page is the first slot's; the free attachments' upload comes after the slots.
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary([.. "%PDF-1.7\n"u8, .. new byte[64]], "acta.pdf"));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=document-slot]").GetAttribute("data-filled")));
        Assert.Contains("acta.pdf", cut.Find("[data-testid=document-slot]").TextContent);
        Assert.Equal("false", cut.FindAll("[data-testid=document-slot]")[1].GetAttribute("data-filled"));
        await using var db = Database.CreateDbContext();
        Assert.NotNull((await db.ProfileAttachments.SingleAsync()).DocumentSlotId);
    }

    [Fact]
    public async Task A_photo_uploaded_into_a_pdf_only_slot_is_refused_with_a_reason_and_the_slot_stays_empty()
    {
        await StartDraftAsync(documentSlots: [new(null, "Acta de asamblea", null, IsRequired: true, PdfOnly: true)]);
        var cut = RenderPage();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "acta.jpg"));

        cut.WaitForAssertion(() => Assert.Contains("Solo se acepta un archivo PDF", cut.Find("[data-testid=document-slot] [data-testid=upload-error]").TextContent));
        Assert.Equal("false", cut.Find("[data-testid=document-slot]").GetAttribute("data-filled"));
        Assert.Empty(Directory.GetFiles(_files));
    }

    [Fact]
    public async Task Submitting_without_a_required_document_names_it_beside_the_attachments()
    {
        await StartDraftAsync(documentSlots: [new(null, "Compromiso de contrapartida", null, IsRequired: true, PdfOnly: true)]);
        var cut = RenderPage();

        cut.Find("[data-testid=submit]").Click();
        cut.Find("[data-testid=submit-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Faltan documentos requeridos: Compromiso de contrapartida.",
            cut.Find("[data-testid=rule-message][data-field=Attachments]").TextContent));
    }

    private static int CountOf(string text, string sentence)
    {
        var count = 0;
        for (var at = text.IndexOf(sentence, StringComparison.Ordinal); at >= 0; at = text.IndexOf(sentence, at + sentence.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }
}
