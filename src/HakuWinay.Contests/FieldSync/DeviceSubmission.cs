using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.FieldSync;

public enum DeviceSubmissionKind
{
    Scorecard = 0,
    /// <summary>A Technician's follow-up visit report with its photos (TargetId is the visit).</summary>
    VisitReport = 1,
    /// <summary>A conflict of interest the juror declared offline for one of their scorecards' profiles.</summary>
    ConflictDeclaration = 2,
}

public enum DeviceSubmissionState
{
    /// <summary>Claimed by a request that is applying it now; a second send waits for its answer.</summary>
    Pending = 0,
    Accepted = 1,
    Refused = 2,
}

/// <summary>
/// One item a device did without signal and sent later, under the id the device made for it
/// (docs/decisions/036-offline-field-work.md). The row is the answer: a second send of the same
/// id finds it and gets the same answer without anything being applied twice. A refusal keeps its
/// reasons (rule keys and their arguments, as JSON) for the device and for the Administrator.
/// </summary>
public sealed class DeviceSubmission
{
    public const int MaxRefusalsLength = 4_000;

    private DeviceSubmission() { }

    public DeviceSubmission(Guid id, string userId, DeviceSubmissionKind kind, int targetId, int contestId, int? profileId, string payloadHash, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadHash);
        Id = id;
        UserId = userId;
        Kind = kind;
        TargetId = targetId;
        ContestId = contestId;
        ProfileId = profileId;
        PayloadHash = payloadHash;
        ReceivedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DeviceSubmissionKind Kind { get; private set; }
    /// <summary>The scorecard the item is for (a conflict declaration: the scorecard it was declared from; a visit report: the visit).</summary>
    public int TargetId { get; private set; }
    public int ContestId { get; private set; }
    public int? ProfileId { get; private set; }
    /// <summary>SHA-256 of what was sent: the same id with other content is refused, never applied.</summary>
    public string PayloadHash { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }
    public DeviceSubmissionState State { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>The refusal's reasons as a JSON list of { field, rule, arguments }; null when accepted.</summary>
    public string? Refusals { get; private set; }

    /// <summary>Whether a claim is old enough to be taken over (its request died before answering).</summary>
    public bool IsAbandoned(DateTime nowUtc) => State == DeviceSubmissionState.Pending && nowUtc - ReceivedAtUtc > TimeSpan.FromMinutes(2);

    public void Reclaim(DateTime nowUtc) => ReceivedAtUtc = nowUtc;

    public void Accept(DateTime nowUtc)
    {
        State = DeviceSubmissionState.Accepted;
        AnsweredAtUtc = nowUtc;
        Refusals = null;
    }

    public void Refuse(string refusalsJson, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refusalsJson);
        State = DeviceSubmissionState.Refused;
        AnsweredAtUtc = nowUtc;
        Refusals = refusalsJson.Length <= MaxRefusalsLength ? refusalsJson : refusalsJson[..MaxRefusalsLength];
    }
}

internal sealed class DeviceSubmissionConfiguration : IEntityTypeConfiguration<DeviceSubmission>
{
    public void Configure(EntityTypeBuilder<DeviceSubmission> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.PayloadHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Refusals).HasMaxLength(DeviceSubmission.MaxRefusalsLength);
        builder.HasIndex(s => new { s.ContestId, s.State });
    }
}
