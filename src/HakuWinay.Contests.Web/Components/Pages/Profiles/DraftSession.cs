using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Web.Components.Pages.Profiles;

public enum SaveState
{
    Idle,
    Saving,
    Saved,
    /// <summary>The draft changed elsewhere (another tab, another person): nothing more is saved until the page reloads.</summary>
    Conflict,
    Failed,
}

/// <summary>
/// One open editor's hold on a draft: the version it last read or wrote, and one save at a time.
/// Every save carries that version, so a save from a stale page is refused (Conflict) instead of
/// overwriting what another tab saved; after a conflict the session saves nothing more.
/// </summary>
public sealed class DraftSession(int profileId, Guid version, ActingUser user, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _pending;

    public int ProfileId { get; } = profileId;

    public ActingUser User { get; } = user;

    public Guid Version { get; private set; } = version;

    public SaveState State { get; private set; } = SaveState.Idle;

    public DateTime? LastSavedAtUtc { get; private set; }

    /// <summary>Saves that succeeded since the page opened.</summary>
    public int SavedCount { get; private set; }

    /// <summary>Saves waiting for their turn or running: zero means everything typed so far is stored.</summary>
    public int PendingSaves => Volatile.Read(ref _pending);

    /// <summary>Raised whenever <see cref="State"/> changes, for the indicator and the conflict banner.</summary>
    public event Action? Changed;

    /// <summary>Runs one save with the current version; <paramref name="versionOf"/> reads the new version from its answer.</summary>
    public async Task<ServiceResult<T>> SaveAsync<T>(Func<Guid, Task<ServiceResult<T>>> save, Func<T, Guid> versionOf)
    {
        Interlocked.Increment(ref _pending);
        var counted = true;
        await _gate.WaitAsync();
        try
        {
            if (State == SaveState.Conflict)
            {
                return ServiceResult<T>.Fail(ServiceOutcome.Conflict);
            }
            var before = State;
            Set(SaveState.Saving);
            var result = await save(Version);
            if (result.Succeeded)
            {
                Version = versionOf(result.Value!);
                LastSavedAtUtc = clock.GetUtcNow().UtcDateTime;
                SavedCount++;
            }
            // Before the state is shown, so "saved, nothing pending" is never shown while this save runs.
            Interlocked.Decrement(ref _pending);
            counted = false;
            Set(result.Outcome switch
            {
                ServiceOutcome.Ok => SaveState.Saved,
                ServiceOutcome.Conflict => SaveState.Conflict,
                // A rule refused it: the message is shown beside its field, and the draft is as it was.
                ServiceOutcome.Invalid => before,
                _ => SaveState.Failed,
            });
            return result;
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _pending);
            }
            _gate.Release();
        }
    }

    /// <summary>
    /// For a draft kept while the page was away (a resumed circuit) whose record was saved elsewhere
    /// meanwhile: the kept input is shown with the conflict, and nothing is saved over the newer record.
    /// </summary>
    public void MarkConflict() => Set(SaveState.Conflict);

    public Task<ServiceResult<Guid>> SaveAsync(Func<Guid, Task<ServiceResult<Guid>>> save) => SaveAsync(save, v => v);

    private void Set(SaveState state)
    {
        State = state;
        Changed?.Invoke();
    }

    public void Dispose() => _gate.Dispose();
}
