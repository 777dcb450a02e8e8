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
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<MaildevEmail>> AllAsync() =>
        await _http.GetFromJsonAsync<List<MaildevEmail>>("/api/email") ?? [];

    /// <summary>
    /// maildev answers the SMTP transaction before it has stored the message, so the API may lag
    /// the send by a few milliseconds: wait for the condition, bounded, instead of a fixed sleep.
    /// </summary>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForAsync(string subject, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var matching = (await AllAsync()).Where(m => m.Subject == subject).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits, bounded, for the first message that matches; null if none arrives in time.</summary>
    public async Task<MaildevEmail?> WaitForAsync(Func<MaildevEmail, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = (await AllAsync()).FirstOrDefault(match);
            if (found is not null || DateTime.UtcNow > deadline)
            {
                return found;
            }
            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();
}
