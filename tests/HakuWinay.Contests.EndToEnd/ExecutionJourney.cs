using System.Globalization;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// From a published award to its closing act. The demo contest is scored and published through
/// the real services (<see cref="AwardedDemo"/>), which creates the awards. Then, in the browser:
/// the Admin records the signed agreement; the sweeper makes tranche 1 due; the Admin pays it with
/// a voucher; the group, on its phone, accounts for its spending with a receipt and the Admin
/// approves it; the Technician, on a phone, files the first visit with a photo; the Admin approves
/// it; the sweeper makes tranche 2 due and the Admin pays it; once the last visits and the rest of
/// the spending are in (through the services), the Admin closes the award and prints the closing
/// act. The emails of each step arrive at maildev.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ExecutionJourney(BrowserFixture browser, MailingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<MailingKestrelPortal>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2048]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[2048]];

    [Fact]
    public async Task An_award_goes_from_its_agreement_through_two_tranches_spending_and_visits_to_its_closing_act()
    {
        var award = (await AwardedDemo.PublishAsync(Portal)).First(a => a.RepresentativeEmail is not null);
        var facts = await FactsAsync(award.AwardId);
        var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var awardUrl = $"/admin/awards/{award.AwardId}";

        // The Admin records the signed agreement; the sweeper makes tranche 1 due.
        var admin = await OpenPageAsync();
        await SignInAsync(admin, AwardedDemo.AdminEmail, "/admin");
        await admin.GotoAsync(awardUrl);
        await Expect(admin.GetByTestId("tranche-1").GetByTestId("tranche-status")).ToHaveTextAsync("Programado");
        await Expect(admin.Locator("[data-testid=agreement-live][data-interactive=true]")).ToBeVisibleAsync();
        await admin.GetByTestId("agreement-date").FillAsync(date);
        await UploadAsync(admin.GetByTestId("agreement"), "convenio-firmado.pdf", "application/pdf", Pdf);
        await admin.GetByTestId("agreement-save").ClickAsync();
        await Expect(admin.GetByTestId("agreement-recorded")).ToContainTextAsync("convenio-firmado.pdf");
        // No reload: the open page hears the sweep's change.
        await SweepAsync();
        await Expect(admin.GetByTestId("tranche-1").GetByTestId("tranche-status")).ToHaveTextAsync("Por pagar");

        // The Admin pays tranche 1 with the bank's voucher.
        await PayAsync(admin, facts.FirstTrancheId, date, "OP-2026-000123");
        await Expect(admin.GetByTestId("tranche-1").GetByTestId("tranche-status")).ToHaveTextAsync("Desembolsado");
        await Expect(admin.GetByTestId("tranche-1").GetByTestId("voucher-download")).ToHaveTextAsync("voucher.png");

        // The group accounts for all of tranche 1 with a receipt, from its phone; the Admin approves it.
        var group = await OpenPageAsync(Devices.Phone);
        await SignInAsync(group, award.RepresentativeEmail!, "/producer");
        await group.GotoAsync($"/awards/{award.AwardId}/expenses");
        await group.Locator("#expense-line").SelectOptionAsync(facts.LineId.ToString(CultureInfo.InvariantCulture));
        await group.Locator("#expense-date").FillAsync(date);
        await group.Locator("#expense-amount").FillAsync(facts.FirstTrancheAmount.ToString("0.00", CultureInfo.InvariantCulture));
        await group.Locator("#expense-supplier").FillAsync("Agroveterinaria Los Andes");
        await group.Locator("#expense-type").SelectOptionAsync(nameof(ExpenseDocumentType.Factura));
        await group.Locator("#expense-number").FillAsync("F001-004512");
        await group.Locator("#expense-receipt").SetInputFilesAsync(new FilePayload { Name = "factura.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await group.GetByTestId("record-expense").ClickAsync();
        await Expect(group.GetByTestId("expense-list")).ToContainTextAsync("F001-004512");

        await admin.GotoAsync($"/admin/awards/{award.AwardId}/expenses");
        var approve = admin.GetByTestId("approve").First;
        await Expect(approve).ToBeEnabledAsync();
        await approve.ClickAsync();
        await Expect(admin.GetByTestId("approve")).ToHaveCountAsync(0);

        // The Technician files the first visit from a phone, with a photo; the Admin approves it.
        var technician = await OpenPageAsync(Devices.Phone);
        await SignInAsync(technician, AwardedDemo.TechnicianEmail, "/technician");
        await VisitReportForm.FileAsync(technician, Portal, facts.FirstVisitId, new FilePayload { Name = "galpon.png", MimeType = "image/png", Buffer = Png },
            new VisitReportEntry(date, "14", "3", "2350.50", "60", "Galpón **techado**; cuyes en buen estado."));

        await admin.GotoAsync($"/admin/visits/{facts.FirstVisitId}");
        await admin.GetByTestId("approve-visit").ClickAsync();
        await Expect(admin.GetByTestId("visit-decided")).ToContainTextAsync("aprobado");

        // The sweeper makes tranche 2 due (visit approved, 100% of tranche 1 accounted); the Admin pays it.
        await SweepAsync();
        await admin.GotoAsync(awardUrl);
        await Expect(admin.GetByTestId("tranche-2").GetByTestId("tranche-status")).ToHaveTextAsync("Por pagar");
        await PayAsync(admin, facts.SecondTrancheId, date, "OP-2026-000456");
        await Expect(admin.GetByTestId("tranche-2").GetByTestId("tranche-status")).ToHaveTextAsync("Desembolsado");

        // The rest of the spending and the last two visits, through the services; then the Admin closes the award.
        await FinishThroughServicesAsync(award, facts, today);
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("closure-blockers")).ToHaveCountAsync(0);
        await Expect(admin.Locator("[data-testid=closure-live][data-interactive=true]")).ToBeVisibleAsync();
        await admin.GetByTestId("closure-date").FillAsync(date);
        await admin.GetByTestId("close-award").ClickAsync();
        await Expect(admin.GetByTestId("closed")).ToContainTextAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(admin.GetByTestId("award-status")).ToHaveTextAsync("Cerrado");

        await admin.GotoAsync($"{awardUrl}/closing-act");
        await Expect(admin.GetByTestId("act-draft")).ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("act-profile")).ToContainTextAsync(award.ProfileCode);
        await Expect(admin.GetByTestId("act-tranches")).ToContainTextAsync("OP-2026-000456");
        await Expect(admin.GetByTestId("act-signatures")).ToBeVisibleAsync();

        using var maildev = new MaildevClient(TestPrerequisites.MaildevUrl);
        foreach (var (subject, to) in new[]
        {
            ($"Tramo 1 por desembolsar: {award.ProfileCode}", AwardedDemo.AdminEmail),
            ($"Desembolso del tramo 1: perfil {award.ProfileCode}", award.RepresentativeEmail!),
            ($"Informe de visita por revisar: {award.ProfileCode}", AwardedDemo.AdminEmail),
            ($"Tramo 2 por desembolsar: {award.ProfileCode}", AwardedDemo.AdminEmail),
            ($"Desembolso del tramo 2: perfil {award.ProfileCode}", award.RepresentativeEmail!),
            ($"Cierre de su premio: perfil {award.ProfileCode}", award.RepresentativeEmail!),
        })
        {
            var email = await maildev.WaitForAsync(m => m.Subject.StartsWith(subject, StringComparison.Ordinal) && m.To.Any(t => t.Address == to));
            Assert.True(email is not null, $"No email \"{subject}\" reached {to}.");
        }
    }

    /// <summary>Picks a file in a <c>FileUpload</c> inside <paramref name="scope"/> and waits until it says the file is ready.</summary>
    private static async Task UploadAsync(ILocator scope, string name, string type, byte[] bytes)
    {
        var upload = scope.GetByTestId("file-upload");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = bytes });
        await Expect(upload).ToHaveAttributeAsync("data-state", "ready");
    }

    private static async Task PayAsync(IPage admin, int trancheId, string date, string reference)
    {
        await Expect(admin.Locator($"[data-testid=pay-{trancheId}-live][data-interactive=true]")).ToBeVisibleAsync();
        var form = admin.GetByTestId("pay-form").Filter(new() { Has = admin.Locator($"#pay-ref-{trancheId}") });
        await form.Locator($"#pay-date-{trancheId}").FillAsync(date);
        await form.Locator($"#pay-ref-{trancheId}").FillAsync(reference);
        await UploadAsync(form, "voucher.png", "image/png", Png);
        await form.GetByTestId("pay").ClickAsync();
    }

    /// <summary>Runs the execution sweep as its Hangfire job does (the portal also enqueues one after each change).</summary>
    private async Task SweepAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExecutionSweepJob>().RunAsync(CancellationToken.None);
    }

    private async Task FinishThroughServicesAsync(DemoAward award, AwardFacts facts, DateOnly today)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = await ActingAsync(AwardedDemo.AdminEmail, isAdmin: true);
        var technician = await ActingAsync(AwardedDemo.TechnicianEmail, isTechnician: true);
        var group = await ActingAsync(award.RepresentativeEmail!);

        var expenses = services.GetRequiredService<ExpenseService>();
        var expense = await expenses.RecordAsync(group, award.AwardId, facts.SecondTrancheId,
            new ExpenseInput(facts.LineId, today, "Ferretería El Sol", ExpenseDocumentType.Boleta, "B002-000077", facts.SecondTrancheAmount),
            new UploadedFile("boleta.pdf", new MemoryStream(Pdf)));
        Assert.True(expense.Succeeded, string.Join(", ", expense.Violations.Select(v => v.Rule)));
        Assert.True((await expenses.ApproveAsync(admin, expense.Value)).Succeeded);

        var visits = services.GetRequiredService<VisitService>();
        foreach (var visitId in facts.LaterVisitIds)
        {
            var filed = await visits.SubmitReportAsync(technician, visitId, new VisitReport(today, 12, 4_800m, 4, "Negocio en marcha.", VisitRating.Satisfactory, []));
            Assert.True(filed.Succeeded, string.Join(", ", filed.Violations.Select(v => v.Rule)));
            Assert.True((await visits.ApproveAsync(admin, visitId)).Succeeded);
        }
    }

    private async Task<ActingUser> ActingAsync(string email, bool isAdmin = false, bool isTechnician = false)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new ActingUser(id, isAdmin, isTechnician);
    }

    private sealed record AwardFacts(int FirstTrancheId, decimal FirstTrancheAmount, int SecondTrancheId, decimal SecondTrancheAmount, int LineId, int FirstVisitId, IReadOnlyList<int> LaterVisitIds);

    private async Task<AwardFacts> FactsAsync(int awardId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var award = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).SingleAsync(a => a.Id == awardId);
        var line = await db.BusinessProfiles.Where(p => p.Id == award.BusinessProfileId).SelectMany(p => p.Lines)
            .Where(l => l.FinancedBy == FinancedBy.Fund).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        var tranches = award.Tranches.OrderBy(t => t.Order).ToList();
        var visits = award.Visits.OrderBy(v => v.Order).Select(v => v.Id).ToList();
        Assert.Equal(2, tranches.Count);
        return new AwardFacts(tranches[0].Id, tranches[0].Amount, tranches[1].Id, tranches[1].Amount, line, visits[0], visits.Skip(1).ToList());
    }

    private IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
}
