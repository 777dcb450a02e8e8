using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Groups;

/// <summary>
/// Who reaches which group, through the real portal on the demo: group 1 is grupo1's, group 2 is
/// grupo2's. Changing the id in the URL, or posting a forged form, gets another group nowhere.
/// </summary>
public sealed partial class GroupPageAccessTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
        return client;
    }

    private async Task<T> InDatabaseAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private static string PathOf(HttpClient client, HttpResponseMessage response) => new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath;

    [Theory]
    [InlineData("/groups/1")]
    [InlineData("/groups/1/edit")]
    public async Task The_representative_of_another_group_is_refused_by_changing_the_id(string url)
    {
        var grupo2 = await SignedInAsync("grupo2@demo.hakuwinay.pe");

        using var response = await grupo2.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", PathOf(grupo2, response));
        Assert.Equal(HttpStatusCode.OK, (await grupo2.GetAsync("/groups/2")).StatusCode);
    }

    [Fact]
    public async Task A_forged_edit_of_another_group_changes_nothing()
    {
        var grupo2 = await SignedInAsync("grupo2@demo.hakuwinay.pe");
        var before = await InDatabaseAsync(db => db.ProducerGroups.Where(g => g.Id == 1).Select(g => g.Name).SingleAsync());
        var version = await InDatabaseAsync(db => db.ProducerGroups.Where(g => g.Id == 1).Select(g => g.Version).SingleAsync());
        // The form of grupo2's own edit page, posted to group 1's address with group 1's real version.
        var fields = FormPost.Group("Robado", ("Ana", "72000001")).With("Input.Version", version.ToString());

        using var forged = await PostToAsync(grupo2, "/groups/2/edit", "/groups/1/edit", "edit-group", fields);

        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(before, await InDatabaseAsync(db => db.ProducerGroups.Where(g => g.Id == 1).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_group_is_not_found()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/groups/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/groups/99999/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/groups/abc")).StatusCode);
    }

    [Fact]
    public async Task The_second_of_two_tabs_saving_the_same_group_is_told_it_changed()
    {
        var grupo3 = await SignedInAsync("grupo3@demo.hakuwinay.pe");
        var groupId = await InDatabaseAsync(db => db.ProducerGroups.Where(g => g.Name == "Grupo de productores de quesos Yuraq Rumi").Select(g => g.Id).SingleAsync());
        var url = $"/groups/{groupId}/edit";
        var page = await grupo3.GetStringAsync(url);
        var fields = FieldsOf(page);

        using var first = await PostToAsync(grupo3, url, url, "edit-group", fields.With("Input.Name", "Yuraq Rumi (pestaña 1)"));
        using var second = await PostToAsync(grupo3, url, url, "edit-group", fields.With("Input.Name", "Yuraq Rumi (pestaña 2)"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Alguien cambió este grupo", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Yuraq Rumi (pestaña 1)", await InDatabaseAsync(db => db.ProducerGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_technician_registers_a_group_for_its_representative_who_then_sets_a_password_from_the_email()
    {
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        var fields = FormPost.Group("Truchas Pampa Cangallo", ("Teodora Quispe", "73000001"), ("Felipe Ccente", "73000002"), ("Nilda Pariona", "73000003"))
            .With("Input.RepresentativeEmail", "teodora@correo.pe").With("Input.RepresentativeFullName", "Teodora Quispe");

        var future = await (await FormPost.SendAsync(technician, "/groups/new", "new-group",
            new List<KeyValuePair<string, string>>(fields).With("Input.ConsentDate", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")))).Content.ReadAsStringAsync();
        Assert.Contains("no puede ser posterior a hoy", future, StringComparison.Ordinal);
        var missing = await (await FormPost.SendAsync(technician, "/groups/new", "new-group", fields)).Content.ReadAsStringAsync();
        Assert.Contains("Este dato es obligatorio.", missing, StringComparison.Ordinal);

        using var saved = await FormPost.SendAsync(technician, "/groups/new", "new-group", fields.With("Input.ConsentDate", DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var groupPage = await technician.GetStringAsync(new Uri(technician.BaseAddress!, saved.Headers.Location!).PathAndQuery);
        Assert.Contains("registrado por Wilber Huamaní Conde", groupPage, StringComparison.Ordinal);

        var email = await InDatabaseAsync(db => db.Outbox.SingleAsync(m => m.To == "teodora@correo.pe"));
        var link = new Uri(SetPasswordLink().Match(email.TextBody).Value);
        var representative = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var set = await FormPost.SendAsync(representative, link.PathAndQuery, "set-password",
            [new("Input.Password", "truchas de Cangallo"), new("Input.ConfirmPassword", "truchas de Cangallo")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/producer", PathOf(representative, set));
        Assert.Contains("Truchas Pampa Cangallo", await representative.GetStringAsync("/producer"), StringComparison.Ordinal);

        // The link works once.
        var again = await (await FormPost.SendAsync(fixture.Factory.CreateClient(), link.PathAndQuery, "set-password",
            [new("Input.Password", "otra clave larga"), new("Input.ConfirmPassword", "otra clave larga")])).Content.ReadAsStringAsync();
        Assert.Contains("El enlace no es válido o ya venció", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_list_shows_groups_and_their_state()
    {
        var admin = await SignedInAsync("admin@demo.hakuwinay.pe");

        var html = await admin.GetStringAsync("/admin/groups");

        Assert.Contains("Grupo de criadoras de cuyes Warmi Kallpa", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"duplicate-dnis\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_group_page_flags_a_dni_that_is_also_in_another_group()
    {
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        var (dni, head) = await InDatabaseAsync(db => db.Households.Where(h => h.ProducerGroupId == 1).OrderBy(h => h.Id).Select(h => new ValueTuple<string, string>(h.Dni, h.HeadFullName)).FirstAsync());
        var fields = FormPost.Group("Grupo con un socio repetido", (head, dni), ("Nueva socia", "74000001"))
            .With("Input.ConsentDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        using var saved = await FormPost.SendAsync(technician, "/groups/new", "new-group", fields);
        var path = new Uri(technician.BaseAddress!, saved.Headers.Location!).AbsolutePath;

        var forAdmin = await (await SignedInAsync("admin@demo.hakuwinay.pe")).GetStringAsync(path);
        var forTechnician = await technician.GetStringAsync(path);

        Assert.Contains("data-testid=\"shared-dnis\"", forAdmin, StringComparison.Ordinal);
        Assert.Contains("href=\"groups/1\"", forAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"shared-dnis\"", forTechnician, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_invite_the_representative_of_a_group_registered_without_email()
    {
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        var fields = FormPost.Group("Apicultores de Pacaycasa", ("Gregoria Pariona", "75000001"))
            .With("Input.ConsentDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        using var saved = await FormPost.SendAsync(technician, "/groups/new", "new-group", fields);
        var path = new Uri(technician.BaseAddress!, saved.Headers.Location!).AbsolutePath;
        var page = await technician.GetStringAsync(path);
        Assert.Contains("data-testid=\"invite-representative\"", page, StringComparison.Ordinal);
        var version = Regex.Match(page, "name=\"Invite.Version\" value=\"([^\"]+)\"").Groups[1].Value;

        using var invited = await FormPost.SendAsync(technician, path, "invite-representative",
            [new("Invite.Email", "gregoria@correo.pe"), new("Invite.FullName", "Gregoria Pariona"), new("Invite.Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.True(await InDatabaseAsync(db => db.Outbox.AnyAsync(m => m.To == "gregoria@correo.pe")));
        var grupo1 = await SignedInAsync("grupo1@demo.hakuwinay.pe");
        Assert.DoesNotContain("data-testid=\"invite-representative\"", await grupo1.GetStringAsync("/groups/1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_leaving_the_optional_representative_email_empty_register_the_group_without_one()
    {
        var technician = await SignedInAsync("tecnico@demo.hakuwinay.pe");
        // As a browser posts the form: the optional boxes are sent, empty.
        var fields = FormPost.Group("Tejedoras de Socos", ("Felícitas Huamán", "75000011"))
            .With("Input.ConsentDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"))
            .With("Input.RepresentativeEmail", "").With("Input.RepresentativeFullName", "");

        using var saved = await FormPost.SendAsync(technician, "/groups/new", "new-group", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await InDatabaseAsync(db => db.ProducerGroups.AnyAsync(g => g.Name == "Tejedoras de Socos" && g.RepresentativeUserId == null)));
    }

    /// <summary>Posts to <paramref name="target"/> with the antiforgery token of <paramref name="tokenPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostToAsync(HttpClient client, string tokenPage, string target, string formName, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(tokenPage);
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var all = new List<KeyValuePair<string, string>> { new("_handler", formName), new("__RequestVerificationToken", token) };
        all.AddRange(fields);
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(target, form);
    }

    /// <summary>The named inputs of a rendered form with their values (text inputs, hidden inputs and selected options).</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Regex.Matches(html, "<input[^>]*>"))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]+)\"");
            if (!name.Success || name.Groups[1].Value.StartsWith("__", StringComparison.Ordinal) || name.Groups[1].Value == "_handler")
            {
                continue;
            }
            if (input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !input.Value.Contains("checked", StringComparison.Ordinal))
            {
                continue;
            }
            fields.Add(new(name.Groups[1].Value, WebUtility.HtmlDecode(Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value)));
        }
        foreach (Match select in Regex.Matches(html, "<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\"[^>]*selected");
            fields.Add(new(select.Groups[1].Value, selected.Success ? selected.Groups[1].Value : ""));
        }
        return fields.With("Input.Command", "save");
    }

    [GeneratedRegex(@"https?://\S+/account/set-password/\S+")]
    private static partial Regex SetPasswordLink();
}
