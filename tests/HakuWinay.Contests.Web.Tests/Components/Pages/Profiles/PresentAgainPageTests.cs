using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Web.Components.Pages.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Profiles;

/// <summary>"Presentar nuevamente" on real services: the new draft shows at once, the fourth is refused, two tabs make one draft.</summary>
public sealed class PresentAgainPageTests : ComponentTestBase
{
    private AppUser _representative = null!;
    private ProducerGroup _group = null!;
    private readonly List<Contest> _contests = [];

    private async Task<int> FirstPresentationAsync(int openContests = 1)
    {
        Services.AddScoped<PresentAgainService>();
        Services.AddScoped<PresentationHistory>();
        Services.AddScoped<ProfileViews>();
        Services.AddScoped<ProfileQueries>();
        _representative = await Database.AddUserAsync("rep@t.pe", Roles.Producer);
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        _group = await Database.AddGroupAsync("Grupo de cuyes Santa Rosa", "050101", _representative.Id, 4);
        for (var i = 0; i <= openContests; i++)
        {
            _contests.Add(await Database.AddOpenContestAsync($"T-0{i + 1}", Now));
        }
        await Database.AddEligibleProfilesAsync(_contests[0], admin.Id, Now, _group);
        await using var db = Database.CreateDbContext();
        var first = await db.BusinessProfiles.Where(p => p.ContestId == _contests[0].Id).Select(p => p.Id).SingleAsync();
        await PublishAsync(first, ResultOutcome.Failed, 58.5m);
        SignInAs(_representative.Id, _representative.Email!, Roles.Producer);
        return first;
    }

    /// <summary>Version 1 of the profile's contest, listing it with this outcome (a draft is submitted first).</summary>
    private async Task PublishAsync(int profileId, ResultOutcome outcome, decimal score)
    {
        await using var db = Database.CreateDbContext();
        var profile = await db.BusinessProfiles.SingleAsync(p => p.Id == profileId);
        if (profile.Status == ProfileStatus.Draft)
        {
            profile.Submit($"T-P{profileId}", Now);
        }
        var entry = new ResultEntry(profile.Code!, "IDEA", [], score, 0m, score, false, 3, null, outcome, 0m, "Debajo del puntaje mínimo", null);
        db.ResultsPublications.Add(new ResultsPublication(profile.ContestId, 1, Now, "admin", null, "{}", "hash", [new ResultsPublicationEntry(profileId, entry)]));
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<PresentAgainPage> RenderPage(int profileId)
    {
        RenderAsLiveCircuit();
        return RenderFresh(profileId);
    }

    private IRenderedComponent<PresentAgainPage> RenderFresh(int profileId)
    {
        var cut = Render<PresentAgainPage>(p => p.Add(x => x.Id, profileId));
        cut.WaitForElement("h1");
        return cut;
    }

    private int DraftsCopiedFrom(int profileId)
    {
        using var db = Database.CreateDbContext();
        return db.BusinessProfiles.Count(p => p.PreviousPresentationId == profileId);
    }

    [Fact]
    public async Task Pressing_the_button_shows_the_new_draft_without_a_reload()
    {
        var first = await FirstPresentationAsync();
        var cut = RenderPage(first);
        Assert.Contains("Presentaciones de este negocio: 1 de 3", cut.Find("[data-testid=presentation-count]").TextContent);

        cut.Find("form[data-testid=present-again]").Submit();

        var created = cut.WaitForElement("[data-testid=present-again-created]");
        Assert.Contains("Se creó el nuevo borrador", created.TextContent);
        using var db = Database.CreateDbContext();
        var draft = db.BusinessProfiles.Single(p => p.PreviousPresentationId == first);
        Assert.Equal($"profiles/{draft.Id}/edit", cut.Find("[data-testid=present-again-draft]").GetAttribute("href"));
        Assert.Equal((_contests[1].Id, ProfileStatus.Draft), (draft.ContestId, draft.Status));
        Assert.Empty(cut.FindAll("form[data-testid=present-again]"));
    }

    [Fact]
    public async Task The_fourth_presentation_is_refused_with_a_clear_message_and_no_form()
    {
        var first = await FirstPresentationAsync(openContests: 3);
        var service = Services.GetRequiredService<PresentAgainService>();
        var user = new ActingUser(_representative.Id);
        var second = (await service.PresentAgainAsync(user, first, _contests[1].Id, _contests[1].Categories[0].Id)).Value;
        await PublishAsync(second, ResultOutcome.Waitlisted, 71m);
        var third = (await service.PresentAgainAsync(user, second, _contests[2].Id, _contests[2].Categories[0].Id)).Value;
        await PublishAsync(third, ResultOutcome.Failed, 66m);

        var cut = RenderPage(third);

        Assert.Contains("Este negocio ya se presentó 3 veces y el máximo es 3", cut.Find("[data-testid=present-again-refused]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=present-again-button]"));
        Assert.Equal(0, DraftsCopiedFrom(third));
    }

    [Fact]
    public async Task A_profile_already_presented_again_links_to_the_later_presentation()
    {
        var first = await FirstPresentationAsync();
        var later = (await Services.GetRequiredService<PresentAgainService>()
            .PresentAgainAsync(new ActingUser(_representative.Id), first, _contests[1].Id, _contests[1].Categories[0].Id)).Value;

        var cut = RenderPage(first);

        Assert.Contains("ya se presentó nuevamente", cut.Find("[data-testid=present-again-refused]").TextContent);
        Assert.Equal($"profiles/{later}", cut.Find("[data-testid=present-again-later]").GetAttribute("href"));
    }

    [Fact]
    public async Task Two_tabs_presenting_at_once_create_one_draft_and_the_other_tab_says_why()
    {
        var first = await FirstPresentationAsync();
        var tab1 = RenderPage(first);
        var tab2 = RenderFresh(first);

        tab1.Find("form[data-testid=present-again]").Submit();
        tab2.Find("form[data-testid=present-again]").Submit();

        const string Answered = "[data-testid=present-again-created], [data-testid=present-again-error]";
        tab1.WaitForAssertion(() => Assert.NotEmpty(tab1.FindAll(Answered)));
        tab2.WaitForAssertion(() => Assert.NotEmpty(tab2.FindAll(Answered)));
        Assert.Equal(1, tab1.FindAll("[data-testid=present-again-created]").Count + tab2.FindAll("[data-testid=present-again-created]").Count);
        // The tab that lost says so (its contest now also holds the group's draft, which it may say too).
        var refused = tab1.FindAll("[data-testid=present-again-error]").Concat(tab2.FindAll("[data-testid=present-again-error]")).ToList();
        Assert.Contains(refused, e => e.TextContent.Contains("Este perfil ya se presentó nuevamente", StringComparison.Ordinal));
        Assert.Equal(1, DraftsCopiedFrom(first));
    }

    [Fact]
    public async Task Without_an_open_contest_of_its_territory_the_offer_gives_the_reason_instead_of_the_button()
    {
        var first = await FirstPresentationAsync(openContests: 0);
        var options = (await Services.GetRequiredService<PresentAgainService>().GetOptionsAsync(new ActingUser(_representative.Id), first)).Value!;

        var cut = Render<PresentAgainOffer>(p => p.Add(x => x.Options, options));

        Assert.Empty(cut.FindAll("[data-testid=present-again-link]"));
        Assert.Contains("No hay ningún concurso abierto en el territorio del grupo", cut.Find("[data-testid=present-again-reason]").TextContent);
    }

    [Fact]
    public async Task When_allowed_the_offer_links_to_the_page_that_presents_it_again()
    {
        var first = await FirstPresentationAsync();
        var options = (await Services.GetRequiredService<PresentAgainService>().GetOptionsAsync(new ActingUser(_representative.Id), first)).Value!;

        var cut = Render<PresentAgainOffer>(p => p.Add(x => x.Options, options));

        Assert.Equal($"profiles/{first}/present-again", cut.Find("[data-testid=present-again-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=present-again-reason]"));
    }

    [Fact]
    public async Task The_earlier_presentations_show_their_contest_score_and_outcome()
    {
        var first = await FirstPresentationAsync();
        var second = (await Services.GetRequiredService<PresentAgainService>()
            .PresentAgainAsync(new ActingUser(_representative.Id), first, _contests[1].Id, _contests[1].Categories[0].Id)).Value;
        var history = (await Services.GetRequiredService<PresentationHistory>().GetAsync(new ActingUser("admin", IsAdmin: true), second)).Value!;

        var cut = Render<EarlierPresentations>(p => p.Add(x => x.History, history));

        Assert.Contains("Presentación 2 de 3 de este negocio", cut.Find("h2").TextContent);
        var row = cut.Find("[data-testid=earlier-presentation]");
        Assert.Contains("T-01", row.TextContent);
        Assert.Contains("58.50 (#3)", cut.Find("[data-testid=earlier-score]").TextContent);
        Assert.Equal("Failed", row.QuerySelector("[data-testid=profile-outcome]")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task The_profile_page_links_the_earlier_presentation_and_offers_to_present_a_not_funded_one_again()
    {
        var first = await FirstPresentationAsync(openContests: 2);
        var second = (await Services.GetRequiredService<PresentAgainService>()
            .PresentAgainAsync(new ActingUser(_representative.Id), first, _contests[1].Id, _contests[1].Categories[0].Id)).Value;
        await PublishAsync(second, ResultOutcome.Failed, 60m);
        RenderAsStaticPage();

        var cut = Render<ProfilePage>(p => p.Add(x => x.Id, second));

        cut.WaitForElement("[data-testid=profile-view]");
        Assert.Equal($"profiles/{first}", cut.Find("[data-testid=earlier-presentation] a").GetAttribute("href"));
        Assert.Equal($"profiles/{second}/present-again", cut.Find("[data-testid=present-again-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_profile_page_of_a_draft_offers_nothing_before_results()
    {
        var first = await FirstPresentationAsync();
        var second = (await Services.GetRequiredService<PresentAgainService>()
            .PresentAgainAsync(new ActingUser(_representative.Id), first, _contests[1].Id, _contests[1].Categories[0].Id)).Value;
        RenderAsStaticPage();

        var cut = Render<ProfilePage>(p => p.Add(x => x.Id, second));

        cut.WaitForElement("[data-testid=profile-view]");
        Assert.Empty(cut.FindAll("[data-testid=present-again-link]"));
        Assert.Empty(cut.FindAll("[data-testid=present-again-reason]"));
        Assert.Single(cut.FindAll("[data-testid=earlier-presentation]"));
    }

    [Fact]
    public async Task My_profiles_offers_to_present_again_the_not_funded_profile_beside_its_result()
    {
        var first = await FirstPresentationAsync();
        RenderAsStaticPage();

        var cut = Render<MyProfilesPage>();

        cut.WaitForElement("[data-testid=my-profiles]");
        Assert.Equal($"profiles/{first}/present-again", cut.Find("[data-testid=present-again-link]").GetAttribute("href"));
        Assert.Equal("Failed", cut.Find("[data-testid=profile-outcome]").GetAttribute("data-outcome"));
    }
}
