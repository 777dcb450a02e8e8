using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// Issue 18's field evaluation without signal (docs/decisions/036-offline-field-work.md). A juror
/// prepares the contest on a phone while in signal; the phone loses the network, the tab is closed
/// and opened again (the service worker serves the offline page); three field scorecards are scored,
/// one of them first with points above the maximum, corrected after the message; meanwhile the
/// Administrator enters the third from its paper sheet. Back online, the phone sends what it holds:
/// the database has the two scorecards once each, the paper one is not overwritten, and the refusal
/// is shown on the phone and on the Administrator's page with its reason.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class OfflineFieldJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private const string Juror = "jurado1@demo.hakuwinay.pe";

    private IDbContextFactory<ContestsDbContext> Db => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    [Fact]
    public async Task A_juror_scores_the_field_stage_offline_after_closing_the_tab_and_each_scorecard_is_saved_once_back_online()
    {
        var (cards, criteria) = await FieldScorecardsAsync();
        var phone = await OpenPageAsync(Devices.Phone);
        var context = phone.Context;
        await SignInAsync(phone, Juror, "/juror");
        await phone.GotoAsync("/juror/contests/1/scorecards");
        await phone.GetByTestId("field-prepare").ClickAsync();
        var status = phone.GetByTestId("field-status");
        await Expect(status).ToHaveAttributeAsync("data-state", "stored");
        await Expect(status).ToContainTextAsync($"{cards.Count} fichas de campo");
        await Expect(status).ToContainTextAsync("válido hasta el");

        await phone.CloseAsync();
        await context.SetOfflineAsync(true);
        var field = await context.NewPageAsync();
        var opened = await field.GotoAsync("/offline/field.html");
        Assert.True(opened!.FromServiceWorker);
        await Expect(field.GetByTestId("network-state")).ToHaveAttributeAsync("data-online", "false");
        await Expect(field.GetByTestId("field-scorecard")).ToHaveCountAsync(cards.Count);

        var (first, second, paper) = (cards[0], cards[1], cards[2]);
        var top = criteria[0];
        await OpenAsync(field, first);
        await field.Locator("[data-testid=field-attendance] input[data-dni]").First.CheckAsync();
        await FillAsync(field, criteria, top.Code, top.MaxPoints + 5);
        await field.GetByTestId("field-submit").ClickAsync();
        await Expect(field.Locator($"[data-error='Criterion.{top.Code}.Points']"))
            .ToHaveTextAsync($"El puntaje {Plain(top.MaxPoints + 5)} supera el máximo de {Plain(top.MaxPoints)} puntos.");
        await field.Locator($"#points-{top.Code}").FillAsync("2");
        await SubmitAsync(field);
        await Expect(Row(field, first)).ToHaveAttributeAsync("data-state", "queued");

        await OpenAsync(field, second);
        await FillAsync(field, criteria, null, 0);
        await SubmitAsync(field);
        await Expect(Row(field, second)).ToHaveAttributeAsync("data-state", "queued");
        await OpenAsync(field, paper);
        await FillAsync(field, criteria, null, 0);
        await SubmitAsync(field);
        await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "3");

        await EnterFromPaperAsync(paper, criteria);
        await context.SetOfflineAsync(false);

        await Expect(Row(field, first)).ToHaveAttributeAsync("data-state", "sent");
        await Expect(Row(field, second)).ToHaveAttributeAsync("data-state", "sent");
        await Expect(Row(field, paper)).ToHaveAttributeAsync("data-state", "refused");
        await Expect(field.Locator($"[data-testid=refused-item][data-scorecard='{paper}']")).ToContainTextAsync("desde la ficha en papel");
        await using (var db = await Db.CreateDbContextAsync())
        {
            var saved = await db.Scorecards.AsNoTracking().Include(s => s.Points).Where(s => cards.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
            Assert.Equal(ScorecardStatus.Submitted, saved[first].Status);
            Assert.Equal(ScorecardStatus.Submitted, saved[second].Status);
            Assert.Null(saved[first].EnteredByAdminUserId);
            Assert.Equal(2m, saved[first].Points.Single(p => p.ContestCriterionId == top.Id).Points);
            Assert.All(saved[second].Points, p => Assert.Equal(1m, p.Points));
            Assert.Single(saved[first].PresentMemberDnis);
            Assert.All(saved[paper].Points, p => Assert.Equal(0m, p.Points));
            Assert.All(cards.Skip(3), id => Assert.NotEqual(ScorecardStatus.Submitted, saved[id].Status));
            // Exactly these sends of this juror were taken: the sign-out journey leaves its scorecard unsent (the conflict journey is another juror's).
            var jurorId = await FullDemo.UserIdAsync(db, Juror);
            Assert.Equal(2, await db.DeviceSubmissions.CountAsync(s => s.State == DeviceSubmissionState.Accepted && s.UserId == jurorId));
            Assert.Equal(1, await db.DeviceSubmissions.CountAsync(s => s.State == DeviceSubmissionState.Refused && s.TargetId == paper));
            var keys = new[] { first, second }.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "scorecard.submitted" && keys.Contains(a.EntityId)));
        }

        int accepted;
        await using (var db = await Db.CreateDbContextAsync())
        {
            accepted = await db.DeviceSubmissions.CountAsync(s => s.ContestId == 1 && s.State == DeviceSubmissionState.Accepted);
        }
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await admin.GotoAsync("/admin/contests/1/field-sync");
        await Expect(admin.GetByTestId("field-sync-accepted")).ToContainTextAsync(accepted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(admin.Locator($"[data-testid=field-sync-row][data-scorecard='{paper}']")).ToContainTextAsync("desde la ficha en papel");
    }

    [Fact]
    public async Task Signing_out_with_an_offline_scorecard_unsent_warns_first_and_then_wipes_the_devices_field_data()
    {
        var (cards, criteria) = await FieldScorecardsAsync();
        // The last field scorecard: the other journey of this class (same portal) sends the first three.
        Assert.True(cards.Count >= 4, $"The juror has {cards.Count} field scorecards.");
        var card = cards[^1];
        // A desktop-sized tablet: the sign-out button is in the open navigation bar.
        var phone = await OpenPageAsync();
        await SignInAsync(phone, Juror, "/juror");
        await phone.GotoAsync("/juror/contests/1/scorecards");
        await phone.GetByTestId("field-prepare").ClickAsync();
        await Expect(phone.GetByTestId("field-status")).ToHaveAttributeAsync("data-state", "stored");
        // The sends fail (the network answers 503): what is scored stays on the device, unsent.
        ExpectConsoleErrors(new System.Text.RegularExpressions.Regex("503"));
        await phone.Context.RouteAsync("**/api/field/scorecards", route => route.FulfillAsync(new() { Status = 503 }));
        await phone.GotoAsync("/offline/field.html");
        await OpenAsync(phone, card);
        await FillAsync(phone, criteria, null, 0);
        await phone.RunAndWaitForResponseAsync(() => SubmitAsync(phone), r => r.Url.EndsWith("/api/field/scorecards", StringComparison.Ordinal));
        await Expect(Row(phone, card)).ToHaveAttributeAsync("data-state", "queued");

        var warned = new TaskCompletionSource<string>();
        var dialogs = 0;
        phone.Dialog += async (_, dialog) =>
        {
            if (++dialogs == 1)
            {
                await dialog.DismissAsync();
                warned.SetResult(dialog.Message);
            }
            else
            {
                await dialog.AcceptAsync();
            }
        };
        await phone.GotoAsync("/juror");
        var signOut = phone.GetByRole(AriaRole.Button, new() { Name = "Salir", Exact = true });
        await signOut.ClickAsync();
        Assert.Contains("Envíos hechos sin conexión que aún no llegaron al portal (fichas o informes de visita): 1.", await warned.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        await Expect(phone.GetByTestId("signed-in-as")).ToBeVisibleAsync();

        await signOut.ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Ingresar", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(2, dialogs);
        await phone.GotoAsync("/offline/field.html");
        await Expect(phone.GetByTestId("nothing-prepared")).ToBeVisibleAsync();
        await using var db = await Db.CreateDbContextAsync();
        Assert.False(await db.Scorecards.AnyAsync(s => s.Id == card && s.Status == ScorecardStatus.Submitted));
    }

    [Fact]
    public async Task A_juror_confirms_before_queuing_declares_a_conflict_offline_and_reads_an_attachment_saved_while_in_signal()
    {
        // Another juror than the other journeys of this class, so their counts stay theirs.
        const string juror = "jurado2@demo.hakuwinay.pe";
        var (cards, criteria) = await FieldScorecardsAsync(juror);
        var (scored, conflicted) = (cards[0], cards[1]);
        int profileOfScored, profileOfConflicted, groupOfConflicted;
        long attachmentBytes;
        string jurorId;
        await using (var db = await Db.CreateDbContextAsync())
        {
            jurorId = await FullDemo.UserIdAsync(db, juror);
            profileOfScored = await db.Scorecards.Where(s => s.Id == scored).Select(s => s.BusinessProfileId).SingleAsync();
            profileOfConflicted = await db.Scorecards.Where(s => s.Id == conflicted).Select(s => s.BusinessProfileId).SingleAsync();
            groupOfConflicted = await db.BusinessProfiles.Where(p => p.Id == profileOfConflicted).Select(p => p.ProducerGroupId).SingleAsync();
            attachmentBytes = await db.ProfileAttachments.Where(a => a.BusinessProfileId == profileOfScored).OrderBy(a => a.Id).Select(a => a.SizeBytes).FirstAsync();
        }
        var phone = await OpenPageAsync(Devices.Phone);
        var context = phone.Context;
        await SignInAsync(phone, juror, "/juror");
        await phone.GotoAsync("/juror/contests/1/scorecards");
        await phone.GetByTestId("field-prepare").ClickAsync();
        var status = phone.GetByTestId("field-status");
        await Expect(status).ToHaveAttributeAsync("data-state", "stored");
        var bytesBefore = long.Parse((await status.GetAttributeAsync("data-bytes"))!, System.Globalization.CultureInfo.InvariantCulture);

        // In signal: the first attachment of the first profile is saved on the device, and counted.
        await phone.GotoAsync("/offline/field.html");
        await OpenAsync(phone, scored);
        var attachment = phone.GetByTestId("field-attachment").First;
        await Expect(attachment).ToHaveAttributeAsync("data-saved", "false");
        await attachment.GetByTestId("attachment-save").ClickAsync();
        await Expect(phone.GetByTestId("field-attachment").First).ToHaveAttributeAsync("data-saved", "true");
        await phone.GotoAsync("/juror/contests/1/scorecards");
        await Expect(status).ToHaveAttributeAsync("data-bytes", (bytesBefore + attachmentBytes).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await phone.CloseAsync();
        await context.SetOfflineAsync(true);
        var field = await context.NewPageAsync();
        await field.GotoAsync("/offline/field.html");
        await Expect(field.GetByTestId("network-state")).ToHaveAttributeAsync("data-online", "false");

        // Offline, the saved attachment opens from the device.
        await OpenAsync(field, scored);
        var open = field.GetByTestId("field-attachment").First.GetByTestId("attachment-open");
        await Expect(open).ToBeVisibleAsync();
        Assert.StartsWith("blob:", await open.GetAttributeAsync("href"), StringComparison.Ordinal);
        // What the link opens is the Blob kept in the device's store (the page's policy lets no script fetch a blob: URL, so it is read there).
        var read = await field.EvaluateAsync<string>(
            """
            () => new Promise((resolve, reject) => {
                const request = indexedDB.open('haku-field');
                request.onerror = () => reject(request.error);
                request.onsuccess = () => {
                    const all = request.result.transaction('packages').objectStore('packages').getAll();
                    all.onsuccess = async () => {
                        const file = all.result.find(p => p.kind === 'attachment');
                        const b = new Uint8Array(await file.blob.arrayBuffer());
                        resolve(new TextDecoder().decode(b.slice(0, 5)) + ':' + b.length);
                    };
                };
            })
            """);
        Assert.Equal($"%PDF-:{attachmentBytes}", read);

        // The confirmation says what will be sent; "Cancelar" queues nothing and leaves the form as typed.
        await field.Locator("[data-testid=field-attendance] input[data-dni]").First.CheckAsync();
        await FillAsync(field, criteria, null, 1);
        await field.GetByTestId("field-submit").ClickAsync();
        var confirm = field.GetByTestId("submit-confirm");
        await Expect(confirm).ToContainTextAsync("¿Enviar la ficha? Después de enviarla no podrá modificarla.");
        await Expect(confirm).ToContainTextAsync("Puntaje de la etapa:");
        await Expect(confirm).ToContainTextAsync("Presentes: 1 de");
        await field.GetByTestId("submit-confirm-cancel").ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(field.GetByTestId("field-submit")).ToBeVisibleAsync();
        await field.GetByTestId("field-back").ClickAsync();
        await Expect(Row(field, scored)).ToHaveAttributeAsync("data-state", "open");
        await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "0");
        await OpenAsync(field, scored);
        await Expect(field.Locator($"#points-{criteria[0].Code}")).ToHaveValueAsync("1");
        await SubmitAsync(field);
        await Expect(Row(field, scored)).ToHaveAttributeAsync("data-state", "queued");

        // The second is scored, then a conflict is declared for it: the declaration wins, the queued scorecard is never sent.
        await OpenAsync(field, conflicted);
        await FillAsync(field, criteria, null, 0);
        await SubmitAsync(field);
        await Expect(Row(field, conflicted)).ToHaveAttributeAsync("data-state", "queued");
        await Row(field, conflicted).ClickAsync();
        var declare = field.GetByTestId("declare-conflict");
        await declare.Locator("summary").ClickAsync();
        await field.Locator("#conflict-kind").SelectOptionAsync("Other");
        await field.GetByTestId("conflict-submit").ClickAsync();
        await Expect(field.Locator("[data-error=ConflictNote]")).ToHaveTextAsync("Para «Otro», explique el conflicto en la nota.");
        await field.Locator("#conflict-note").FillAsync("Soy socio del proveedor del grupo");
        await field.GetByTestId("conflict-submit").ClickAsync();
        await Expect(field.GetByTestId("conflict-confirm")).ToContainTextAsync("La ficha que está en cola para este perfil no se enviará.");
        await field.GetByTestId("conflict-confirm-yes").ClickAsync();
        await Expect(Row(field, conflicted)).ToHaveAttributeAsync("data-state", "conflict");
        await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "2");
        await Row(field, conflicted).ClickAsync();
        await Expect(field.GetByTestId("withdrawn-for-conflict")).ToBeVisibleAsync();
        await Expect(field.GetByTestId("field-submit")).ToHaveCountAsync(0);
        await field.GetByTestId("field-back").ClickAsync();

        // The Administrator's page is open while the phone finds a network: it follows by itself.
        int acceptedBefore;
        await using (var db = await Db.CreateDbContextAsync())
        {
            acceptedBefore = await db.DeviceSubmissions.CountAsync(s => s.ContestId == 1 && s.State == DeviceSubmissionState.Accepted);
        }
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await admin.GotoAsync("/admin/contests/1/field-sync");
        await Expect(admin.GetByTestId("field-sync-accepted")).ToContainTextAsync(acceptedBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(admin.Locator("[data-testid=field-sync-live][data-interactive=true]")).ToHaveCountAsync(1);

        await context.SetOfflineAsync(false);

        await Expect(Row(field, scored)).ToHaveAttributeAsync("data-state", "sent");
        await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "0");
        await Expect(Row(field, conflicted)).ToHaveAttributeAsync("data-state", "conflict");
        await Expect(admin.GetByTestId("field-sync-accepted")).ToContainTextAsync((acceptedBefore + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using (var db = await Db.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.ConflictsOfInterest.CountAsync(c => c.ContestId == 1 && c.JurorUserId == jurorId && c.ProducerGroupId == groupOfConflicted));
            Assert.Equal(1, await db.DeviceSubmissions.CountAsync(s => s.UserId == jurorId && s.Kind == DeviceSubmissionKind.ConflictDeclaration && s.State == DeviceSubmissionState.Accepted));
            Assert.Equal(ScorecardStatus.Submitted, await db.Scorecards.Where(s => s.Id == scored).Select(s => s.Status).SingleAsync());
            Assert.False(await db.Scorecards.AnyAsync(s => s.BusinessProfileId == profileOfConflicted && s.JurorUserId == jurorId && s.Status == ScorecardStatus.Submitted));
            Assert.False(await db.DeviceSubmissions.AnyAsync(s => s.UserId == jurorId && s.Kind == DeviceSubmissionKind.Scorecard && s.TargetId == conflicted));
        }
    }

    /// <summary>Submits the open scorecard and says yes to the confirmation, as the online page asks.</summary>
    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByTestId("field-submit").ClickAsync();
        await page.GetByTestId("submit-confirm-yes").ClickAsync();
    }

    private static string Plain(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Row(IPage page, int scorecardId) => page.Locator($"[data-testid=field-scorecard][data-scorecard='{scorecardId}']");

    private static async Task OpenAsync(IPage page, int scorecardId)
    {
        await Row(page, scorecardId).ClickAsync();
        await Expect(page.Locator($"[data-testid=field-scorecard-form][data-scorecard='{scorecardId}'] [data-testid=field-submit]")).ToBeVisibleAsync();
    }

    /// <summary>Every criterion 1 point, except <paramref name="code"/> at <paramref name="points"/>.</summary>
    private static async Task FillAsync(IPage page, IReadOnlyList<ContestCriterion> criteria, string? code, decimal points)
    {
        foreach (var criterion in criteria)
        {
            var value = criterion.Code == code ? points : 1m;
            await page.Locator($"#points-{criterion.Code}").FillAsync(Plain(value));
        }
    }

    /// <summary>The field stage assigned automatically (every appointed juror to every profile) and the juror's declaration confirmed; their field scorecards, in the order the offline page lists them.</summary>
    private async Task<(List<int> Cards, IReadOnlyList<ContestCriterion> Criteria)> FieldScorecardsAsync(string juror = Juror)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        int stageId;
        string adminId, jurorId;
        await using (var db = await Db.CreateDbContextAsync())
        {
            stageId = await db.Set<ContestStage>().Where(s => s.ContestId == 1 && s.Order == 1).Select(s => s.Id).SingleAsync();
            adminId = await FullDemo.UserIdAsync(db, "admin@demo.hakuwinay.pe");
            jurorId = await FullDemo.UserIdAsync(db, juror);
        }
        // The class's tests share one portal: the first to come assigns the stage, the next finds it assigned.
        await using (var db = await Db.CreateDbContextAsync())
        {
            if (!await db.Scorecards.AnyAsync(s => s.ContestStageId == stageId && s.JurorUserId == jurorId))
            {
                var run = await services.GetRequiredService<AssignmentService>().RunAsync(new ActingUser(adminId, IsAdmin: true), stageId, 2026);
                Assert.True(run.Succeeded, run.Outcome + string.Join(",", run.Violations.Select(v => v.Rule)));
            }
        }
        Assert.True((await services.GetRequiredService<ConflictService>().ConfirmAsync(jurorId, 1)).Succeeded);
        var visible = await services.GetRequiredService<JudgingQueries>().VisibleProfilesAsync(jurorId, 1);
        await using var read = await Db.CreateDbContextAsync();
        var field = await read.Scorecards.Where(s => s.ContestStageId == stageId && s.JurorUserId == jurorId).Select(s => s.Id).ToListAsync();
        var cards = visible.Where(v => field.Contains(v.ScorecardId)).Select(v => v.ScorecardId).ToList();
        Assert.True(cards.Count >= 3, $"The juror has {cards.Count} field scorecards.");
        var design = (await StageDesign.LoadAsync(read, stageId, CancellationToken.None))!;
        return (cards, design.Criteria);
    }

    private async Task EnterFromPaperAsync(int scorecardId, IReadOnlyList<ContestCriterion> criteria)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        Guid version;
        string adminId;
        await using (var db = await Db.CreateDbContextAsync())
        {
            version = await db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Version).SingleAsync();
            adminId = await FullDemo.UserIdAsync(db, "admin@demo.hakuwinay.pe");
        }
        var entered = await scope.ServiceProvider.GetRequiredService<PaperSheetService>().EnterAsync(new ActingUser(adminId, IsAdmin: true), scorecardId, version,
            criteria.Select(c => new CriterionPoints(c.Code, 0m, "Ficha en papel, firmada")).ToList(), "Registrada desde el papel");
        Assert.True(entered.Succeeded, entered.Outcome + string.Join(",", entered.Violations.Select(v => v.Rule)));
    }
}
