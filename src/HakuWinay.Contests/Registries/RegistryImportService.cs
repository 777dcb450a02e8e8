using System.Security.Cryptography;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Registries;

/// <summary>
/// Imports padrones (docs/decisions/029-padrones.md): a file is read and checked whole
/// (<see cref="RegistryFile"/>, <see cref="PadronRules"/>) for a preview; importing it checks it
/// again and, when its rows differ from the padrón's current version, writes them as the next
/// version, which becomes current only once every row is written. Up to <see cref="InlineRowLimit"/>
/// rows this happens at once; a larger file is stored privately and written by a job in batches,
/// reporting its progress. The same rows twice change nothing; every version is audited.
/// </summary>
public sealed class RegistryImportService(
    IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, AttachmentStorage storage, IRegistryImportJobs queue,
    IContestEvents? events = null)
{
    public const int InlineRowLimit = 5_000;
    public const int BatchSize = 2_000;
    public const int SampleRows = 10;

    /// <summary>Reads an upload, at most one byte past <see cref="RegistryFile.MaxBytes"/> (so an oversized file is told apart without reading all of it).</summary>
    public static async Task<byte[]> ReadUploadAsync(Stream content, IProgress<long>? read = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int count;
        while (buffer.Length <= RegistryFile.MaxBytes && (count = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, count);
            read?.Report(buffer.Length);
        }
        return buffer.ToArray();
    }

    public async Task<RegistryPreview> PreviewAsync(ActingUser admin, RegistryKind kind, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return RegistryPreview.Rejected(kind, [new RegistryError(null, "Registry.AdminsOnly")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parsed = await ParseAsync(db, admin, kind, bytes, ct);
        if (parsed.Errors.Count > 0)
        {
            return RegistryPreview.Rejected(kind, parsed.Errors);
        }
        var (project, current) = await CurrentAsync(db, kind, parsed.ProjectCode, ct);
        return new RegistryPreview(kind, parsed.ProjectCode, kind == RegistryKind.ProjectHouseholds && project is null, parsed.Rows, parsed.People,
            current?.RowsSha256 == parsed.RowsSha256, current?.Version, parsed.Rows > InlineRowLimit,
            [.. parsed.Households?.Rows.Take(SampleRows) ?? []], [.. parsed.Juntos?.Rows.Take(SampleRows) ?? []], []);
    }

    public async Task<RegistryImportOutcome> ImportAsync(ActingUser admin, RegistryKind kind, string? fileName, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(bytes);
        if (!admin.IsAdmin)
        {
            return RegistryImportOutcome.Of(RegistryImportResult.Forbidden);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parsed = await ParseAsync(db, admin, kind, bytes, ct);
        if (parsed.Errors.Count > 0)
        {
            return new RegistryImportOutcome(RegistryImportResult.Rejected, null, null, parsed.Errors);
        }
        var (project, current) = await CurrentAsync(db, kind, parsed.ProjectCode, ct);
        if (current?.RowsSha256 == parsed.RowsSha256)
        {
            return new RegistryImportOutcome(RegistryImportResult.Unchanged, current.Id, current.Version, []);
        }
        var projectId = project?.Id;
        var running = await db.RegistryImports.AsNoTracking()
            .Where(i => i.Kind == kind && i.RegistryProjectId == projectId && i.RowsSha256 == parsed.RowsSha256
                && (i.Status == RegistryImportStatus.Pending || i.Status == RegistryImportStatus.Running))
            .FirstOrDefaultAsync(ct);
        if (running is not null)
        {
            // The same file sent again while its job writes it: follow that job.
            return new RegistryImportOutcome(RegistryImportResult.Queued, running.Id, running.Version, []);
        }
        var large = parsed.Rows > InlineRowLimit;
        var storageName = large ? AttachmentStorage.NewStorageName() : null;
        RegistryImport import;
        try
        {
            // The new project needs its id for the version: two saves, one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (kind == RegistryKind.ProjectHouseholds && project is null)
            {
                project = new RegistryProject(parsed.ProjectCode!, parsed.ProjectCode!, parsed.Households!.Rows[0].DistrictCode[..2], now);
                db.RegistryProjects.Add(project);
                db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "registry.project-created", nameof(RegistryProject), project.Code,
                    after: new { project.Code, project.Name, project.RegionCode }));
                await db.SaveChangesAsync(ct);
                projectId = project.Id;
            }
            var version = 1 + (await db.RegistryImports.Where(i => i.Kind == kind && i.RegistryProjectId == projectId)
                .MaxAsync(i => (int?)i.Version, ct) ?? 0);
            if (storageName is not null)
            {
                await File.WriteAllBytesAsync(storage.PathOf(storageName), bytes, ct);
            }
            import = new RegistryImport(kind, projectId, version, DisplayName(fileName), Convert.ToHexStringLower(SHA256.HashData(bytes)),
                parsed.RowsSha256, parsed.Rows, parsed.People, admin.UserId, now, storageName);
            db.RegistryImports.Add(import);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import of the same padrón (or the same new project) saved first.
            DeleteStored(storageName is null ? null : storage.PathOf(storageName));
            return RegistryImportOutcome.Of(RegistryImportResult.Conflict);
        }
        if (large)
        {
            queue.Enqueue(import.Id);
            Report();
            return new RegistryImportOutcome(RegistryImportResult.Queued, import.Id, import.Version, []);
        }
        await WriteAsync(import.Id, parsed, ct);
        return new RegistryImportOutcome(RegistryImportResult.Imported, import.Id, import.Version, []);
    }

    /// <summary>
    /// The job's work: writes a stored large file's rows. Safe to run twice or after a crash: a
    /// finished import is left alone, a started one is written again from its first row.
    /// </summary>
    public async Task RunAsync(int importId, CancellationToken ct = default)
    {
        RegistryImport? import;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            import = await db.RegistryImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
            if (import is null || import.IsFinished)
            {
                return;
            }
            var path = import.StorageName is null ? null : storage.PathOf(import.StorageName);
            var parsed = path is not null && File.Exists(path) ? await ParseAsync(db, import.Kind, await File.ReadAllBytesAsync(path, ct), ct) : null;
            if (parsed is null || parsed.Errors.Count > 0 || parsed.RowsSha256 != import.RowsSha256)
            {
                // The stored file is gone or no longer the file that was checked (the catalog
                // changed meanwhile): the version fails rather than import something unchecked.
                var tracked = await db.RegistryImports.SingleAsync(i => i.Id == importId, ct);
                tracked.Fail(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                DeleteStored(path);
                Report();
                return;
            }
            await WriteAsync(importId, parsed, ct);
        }
    }

    private async Task WriteAsync(int importId, ParsedFile parsed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var import = await db.RegistryImports.SingleAsync(i => i.Id == importId, ct);
        import.Start();
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await db.RegistryPeople.Where(p => p.RegistryImportId == importId).ExecuteDeleteAsync(ct);
        await db.RegistryHouseholds.Where(h => h.RegistryImportId == importId).ExecuteDeleteAsync(ct);
        await db.JuntosEntries.Where(j => j.RegistryImportId == importId).ExecuteDeleteAsync(ct);
        Report();
        db.ChangeTracker.Clear();

        var written = 0;
        foreach (var batch in Batches(importId, parsed))
        {
            await RegistryRowWriter.InsertAsync(db, batch.Households, ct);
            await RegistryRowWriter.InsertAsync(db, batch.People, ct);
            await RegistryRowWriter.InsertAsync(db, batch.Juntos, ct);
            written += batch.Rows;
            await db.RegistryImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProcessedRows, written), ct);
            Report();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        import = await db.RegistryImports.SingleAsync(i => i.Id == importId, ct);
        var projectId = import.RegistryProjectId;
        await db.RegistryImports.Where(i => i.Kind == import.Kind && i.RegistryProjectId == projectId && i.IsCurrent && i.Id != importId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.IsCurrent, false), ct);
        var storedName = import.StorageName;
        import.Complete(now);
        string subject = "JUNTOS";
        if (projectId is not null)
        {
            var project = await db.RegistryProjects.Include(p => p.Districts).SingleAsync(p => p.Id == projectId, ct);
            project.Cover(parsed.Households!.Rows.Select(r => r.DistrictCode));
            subject = project.Code;
        }
        db.AuditLog.Add(AuditEntry.Record(now, import.ImportedByUserId, "registry.imported", nameof(RegistryImport), $"{subject} v{import.Version}",
            after: new { Kind = import.Kind.ToString(), Padron = subject, import.Version, import.FileName, import.FileSha256, import.RowsSha256, import.Rows, import.People }));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        DeleteStored(storedName is null ? null : storage.PathOf(storedName));
        Report();
    }

    private sealed record Batch(List<RegistryHousehold> Households, List<RegistryPerson> People, List<JuntosEntry> Juntos, int Rows);

    private static IEnumerable<Batch> Batches(int importId, ParsedFile parsed)
    {
        if (parsed.Households is { } households)
        {
            foreach (var chunk in households.Rows.Chunk(BatchSize))
            {
                var people = new List<RegistryPerson>(chunk.Length * 2);
                foreach (var row in chunk)
                {
                    people.Add(new RegistryPerson(importId, row.RepresentativeDni, row.RepresentativeDni, row.DistrictCode));
                    people.AddRange(row.MemberDnis.Select(m => new RegistryPerson(importId, m, row.RepresentativeDni, row.DistrictCode)));
                }
                yield return new Batch([.. chunk.Select(r => new RegistryHousehold(importId, r))], people, [], chunk.Length);
            }
        }
        else
        {
            foreach (var chunk in parsed.Juntos!.Rows.Chunk(BatchSize))
            {
                yield return new Batch([], [], [.. chunk.Select(r => new JuntosEntry(importId, r))], chunk.Length);
            }
        }
    }

    /// <summary>Tells the padrón pages, which reload the import's state from the database (so a page on another server follows too).</summary>
    private void Report() => events?.Publish(ContestEvent.RegistryImport());

    private static void DeleteStored(string? path)
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }

    private static async Task<(RegistryProject? Project, RegistryImport? Current)> CurrentAsync(
        ContestsDbContext db, RegistryKind kind, string? projectCode, CancellationToken ct)
    {
        var project = projectCode is null ? null : await db.RegistryProjects.SingleOrDefaultAsync(p => p.Code == projectCode, ct);
        if (kind == RegistryKind.ProjectHouseholds && project is null)
        {
            return (null, null);
        }
        var projectId = project?.Id;
        var current = await db.RegistryImports.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Kind == kind && i.RegistryProjectId == projectId && i.IsCurrent, ct);
        return (project, current);
    }

    private async Task<ParsedFile> ParseAsync(ContestsDbContext db, ActingUser admin, RegistryKind kind, byte[] bytes, CancellationToken ct)
    {
        var parsed = await ParseAsync(db, kind, bytes, ct);
        if (parsed.Errors.Count > 0)
        {
            return parsed;
        }
        var scope = await Territories.StaffScopes.OfAsync(db, admin.UserId, ct);
        var refusals = await ScopeRefusalsAsync(db, scope, parsed, ct);
        return refusals.Count == 0 ? parsed : ParsedFile.Failed(kind, refusals);
    }

    /// <summary>
    /// What a scoped administrator may not import (ADR 033): the Juntos padrón is MIDIS's national
    /// list, so only national administrators replace it; a project's padrón only when the project
    /// and every row's district lie in the importer's scope, each row outside named by its number.
    /// </summary>
    private static async Task<List<RegistryError>> ScopeRefusalsAsync(ContestsDbContext db, Territories.StaffScope scope, ParsedFile parsed, CancellationToken ct)
    {
        if (scope.IsNational)
        {
            return [];
        }
        if (parsed.Kind == RegistryKind.Juntos)
        {
            return [new RegistryError(null, "Registry.JuntosNationalOnly")];
        }
        var errors = new RegistryErrorList();
        var project = await db.RegistryProjects.AsNoTracking().Where(p => p.Code == parsed.ProjectCode)
            .Select(p => new { p.RegionCode, Districts = p.Districts.Select(d => d.DistrictCode).ToList() }).SingleOrDefaultAsync(ct);
        if (project is not null && !Territories.TerritoryRule.ReachesProject(scope, project.RegionCode, project.Districts))
        {
            errors.Add(new RegistryError(null, "Registry.ProjectOutsideScope", parsed.ProjectCode!));
        }
        foreach (var row in parsed.Households!.Rows.Where(r => !Territories.TerritoryRule.ReachesProject(scope, r.DistrictCode[..2], [r.DistrictCode])))
        {
            errors.Add(new RegistryError(row.Row, "Registry.DistrictOutsideScope", row.DistrictCode));
        }
        return [.. errors.ToList()];
    }

    private async Task<ParsedFile> ParseAsync(ContestsDbContext db, RegistryKind kind, byte[] bytes, CancellationToken ct)
    {
        var (table, error) = RegistryFile.Read(bytes);
        if (error is not null)
        {
            return ParsedFile.Failed(kind, [error]);
        }
        var districts = (await db.Districts.AsNoTracking().Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (kind == RegistryKind.Juntos)
        {
            var juntos = PadronRules.ReadJuntos(table!, districts);
            return new ParsedFile(kind, null, juntos.RowsSha256, juntos.Rows.Count, juntos.Rows.Count, null, juntos, juntos.Errors);
        }
        var regions = await db.RegistryProjects.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.RegionCode, ct);
        var today = DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow().UtcDateTime));
        var padron = PadronRules.ReadHouseholds(table!, new PadronContext(districts, code => regions.GetValueOrDefault(code)), today);
        return new ParsedFile(kind, padron.Succeeded ? padron.ProjectCode : null, padron.RowsSha256, padron.Rows.Count, padron.People, padron, null, padron.Errors);
    }

    private static string DisplayName(string? fileName)
    {
        // Only the name: a browser on Windows may send the whole path, with backslashes.
        var name = (fileName ?? "")[((fileName ?? "").LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? "padron" : name;
    }

    private sealed record ParsedFile(
        RegistryKind Kind, string? ProjectCode, string RowsSha256, int Rows, int People, PadronFile? Households, JuntosFile? Juntos,
        IReadOnlyList<RegistryError> Errors)
    {
        public static ParsedFile Failed(RegistryKind kind, IReadOnlyList<RegistryError> errors) => new(kind, null, "", 0, 0, null, null, errors);
    }
}
