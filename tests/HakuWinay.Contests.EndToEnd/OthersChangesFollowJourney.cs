using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// The group's open expense page shows, without a reload, the Admin's approval of an expense,
/// and the half-filled form the representative is typing keeps what they typed.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class GroupExpensesPageFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2048]];

    [Fact]
    public async Task An_approval_by_the_Admin_shows_in_the_list_and_the_form_being_typed_keeps_its_values()
    {
        var award = (await AwardedDemo.PublishAsync(Portal)).First(a => a.RepresentativeEmail is not null);
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
        var admin = await Others.ActingAsync(factory, AwardedDemo.AdminEmail, isAdmin: true);
        var group = await Others.ActingAsync(factory, award.RepresentativeEmail!);
        int expenseId;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var awards = services.GetRequiredService<AwardAdminService>();
            Assert.True((await awards.RecordAgreementAsync(admin, award.AwardId, today, new UploadedFile("convenio.pdf", new MemoryStream(Pdf)))).Succeeded);
            await services.GetRequiredService<ExecutionSweepService>().SweepAsync();
            await using var db = await factory.CreateDbContextAsync();
            var tranche = await db.Awards.Where(a => a.Id == award.AwardId).SelectMany(a => a.Tranches).OrderBy(t => t.Order).FirstAsync();
            var line = await db.BusinessProfiles.Where(p => p.Id == award.ProfileId).SelectMany(p => p.Lines)
                .Where(l => l.FinancedBy == FinancedBy.Fund).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
            var paid = await awards.PayTrancheAsync(admin, award.AwardId, tranche.Id, new TranchePaymentInput(tranche.Amount, today, "OP-1"),
                new UploadedFile("voucher.pdf", new MemoryStream(Pdf)));
            Assert.True(paid.Succeeded, paid.Outcome.ToString());
            var recorded = await services.GetRequiredService<ExpenseService>().RecordAsync(group, award.AwardId, tranche.Id,
                new ExpenseInput(line, today, "Agroveterinaria Los Andes", ExpenseDocumentType.Factura, "F001-000001", 100m),
                new UploadedFile("factura.pdf", new MemoryStream(Pdf)));
            Assert.True(recorded.Succeeded, string.Join(", ", recorded.Violations.Select(v => v.Rule)));
            expenseId = recorded.Value;
        }
        var page = await OpenPageAsync(Devices.Phone);
        await SignInAsync(page, award.RepresentativeEmail!, "/producer");
        await page.GotoAsync($"/awards/{award.AwardId}/expenses");
        await Expect(page.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId($"expense-{expenseId}")).Not.ToContainTextAsync("Aprobado");
        await page.Locator("#expense-supplier").FillAsync("Ferretería a medio escribir");
        await page.Locator("#expense-number").FillAsync("B001-000099");

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ExpenseService>().ApproveAsync(admin, expenseId)).Succeeded);
        }

        await Expect(page.GetByTestId($"expense-{expenseId}")).ToContainTextAsync("Aprobado");
        await Expect(page.Locator("#expense-supplier")).ToHaveValueAsync("Ferretería a medio escribir");
        await Expect(page.Locator("#expense-number")).ToHaveValueAsync("B001-000099");
    }
}

/// <summary>The Technician's open visit list shows, without a reload, a visit an Admin assigns to them meanwhile.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class TechnicianVisitsPageFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task A_visit_the_Admin_assigns_shows_on_the_technicians_open_list()
    {
        var award = (await AwardedDemo.PublishAsync(Portal))[0];
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        var admin = await Others.ActingAsync(factory, AwardedDemo.AdminEmail, isAdmin: true);
        var technician = await Others.ActingAsync(factory, AwardedDemo.TechnicianEmail, isTechnician: true);
        int visitId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Nothing of this award is the Technician's yet: the list must pick up an award it did not follow.
            await db.AwardVisits.Where(v => v.AwardId == award.AwardId).ExecuteUpdateAsync(s => s.SetProperty(v => v.TechnicianUserId, (string?)null));
            visitId = await db.AwardVisits.Where(v => v.AwardId == award.AwardId).OrderBy(v => v.Order).Select(v => v.Id).FirstAsync();
        }
        var page = await OpenPageAsync(Devices.Phone);
        await SignInAsync(page, AwardedDemo.TechnicianEmail, "/technician");
        await page.GotoAsync("/technician/visits");
        await Expect(page.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"a[href='technician/visits/{visitId}']")).ToHaveCountAsync(0);

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var assigned = await scope.ServiceProvider.GetRequiredService<AwardAdminService>().AssignTechnicianAsync(admin, award.AwardId, visitId, technician.UserId);
            Assert.True(assigned.Succeeded, assigned.Outcome.ToString());
        }

        await Expect(page.Locator($"a[href='technician/visits/{visitId}']")).ToHaveCountAsync(1);
    }
}

/// <summary>
/// The Admin's open jurors page shows a conflict the juror declares meanwhile; the juror's open
/// declaration page shows a conflict the Admin records for them; neither reloads.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class JurorsAndConflictsPagesFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private const string JurorEmail = "jurado1@demo.hakuwinay.pe";

    [Fact]
    public async Task A_conflict_declared_by_the_juror_shows_on_the_Admins_page_and_one_recorded_by_the_Admin_on_the_jurors()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        var admin = await Others.ActingAsync(factory, AwardedDemo.AdminEmail, isAdmin: true);
        var juror = await Others.ActingAsync(factory, JurorEmail);
        IReadOnlyList<GroupForDeclaration> groups;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            groups = (await scope.ServiceProvider.GetRequiredService<ConflictService>().DeclarationAsync(juror.UserId, 1)).Value!.Groups;
        }
        var adminPage = await OpenPageAsync();
        await SignInAsync(adminPage, AwardedDemo.AdminEmail, "/admin");
        await adminPage.GotoAsync("/admin/contests/1/jurors");
        var jurorPage = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(jurorPage, JurorEmail, "/juror");
        await jurorPage.GotoAsync("/juror/contests/1/conflicts");
        await Expect(adminPage.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(jurorPage.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var declared = await scope.ServiceProvider.GetRequiredService<ConflictService>()
                .DeclareAsync(juror.UserId, 1, groups[0].GroupId, ConflictKind.Other, "Compadre del tesorero");
            Assert.True(declared.Succeeded, declared.Outcome.ToString());
        }
        await Expect(adminPage.GetByTestId("conflicts")).ToContainTextAsync("Compadre del tesorero");

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var recorded = await scope.ServiceProvider.GetRequiredService<ConflictService>()
                .RecordAsync(admin, 1, juror.UserId, groups[1].GroupId, ConflictKind.Other, "Prestamista de la asociación");
            Assert.True(recorded.Succeeded, recorded.Outcome.ToString());
        }
        await Expect(jurorPage.GetByTestId("participating-groups")).ToContainTextAsync("Prestamista de la asociación");
        await Expect(adminPage.GetByTestId("conflicts")).ToContainTextAsync("Prestamista de la asociación");
    }
}

/// <summary>The juror's open scorecard list shows, without a reload, the profiles an Admin assigns to them meanwhile; closing it lets go of its subscription.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class JurorScorecardsPageFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private const string JurorEmail = "jurado1@demo.hakuwinay.pe";
    private const string Stage = "Presentación pública ante el CLAR";

    [Fact]
    public async Task Scorecards_the_Admin_assigns_show_on_the_jurors_open_list()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        var admin = await Others.ActingAsync(factory, AwardedDemo.AdminEmail, isAdmin: true);
        var juror = await Others.ActingAsync(factory, JurorEmail);
        int stageId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            stageId = await db.Set<ContestStage>().Where(s => s.ContestId == 1 && s.Name == Stage).Select(s => s.Id).SingleAsync();
            Assert.False(await db.Scorecards.AnyAsync(s => s.ContestStageId == stageId && s.JurorUserId == juror.UserId));
        }
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ConflictService>().ConfirmAsync(juror.UserId, 1)).Succeeded);
        }
        var events = Portal.Services.GetRequiredService<ContestEvents>();
        var before = events.SubscriptionCount;
        var page = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(page, JurorEmail, "/juror");
        await page.GotoAsync("/juror/contests/1/scorecards");
        await Expect(page.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);
        var stage = page.Locator($"[data-testid=scorecard-stage][data-stage='{stageId}']");
        await Expect(stage.GetByTestId("scorecard-row")).ToHaveCountAsync(0);

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<AssignmentService>().RunAsync(admin, stageId, 2026);
            Assert.True(run.Succeeded, run.Outcome.ToString());
        }

        await Expect(stage.GetByTestId("scorecard-row").First).ToBeVisibleAsync();
        await page.CloseAsync();
        await Others.WaitUntilAsync(() => events.SubscriptionCount <= before);
    }
}

internal static class Others
{
    public static async Task<ActingUser> ActingAsync(IDbContextFactory<ContestsDbContext> factory, string email, bool isAdmin = false, bool isTechnician = false)
    {
        await using var db = await factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new ActingUser(id, isAdmin, isTechnician);
    }

    /// <summary>Waits for a condition the portal reaches by itself (a closed circuit disposed), up to half a minute, ticking on a timer.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            Assert.True(await ticks.WaitForNextTickAsync(timeout.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result),
                "The condition was not reached in 30 s.");
        }
    }
}
