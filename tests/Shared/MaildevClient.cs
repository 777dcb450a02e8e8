using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace HakuWinay.Contests.Testing;

public sealed record MaildevAddress(string Address, string? Name);

public sealed record MaildevEmail(
    string Id, string Subject, IReadOnlyList<MaildevAddress> To, string? Text, string? Html,
    [property: JsonPropertyName("headers")] Dictionary<string, object>? Headers);

/// <summary>Reads what a maildev server received, through its HTTP API.</summary>
public sealed class MaildevClient(Uri baseUrl) : IDisposable
{
    /// <summary>How long a wait may last on a loaded CI machine; a wait that succeeds returns as soon as it does.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<MaildevEmail>> AllAsync() =>
        await _http.GetFromJsonAsync<List<MaildevEmail>>("/api/email") ?? [];

    /// <summary>Waits, bounded, until <paramref name="count"/> messages with this subject have arrived; returns those there are.</summary>
    public Task<List<MaildevEmail>> WaitForAsync(string subject, int count = 1) =>
        PollAsync(all => all.Where(m => m.Subject == subject).ToList(), matching => matching.Count >= count, Patience);

    /// <summary>Waits, bounded, for the first message that matches; null if none arrives in time.</summary>
    public Task<MaildevEmail?> WaitForAsync(Func<MaildevEmail, bool> match) =>
        PollAsync(all => all.FirstOrDefault(match), found => found is not null, Patience);

    /// <summary>
    /// maildev offers no notification: it answers the SMTP transaction before it has stored the
    /// message, and the portal's outbox sends in the background. So its API is read until the
    /// condition holds or the limit passes, never for a fixed time.
    /// </summary>
    private async Task<T> PollAsync<T>(Func<IReadOnlyList<MaildevEmail>, T> select, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var result = select(await AllAsync());
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(50);
        }
    }

    public void Dispose() => _http.Dispose();
}
