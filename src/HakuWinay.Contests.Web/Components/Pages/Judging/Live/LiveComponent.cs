using HakuWinay.Contests.Common;
using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Components.Pages.Judging.Live;

/// <summary>
/// A screen that follows a contest live: once interactive it subscribes to the contest's events,
/// reloads what it shows on each one and re-renders; it disposes the subscription when it goes
/// away (a prerendered pass never subscribes, so nothing is left behind by it).
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private bool _disposed;

    [Inject]
    private IContestEvents Events { get; set; } = default!;

    /// <summary>Starts following the contest, when the circuit is live and not already following.</summary>
    protected void Follow(int contestId)
    {
        if (RendererInfo.IsInteractive && _subscription is null && !_disposed)
        {
            _subscription = Events.Subscribe(contestId, change => InvokeAsync(async () =>
            {
                if (_disposed)
                {
                    return;
                }
                await OnContestChangedAsync(change);
                StateHasChanged();
            }));
        }
    }

    /// <summary>Reloads what the screen shows after a change of its contest.</summary>
    protected abstract Task OnContestChangedAsync(ContestEvent change);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _subscription?.Dispose();
            _subscription = null;
        }
    }
}
