using HakuWinay.Contests.Common;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HakuWinay.Contests.Web.Components.Pages.Judging.Live;

/// <summary>
/// A screen that follows a contest live: once interactive it subscribes to the contest's events,
/// reloads what it shows on each one and re-renders; it disposes the subscription when it goes
/// away (a prerendered pass never subscribes, so nothing is left behind by it).
/// </summary>
/// <remarks>
/// A tab closed mid-session leaves work in flight: an event being handled, a navigation asked for.
/// Once disposed, the screen cancels <see cref="Gone"/>, ignores what the closed circuit throws at
/// that work, and never navigates; while the browser is away (the circuit outlives its connection)
/// a navigation waits for it to come back instead of failing (<see cref="NavigateLive"/>).
/// </remarks>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _gone = new();
    private List<IDisposable>? _subscriptions;
    private CircuitConnection? _connection;
    private Action? _pendingNavigation;
    private bool _disposed;

    [Inject]
    private IContestEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager LiveNavigation { get; set; } = default!;

    [Inject]
    private IServiceProvider LiveServices { get; set; } = default!;

    /// <summary>Cancelled when the screen goes away: for work that should stop with it.</summary>
    protected CancellationToken Gone { get; private set; }

    protected LiveComponent() => Gone = _gone.Token;

    /// <summary>Starts following the contest, when the circuit is live and not already following.</summary>
    protected void Follow(int contestId) => Follow([contestId]);

    /// <summary>Starts following several contests (a page that spans them), when the circuit is live and not already following.</summary>
    protected void Follow(IReadOnlyCollection<int> contestIds)
    {
        ArgumentNullException.ThrowIfNull(contestIds);
        if (RendererInfo.IsInteractive && _subscriptions is null && !_disposed)
        {
            // Absent outside a real circuit (component tests): the browser is then taken as always there.
            _connection = LiveServices.GetService<CircuitConnection>();
            if (_connection is not null)
            {
                _connection.Reconnected += OnReconnectedAsync;
            }
            _subscriptions = contestIds.Distinct().Select(id => Events.Subscribe(id, DeliverAsync)).ToList();
        }
    }

    /// <summary>True once the screen is subscribed to its contests' events (never in a prerendered pass).</summary>
    protected bool IsFollowing => _subscriptions is not null && !_disposed;

    /// <summary>Reloads what the screen shows after a change of its contest.</summary>
    protected abstract Task OnContestChangedAsync(ContestEvent change);

    /// <summary>Navigates now if the browser is connected, when it comes back if it is away, and never once the screen went away.</summary>
    protected void NavigateLive(string url) => WhenConnected(() => LiveNavigation.NavigateTo(url));

    /// <summary>Reloads the page (an enhanced refresh for a static page), with the same care as <see cref="NavigateLive"/>.</summary>
    protected void RefreshLive() => WhenConnected(() => LiveNavigation.Refresh());

    private void WhenConnected(Action navigate)
    {
        if (_disposed)
        {
            return;
        }
        if (_connection is { IsUp: false })
        {
            _pendingNavigation = navigate;
            return;
        }
        _pendingNavigation = null;
        navigate();
    }

    private Task DeliverAsync(ContestEvent change)
    {
        if (_disposed)
        {
            return Task.CompletedTask;
        }
        return InvokeAsync(async () =>
        {
            try
            {
                if (_disposed)
                {
                    return;
                }
                await OnContestChangedAsync(change);
                if (!_disposed)
                {
                    StateHasChanged();
                }
            }
            catch (Exception ex) when (_disposed && ex is OperationCanceledException or ObjectDisposedException or JSDisconnectedException)
            {
                // The circuit closed while this change was being shown: there is no one left to show it to.
            }
        });
    }

    private Task OnReconnectedAsync() => InvokeAsync(() =>
    {
        if (_pendingNavigation is { } navigate)
        {
            WhenConnected(navigate);
        }
    });

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
            foreach (var subscription in _subscriptions ?? [])
            {
                subscription.Dispose();
            }
            _subscriptions = null;
            if (_connection is not null)
            {
                _connection.Reconnected -= OnReconnectedAsync;
            }
            _pendingNavigation = null;
            _gone.Cancel();
            _gone.Dispose();
        }
    }
}
