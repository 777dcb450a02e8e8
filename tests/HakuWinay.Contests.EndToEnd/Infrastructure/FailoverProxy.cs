using System.Net;
using System.Net.Sockets;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// What a load balancer does when a server dies, reduced to TCP: each connection goes to the first
/// of its copies that accepts it, so while the preferred copy lives every connection reaches it,
/// and once it is dead the next connection (a reconnecting WebSocket, a reload) reaches the other.
/// A connection already open dies with its copy, as it would behind nginx.
/// </summary>
public sealed class FailoverProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int[] _ports;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FailoverProxy(params int[] ports)
    {
        _ports = ports;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stop.Token);
    }

    public Uri BaseUrl { get; }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client, ct);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            using var upstream = await ConnectAsync(ct);
            if (upstream is null)
            {
                return;
            }
            var fromClient = client.GetStream();
            var toCopy = upstream.GetStream();
            // When either side ends, both do.
            await Task.WhenAny(CopyAsync(fromClient, toCopy, ct), CopyAsync(toCopy, fromClient, ct));
        }
    }

    private async Task<TcpClient?> ConnectAsync(CancellationToken ct)
    {
        foreach (var port in _ports)
        {
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, port, ct);
                return upstream;
            }
            catch (SocketException)
            {
                upstream.Dispose();
            }
        }
        return null;
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        try
        {
            await from.CopyToAsync(to, ct);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The other side went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
