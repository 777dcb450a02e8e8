using System.Net;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Groups;

/// <summary>A representative creates an account at /register and registers its group, through the real portal.</summary>
public sealed class RegistrationPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private HttpClient NewClient() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static List<KeyValuePair<string, string>> Account(string email, string password = "cuyes de Quinua 2026") =>
    [
        new("Input.FullName", "Rosa Quispe Huamán"), new("Input.Email", email), new("Input.Phone", "987654321"),
        new("Input.Password", password), new("Input.ConfirmPassword", password),
    ];

    private async Task<HttpClient> RegisteredAsync(string email)
    {
        var client = NewClient();
        await Registration.RegisterAndConfirmAsync(fixture.Factory, client, email, "cuyes de Quinua 2026");
        return client;
    }

    private async Task<T> InDatabaseAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task Register_creates_a_producer_account_whose_confirmation_signs_in_and_leads_to_the_group_form()
    {
        var client = await RegisteredAsync("rosa.quispe@correo.pe");

        var form = await client.GetStringAsync("/groups/new");
        Assert.Contains("Input.Households[4].Dni", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"assisted-fields\"", form, StringComparison.Ordinal);
        var roles = await InDatabaseAsync(db => (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                                 where u.Email == "rosa.quispe@correo.pe" select r.Name).ToListAsync());
        Assert.Equal(["Producer"], roles);
    }

    [Theory]
    [InlineData("corta", "La contraseña es muy corta: use al menos 10 caracteres.")]
    [InlineData("aaaaaaaaaaaa", "use al menos 4 caracteres distintos")]
    public async Task A_weak_password_is_refused_in_spanish(string password, string message)
    {
        using var response = await FormPost.SendAsync(NewClient(), "/register", "register", Account($"debil{password.Length}@correo.pe", password));

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == $"debil{password.Length}@correo.pe")));
    }

    [Fact]
    public async Task A_new_representative_registers_its_group_and_is_then_sent_to_it()
    {
        var client = await RegisteredAsync("hilda@correo.pe");

        using var saved = await FormPost.SendAsync(client, "/groups/new", "new-group",
            FormPost.Group("Qori Cuy de Muyurina", ("Hilda Ccente", "71000001"), ("Juana Tineo", "71000002"), ("Pedro Gómez", "71000003")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync(new Uri(client.BaseAddress!, saved.Headers.Location!).PathAndQuery);
        Assert.Contains("Qori Cuy de Muyurina", page, StringComparison.Ordinal);
        Assert.Contains("71000002", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"group-registered\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"already-registered\"", await client.GetStringAsync("/groups/new"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"see-group\"", await client.GetStringAsync("/producer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_dni_ruc_and_missing_fields_are_shown_next_to_their_fields_and_nothing_is_stored()
    {
        var client = await RegisteredAsync("errores@correo.pe");
        var fields = FormPost.Group("Grupo con errores", ("Ana", "1234567"), ("Luz", "7100000A"), ("Eva", "71000010"), ("", "71000010"))
            .With("Input.LegalForm", "Association").With("Input.Ruc", "20131312956").With("Input.CentroPoblado", "");

        using var response = await FormPost.SendAsync(client, "/groups/new", "new-group", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("El DNI debe tener exactamente 8 dígitos.", html, StringComparison.Ordinal);
        Assert.Contains("Este dato es obligatorio.", html, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.ProducerGroups.AnyAsync(g => g.Name == "Grupo con errores")));
        // What was typed is kept.
        Assert.Contains("value=\"7100000A\"", html, StringComparison.Ordinal);

        fields = FormPost.Group("Grupo con errores", ("Ana", "71000011"), ("Luz", "71000011")).With("Input.LegalForm", "Association").With("Input.Ruc", "20131312956");
        html = await (await FormPost.SendAsync(client, "/groups/new", "new-group", fields)).Content.ReadAsStringAsync();
        Assert.Contains("El RUC no es válido", html, StringComparison.Ordinal);
        Assert.Contains("Este DNI ya está en otra fila del grupo.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_name_is_refused_and_script_in_a_name_renders_inert()
    {
        var client = await RegisteredAsync("script@correo.pe");

        using var oversized = await FormPost.SendAsync(client, "/groups/new", "new-group", FormPost.Group(new string('x', 5_000), ("Ana", "71000021")));
        Assert.Contains("El texto es demasiado largo.", await oversized.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await FormPost.SendAsync(client, "/groups/new", "new-group",
            FormPost.Group("<script>alert('x')</script>", ("<img src=x onerror=alert(1)>", "71000022")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync(new Uri(client.BaseAddress!, saved.Headers.Location!).PathAndQuery);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_and_removing_rows_keeps_what_was_typed_and_saves_nothing()
    {
        var client = await RegisteredAsync("filas@correo.pe");
        var fields = FormPost.Group("Grupo de filas", ("Ana", "71000031"), ("Luz", "71000032")).With("Input.Command", "add");

        var added = await (await FormPost.SendAsync(client, "/groups/new", "new-group", fields)).Content.ReadAsStringAsync();
        var removed = await (await FormPost.SendAsync(client, "/groups/new", "new-group", fields.With("Input.Command", "remove:0"))).Content.ReadAsStringAsync();

        Assert.Contains("Input.Households[2].Dni", added, StringComparison.Ordinal);
        Assert.Contains("value=\"71000031\"", added, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"71000031\"", removed, StringComparison.Ordinal);
        Assert.Contains("value=\"71000032\"", removed, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.ProducerGroups.AnyAsync(g => g.Name == "Grupo de filas")));
    }

    [Fact]
    public async Task A_signed_in_person_opening_register_is_not_given_a_second_account_form()
    {
        var client = await RegisteredAsync("dos@correo.pe");

        Assert.Contains("data-testid=\"already-signed-in\"", await client.GetStringAsync("/register"), StringComparison.Ordinal);
    }
}
