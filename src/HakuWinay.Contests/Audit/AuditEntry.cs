using System.Text.Json;

namespace HakuWinay.Contests.Audit;

/// <summary>
/// One state change, kept forever: who did what, when, to which contest or profile, with the
/// values before and after. The administrator answers to the ministry with this.
/// </summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AuditEntry() { }

    private AuditEntry(DateTime atUtc, string? userId, string action, string entityType, string entityId,
        int? contestId, int? profileId, string? before, string? after)
    {
        OccurredAtUtc = atUtc;
        UserId = userId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        ContestId = contestId;
        ProfileId = profileId;
        BeforeJson = before;
        AfterJson = after;
    }

    public long Id { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>The user who acted; null for the system (a scheduled job).</summary>
    public string? UserId { get; private set; }

    /// <summary>What happened, e.g. "profile.submitted", "contest.deadline-extended".</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public int? ContestId { get; private set; }
    public int? ProfileId { get; private set; }
    public string? BeforeJson { get; private set; }
    public string? AfterJson { get; private set; }

    public static AuditEntry Record(DateTime atUtc, string? userId, string action, string entityType, string entityId,
        int? contestId = null, int? profileId = null, object? before = null, object? after = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new AuditEntry(atUtc, userId, action, entityType, entityId, contestId, profileId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json));
    }
}
