using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Profiles;

/// <summary>The profile pages through the real portal: who reaches what, forms posted as a browser does, and what the pages show.</summary>
public sealed partial class ProfilePagesTests(ProfilePagesTests.Fixture fixture) : IClassFixture<ProfilePagesTests.Fixture>
{
    private const string Malicious = """
        <script>alert('xss')</script>

        [pulse aquí](javascript:alert('xss'))

        <img src=x onerror="alert('xss')">

        <a href="#" onclick="alert('xss')">enlace</a>
        """;

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/profiles/{A}")]
    [InlineData("/profiles/{A}/edit")]
    [InlineData("/profiles/{A}/receipt")]
    [InlineData("/profiles/{A}/withdraw")]
    [InlineData("/profiles/{A}/present-again")]
    [InlineData("/profiles/{A}/attachments/{A.file}")]
    [InlineData("/profiles/{B}/attachments/{A.file}")]
    [InlineData("/profiles/999999")]
    [InlineData("/profiles/999999/attachments/1")]
    public async Task Group_B_cannot_reach_group_As_profile_or_files_by_changing_ids(string template)
    {
        var url = template.Replace("{A}", Id(fixture.A.Id), StringComparison.Ordinal).Replace("{B}", Id(fixture.B.Id), StringComparison.Ordinal)
            .Replace("{A.file}", Id(fixture.A.AttachmentId), StringComparison.Ordinal);

        using var response = await fixture.GroupB.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Perfil de Grupo de cri", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Group_B_posting_a_withdrawal_to_group_As_profile_changes_nothing()
    {
        var token = await TokenAsync(fixture.GroupB, $"/profiles/{fixture.B.Id}/withdraw");

        using var response = await fixture.GroupB.PostAsync($"/profiles/{fixture.A.Id}/withdraw", Form(token, "withdraw", ("Input.Reason", "Ya no queremos")));

        // The page finds no profile for B, so it renders no form to post to: refused either way.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.Equal(ProfileStatus.Draft, await fixture.StatusAsync(fixture.A.Id));
    }

    [Fact]
    public async Task Anonymous_people_cannot_download_an_attachment()
    {
        using var client = await fixture.ClientAsync(null);

        using var response = await client.GetAsync($"/profiles/{fixture.A.Id}/attachments/{fixture.A.AttachmentId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_juror_not_assigned_to_the_profile_cannot_download_its_attachment_nor_learn_it_exists()
    {
        // Jurors assigned to an eligible profile may (ScoringPortalTests); this profile is assigned to no one.
        using var client = await fixture.ClientAsync("jurado1@demo.hakuwinay.pe");

        using var response = await client.GetAsync($"/profiles/{fixture.A.Id}/attachments/{fixture.A.AttachmentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_representative_downloads_an_attachment_as_a_file_the_browser_may_not_sniff()
    {
        using var response = await fixture.GroupA.GetAsync($"/profiles/{fixture.A.Id}/attachments/{fixture.A.AttachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(DemoProfiles.Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Markdown_with_script_javascript_links_and_event_handlers_renders_inert()
    {
        var html = await fixture.GroupA.GetStringAsync($"/profiles/{fixture.A.Id}");

        Assert.Contains("data-testid=\"profile-view\"", html);
        Assert.Contains("&lt;script&gt;alert", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("onerror=\"alert", html);
        Assert.DoesNotContain("onclick=\"alert", html);
    }

    [Fact]
    public async Task The_representative_lists_their_own_profiles_only()
    {
        var html = await fixture.GroupA.GetStringAsync("/profiles");

        Assert.Contains($"href=\"profiles/{fixture.A.Id}\"", html);
        Assert.DoesNotContain($"href=\"profiles/{fixture.B.Id}\"", html);
    }

    [Fact]
    public async Task A_producer_without_a_group_is_sent_to_register_it()
    {
        using var client = await fixture.ClientAsync(Fixture.NoGroupEmail);

        var html = await client.GetStringAsync("/contests/AYA-2026-01/apply");

        Assert.Contains("data-testid=\"apply-no-group\"", html);
        Assert.Contains("href=\"groups/new\"", html);
    }

    [Fact]
    public async Task A_representative_starts_a_draft_and_is_then_sent_to_it_instead_of_a_second_one()
    {
        using var client = await fixture.ClientAsync("grupo3@demo.hakuwinay.pe");
        var page = await client.GetStringAsync("/contests/AYA-2026-01/apply");
        var category = CategoryRadio().Match(page).Groups[1].Value;

        using var response = await client.PostAsync("/contests/AYA-2026-01/apply", Form(Token(page), "apply", ("Input.CategoryId", category)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath;
        Assert.Matches("^/profiles/[0-9]+/edit$", target);
        var again = await client.GetStringAsync("/contests/AYA-2026-01/apply");
        Assert.Contains("data-testid=\"apply-existing\"", again);
        Assert.Contains($"href=\"{target.TrimStart('/')}\"", again);
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_is_recorded()
    {
        var url = $"/profiles/{fixture.D.Id}/withdraw";
        using var client = await fixture.ClientAsync("grupo4@demo.hakuwinay.pe");

        using var empty = await client.PostAsync(url, Form(await TokenAsync(client, url), "withdraw", ("Input.Reason", "  ")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("validation-message", await empty.Content.ReadAsStringAsync());
        Assert.Equal(ProfileStatus.Draft, await fixture.StatusAsync(fixture.D.Id));

        using var withdrawn = await client.PostAsync(url, Form(await TokenAsync(client, url), "withdraw", ("Input.Reason", "El grupo decidió postular el próximo año")));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(ProfileStatus.Withdrawn, await fixture.StatusAsync(fixture.D.Id));
        var view = await client.GetStringAsync($"/profiles/{fixture.D.Id}");
        Assert.Contains("El grupo decidió postular el próximo año", view);
        Assert.Contains("Este perfil fue retirado y ya no se puede modificar.", await client.GetStringAsync($"/profiles/{fixture.D.Id}/edit"));
        await using var db = await fixture.DbAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.ProfileId == fixture.D.Id && a.Action == "profile.withdrawn"));
    }

    [Fact]
    public async Task The_receipt_shows_the_code_time_in_lima_and_totals_and_prints_without_the_menus()
    {
        var html = await fixture.GroupB.GetStringAsync($"/profiles/{fixture.B.Id}/receipt");

        Assert.Contains(fixture.B.Code!, html);
        Assert.Contains("@media print", html);
        Assert.Contains("S/ 6,600.00", html);
        Assert.Contains("Negocio en idea", html, StringComparison.OrdinalIgnoreCase);
        await using var db = await fixture.DbAsync();
        var submitted = await db.BusinessProfiles.Where(p => p.Id == fixture.B.Id).Select(p => p.SubmittedAtUtc).SingleAsync();
        Assert.Contains(LimaTime.Format(submitted!.Value), html);
        var email = await db.Outbox.SingleAsync(m => m.Subject == $"Constancia de postulación {fixture.B.Code}");
        Assert.Contains(fixture.B.Code!, email.TextBody);
        Assert.Contains("S/ 6,600.00", email.TextBody);
        Assert.Contains(LimaTime.Format(submitted.Value), email.TextBody);
    }

    [Fact]
    public async Task The_administrator_decides_eligibility_with_the_checklist_and_the_group_is_told()
    {
        var url = $"/admin/profiles/{fixture.B.Id}/eligibility";
        var page = await fixture.Admin.GetStringAsync(url);
        var items = ItemIds().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, items.Count);
        var version = VersionField().Match(page).Groups[1].Value;
        (string, string)[] Answers(bool allMet) => [.. items.SelectMany((id, i) => allMet || i > 0
            ? new[] { ($"Input.Items[{i}].ItemId", id), ($"Input.Items[{i}].Met", "true") }
            : new[] { ($"Input.Items[{i}].ItemId", id) })];

        using var noReason = await fixture.Admin.PostAsync(url, Form(Token(page), "eligibility", [("Input.Version", version), ("Input.Decision", "Eligible"), ("Input.Reason", ""), .. Answers(true)]));
        Assert.Contains("validation-message", await noReason.Content.ReadAsStringAsync());
        using var notEveryItem = await fixture.Admin.PostAsync(url, Form(Token(page), "eligibility", [("Input.Version", version), ("Input.Decision", "Eligible"), ("Input.Reason", "Todo en orden"), .. Answers(false)]));
        Assert.Contains("Solo puede declararse elegible si cumple todos los puntos.", await notEveryItem.Content.ReadAsStringAsync());
        Assert.Equal(ProfileStatus.Submitted, await fixture.StatusAsync(fixture.B.Id));

        using var decided = await fixture.Admin.PostAsync(url, Form(Token(page), "eligibility", [("Input.Version", version), ("Input.Decision", "Eligible"), ("Input.Reason", "Cumple todas las condiciones"), .. Answers(true)]));

        Assert.Contains("data-testid=\"eligibility-saved\"", await decided.Content.ReadAsStringAsync());
        Assert.Equal(ProfileStatus.Eligible, await fixture.StatusAsync(fixture.B.Id));
        await using var db = await fixture.DbAsync();
        Assert.True(await db.Outbox.AnyAsync(m => m.To == "grupo2@demo.hakuwinay.pe" && m.Subject.StartsWith("Revisión de elegibilidad")));
        var view = await fixture.GroupB.GetStringAsync($"/profiles/{fixture.B.Id}");
        Assert.Contains("data-testid=\"eligibility-decision\"", view);
        Assert.Contains("Cumple todas las condiciones", view);
    }

    [Fact]
    public async Task The_submissions_page_links_each_profile_and_its_eligibility_review()
    {
        var html = await fixture.Admin.GetStringAsync($"/admin/contests/{fixture.ContestId}/submissions");

        Assert.Contains($"href=\"profiles/{fixture.B.Id}\"", html);
        Assert.Contains($"href=\"admin/profiles/{fixture.B.Id}/eligibility\"", html);
        Assert.Contains($"href=\"admin/contests/{fixture.ContestId}/audit\"", html);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => Token(await client.GetStringAsync(url));

    private static string Token(string page) => WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);

    private static FormUrlEncodedContent Form(string token, string handler, params (string Name, string Value)[] fields) =>
        new([new("_handler", handler), new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.CategoryId\"[^>]*value=\"([0-9]+)\"|value=\"([0-9]+)\"[^>]*name=\"Input.CategoryId\"")]
    private static partial Regex CategoryRadio();

    [GeneratedRegex("name=\"Input.Items\\[[0-9]+\\].ItemId\" value=\"([0-9]+)\"")]
    private static partial Regex ItemIds();

    [GeneratedRegex("name=\"Input.Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionField();

    /// <summary>One demo portal: group A's draft (with malicious Markdown), B's submission, D's draft; a signed-in client per person.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const string NoGroupEmail = "sin-grupo@demo.hakuwinay.pe";
        private readonly Dictionary<string, HttpClient> _clients = [];

        public PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

        public DemoProfile A { get; private set; } = null!;
        public DemoProfile B { get; private set; } = null!;
        public DemoProfile D { get; private set; } = null!;
        public int ContestId { get; private set; }
        public HttpClient GroupA { get; private set; } = null!;
        public HttpClient GroupB { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            A = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupA, submit: false, sectionText: Malicious);
            B = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupB, submit: true);
            D = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupD, submit: false);
            await using (var scope = Portal.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = NoGroupEmail, Email = NoGroupEmail, FullName = "Sin Grupo", CreatedAtUtc = DateTime.UtcNow, EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Producer)).Succeeded);
            }
            await using (var db = await DbAsync())
            {
                ContestId = await db.Contests.Where(c => c.Code == "AYA-2026-01").Select(c => c.Id).SingleAsync();
            }
            GroupA = await ClientAsync("grupo1@demo.hakuwinay.pe");
            GroupB = await ClientAsync("grupo2@demo.hakuwinay.pe");
            Admin = await ClientAsync("admin@demo.hakuwinay.pe");
        }

        public async Task<HttpClient> ClientAsync(string? email)
        {
            var client = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
            }
            _clients[email ?? Guid.NewGuid().ToString()] = client;
            return client;
        }

        public Task<ContestsDbContext> DbAsync() => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();

        public async Task<ProfileStatus> StatusAsync(int profileId)
        {
            await using var db = await DbAsync();
            return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Status).SingleAsync();
        }

        public Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
