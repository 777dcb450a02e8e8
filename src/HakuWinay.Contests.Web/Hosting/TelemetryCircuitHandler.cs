using HakuWinay.Contests.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>Counts the interactive circuits open on this copy (<c>hakuwinay.circuits.open</c>).</summary>
internal sealed class TelemetryCircuitHandler : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        PortalMeters.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        PortalMeters.CircuitClosed();
        return Task.CompletedTask;
    }
}
