namespace HakuWinay.Contests.Registries;

/// <summary>Which padrón a file is: a project's user households, or Juntos's beneficiaries.</summary>
public enum RegistryKind
{
    ProjectHouseholds = 0,
    Juntos = 1,
}

public enum RegistryImportStatus
{
    /// <summary>Checked and accepted, waiting for its job (a large file).</summary>
    Pending = 0,
    Running = 1,
    Completed = 2,
    /// <summary>The job found the file changed or unreadable; nothing of it is current.</summary>
    Failed = 3,
}

/// <summary>
/// One version of a padrón: a project's (numbered per project) or Juntos's (numbered on its own).
/// Who imported it, when, from which file (its name and SHA-256), the hash of its rows in a
/// canonical order (the same rows in another file are the same version) and its counts. Only the
/// latest completed version of a padrón is current; earlier ones stay for the record.
/// </summary>
public sealed class RegistryImport
{
    public const int MaxFileNameLength = 200;

    private RegistryImport() { }

    public RegistryImport(RegistryKind kind, int? projectId, int version, string fileName, string fileSha256, string rowsSha256,
        int rows, int people, string importedByUserId, DateTime importedAtUtc, string? storageName)
    {
        if ((kind == RegistryKind.ProjectHouseholds) != projectId.HasValue)
        {
            throw new ArgumentException("A project's padrón has its project; the Juntos padrón has none.", nameof(projectId));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedByUserId);
        Kind = kind;
        RegistryProjectId = projectId;
        Version = version;
        FileName = fileName.Length <= MaxFileNameLength ? fileName : fileName[..MaxFileNameLength];
        FileSha256 = fileSha256;
        RowsSha256 = rowsSha256;
        Rows = rows;
        People = people;
        ImportedByUserId = importedByUserId;
        ImportedAtUtc = importedAtUtc;
        StorageName = storageName;
        Status = RegistryImportStatus.Pending;
    }

    public int Id { get; private set; }
    public RegistryKind Kind { get; private set; }
    public int? RegistryProjectId { get; private set; }
    public int Version { get; private set; }
    public string FileName { get; private set; } = "";
    public string FileSha256 { get; private set; } = "";
    public string RowsSha256 { get; private set; } = "";

    /// <summary>Data rows of the file: households, or Juntos titulares.</summary>
    public int Rows { get; private set; }

    /// <summary>DNIs the version holds: representatives and members, or titulares.</summary>
    public int People { get; private set; }

    public string ImportedByUserId { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }
    public RegistryImportStatus Status { get; private set; }
    public int ProcessedRows { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public bool IsCurrent { get; private set; }

    /// <summary>The stored file a job reads (large files); null once done or for a file imported at once.</summary>
    public string? StorageName { get; private set; }

    public bool IsFinished => Status is RegistryImportStatus.Completed or RegistryImportStatus.Failed;

    /// <summary>Starts (or, after a crash, restarts from zero) the writing of the rows.</summary>
    public void Start()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Import {Id} is already {Status}.");
        }
        Status = RegistryImportStatus.Running;
        ProcessedRows = 0;
    }

    public void Advance(int processedRows)
    {
        if (Status != RegistryImportStatus.Running || processedRows < ProcessedRows || processedRows > Rows)
        {
            throw new InvalidOperationException($"Import {Id} cannot move from {ProcessedRows} to {processedRows} of {Rows} rows.");
        }
        ProcessedRows = processedRows;
    }

    /// <summary>Makes this version the padrón's current one; the caller retires the previous in the same save.</summary>
    public void Complete(DateTime nowUtc)
    {
        if (Status != RegistryImportStatus.Running)
        {
            throw new InvalidOperationException($"Import {Id} is not running.");
        }
        Status = RegistryImportStatus.Completed;
        ProcessedRows = Rows;
        CompletedAtUtc = nowUtc;
        IsCurrent = true;
        StorageName = null;
    }

    public void Fail(DateTime nowUtc)
    {
        Status = RegistryImportStatus.Failed;
        CompletedAtUtc = nowUtc;
        IsCurrent = false;
        StorageName = null;
    }

    public void Retire() => IsCurrent = false;
}
