using System.Text.Json;
using System.Threading.Channels;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Npgsql;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Contest events between the copies of the portal on one PostgreSQL database, by
/// <c>NOTIFY</c>/<c>LISTEN</c> (docs/decisions/024-contest-events-across-servers.md). Each copy
/// keeps one connection listening on <see cref="Channel"/> and hands what other copies sent to
/// its own <see cref="ContestEvents"/>; its own events, which it already delivered, it skips by
/// their origin. Sending is queued and done on one connection, in order, off the caller's
/// thread. A lost connection is reopened with a growing pause; events sent meanwhile by others
/// are missed (the screens then show them at their next event or reload, as after any dropped
/// connection: the database, not the event, holds the state).
/// </summary>
internal sealed class PostgresContestEventRelay(DatabaseSetup.ResolvedDatabase database, ContestEvents local, ILogger<PostgresContestEventRelay> logger)
    : BackgroundService, IContestEventRelay
{
    public const string Channel = "haku_contest_events";
    public const string ListenerName = "haku-events-listen";
    private const string SenderName = "haku-events-send";

    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<ContestEvent> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<ContestEvent>(new() { SingleReader = true });
    private readonly string _origin = Guid.NewGuid().ToString("N");

    public void Send(ContestEvent contestEvent) => _outgoing.Writer.TryWrite(contestEvent);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private string ConnectionString(string application) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = application, Pooling = false, KeepAlive = 30 }.ConnectionString;

    private async Task ListenAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString(ListenerName));
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                if (failures > 0)
                {
                    logger.LogInformation("Listening again for contest events of the other copies.");
                }
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                var pause = Pauses[Math.Min(failures, Pauses.Length - 1)];
                failures++;
                logger.LogWarning(ex, "Lost the connection that listens for the other copies' contest events; trying again in {Pause}.", pause);
                await PauseAsync(pause, ct);
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<RelayMessage>(payload, Json);
            if (message?.Event is { } contestEvent && message.Origin != _origin)
            {
                local.Publish(contestEvent);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a contest event notification that is not one of ours.");
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString(SenderName));
                await connection.OpenAsync(ct);
                failures = 0;
                while (await _outgoing.Reader.WaitToReadAsync(ct))
                {
                    while (_outgoing.Reader.TryPeek(out var contestEvent))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new RelayMessage(_origin, contestEvent), Json));
                        await notify.ExecuteNonQueryAsync(ct);
                        _outgoing.Reader.TryRead(out _);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                var pause = Pauses[Math.Min(failures, Pauses.Length - 1)];
                failures++;
                logger.LogWarning(ex, "Could not send a contest event to the other copies; trying again in {Pause}.", pause);
                await PauseAsync(pause, ct);
            }
        }
    }

    private static async Task PauseAsync(TimeSpan pause, CancellationToken ct)
    {
        try
        {
            await Task.Delay(pause, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private sealed record RelayMessage(string Origin, ContestEvent Event);
}
