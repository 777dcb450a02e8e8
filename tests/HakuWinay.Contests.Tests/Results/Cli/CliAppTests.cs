using HakuWinay.Contests.Cli;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Tests.Results.Package;

namespace HakuWinay.Contests.Tests.Results.Cli;

/// <summary>The command-line tool, called in process: its output, its errors and its exit codes.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hakuwinay-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private string ExampleFile() => File("package.json", ResultsPackageJson.Write(ResultsSamples.ExamplePackage()));

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Rank_prints_the_recomputed_results_as_csv()
    {
        var package = ResultsSamples.ExamplePackage();

        var (code, output, error) = Run("rank", ExampleFile());

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split("\r\n");
        Assert.Equal("category_code,rank,profile_code,evaluation_score,final_score,outcome,award", lines[0]);
        Assert.Equal(package.Results.Entries.Count, lines.Length - 2);
        Assert.Equal(ResultsCsv.Ranking(package.Results), output);
        var first = package.Results.Entries[0];
        Assert.Equal($"{first.CategoryCode},{first.Rank},{first.ProfileCode},{first.EvaluationScore:0.00},{first.FinalScore:0.00},funded,{first.Award:0.00}", lines[1]);
    }

    [Fact]
    public void Verify_prints_verified_and_exits_0_for_a_true_package()
    {
        var (code, output, error) = Run("verify", ExampleFile());

        Assert.Equal((0, "verified" + Environment.NewLine, ""), (code, output, error));
    }

    [Fact]
    public void Verify_lists_every_difference_and_exits_1_for_a_changed_package()
    {
        var json = ResultsPackageJson.Write(ResultsSamples.ExamplePackage());
        var tampered = PackageTestKit.Edit(json, r =>
        {
            r["results"]!["entries"]![0]!["award"] = "1.00";
            r["hash"] = new string('a', 64);
        });

        var (code, output, error) = Run("verify", File("tampered.json", tampered));

        Assert.Equal(1, code);
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^AYA-2026-01-\d{3}: award is 1\.00 in the package, recomputed 7\d{3}\.00$", lines[0]);
        Assert.StartsWith("hash: the package says aaaa", lines[1], StringComparison.Ordinal);
        Assert.Equal("not verified: 2 differences" + Environment.NewLine, error);
    }

    [Fact]
    public void A_malformed_package_exits_2_with_its_errors_and_no_stack_trace()
    {
        var path = File("bad.json", PackageTestKit.Edit(ResultsPackageJson.Write(ResultsSamples.ExamplePackage()),
            r => r["profiles"]![3]!["fund_request"] = "7,500"));

        var (code, output, error) = Run("verify", path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"error: {path} is not a valid results package (1 problem):{Environment.NewLine}"
            + $"  $.profiles[3].fund_request: \"7,500\" is not an amount with two decimals such as \"7500.00\"{Environment.NewLine}", error);
    }

    [Fact]
    public void A_file_that_is_not_json_exits_2()
    {
        var (code, _, error) = Run("rank", File("notes.txt", "not a package"));

        Assert.Equal(2, code);
        Assert.Contains("$: not valid JSON at line 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var path = Path.Combine(_folder, "nowhere.json");

        Assert.Equal((2, "", $"error: {path}: no such file.{Environment.NewLine}"), Run("verify", path));
    }

    [Theory]
    [InlineData]
    [InlineData("verify")]
    [InlineData("publish", "x.json")]
    [InlineData("rank", "a.json", "b.json")]
    public void Bad_usage_exits_2_with_the_usage_on_the_error_output(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("hakuwinay-results verify PACKAGE.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_0()
    {
        var (code, output, error) = Run("--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("hakuwinay-results rank PACKAGE.json", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_rule_exits_1()
    {
        var json = PackageTestKit.Edit(ResultsPackageJson.Write(ResultsSamples.ExamplePackage()),
            r => r["rules"]!["priority_rules"]![0]!["threshold_percent"] = "100.00");

        var (code, output, _) = Run("verify", File("changed.json", json));

        Assert.Equal(1, code);
        Assert.Contains("AYA-2026-01-001: bonus is 4.50 in the package, recomputed 2.00", output, StringComparison.Ordinal);
    }
}
