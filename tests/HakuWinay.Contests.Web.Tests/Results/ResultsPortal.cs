using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Results;

/// <summary>
/// A demo portal whose contest is scored and ready to publish (<see cref="RankableDemo"/>), with
/// one signed-in client per demo role; <see cref="PublishAsync"/> publishes a version.
/// </summary>
public partial class ResultsPortal : IAsyncLifetime
{
    public const string Anonymous = "Anonymous";
    public const string OtherProducer = "OtherProducer";

    public static readonly Dictionary<string, string> Accounts = new()
    {
        [Identity.Roles.Admin] = "admin@demo.hakuwinay.pe",
        [Identity.Roles.Juror] = "jurado1@demo.hakuwinay.pe",
        [Identity.Roles.Producer] = "grupo5@demo.hakuwinay.pe",
        [OtherProducer] = "grupo6@demo.hakuwinay.pe",
        [Identity.Roles.Technician] = "tecnico@demo.hakuwinay.pe",
    };

    private readonly SignedInClients _clients;

    public PortalFactory Portal { get; } = new();

    public ResultsPortal() => _clients = new SignedInClients(Portal, principal => principal == Anonymous ? null : Accounts[principal]);

    /// <summary>grupo5's submitted, eligible, scored profile in the demo contest.</summary>
    public int ProfileId { get; private set; }

    public virtual async Task InitializeAsync()
    {
        await RankableDemo.MakeRankableAsync(Portal);
        await using var db = await Factory.CreateDbContextAsync();
        ProfileId = await (from p in db.BusinessProfiles
                           join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                           join u in db.Users on g.RepresentativeUserId equals u.Id
                           where u.Email == Accounts[Identity.Roles.Producer] && p.Code != null
                           select p.Id).SingleAsync();
    }

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public Task<HttpClient> ClientAsync(string principal) => _clients.ForAsync(principal);

    public async Task<PublishedVersion> PublishAsync(string? correctionReason = null)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var admin = new ActingUser(await UserIdAsync(Accounts[Identity.Roles.Admin]), IsAdmin: true);
        var published = await scope.ServiceProvider.GetRequiredService<PublicationService>().PublishAsync(1, admin, correctionReason);
        Assert.True(published.Succeeded, published.Outcome + " " + string.Join(", ", published.Violations.Select(v => v.Rule + ":" + string.Join("/", v.Arguments))));
        return published.Value!;
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Posts the static appeal form as a browser does: multipart, antiforgery token, form name, an optional file.</summary>
    public static async Task<HttpResponseMessage> PostAppealAsync(HttpClient client, string url, string text, (string Name, string Type, byte[] Bytes)? file)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{url} has no antiforgery token.");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("appeal"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(text), "Input.Text" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(f.Type);
            form.Add(content, "attachment", f.Name);
        }
        return await client.PostAsync(url, form);
    }

    public Task DisposeAsync()
    {
        _clients.Dispose();
        Portal.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The same portal with version 1 of the results published.</summary>
public sealed class PublishedResultsPortal : ResultsPortal
{
    public PublishedVersion Version1 { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Version1 = await PublishAsync();
    }
}
