using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Results.Publication;

public enum AppealStatus
{
    Filed = 0,
    Upheld = 1,
    Rejected = 2,
}

/// <summary>
/// A group's appeal (reclamo) against a published version of the results: one per group and
/// contest, filed within the contest's window after the latest publication, with a text and an
/// optional attachment (stored like profile attachments). The Admin rejects it or upholds it;
/// upholding opens a correction, and the version that publishes it is recorded here.
/// </summary>
public sealed class Appeal
{
    public const int MaxTextLength = 4000;
    public const int MaxReasonLength = 1000;

    private Appeal() { }

    public Appeal(int contestId, int businessProfileId, int producerGroupId, int publicationVersion, string text, string filedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filedByUserId);
        ContestId = contestId;
        BusinessProfileId = businessProfileId;
        ProducerGroupId = producerGroupId;
        PublicationVersion = publicationVersion;
        Text = CheckedText(text);
        FiledByUserId = filedByUserId;
        FiledAtUtc = nowUtc;
        Status = AppealStatus.Filed;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int BusinessProfileId { get; private set; }
    public int ProducerGroupId { get; private set; }

    /// <summary>The version of the results the appeal is against (the latest when it was filed).</summary>
    public int PublicationVersion { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime FiledAtUtc { get; private set; }
    public string FiledByUserId { get; private set; } = "";

    public string? AttachmentDisplayName { get; private set; }
    public string? AttachmentStorageName { get; private set; }
    public AttachmentKind? AttachmentKind { get; private set; }
    public long? AttachmentSizeBytes { get; private set; }
    public string? AttachmentSha256 { get; private set; }

    public AppealStatus Status { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>For an upheld appeal: the version of the results that corrected it, once published.</summary>
    public int? CorrectedInVersion { get; private set; }

    public bool HasAttachment => AttachmentStorageName is not null;

    public static bool IsValidText(string? text) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= MaxTextLength;

    public static bool IsValidReason(string? reason) => !string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= MaxReasonLength;

    public void Attach(string displayName, string storageName, AttachmentKind kind, long sizeBytes, string sha256)
    {
        if (HasAttachment)
        {
            throw new InvalidOperationException("An appeal has one attachment.");
        }
        AttachmentDisplayName = displayName;
        AttachmentStorageName = storageName;
        AttachmentKind = kind;
        AttachmentSizeBytes = sizeBytes;
        AttachmentSha256 = sha256;
    }

    public void Reject(string reason, string adminUserId, DateTime nowUtc) => Decide(AppealStatus.Rejected, reason, adminUserId, nowUtc);

    public void Uphold(string reason, string adminUserId, DateTime nowUtc) => Decide(AppealStatus.Upheld, reason, adminUserId, nowUtc);

    /// <summary>The correction this appeal opened was published as <paramref name="version"/>.</summary>
    public void RecordCorrection(int version)
    {
        if (Status != AppealStatus.Upheld || CorrectedInVersion is not null)
        {
            throw new InvalidOperationException($"Appeal {Id} is not awaiting its correction.");
        }
        CorrectedInVersion = version;
    }

    private void Decide(AppealStatus status, string reason, string adminUserId, DateTime nowUtc)
    {
        if (Status != AppealStatus.Filed)
        {
            throw new InvalidOperationException($"Appeal {Id} was already decided ({Status}).");
        }
        if (!IsValidReason(reason))
        {
            throw new ArgumentException($"A decision needs a reason of at most {MaxReasonLength} characters.", nameof(reason));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        Status = status;
        DecisionReason = reason.Trim();
        DecidedByUserId = adminUserId;
        DecidedAtUtc = nowUtc;
    }

    private static string CheckedText(string text) =>
        IsValidText(text) ? text.Trim() : throw new ArgumentException($"An appeal needs a text of at most {MaxTextLength} characters.", nameof(text));
}
