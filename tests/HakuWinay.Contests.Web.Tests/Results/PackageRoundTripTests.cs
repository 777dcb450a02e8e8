using System.Globalization;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Cli;

namespace HakuWinay.Contests.Web.Tests.Results;

/// <summary>
/// Issue 5's round trip, end to end: the package anyone downloads from the public page verifies with
/// the command-line tool, and the same package with one score changed does not, naming the profile.
/// </summary>
public sealed class PackageRoundTripTests(PublishedResultsPortal portal) : IClassFixture<PublishedResultsPortal>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("haku-package-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_downloaded_package_verifies_with_the_tool()
    {
        var path = await DownloadAsync("v1.json");

        var (code, output, error) = RunTool("verify", path);

        Assert.True(code == CliApp.Ok, error);
        Assert.Equal("verified", output.Trim());
    }

    [Fact]
    public async Task The_downloaded_package_with_one_score_changed_fails_verification_and_names_the_profile()
    {
        var package = JsonNode.Parse(await File.ReadAllTextAsync(await DownloadAsync("v1.json")))!;
        var score = package["scores"]!.AsArray()[0]!;
        var profile = score["profile_code"]!.GetValue<string>();
        var point = score["points"]!.AsArray()[0]!;
        var points = decimal.Parse(point["points"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        // Lower a point by one (or raise a zero): the profile's stage score moves, whatever the rest is.
        point["points"] = (points >= 1 ? points - 1 : points + 1).ToString("0.00", CultureInfo.InvariantCulture);
        var tampered = Path.Combine(folder, "tampered.json");
        await File.WriteAllTextAsync(tampered, package.ToJsonString());

        var (code, output, _) = RunTool("verify", tampered);

        Assert.Equal(CliApp.NotVerified, code);
        Assert.Contains($"{profile}: ", output, StringComparison.Ordinal);
        Assert.Contains("hash:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_ranks_the_downloaded_package_as_the_public_ranking_csv_says()
    {
        var path = await DownloadAsync("v1.json");
        var csv = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetByteArrayAsync("/contests/AYA-2026-01/results/ranking.csv?version=1");

        var (code, output, error) = RunTool("rank", path);

        Assert.True(code == CliApp.Ok, error);
        // The download carries a byte-order mark for Excel; the rows are the same.
        Assert.Equal(System.Text.Encoding.UTF8.GetString(csv[3..]).Trim(), output.Trim());
    }

    private async Task<string> DownloadAsync(string name)
    {
        var bytes = await (await portal.ClientAsync(ResultsPortal.Anonymous)).GetByteArrayAsync("/contests/AYA-2026-01/results/package.json?version=1");
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static (int Code, string Output, string Error) RunTool(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
