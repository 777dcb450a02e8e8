using Bunit;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Contests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Contests;

/// <summary>The bases editor with its placeholders, and the document slots form, with the real service over a test database.</summary>
public sealed class BasesAndSlotsSectionsTests : ComponentTestBase
{
    private const string AdminId = "admin-test";

    public BasesAndSlotsSectionsTests()
    {
        Services.AddScoped<ContestAdminService>();
        SignInAs(AdminId, "admin@test.pe", Roles.Admin);
    }

    private ContestAdminService Service => Services.GetRequiredService<ContestAdminService>();

    private async Task<Contest> DraftAsync()
    {
        var timeline = new ContestTimeline(Now.AddDays(5), Now.AddDays(35), null, null, null, null);
        var created = await Service.CreateAsync(AdminId, new NewContest("NEW-01", "Concurso de prueba", "05", timeline, "CLAR-DOS-ETAPAS", null));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        return (await Service.FindAsync(created.Value))!;
    }

    [Fact]
    public async Task The_preview_fills_the_placeholders_and_an_unknown_one_is_shown_as_an_error_and_refused_on_save()
    {
        var contest = await DraftAsync();
        var cut = Render<GeneralSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#bases").Input("Contrapartida: **{{contrapartida_minima}}**; monto: {{categoria.IDEA.monto_maximo}}; {{plazo}}");

        Assert.Contains("<strong>10 %</strong>", cut.Find(".markdown-preview").InnerHtml);
        Assert.Contains("S/ 7,500.00", cut.Find(".markdown-preview").TextContent);
        Assert.Contains("{{plazo}}", cut.Find("[data-testid=unknown-placeholders]").TextContent);
        await cut.Find("form").SubmitAsync();
        // The server's refusal beside the bases, under the live one.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".validation-message").Count(m => m.TextContent.Contains("no existen: {{plazo}}", StringComparison.Ordinal))));
        Assert.Equal("", (await Service.FindAsync(contest.Id))!.BasesMarkdown);
    }

    [Fact]
    public async Task Slots_are_added_named_and_saved_and_an_empty_name_is_refused_next_to_its_row()
    {
        var contest = await DraftAsync();
        var cut = Render<DocumentSlotsSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("[data-testid=add-slot]").Click();
        cut.Find("[data-testid=add-slot]").Click();
        cut.Find("#slot-name-0").Change("Acta de asamblea");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Este dato es obligatorio", cut.FindAll("[data-testid=document-slot-row]")[1].TextContent));
        Assert.Empty((await Service.FindAsync(contest.Id))!.DocumentSlots);
        cut.Find("#slot-name-1").Change("Compromiso de contrapartida");
        await cut.Find("form").SubmitAsync();
        cut.WaitForElement("[data-testid=section-saved]");
        Assert.Equal(["Acta de asamblea", "Compromiso de contrapartida"],
            (await Service.FindAsync(contest.Id))!.DocumentSlots.OrderBy(s => s.Order).Select(s => s.Name));
    }

    [Fact]
    public void Once_published_the_slots_form_is_locked_and_says_why()
    {
        // Only read by the form: a published contest in memory is enough.
        var contest = new Contest("PUB-01", "Concurso publicado", "05", new ContestTimeline(Now.AddDays(1), Now.AddDays(30), null, null, null, null), 70, Now);
        contest.AddCategory("IDEA", "Negocio en idea", 120_000m, 7_500m);
        var stage = contest.AddStage("CAMPO", "Campo", 100, 3);
        contest.AddCriterion(stage, "C1", "Criterio", "Rúbrica", 10, 100);
        contest.MakeEligible(1);
        contest.WriteBases("# Bases");
        contest.SetDocumentSlots([new(null, "Acta de asamblea", null, true, true)]);
        contest.Publish(Now);

        var cut = Render<DocumentSlotsSection>(p => p.Add(s => s.Contest, contest));

        Assert.Contains("ya no pueden cambiar", cut.Find("[data-testid=section-locked]").TextContent);
        Assert.True(cut.Find("[data-testid=document-slots-form] fieldset").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=document-slots-form] button[type=submit]").HasAttribute("disabled"));
        Assert.Equal("Acta de asamblea", cut.Find("#slot-name-0").GetAttribute("value"));
    }
}
