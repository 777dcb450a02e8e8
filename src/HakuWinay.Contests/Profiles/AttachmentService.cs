using System.Globalization;
using System.Security.Cryptography;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>An attached file; <see cref="SlotId"/> names the contest's document slot it fills, if any.</summary>
public sealed record AttachmentRow(int Id, string DisplayName, AttachmentKind Kind, long SizeBytes, DateTime UploadedAtUtc, int? SlotId = null);

/// <summary>A document the contest asks for, as the profile editor offers it.</summary>
public sealed record DocumentSlotView(int Id, string Name, string? Description, bool IsRequired, bool PdfOnly);

public sealed record AttachmentAdded(int AttachmentId, Guid Version);

/// <summary>An attachment ready to be sent: its row and the path of its bytes.</summary>
public sealed record AttachmentDownload(ProfileAttachment Attachment, string FilePath);

/// <summary>
/// Files attached to a draft: each upload is checked (name, size, kind by content, count) before
/// a row exists, and a refused upload leaves neither a row nor a file. Uploads and removals carry
/// the draft's version like any other edit, so two uploads at once cannot both pass the count.
/// </summary>
public sealed class AttachmentService(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock)
{
    private const int ChunkSize = 64 * 1024;

    public async Task<ServiceResult<IReadOnlyList<AttachmentRow>>> ListAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var failure = await AuthorizeAsync(db, user, profileId, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<IReadOnlyList<AttachmentRow>>.Fail(outcome);
        }
        var rows = await db.ProfileAttachments.AsNoTracking().Where(a => a.BusinessProfileId == profileId).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.DisplayName, a.Kind, a.SizeBytes, a.UploadedAtUtc, a.DocumentSlotId)).ToListAsync(ct);
        return ServiceResult<IReadOnlyList<AttachmentRow>>.Ok(rows);
    }

    /// <summary>The documents the profile's contest asks for, in the contest's order.</summary>
    public async Task<ServiceResult<IReadOnlyList<DocumentSlotView>>> DocumentSlotsAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var failure = await AuthorizeAsync(db, user, profileId, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<IReadOnlyList<DocumentSlotView>>.Fail(outcome);
        }
        var slots = await (from p in db.BusinessProfiles
                           where p.Id == profileId
                           join s in db.Set<ContestDocumentSlot>() on p.ContestId equals s.ContestId
                           orderby s.Order
                           select new DocumentSlotView(s.Id, s.Name, s.Description, s.IsRequired, s.PdfOnly)).ToListAsync(ct);
        return ServiceResult<IReadOnlyList<DocumentSlotView>>.Ok(slots);
    }

    /// <summary>
    /// Stores <paramref name="content"/> as an attachment of the draft read at <paramref name="expectedVersion"/>,
    /// reading it in chunks and reporting the bytes read so far to <paramref name="progress"/>.
    /// </summary>
    public Task<ServiceResult<AttachmentAdded>> UploadAsync(
        ActingUser user, int profileId, Guid expectedVersion, string? fileName, Stream content, IProgress<long>? progress = null, CancellationToken ct = default) =>
        UploadAsync(user, profileId, null, expectedVersion, fileName, content, progress, ct);

    /// <summary>
    /// Stores <paramref name="content"/> in the contest's document slot <paramref name="slotId"/> (one file per slot;
    /// only a PDF when the slot says so), under the same rules as any other attachment.
    /// </summary>
    public Task<ServiceResult<AttachmentAdded>> UploadToSlotAsync(
        ActingUser user, int profileId, int slotId, Guid expectedVersion, string? fileName, Stream content, IProgress<long>? progress = null, CancellationToken ct = default) =>
        UploadAsync(user, profileId, (int?)slotId, expectedVersion, fileName, content, progress, ct);

    private async Task<ServiceResult<AttachmentAdded>> UploadAsync(
        ActingUser user, int profileId, int? slotId, Guid expectedVersion, string? fileName, Stream content, IProgress<long>? progress, CancellationToken ct)
    {
        var displayName = AttachmentFile.DisplayName(fileName);
        if (displayName is null)
        {
            return ServiceResult<AttachmentAdded>.Invalid("Attachments", "Attachments.BadName");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.SingleOrDefaultAsync(p => p.Id == profileId, ct);
        var refusal = await CheckDraftAsync(db, user, profile, expectedVersion, ct);
        if (refusal is not null)
        {
            return ServiceResult<AttachmentAdded>.Fail(refusal.Value.Outcome) with { Violations = refusal.Value.Violations };
        }
        var slot = slotId is null ? null : await db.Set<ContestDocumentSlot>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.ContestId == profile!.ContestId, ct);
        if (slotId is not null && slot is null)
        {
            return ServiceResult<AttachmentAdded>.Fail(ServiceOutcome.NotFound);
        }
        if (slot is not null && await db.ProfileAttachments.AnyAsync(a => a.BusinessProfileId == profileId && a.DocumentSlotId == slot.Id, ct))
        {
            return ServiceResult<AttachmentAdded>.Invalid("Attachments", "Attachments.SlotFilled", slot.Name);
        }
        // Refuse an eleventh file before reading ten megabytes of it; counted again below, in the transaction.
        if (await db.ProfileAttachments.CountAsync(a => a.BusinessProfileId == profileId, ct) >= AttachmentFile.MaxPerProfile)
        {
            return TooMany();
        }
        var storageName = AttachmentStorage.NewStorageName();
        var path = storage.PathOf(storageName);
        var kept = false;
        try
        {
            var (size, sha256, head, tooLarge) = await CopyAsync(content, path, progress, ct);
            if (tooLarge)
            {
                return ServiceResult<AttachmentAdded>.Invalid("Attachments", "Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024));
            }
            if (size == 0)
            {
                return ServiceResult<AttachmentAdded>.Invalid("Attachments", "Attachments.Empty");
            }
            if (AttachmentFile.Sniff(head) is not { } kind)
            {
                return ServiceResult<AttachmentAdded>.Invalid("Attachments", slot is { PdfOnly: true } ? "Files.PdfOnly" : "Attachments.WrongType");
            }
            if (slot is { PdfOnly: true } && kind != AttachmentKind.Pdf)
            {
                return ServiceResult<AttachmentAdded>.Invalid("Attachments", "Files.PdfOnly");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.ProfileAttachments.CountAsync(a => a.BusinessProfileId == profileId, ct) >= AttachmentFile.MaxPerProfile)
            {
                return TooMany();
            }
            var attachment = new ProfileAttachment(profileId, displayName, storageName, kind, size, sha256, user.UserId, now, slot?.Id);
            db.ProfileAttachments.Add(attachment);
            // Moves the draft's version on: a second upload read at the same version fails here, so the count holds.
            profile!.RecordAttachmentChange(now);
            db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.attachment-added", nameof(BusinessProfile), Key(profileId), profile.ContestId, profileId,
                after: new { File = displayName, Kind = kind.ToString(), Size = size, Sha256 = sha256, Slot = slot?.Name }));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The draft moved on meanwhile, or another upload filled the same slot first (the unique index).
                return ServiceResult<AttachmentAdded>.Fail(ServiceOutcome.Conflict);
            }
            kept = true;
            return ServiceResult<AttachmentAdded>.Ok(new AttachmentAdded(attachment.Id, profile.Version));
        }
        finally
        {
            if (!kept)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Removes an attachment from a draft; the file goes once the row is gone.</summary>
    public async Task<ServiceResult<Guid>> RemoveAsync(ActingUser user, int profileId, int attachmentId, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.SingleOrDefaultAsync(p => p.Id == profileId, ct);
        var refusal = await CheckDraftAsync(db, user, profile, expectedVersion, ct);
        if (refusal is not null)
        {
            return ServiceResult<Guid>.Fail(refusal.Value.Outcome) with { Violations = refusal.Value.Violations };
        }
        var attachment = await db.ProfileAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.BusinessProfileId == profileId, ct);
        if (attachment is null)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.NotFound);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ProfileAttachments.Remove(attachment);
        profile!.RecordAttachmentChange(now);
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.attachment-removed", nameof(BusinessProfile), Key(profileId), profile.ContestId, profileId,
            before: new { File = attachment.DisplayName, attachment.Sha256 }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        File.Delete(storage.PathOf(attachment.StorageName));
        return ServiceResult<Guid>.Ok(profile.Version);
    }

    /// <summary>An attachment for download, when the user may see the profile and the attachment is really this profile's.</summary>
    public async Task<ServiceResult<AttachmentDownload>> FindForDownloadAsync(ActingUser user, int profileId, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var failure = await AuthorizeAsync(db, user, profileId, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<AttachmentDownload>.Fail(outcome);
        }
        return await FindFileAsync(db, profileId, attachmentId, ct);
    }

    /// <summary>
    /// A file of a profile for a juror: only when <see cref="Judging.JudgingQueries.MayOpenProfileAsync"/>
    /// allows the profile (assigned, declaration confirmed, no conflict, eligible); otherwise not found.
    /// </summary>
    public async Task<ServiceResult<AttachmentDownload>> FindForJurorAsync(
        Judging.JudgingQueries judging, string jurorUserId, int profileId, int attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(judging);
        if (!await judging.MayOpenProfileAsync(jurorUserId, profileId, ct))
        {
            return ServiceResult<AttachmentDownload>.Fail(ServiceOutcome.NotFound);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindFileAsync(db, profileId, attachmentId, ct);
    }

    private async Task<ServiceResult<AttachmentDownload>> FindFileAsync(ContestsDbContext db, int profileId, int attachmentId, CancellationToken ct)
    {
        var attachment = await db.ProfileAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.BusinessProfileId == profileId, ct);
        if (attachment is null || !File.Exists(storage.PathOf(attachment.StorageName)))
        {
            return ServiceResult<AttachmentDownload>.Fail(ServiceOutcome.NotFound);
        }
        return ServiceResult<AttachmentDownload>.Ok(new AttachmentDownload(attachment, storage.PathOf(attachment.StorageName)));
    }

    private static ServiceResult<AttachmentAdded> TooMany() =>
        ServiceResult<AttachmentAdded>.Invalid("Attachments", "Attachments.TooMany", AttachmentFile.MaxPerProfile);

    private static string Key(int profileId) => profileId.ToString(CultureInfo.InvariantCulture);

    private static async Task<ServiceOutcome?> AuthorizeAsync(ContestsDbContext db, ActingUser user, int profileId, CancellationToken ct)
    {
        var representative = await (from p in db.BusinessProfiles
                                    join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                                    where p.Id == profileId
                                    select new { g.RepresentativeUserId }).SingleOrDefaultAsync(ct);
        if (representative is null)
        {
            return ServiceOutcome.NotFound;
        }
        return user.IsStaff || representative.RepresentativeUserId == user.UserId ? null : ServiceOutcome.Forbidden;
    }

    private static async Task<(ServiceOutcome Outcome, IReadOnlyList<RuleViolation> Violations)?> CheckDraftAsync(
        ContestsDbContext db, ActingUser user, BusinessProfile? profile, Guid expectedVersion, CancellationToken ct)
    {
        if (profile is null)
        {
            return (ServiceOutcome.NotFound, []);
        }
        if (await AuthorizeAsync(db, user, profile.Id, ct) is { } failure)
        {
            return (failure, []);
        }
        if (!profile.IsEditable)
        {
            return (ServiceOutcome.Invalid, [new RuleViolation("Attachments", "Rules.NotEditable")]);
        }
        return profile.Version != expectedVersion ? (ServiceOutcome.Conflict, []) : null;
    }

    /// <summary>Copies at most one byte over the limit, hashing as it goes, and keeps the first bytes for sniffing (appeals store theirs the same way).</summary>
    internal static async Task<(long Size, string Sha256, byte[] Head, bool TooLarge)> CopyAsync(Stream content, string path, IProgress<long>? progress, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new List<byte>(AttachmentFile.SignatureLength);
        var buffer = new byte[ChunkSize];
        long size = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > AttachmentFile.MaxBytes)
            {
                return (size, "", [], true);
            }
            if (head.Count < AttachmentFile.SignatureLength)
            {
                head.AddRange(buffer.Take(Math.Min(read, AttachmentFile.SignatureLength - head.Count)));
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            progress?.Report(size);
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()), [.. head], false);
    }
}
