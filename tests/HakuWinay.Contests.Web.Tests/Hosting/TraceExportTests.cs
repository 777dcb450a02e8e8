using System.Net;
using System.Net.Sockets;
using System.Text;
using HakuWinay.Contests.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>Traces leave by OTLP/HTTP only when an endpoint is configured; a small collector on loopback receives them.</summary>
public sealed class TraceExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_traces_of_a_request_are_posted_there_as_protobuf()
    {
        using var collector = new OtlpCollector();
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = collector.Address });
        using var client = portal.CreateClient();

        using var page = await client.GetAsync("/contests");
        page.EnsureSuccessStatusCode();
        Assert.True(portal.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "The exporter did not flush.");
        var posts = await collector.ReceivedAsync(body => Encoding.UTF8.GetString(body).Contains("/contests", StringComparison.Ordinal))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("/v1/traces", posts.Path);
        Assert.Equal("application/x-protobuf", posts.ContentType);
        var text = Encoding.UTF8.GetString(posts.Body);
        Assert.Contains("HakuWinay.Contests", text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_traced()
    {
        using var portal = new PortalFactory();

        Assert.Null(portal.Services.GetService<TracerProvider>());
    }

    /// <summary>An OTLP/HTTP receiver on a free loopback port that answers 200 to every POST and keeps what it got.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<Post> _posts = [];
        private readonly List<(Func<byte[], bool> Match, TaskCompletionSource<Post> Done)> _waiters = [];

        public OtlpCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Address { get; }

        /// <summary>Completes with the first POST (received before or after the call) whose body matches.</summary>
        public Task<Post> ReceivedAsync(Func<byte[], bool> match)
        {
            lock (_posts)
            {
                if (_posts.FirstOrDefault(p => match(p.Body)) is { } already)
                {
                    return Task.FromResult(already);
                }
                var done = new TaskCompletionSource<Post>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task;
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var post = new Post(context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
                lock (_posts)
                {
                    _posts.Add(post);
                    foreach (var waiter in _waiters.Where(w => w.Match(post.Body)).ToList())
                    {
                        _waiters.Remove(waiter);
                        waiter.Done.TrySetResult(post);
                    }
                }
            }
        }

        public void Dispose() => _listener.Close();
    }

    private sealed record Post(string Path, string ContentType, byte[] Body);
}
