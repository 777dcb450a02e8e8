using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Whether the browser of this circuit is connected right now. A circuit outlives its connection
/// (a closed tab, a phone that lost signal): renders made meanwhile are kept and sent on reconnect,
/// but a call into the browser (a navigation) waits for it and then fails, and is logged as such.
/// Live screens ask here before navigating, and do it when the browser is back.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    /// <summary>True until the connection drops; true again when it is back.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Raised on the circuit's connection coming back.</summary>
    public event Func<Task>? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsUp = false;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsUp = true;
        return Reconnected?.Invoke() ?? Task.CompletedTask;
    }
}
