using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Web.Components.Shared;

/// <summary>
/// What an editor keeps in its circuit's persisted state (<c>[PersistentState]</c>) when the
/// circuit is evicted or paused: whose input it is, of which record, at which version, and the
/// input itself (docs/decisions/026-circuit-state.md). A resumed page takes it back only for the same
/// account and record; if the record was saved meanwhile, the page shows it with the conflict.
/// </summary>
public sealed class KeptDraft<T>
    where T : class
{
    public string UserId { get; set; } = "";

    public int RecordId { get; set; }

    public Guid Version { get; set; }

    public T? Input { get; set; }

    public static KeptDraft<T> Of(ActingUser user, int recordId, Guid version, T input) =>
        new() { UserId = user.UserId, RecordId = recordId, Version = version, Input = input };

    /// <summary>The kept draft if it is this account's, of this record; otherwise null (another account signed in since, another record).</summary>
    public static KeptDraft<T>? Take(KeptDraft<T>? kept, ActingUser? user, int recordId) =>
        kept is { Input: not null } && user is not null && kept.UserId == user.UserId && kept.RecordId == recordId ? kept : null;

    /// <summary>True when the record was saved (by another tab, another person) after this draft was kept.</summary>
    public bool IsStale(Guid currentVersion) => Version != currentVersion;
}

/// <summary>The browser-side copy's key (drafts.js): a kind, the record and the account, so no other account ever gets it back.</summary>
public static class BrowserDraft
{
    public static string Key(string kind, int recordId, ActingUser user) => $"{kind}:{recordId}:{user.UserId}";
}
