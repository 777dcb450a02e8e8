using System.Diagnostics;
using System.Globalization;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HakuWinay.Contests.Web.Tests.Registries;

/// <summary>A padrón of 100,000 households goes to the portal's Hangfire server and reports its progress as it writes.</summary>
public sealed class LargePadronJobTests(ITestOutputHelper output)
{
    private const int Households = 100_000;

    private static byte[] GeneratedPadron()
    {
        var text = new StringBuilder("codigo_proyecto,dni_representante,nombres,sexo,fecha_nacimiento,centro_poblado,ubigeo_distrito,dni_miembros\r\n");
        for (var i = 0; i < Households; i++)
        {
            // Every household also lists one member, so the job writes 200,000 DNIs.
            text.Append(CultureInfo.InvariantCulture,
                $"AYA-GRANDE,{40_000_000 + i},Persona {i},{(i % 2 == 0 ? "F" : "M")},1980-01-01,Centro {i % 40},050101,{60_000_000 + i}\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task A_padron_of_100000_rows_runs_as_a_job_and_reports_its_progress_until_it_is_current()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Seed:DemoCycle"] = "false" });
        await using var scope = portal.Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<RegistryImportService>();
        var queries = scope.ServiceProvider.GetRequiredService<RegistryQueries>();
        var seen = new List<int>();
        var finished = new TaskCompletionSource<RegistryVersionRow>(TaskCreationOptions.RunContinuationsAsynchronously);
        int? importId = null;
        using var listening = scope.ServiceProvider.GetRequiredService<IContestEvents>().Subscribe(ContestEvent.ProgrammeWide, async _ =>
        {
            if (importId is not { } id || await queries.ImportAsync(id) is not { } row)
            {
                return;
            }
            lock (seen)
            {
                seen.Add(row.ProcessedRows);
            }
            if (row.Status is RegistryImportStatus.Completed or RegistryImportStatus.Failed)
            {
                finished.TrySetResult(row);
            }
        });
        var bytes = GeneratedPadron();
        var clock = Stopwatch.StartNew();

        var outcome = await imports.ImportAsync(new ActingUser("admin-test", IsAdmin: true), RegistryKind.ProjectHouseholds, "padron-grande.csv", bytes);
        importId = outcome.ImportId;
        var queuedAfter = clock.Elapsed;

        Assert.Equal(RegistryImportResult.Queued, outcome.Result);
        // Not waiting on a clock: the job's own completion event ends the wait (the limit only stops a hung run).
        var done = await finished.Task.WaitAsync(TimeSpan.FromMinutes(10));
        output.WriteLine(FormattableString.Invariant($"{Households:N0} rows ({bytes.Length / 1024 / 1024} MB): checked and queued in {queuedAfter.TotalSeconds:0.0} s, written in {clock.Elapsed.TotalSeconds:0.0} s"));
        Assert.Equal((RegistryImportStatus.Completed, true, Households, 2 * Households), (done.Status, done.IsCurrent, done.ProcessedRows, done.People));
        List<int> progress;
        lock (seen)
        {
            progress = [.. seen];
        }
        var partial = progress.Where(p => p is > 0 and < Households).Distinct().ToList();
        Assert.True(partial.Count >= 10, $"Progress heard: {string.Join(", ", progress)}");
        Assert.Equal(partial.Order(), partial);
    }
}
