using System.Net;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HakuWinay.Contests.Web.Tests.Account.AccountTestClients;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>Registration does not tell whether an email has an account; the emailed link opens the new one.</summary>
public sealed class RegistrationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "cuyes de Quinua 2026";
    private const string TakenEmail = "grupo1@demo.hakuwinay.pe";
    private PortalFactory Portal => fixture.Factory;

    [Fact]
    public async Task A_taken_email_gets_the_same_answer_as_a_new_one_and_its_owner_is_told()
    {
        using var fresh = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields("nueva.cuenta@correo.pe", Password));
        using var taken = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields(TakenEmail, Password));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        var freshPage = WithoutPerRequestValues(await fresh.Content.ReadAsStringAsync());
        Assert.Contains("Revise su correo", freshPage, StringComparison.Ordinal);
        Assert.Equal(freshPage, WithoutPerRequestValues(await taken.Content.ReadAsStringAsync()));
        var toOwner = await Registration.LatestEmailAsync(Portal, TakenEmail, "Intento de crear una cuenta con su correo");
        Assert.NotNull(toOwner);
        Assert.Contains("/account/forgot-password", toOwner, StringComparison.Ordinal);
        Assert.Null(await Registration.LatestEmailAsync(Portal, TakenEmail, Registration.ConfirmSubject));
        Assert.NotNull(await Registration.LatestEmailAsync(Portal, "nueva.cuenta@correo.pe", Registration.ConfirmSubject));
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var normalized = TakenEmail.ToUpperInvariant();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_for_a_new_and_a_taken_email()
    {
        using var fresh = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields("debil.nueva@correo.pe", "1234567890"));
        using var taken = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields(TakenEmail, "1234567890"));

        var freshPage = WithoutPerRequestValues(await fresh.Content.ReadAsStringAsync()).Replace("debil.nueva@correo.pe", "EMAIL", StringComparison.Ordinal);
        var takenPage = WithoutPerRequestValues(await taken.Content.ReadAsStringAsync()).Replace(TakenEmail, "EMAIL", StringComparison.Ordinal);
        Assert.DoesNotContain("Revise su correo", freshPage, StringComparison.Ordinal);
        Assert.Equal(freshPage, takenPage);
    }

    [Fact]
    public async Task The_confirmation_link_signs_in_once_and_leads_to_the_group_form()
    {
        var browser = await NewAccountAsync(Portal, "confirma@correo.pe", Password);

        Assert.Contains("Input.Households[0].Dni", await browser.GetStringAsync("/groups/new"), StringComparison.Ordinal);
        var link = await Registration.LinkInEmailAsync(Portal, "confirma@correo.pe", Registration.ConfirmSubject);
        using var again = Browser(Portal);
        var reopened = await again.GetStringAsync(link);
        Assert.Contains("data-testid=\"confirm-email-done\"", reopened, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken\" value=\"CfDJ8", reopened.Split("<main")[^1].Split("</main>")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("other-account")]
    [InlineData("no-token")]
    public async Task A_bad_confirmation_link_gets_a_clear_message(string damage)
    {
        using var register = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields($"enlace-{damage}@correo.pe", Password));
        var link = await Registration.LinkInEmailAsync(Portal, $"enlace-{damage}@correo.pe", Registration.ConfirmSubject);
        var bad = damage switch
        {
            "tampered" => link[..^3] + (link.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA"),
            "other-account" => "/account/confirm-email/" + Guid.NewGuid() + link[link.IndexOf('?', StringComparison.Ordinal)..],
            _ => link[..link.IndexOf('?', StringComparison.Ordinal)],
        };

        var page = await Browser(Portal).GetStringAsync(bad);

        Assert.Contains("El enlace no es válido o ya venció", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmar y entrar", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_before_confirming_says_so_only_to_the_right_password_and_resends_at_most_once_in_five_minutes()
    {
        const string email = "sin.confirmar@correo.pe";
        using var register = await Registration.PostFormAsync(Browser(Portal), "/register", "register", Registration.Fields(email, Password));

        using var wrong = await SignIn.PostLoginAsync(Browser(Portal), email, "otra clave cualquiera 99");
        using var right = await SignIn.PostLoginAsync(Browser(Portal), email, Password);

        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("El correo o la contraseña no son correctos", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("confirme su correo", wrongPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(SetsAuthCookie(right));
        Assert.Contains("data-testid=\"login-confirm-email\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.To == email && m.Subject == Registration.ConfirmSubject));
    }
}
