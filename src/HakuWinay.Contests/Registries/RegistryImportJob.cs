using Hangfire;

namespace HakuWinay.Contests.Registries;

/// <summary>Writes a large padrón's rows (the service does the work; running it twice is harmless).</summary>
public sealed class RegistryImportJob(RegistryImportService imports)
{
    // A retry starts the rows again from the first: the service clears what a crashed run wrote.
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(int importId, CancellationToken cancellationToken) => imports.RunAsync(importId, cancellationToken);
}
