using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Common;

/// <summary>A file as a form sends it: the name the browser gave and its bytes.</summary>
public sealed record UploadedFile(string? FileName, Stream Content);

/// <summary>
/// Takes in an uploaded file for an execution record (agreement, voucher, receipt, visit photo):
/// a safe display name, at most 10 MB, a kind decided by its content and allowed for this use,
/// stored under a generated name. A refused file leaves nothing on disk; the caller deletes the
/// stored file when its database save fails (<see cref="Discard"/>).
/// </summary>
public static class FileIntake
{
    public static IReadOnlySet<AttachmentKind> PdfOnly { get; } = new HashSet<AttachmentKind> { AttachmentKind.Pdf };

    public static IReadOnlySet<AttachmentKind> ImagesOnly { get; } = new HashSet<AttachmentKind> { AttachmentKind.Jpeg, AttachmentKind.Png };

    public static IReadOnlySet<AttachmentKind> PdfOrImage { get; } = new HashSet<AttachmentKind> { AttachmentKind.Pdf, AttachmentKind.Jpeg, AttachmentKind.Png };

    /// <summary>
    /// Stores <paramref name="upload"/> when it passes; otherwise returns the refusal, on
    /// <paramref name="field"/>, with the rules <c>Attachments.BadName</c>, <c>Attachments.TooLarge</c>,
    /// <c>Attachments.Empty</c>, <c>Files.PdfOnly</c>, <c>Files.ImageOnly</c> or <c>Attachments.WrongType</c>.
    /// </summary>
    public static async Task<(StoredFile? File, RuleViolation? Refusal)> StoreAsync(
        AttachmentStorage storage, UploadedFile? upload, IReadOnlySet<AttachmentKind> allowed, string field, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(allowed);
        if (upload is null)
        {
            return (null, new RuleViolation(field, "Files.Required"));
        }
        if (AttachmentFile.DisplayName(upload.FileName) is not { } displayName)
        {
            return (null, new RuleViolation(field, "Attachments.BadName"));
        }
        var storageName = AttachmentStorage.NewStorageName();
        var path = storage.PathOf(storageName);
        var (size, sha256, head, tooLarge) = await AttachmentService.CopyAsync(upload.Content, path, null, ct);
        var kind = AttachmentFile.Sniff(head);
        var refusal = tooLarge ? new RuleViolation(field, "Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024))
            : size == 0 ? new RuleViolation(field, "Attachments.Empty")
            : kind is { } k && allowed.Contains(k) ? null
            : allowed.SetEquals(PdfOnly) ? new RuleViolation(field, "Files.PdfOnly")
            : allowed.SetEquals(ImagesOnly) ? new RuleViolation(field, "Files.ImageOnly")
            : new RuleViolation(field, "Attachments.WrongType");
        if (refusal is not null)
        {
            File.Delete(path);
            return (null, refusal);
        }
        return (new StoredFile(displayName, storageName, kind!.Value, size, sha256), null);
    }

    /// <summary>Deletes a stored file whose record was not saved (a refused rule, a conflict).</summary>
    public static void Discard(AttachmentStorage storage, StoredFile? file)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (file is not null)
        {
            File.Delete(storage.PathOf(file.StorageName));
        }
    }
}
