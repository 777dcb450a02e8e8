using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// From the call to an eligible submission, as the people do it: a representative registers an
/// account and the group with its households, writes a business profile with an investment plan
/// and the contest's required documents, submits it and sees the receipt, which also arrives by email (maildev); an
/// administrator verifies the group and declares the profile eligible; the group sees the decision.
/// Run at a desktop size and at a phone size.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class SubmissionJourney(BrowserFixture browser, MailingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<MailingKestrelPortal>
{
    private const string Password = "Cuyes-Warmi-2026";

    public static TheoryData<string> Screens => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Representative_registers_a_group_submits_a_profile_and_sees_it_declared_eligible(string device)
    {
        var representative = $"rep-{device}-{Guid.NewGuid():N}@example.pe";
        var groupName = $"Asociación de criadores de cuyes Sumaq Kawsay ({device})";
        var page = await OpenPageAsync(device == "phone" ? Devices.Phone : null);

        await RegisterAndConfirmAsync(page, representative, narrow: device == "phone");
        await RegisterGroupAsync(page, groupName, device);
        var profileId = await StartProfileAsync(page);
        await WriteProfileAsync(page);
        await AttachAsync(page);
        var code = await SubmitAsync(page);

        using (var maildev = new MaildevClient(TestPrerequisites.MaildevUrl))
        {
            var receipt = await maildev.WaitForAsync(m =>
                m.To.Any(t => t.Address == representative) && m.Subject == $"Constancia de postulación {code}");
            Assert.NotNull(receipt);
            Assert.Contains(groupName, receipt.Text, StringComparison.Ordinal);
        }

        var admin = await OpenPageAsync(device == "phone" ? Devices.Phone : null);
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await VerifyGroupAsync(admin, groupName);
        await DeclareEligibleAsync(admin, profileId);

        await page.GotoAsync($"/profiles/{profileId}");
        await Expect(page.GetByTestId("profile-status")).ToHaveTextAsync("Elegible");
        await Expect(page.GetByTestId("eligibility-decision")).ToContainTextAsync("Cumple todos los requisitos de las bases");
    }


    /// <summary>
    /// The form, the "check your email" answer, the link of the email (maildev) and its button, which
    /// signs in and continues to the group form; on the phone run at 360 px, the narrowest phone in use,
    /// where nothing may need sideways scrolling.
    /// </summary>
    private async Task RegisterAndConfirmAsync(IPage page, string email, bool narrow)
    {
        var phoneSize = page.ViewportSize;
        if (narrow)
        {
            await page.SetViewportSizeAsync(360, 740);
        }
        await page.GotoAsync("/register");
        await page.Locator("#full-name").FillAsync("Rosa Quispe Huamán");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();
        await Expect(page.GetByTestId("check-email")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page, narrow);

        string link;
        using (var maildev = new MaildevClient(TestPrerequisites.MaildevUrl))
        {
            var confirmation = await maildev.WaitForAsync(m => m.To.Any(t => t.Address == email) && m.Subject == Registration.ConfirmSubject);
            Assert.NotNull(confirmation);
            link = ConfirmationLink().Match(confirmation.Text ?? "").Value;
            Assert.False(string.IsNullOrEmpty(link), "The confirmation email has no link.");
        }
        await page.GotoAsync(link);
        await ExpectNoSidewaysScrollAsync(page, narrow);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar y entrar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Portal.Url("/groups/new"));
        if (narrow && phoneSize is not null)
        {
            await page.SetViewportSizeAsync(phoneSize.Width, phoneSize.Height);
        }
    }

    private static async Task ExpectNoSidewaysScrollAsync(IPage page, bool narrow)
    {
        if (narrow)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px.");
        }
    }

    private static async Task RegisterGroupAsync(IPage page, string groupName, string device)
    {
        await page.Locator("#name").FillAsync(groupName);
        await page.Locator("#line").SelectOptionAsync(new SelectOptionValue { Label = "Crianza de cuyes" });
        await page.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "Quinua" });
        await page.Locator("#centro").FillAsync("Muyurina");
        // DNIs differ per run of the theory, so the two groups are not flagged as sharing members.
        var dniBase = device == "phone" ? 47_100_000 : 46_200_000;
        (string Name, string Sex, string Role, int Year, bool Juntos)[] households =
        [
            ("Rosa Quispe Huamán", "Female", "President", 1985, true),
            ("Juana Ccente Palomino", "Female", "Treasurer", 1999, false),
            ("Pedro Huamán Sulca", "Male", "Member", 1978, true),
        ];
        for (var i = 0; i < households.Length; i++)
        {
            var (name, sex, role, year, juntos) = households[i];
            await page.Locator($"#h{i}-name").FillAsync(name);
            await page.Locator($"#h{i}-dni").FillAsync((dniBase + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator($"#h{i}-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator($"#h{i}-sex").SelectOptionAsync(sex);
            await page.Locator($"#h{i}-role").SelectOptionAsync(role);
            await page.Locator($"#h{i}-juntos").SetCheckedAsync(juntos);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar el grupo" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(GroupPage());
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync(groupName);
    }

    private static async Task<int> StartProfileAsync(IPage page)
    {
        await page.GotoAsync("/contests/AYA-2026-01/apply");
        await page.GetByLabel(new Regex("^Negocio en idea")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Empezar el perfil" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditorPage());
        await ExpectLiveEditorAsync(page);
        var match = EditorPage().Match(page.Url);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WriteProfileAsync(IPage page)
    {
        string[] sections =
        [
            "Title", "Summary", "BusinessAndProducts", "MarketAndClients",
            "ProductionProcess", "OrganizationAndRoles", "Sustainability", "Risks",
        ];
        foreach (var section in sections)
        {
            var text = section == "Title"
                ? "Mejoramiento de la crianza de cuyes en Muyurina"
                : $"Texto de **{section}**: las socias crían cuyes y venden en la feria de Quinua.";
            // Leaving the box saves it.
            await SavedAfterAsync(page, async () =>
            {
                await page.Locator($"#section-{section}").FillAsync(text);
                await page.Locator($"#section-{section}").BlurAsync();
            });
        }

        await SavedAfterAsync(page, async () =>
        {
            await page.Locator("#expected-sales").FillAsync("18000");
            await page.Locator("#expected-jobs").FillAsync("3");
            await page.Locator("#expected-households").FillAsync("3");
            await page.Locator("#expected-households").BlurAsync();
        });

        await AddLineAsync(page, 1, "Galpón mejorado para cuyes", "Infrastructure", "Fund", "unidad", "1", "5000");
        await AddLineAsync(page, 2, "Asistencia técnica en sanidad", "TechnicalAssistance", "Fund", "visita", "4", "500");
        await AddLineAsync(page, 3, "Mano de obra de las socias", "InputsAndMaterials", "CounterpartInKind", "jornal", "20", "50");
        await Expect(page.GetByTestId("fund-request")).ToHaveTextAsync("S/ 7,000.00");
        await Expect(page.GetByTestId("plan-ok")).ToBeVisibleAsync();

        // What was typed is stored, not only shown: a reload (as after a dropped connection) finds it all.
        await page.ReloadAsync();
        await ExpectLiveEditorAsync(page);
        await Expect(page.Locator("#section-Title")).ToHaveValueAsync("Mejoramiento de la crianza de cuyes en Muyurina");
        await Expect(page.Locator("#expected-households")).ToHaveValueAsync("3");
        await Expect(page.GetByTestId("investment-line")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("fund-request")).ToHaveTextAsync("S/ 7,000.00");
        await Expect(page.GetByTestId("counterpart-percent")).ToHaveTextAsync("12.50 %");
    }

    private static Task AddLineAsync(IPage page, int number, string description, string category, string financedBy, string unit, string quantity, string unitCost) =>
        SavedAfterAsync(page, async () =>
        {
            await page.GetByTestId("add-line").ClickAsync();
            await page.Locator($"#desc-{number}").FillAsync(description);
            await page.Locator($"#cat-{number}").SelectOptionAsync(category);
            await page.Locator($"#by-{number}").SelectOptionAsync(financedBy);
            await page.Locator($"#unit-{number}").FillAsync(unit);
            await page.Locator($"#qty-{number}").FillAsync(quantity);
            await page.Locator($"#cost-{number}").FillAsync(unitCost);
            await page.Locator($"#cost-{number}").BlurAsync();
        });

    /// <summary>The editor is prerendered disabled and enabled once its circuit is live.</summary>
    private static async Task ExpectLiveEditorAsync(IPage page) =>
        await Expect(page.GetByTestId("draft-editor")).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>The demo contest's required documents, each uploaded into its slot by name.</summary>
    private static async Task AttachAsync(IPage page)
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        foreach (var (slot, file) in new[] { ("Acta de asamblea", "acta-de-asamblea.pdf"), ("Compromiso de contrapartida", "compromiso-de-contrapartida.pdf") })
        {
            var box = page.GetByTestId("document-slot").Filter(new() { HasText = slot });
            await SavedAfterAsync(page, () => box.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = file,
                MimeType = "application/pdf",
                Buffer = pdf,
            }));
            await Expect(box).ToHaveAttributeAsync("data-filled", "true");
            await Expect(box.GetByTestId("attachment")).ToContainTextAsync(file);
        }
    }

    private static async Task<string> SubmitAsync(IPage page)
    {
        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("submit-confirm").ClickAsync();
        await Expect(page).ToHaveURLAsync(ReceiptPage());
        var code = page.GetByTestId("receipt-code");
        await Expect(code).ToHaveTextAsync(new Regex(@"^AYA-2026-01-\d{3}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Constancia de postulación");
        return (await code.TextContentAsync())!.Trim();
    }

    private static async Task VerifyGroupAsync(IPage admin, string groupName)
    {
        await admin.GotoAsync("/admin/groups");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = groupName });
        await row.GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
        await admin.GetByTestId("verify-confirm").GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
        await Expect(admin.GetByTestId("verify-notice")).ToContainTextAsync(groupName);
    }

    private static async Task DeclareEligibleAsync(IPage admin, int profileId)
    {
        await admin.GotoAsync($"/admin/profiles/{profileId}/eligibility");
        await Expect(admin.GetByTestId("group-verified")).ToBeVisibleAsync();
        var items = admin.GetByTestId("checklist-item");
        await Expect(items).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await items.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        await admin.Locator("#decision-eligible").CheckAsync();
        await admin.Locator("#reason").FillAsync("Cumple todos los requisitos de las bases");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Registrar la decisión y avisar al grupo" }).ClickAsync();
        await Expect(admin.GetByTestId("eligibility-saved")).ToContainTextAsync("Elegible");
    }

    [GeneratedRegex(@"https?://[^\s<>()""]+/account/confirm-email/[^\s<>()""]+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"/groups/\d+\?registered=1$")]
    private static partial Regex GroupPage();

    [GeneratedRegex(@"/profiles/(\d+)/edit$")]
    private static partial Regex EditorPage();

    [GeneratedRegex(@"/profiles/\d+/receipt$")]
    private static partial Regex ReceiptPage();
}
