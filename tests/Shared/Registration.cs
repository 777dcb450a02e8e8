using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Testing;

/// <summary>
/// Self-registration as a person does it: the form at /register, then the link of the email the
/// portal queued (read from the outbox table), then the confirmation button, which signs in.
/// </summary>
public static partial class Registration
{
    public const string ConfirmSubject = "Confirme su correo";

    public static List<KeyValuePair<string, string>> Fields(string email, string password, string fullName = "Rosa Quispe Huamán") =>
    [
        new("Input.FullName", fullName), new("Input.Email", email), new("Input.Phone", "987654321"),
        new("Input.Password", password), new("Input.ConfirmPassword", password),
    ];

    /// <summary>Registers, confirms through the emailed link and fails loudly unless that ends signed in, on the group form.</summary>
    public static async Task RegisterAndConfirmAsync(PortalFactory portal, HttpClient client, string email, string password)
    {
        using var registered = await PostFormAsync(client, "/register", "register", Fields(email, password));
        var page = await registered.Content.ReadAsStringAsync();
        if (registered.StatusCode != HttpStatusCode.OK || !page.Contains("data-testid=\"check-email\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Registering {email} answered {(int)registered.StatusCode} without the check-email page.");
        }
        var link = await LinkInEmailAsync(portal, email, ConfirmSubject);
        using var confirmed = await PostFormAsync(client, link, "confirm-email", []);
        if (confirmed.StatusCode != HttpStatusCode.Redirect || confirmed.Headers.Location?.OriginalString.EndsWith("groups/new", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Confirming {email} answered {(int)confirmed.StatusCode} to {confirmed.Headers.Location}, not the group form.");
        }
    }

    /// <summary>The path and query of the portal link in the newest queued email to <paramref name="to"/> with this subject.</summary>
    public static async Task<string> LinkInEmailAsync(PortalFactory portal, string to, string subject)
    {
        var body = await LatestEmailAsync(portal, to, subject)
            ?? throw new InvalidOperationException($"No email \"{subject}\" was queued for {to}.");
        var link = PortalLink().Match(body);
        return link.Success ? new Uri(link.Value).PathAndQuery : throw new InvalidOperationException($"The email \"{subject}\" to {to} has no link.");
    }

    /// <summary>The text of the newest queued email to <paramref name="to"/> with this subject, or null.</summary>
    public static async Task<string?> LatestEmailAsync(PortalFactory portal, string to, string subject)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Outbox.Where(m => m.To == to && m.Subject == subject).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstOrDefaultAsync();
    }

    /// <summary>Opens the page of a form and posts it with its antiforgery token, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{url} has no antiforgery token.");
        }
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        };
        all.AddRange(fields);
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"https?://[^\s<>()""]+/account/[a-z-]+/[^\s<>()""]+")]
    private static partial Regex PortalLink();
}
