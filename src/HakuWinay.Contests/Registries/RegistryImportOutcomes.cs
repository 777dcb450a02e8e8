namespace HakuWinay.Contests.Registries;

/// <summary>Tells the job server that a large import waits for it (Hangfire in the portal; run at once in tests that want to).</summary>
public interface IRegistryImportJobs
{
    void Enqueue(int importId);
}

/// <summary>
/// What a file would do if imported: the project and whether it is new, the counts, the first
/// rows to look at, whether it is the padrón's current content already; or every row error.
/// </summary>
public sealed record RegistryPreview(
    RegistryKind Kind,
    string? ProjectCode,
    bool IsNewProject,
    int Rows,
    int People,
    bool Unchanged,
    int? CurrentVersion,
    bool RunsAsJob,
    IReadOnlyList<PadronHouseholdRow> SampleHouseholds,
    IReadOnlyList<JuntosRow> SampleJuntos,
    IReadOnlyList<RegistryError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static RegistryPreview Rejected(RegistryKind kind, IReadOnlyList<RegistryError> errors) =>
        new(kind, null, false, 0, 0, false, null, false, [], [], errors);
}

public enum RegistryImportResult
{
    /// <summary>Imported now: a new version is current.</summary>
    Imported,
    /// <summary>The same rows as the current version: nothing changed.</summary>
    Unchanged,
    /// <summary>A large file: its job writes it, the page follows its progress.</summary>
    Queued,
    /// <summary>Row errors: nothing imported.</summary>
    Rejected,
    Forbidden,
    /// <summary>Another import of the same padrón took the version number first.</summary>
    Conflict,
}

public sealed record RegistryImportOutcome(RegistryImportResult Result, int? ImportId, int? Version, IReadOnlyList<RegistryError> Errors)
{
    public static RegistryImportOutcome Of(RegistryImportResult result) => new(result, null, null, []);
}
