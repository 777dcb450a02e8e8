namespace HakuWinay.Contests.Profiles;

/// <summary>
/// A file attached to a draft profile (a quotation, a photo, the counterpart commitment). The
/// bytes live outside the web root under a generated name; the row keeps the name the group gave
/// it (for display only), the type decided by its content, its size and its SHA-256.
/// </summary>
public sealed class ProfileAttachment
{
    public const int MaxFileNameLength = 200;

    private ProfileAttachment() { }

    public ProfileAttachment(
        int profileId, string displayName, string storageName, AttachmentKind kind, long sizeBytes, string sha256, string uploadedByUserId, DateTime uploadedAtUtc,
        int? documentSlotId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);
        if (sizeBytes is <= 0 or > AttachmentFile.MaxBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), "An attachment has between 1 byte and 10 MB.");
        }
        BusinessProfileId = profileId;
        DisplayName = displayName;
        StorageName = storageName;
        Kind = kind;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedByUserId = uploadedByUserId;
        UploadedAtUtc = uploadedAtUtc;
        DocumentSlotId = documentSlotId;
    }

    public int Id { get; private set; }
    public int BusinessProfileId { get; private set; }

    /// <summary>The group's own file name, cleaned of paths and control characters; shown, never used on disk.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>The generated name of the file in the attachments folder.</summary>
    public string StorageName { get; private set; } = "";
    public AttachmentKind Kind { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>The contest's document slot this file fills (the acta de asamblea…); null for the group's other files.</summary>
    public int? DocumentSlotId { get; private set; }

    public string ContentType => AttachmentFile.ContentType(Kind);

    /// <summary>The name a download is saved under: the group's name with the extension of what the file really is.</summary>
    public string DownloadName => Path.GetFileNameWithoutExtension(DisplayName) + AttachmentFile.Extension(Kind);
}
