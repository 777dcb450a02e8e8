using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Common;

/// <summary>
/// A file the portal keeps in its attachments folder (a signed agreement, a payment voucher, a
/// receipt, a visit photo): the name the user gave it, shown but never used on disk, the name the
/// portal generated for it, its kind decided by its content, its size and its SHA-256.
/// </summary>
public sealed class StoredFile
{
    private StoredFile() { }

    public StoredFile(string displayName, string storageName, AttachmentKind kind, long sizeBytes, string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        if (sizeBytes is <= 0 or > AttachmentFile.MaxBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), "A stored file has between 1 byte and 10 MB.");
        }
        DisplayName = displayName;
        StorageName = storageName;
        Kind = kind;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
    }

    public string DisplayName { get; private init; } = "";
    public string StorageName { get; private init; } = "";
    public AttachmentKind Kind { get; private init; }
    public long SizeBytes { get; private init; }
    public string Sha256 { get; private init; } = "";

    public string ContentType => AttachmentFile.ContentType(Kind);
}
