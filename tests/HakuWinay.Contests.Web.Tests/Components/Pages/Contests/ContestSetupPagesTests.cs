using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Contests;
using HakuWinay.Contests.Web.Components.Pages.Contests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Contests;

/// <summary>The administrator's contest setup forms with the real service over a test database.</summary>
public sealed class ContestSetupPagesTests : ComponentTestBase
{
    private const string AdminId = "admin-test";

    public ContestSetupPagesTests()
    {
        Services.AddScoped<ContestAdminService>();
        SignInAs(AdminId, "admin@test.pe", Roles.Admin);
    }

    private ContestAdminService Service => Services.GetRequiredService<ContestAdminService>();

    private static ContestTimeline Timeline(int startInDays = 5) =>
        new(Now.AddDays(startInDays), Now.AddDays(startInDays + 30), null, null, null, null);

    private async Task<Contest> DraftAsync(string code = "NEW-01")
    {
        var created = await Service.CreateAsync(AdminId, new NewContest(code, "Concurso de prueba", "05", Timeline(), "CLAR-DOS-ETAPAS", null));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        return (await Service.FindAsync(created.Value))!;
    }

    [Fact]
    public async Task Stage_weights_that_do_not_sum_to_100_are_shown_next_to_the_stages_and_nothing_is_saved()
    {
        var contest = await DraftAsync();
        var cut = Render<StagesSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#stage-weight-0").Change("60");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("suman 110; deben sumar 100", cut.Markup));
        Assert.Equal(50m, (await Service.FindAsync(contest.Id))!.Stages.Single(s => s.Code == "CAMPO").Weight);
    }

    [Fact]
    public async Task A_maximum_award_above_the_budget_is_shown_next_to_that_category()
    {
        var contest = await DraftAsync();
        var cut = Render<CategoriesSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#cat-max-0").Change("130,000.00");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("no puede superar el presupuesto de la categoría", cut.Find("[data-testid=category-row]").TextContent));
        Assert.Equal(7_500m, (await Service.FindAsync(contest.Id))!.Categories.Single(c => c.Code == "IDEA").MaxAward);
    }

    [Theory]
    [InlineData("-5", "negativo")]
    [InlineData("abc", "monto")]
    [InlineData("99,999,999,999", "S/ 1,000,000,000.00")]
    public async Task Negative_malformed_or_absurd_budgets_are_refused_before_saving(string typed, string message)
    {
        var contest = await DraftAsync();
        var cut = Render<CategoriesSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#cat-budget-0").Change(typed);
        await cut.Find("form").SubmitAsync();

        Assert.Contains(message, cut.Find("[data-testid=category-row]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(120_000m, (await Service.FindAsync(contest.Id))!.Categories.Single(c => c.Code == "IDEA").Budget);
    }

    [Fact]
    public async Task A_save_after_someone_else_changed_the_contest_says_so_and_overwrites_nothing()
    {
        var contest = await DraftAsync();
        var cut = Render<CategoriesSection>(p => p.Add(s => s.Contest, contest));
        var elsewhere = await Service.SaveTimelineAsync(AdminId, contest.Id, contest.Version, Timeline(6));
        Assert.True(elsewhere.Succeeded);

        cut.Find("#cat-name-0").Change("Nombre de la primera pestaña");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("cambió en otra pestaña", cut.Find("[data-testid=section-conflict]").TextContent));
        Assert.Equal("Negocio en idea", (await Service.FindAsync(contest.Id))!.Categories.Single(c => c.Code == "IDEA").Name);
    }

    [Fact]
    public async Task Locked_rules_are_shown_read_only_with_the_reason()
    {
        var contest = await Database.AddOpenContestAsync("LOCK-01", Now);
        await using (var db = Database.CreateDbContext())
        {
            var tracked = await db.Contests.SingleAsync(c => c.Id == contest.Id);
            tracked.NextProfileCode(Now);
            await db.SaveChangesAsync();
        }
        var locked = (await Service.FindAsync(contest.Id))!;

        var cut = Render<CategoriesSection>(p => p.Add(s => s.Contest, locked));

        Assert.Contains("bloqueadas desde el", cut.Find("[data-testid=section-locked]").TextContent);
        Assert.True(cut.Find("fieldset").HasAttribute("disabled"));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task After_publication_the_code_is_read_only_with_its_reason_and_the_call_dates_too()
    {
        var contest = (await Service.FindAsync((await Database.AddOpenContestAsync("PUB-09", Now)).Id))!;

        var general = Render<GeneralSection>(p => p.Add(s => s.Contest, contest));
        var timeline = Render<TimelineSection>(p => p.Add(s => s.Contest, contest));

        Assert.True(general.Find("#code").HasAttribute("disabled"));
        Assert.Contains("El código no cambia después de publicar", general.Markup);
        Assert.False(general.Find("#title").HasAttribute("disabled"));
        Assert.True(timeline.Find("#closes").HasAttribute("disabled"));
        Assert.Contains("ampliación del plazo", timeline.Find("[data-testid=section-locked]").TextContent);
    }

    [Fact]
    public async Task Jurors_outside_their_range_are_refused_next_to_the_stage()
    {
        var contest = await DraftAsync();
        var cut = Render<StagesSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#stage-jurors-0").Change("99");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Los jurados por perfil van de 1 a 15", cut.Find("[data-testid=stage]").TextContent));
    }

    [Fact]
    public async Task Tranches_that_do_not_sum_to_100_are_refused()
    {
        var contest = await DraftAsync();
        var cut = Render<TranchesSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("[data-testid=tranche-row] input").Change("80");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Los tramos suman 110 %", cut.Markup));
        Assert.Equal([70m, 30m], (await Service.FindAsync(contest.Id))!.Tranches.OrderBy(t => t.Order).Select(t => t.Percent));
    }

    [Theory]
    [InlineData("90, 30", "de menor a mayor")]
    [InlineData("30; 90", "separados por comas")]
    public async Task Visit_offsets_out_of_order_or_malformed_are_refused(string typed, string message)
    {
        var contest = await DraftAsync();
        var cut = Render<VisitsSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#visit-days").Change(typed);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Markup));
        Assert.Equal([30, 90, 180], (await Service.FindAsync(contest.Id))!.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment));
    }

    [Fact]
    public async Task The_general_section_saves_title_and_bases_with_a_live_preview()
    {
        var contest = await DraftAsync();
        var cut = Render<GeneralSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#title").Change("Concurso corregido");
        cut.Find("#bases").Input("# Bases\n\nTexto **nuevo**");
        cut.WaitForAssertion(() => Assert.Contains("<strong>nuevo</strong>", cut.Find(".markdown-preview").InnerHtml));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => cut.Find("[data-testid=section-saved]"));
        var saved = (await Service.FindAsync(contest.Id))!;
        Assert.Equal(("Concurso corregido", "# Bases\n\nTexto **nuevo**"), (saved.Title, saved.BasesMarkdown));
    }

    [Fact]
    public async Task A_new_contest_with_a_code_already_used_gets_a_clear_error_next_to_the_code()
    {
        await DraftAsync("AYA-2027-01");
        RenderAsLiveCircuit();
        var cut = Render<NewContestPage>();

        cut.Find("#source").Change("template:CLAR-DOS-ETAPAS");
        cut.Find("#code").Change("aya-2027-01");
        cut.Find("#title").Change("Otro concurso");
        cut.Find("#region").Change("05");
        cut.Find("#opens").Change(LimaTime.ToLima(Now.AddDays(1)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#closes").Change(LimaTime.ToLima(Now.AddDays(20)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Ya existe un concurso con el código AYA-2027-01", cut.Markup), TimeSpan.FromSeconds(5));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Contests.CountAsync());
    }

    [Fact]
    public async Task A_new_contest_whose_deadline_comes_before_its_opening_is_refused()
    {
        RenderAsLiveCircuit();
        var cut = Render<NewContestPage>();

        cut.Find("#source").Change("template:CLAR-DOS-ETAPAS");
        cut.Find("#code").Change("NEW-02");
        cut.Find("#title").Change("Concurso");
        cut.Find("#region").Change("05");
        cut.Find("#opens").Change("2026-12-10T09:00");
        cut.Find("#closes").Change("2026-12-01T09:00");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Las fechas no siguen su orden", cut.Markup));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Contests.CountAsync());
    }

    [Fact]
    public async Task A_new_contest_without_its_dates_is_refused_next_to_them()
    {
        RenderAsLiveCircuit();
        var cut = Render<NewContestPage>();

        cut.Find("#source").Change("template:CLAR-DOS-ETAPAS");
        cut.Find("#code").Change("NEW-03");
        cut.Find("#title").Change("Concurso");
        cut.Find("#region").Change("05");
        await cut.Find("form").SubmitAsync();

        Assert.Equal(2, cut.FindAll("[data-testid=timeline-fields] .validation-message").Count);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Contests.CountAsync());
    }

    [Fact]
    public async Task Partial_last_allocation_without_its_minimum_is_refused_next_to_it()
    {
        var contest = await DraftAsync();
        var cut = Render<RankingSection>(p => p.Add(s => s.Contest, contest));

        cut.Find("#allocation").Change(nameof(BudgetAllocationPolicy.PartialLast));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("El porcentaje debe ser mayor que 0", cut.Markup));
        Assert.Equal(BudgetAllocationPolicy.SkipToFit, (await Service.FindAsync(contest.Id))!.Evaluation.Allocation);
    }

    [Fact]
    public async Task Eligibility_without_any_line_is_refused_and_lines_once_chosen_are_saved()
    {
        var contest = await DraftAsync();
        var cut = Render<EligibilitySection>(p => p.Add(s => s.Contest, contest));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=eligible-lines] input")));

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Elija al menos una línea de negocio elegible", cut.Markup));

        cut.FindAll("[data-testid=eligible-lines] input")[0].Change(true);
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=section-saved]").Count == 1, cut.Find("form").TextContent));
        Assert.Single((await Service.FindAsync(contest.Id))!.EligibleLines);
    }

    [Fact]
    public async Task The_lifecycle_page_lists_what_blocks_publication_and_disables_publishing()
    {
        var contest = await DraftAsync();

        RenderAsLiveCircuit();
        var cut = Render<ContestLifecyclePage>(p => p.Add(s => s.Id, contest.Id));

        cut.WaitForAssertion(() => Assert.Contains("Escriba las bases del concurso", cut.Find("[data-testid=problems]").TextContent));
        Assert.Contains("Elija al menos una línea de negocio elegible", cut.Find("[data-testid=problems]").TextContent);
        Assert.True(cut.Find("[data-testid=transition]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_extension_without_a_reason_is_refused_and_the_deadline_stays()
    {
        var contest = await Database.AddOpenContestAsync("EXT-01", Now);
        RenderAsLiveCircuit();
        var cut = Render<ContestLifecyclePage>(p => p.Add(s => s.Id, contest.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=extension-form]"));

        cut.Find("#new-deadline").Change(LimaTime.ToLima(Now.AddDays(30)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await cut.Find("[data-testid=extension-form]").SubmitAsync();

        Assert.Contains("obligatorio", cut.Find("[data-testid=extension-form]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(contest.Timeline.SubmissionsCloseAtUtc, (await Service.FindAsync(contest.Id))!.Timeline.SubmissionsCloseAtUtc);
    }

    [Fact]
    public async Task An_extension_moves_the_deadline_after_confirming_nothing_else()
    {
        var contest = await Database.AddOpenContestAsync("EXT-02", Now);
        RenderAsLiveCircuit();
        var cut = Render<ContestLifecyclePage>(p => p.Add(s => s.Id, contest.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=extension-form]"));
        var close = LimaTime.ToLima(contest.Timeline.SubmissionsCloseAtUtc.AddDays(3));
        var newDeadline = new DateTime(close.Year, close.Month, close.Day, close.Hour, close.Minute, 0, DateTimeKind.Unspecified);

        cut.Find("#new-deadline").Change(newDeadline.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#reason").Change("Lluvias intensas");
        await cut.Find("[data-testid=extension-form]").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Plazo ampliado", cut.Find("[data-testid=extension-done]").TextContent));
        Assert.Equal(LimaTime.ToUtc(newDeadline), (await Service.FindAsync(contest.Id))!.Timeline.SubmissionsCloseAtUtc);
    }

    [Fact]
    public async Task Script_and_javascript_links_in_the_bases_render_inert_on_the_public_page()
    {
        var contest = await Database.AddOpenContestAsync("XSS-01", Now);
        var saved = await Service.SaveGeneralAsync(AdminId, contest.Id, contest.Version, new GeneralSettings(
            contest.Code, contest.Title, "05", "0501", null,
            "# Bases\n\n<script>alert('x')</script>\n\n[Inscríbase](javascript:alert(1)) <img src=x onerror=alert(1)>"));
        Assert.True(saved.Succeeded);

        var cut = Render<ContestPage>(p => p.Add(s => s.Code, "XSS-01"));

        var bases = cut.Find("[data-testid=contest-bases]");
        Assert.Empty(bases.QuerySelectorAll("script"));
        Assert.Empty(bases.QuerySelectorAll("img"));
        Assert.DoesNotContain("javascript:", bases.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("contests/XSS-01/apply", cut.Find("[data-testid=apply-link]").GetAttribute("href"));
        Assert.Contains("70 % al firmar el convenio", cut.Find("[data-testid=tranches]").TextContent);
    }
}
