using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// A correction of published results (docs/decisions/012-results-publication.md) evicts the cached
/// results pages and downloads of its contest on both <see cref="TwoPortalCopies"/> (the demo of every
/// stage with last year's published contest), so nobody keeps reading the old version.
/// </summary>
public sealed class CorrectedResultsCacheTests : IAsyncLifetime
{
    private const string Reason = "Corrección de la prueba de caché: ficha mal transcrita";
    private static readonly TimeSpan Patience = TwoPortalCopies.Patience;
    private TwoPortalCopies _copies = null!;

    public async Task InitializeAsync() => _copies = await TwoPortalCopies.StartAsync(FullDemo.Settings);

    public async Task DisposeAsync() => await _copies.DisposeAsync();

    [Fact]
    public async Task A_published_correction_is_what_both_copies_answer_at_once_on_the_results_page_acta_and_downloads()
    {
        var (contestId, code, adminId) = await LastYearsContestAsync();
        string[] addresses = [$"/contests/{code}/results", $"/contests/{code}/results/acta", $"/contests/{code}/results/ranking.csv", $"/contests/{code}/results/package.json"];
        using var onA = Client(_copies.A);
        using var onB = Client(_copies.B);
        var before = new Dictionary<(HttpClient, string), string>();
        foreach (var client in new[] { onA, onB })
        {
            foreach (var address in addresses)
            {
                before[(client, address)] = await CachedAsync(client, address);
            }
        }
        Assert.DoesNotContain(Reason, before[(onA, addresses[0])], StringComparison.Ordinal);

        var evictedOnA = TwoPortalCopies.Eviction(_copies.A).NextEvictionAsync(contestId);
        var evictedOnB = TwoPortalCopies.Eviction(_copies.B).NextEvictionAsync(contestId);
        await CorrectAsync(contestId, adminId);
        await evictedOnA.WaitAsync(Patience);
        await evictedOnB.WaitAsync(Patience);

        foreach (var client in new[] { onA, onB })
        {
            foreach (var address in addresses)
            {
                using var answer = await client.GetAsync(address);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.False(answer.Headers.Contains("Age"), $"{address} was answered from the cache after the correction.");
                // A download whose rows did not change still names the new version in its file name.
                Assert.NotEqual(before[(client, address)], await TextAsync(answer));
            }
            Assert.Contains(Reason, await CachedAsync(client, addresses[0]), StringComparison.Ordinal);
            Assert.Contains(Reason, await CachedAsync(client, addresses[1]), StringComparison.Ordinal);
        }
    }

    /// <summary>Opens a correction (if the demo has none open) and publishes the next version, on copy A.</summary>
    private async Task CorrectAsync(int contestId, string adminId)
    {
        await using var scope = _copies.A.Services.CreateAsyncScope();
        var publication = scope.ServiceProvider.GetRequiredService<PublicationService>();
        var admin = new ActingUser(adminId, IsAdmin: true);
        var opened = await publication.OpenCorrectionAsync(contestId, admin, Reason);
        Assert.True(opened.Succeeded, string.Join(", ", opened.Violations.Select(v => v.Rule)));
        var published = await publication.PublishAsync(contestId, admin, Reason);
        Assert.True(published.Succeeded, string.Join(", ", published.Violations.Select(v => v.Rule)) + published.Outcome);
    }

    private async Task<(int Id, string Code, string AdminId)> LastYearsContestAsync()
    {
        await using var db = await _copies.A.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var contest = await FullDemo.LastYearContestAsync(db);
        return (contest.Id, contest.Code, await FullDemo.UserIdAsync(db, "admin@demo.hakuwinay.pe"));
    }

    private static HttpClient Client(PortalFactory portal) => TwoPortalCopies.Client(portal);

    private static Task<string> CachedAsync(HttpClient client, string url) => TwoPortalCopies.CachedAsync(client, url, TextAsync);

    /// <summary>The answer's file name (downloads name their version) and its body.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage answer) =>
        answer.Content.Headers.ContentDisposition?.FileNameStar + answer.Content.Headers.ContentDisposition?.FileName + "\n" + await answer.Content.ReadAsStringAsync();
}
