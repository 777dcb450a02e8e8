using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>Every path that sets a password goes through UserManager, so its validators are the test's subject.</summary>
public sealed class PasswordStrengthTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Theory]
    [InlineData("password12", "PasswordTooGuessable")]
    [InlineData("1234567890", "PasswordTooGuessable")]
    [InlineData("qwertyuiop", "PasswordTooGuessable")]
    [InlineData("Quispe-2026-lima", "PasswordContainsPersonalInfo")]
    [InlineData("marisol.quispe!", "PasswordContainsPersonalInfo")]
    public async Task A_guessable_or_personal_password_is_refused(string password, string code)
    {
        var result = await ValidateAsync(password);

        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Theory]
    [InlineData(PortalFactory.DemoPassword)]
    [InlineData("nube tarde llama puerta")]
    public async Task A_strong_password_is_accepted(string password)
    {
        var result = await ValidateAsync(password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task Each_refusal_has_a_spanish_explanation_with_what_to_do()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<HakuWinay.Contests.Web.SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("es-PE");
        try
        {
            Assert.Contains("frase de tres o cuatro palabras", texts["Identity.PasswordTooGuessable"].Value, StringComparison.Ordinal);
            Assert.Contains("frase de tres o cuatro palabras", texts["Identity.PasswordContainsPersonalInfo"].Value, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<IdentityResult> ValidateAsync(string password)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "marisol.quispe@example.pe", Email = "marisol.quispe@example.pe", FullName = "Marisol Quispe Huamán" };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
