using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Testing;

/// <summary>
/// One HTTP client per account, signed in through the real login form the first time it is asked
/// for and kept for the fixture's life (signing in is the slow part of a request-per-case matrix).
/// Tests of one class may ask at once, so the first sign-in of a key is made by one of them only.
/// A key without an email (<see langword="null"/>) is an anonymous client.
/// </summary>
public sealed class SignedInClients(PortalFactory portal, Func<string, string?> emailOf) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<HttpClient> ForAsync(string key)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(key, out var client))
            {
                client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                if (emailOf(key) is { } email)
                {
                    await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
                }
                _clients[key] = client;
            }
            return client;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        _gate.Dispose();
    }
}
