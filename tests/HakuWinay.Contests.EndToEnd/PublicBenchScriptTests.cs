using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// docs/performance.md gives scripts/bench-public.sh; its tiny mode runs here (one second per
/// address, on the build ./test.sh made) so the script cannot rot: it publishes, starts the portal
/// and the static yardstick, runs wrk against both and prints a rate and a ratio for each page.
/// </summary>
public sealed partial class PublicBenchScriptTests
{
    [Fact]
    public async Task The_public_bench_runs_in_its_tiny_mode_and_prints_each_rate_and_ratio()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = PublishedPortal.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "scripts/bench-public.sh", "--duration", "1s", "--connections", "4", "--threads", "1", "--no-build" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"bench-public.sh failed:{Environment.NewLine}{output}{await stderr}");

        foreach (var page in new[] { "contest page", "results page" })
        {
            var cached = Row().Matches(output).Single(m => m.Groups["what"].Value.Trim() == $"{page} (portal, cached)");
            var file = Row().Matches(output).Single(m => m.Groups["what"].Value.Trim() == $"{page} (static file)");
            Assert.True(double.Parse(cached.Groups["rate"].Value, CultureInfo.InvariantCulture) > 0, output);
            Assert.True(double.Parse(file.Groups["rate"].Value, CultureInfo.InvariantCulture) > 0, output);
            Assert.Equal(cached.Groups["bytes"].Value, file.Groups["bytes"].Value);
            Assert.Matches("[0-9]+ % of static", cached.Groups["ratio"].Value);
        }
    }

    [GeneratedRegex(@"^(?<what>.{34}) +(?<bytes>[0-9]+) bytes +(?<rate>[0-9.]+) req/s ?(?<ratio>.*)$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
