namespace HakuWinay.Contests.Web.Tests.Contests;

/// <summary>The demo contest's public page shows its bases with the figures its settings hold.</summary>
public sealed class DemoBasesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_public_bases_quote_the_settings_and_say_what_the_rules_check()
    {
        using var client = portal.Factory.CreateClient();

        var html = await client.GetStringAsync("/contests/AYA-2026-01");

        var bases = html[html.IndexOf("data-testid=\"contest-bases\"", StringComparison.Ordinal)..];
        Assert.Contains("al menos el 10 % de la inversión total del perfil", bases);
        Assert.Contains("<td>Negocio en idea</td>", bases);
        Assert.Contains("<td>S/ 7,500.00</td>", bases);
        Assert.Contains("<td>S/ 193,400.00</td>", bases);
        Assert.Contains("como máximo al 40 % del monto solicitado al fondo", bases);
        Assert.Contains("Se aprueba con 70 de 100 puntos.", bases);
        Assert.Contains("Acta de asamblea y Compromiso de contrapartida", bases);
        Assert.DoesNotContain("{{", bases, StringComparison.Ordinal);
        Assert.DoesNotContain("del monto solicitado.", bases, StringComparison.Ordinal);
    }
}
