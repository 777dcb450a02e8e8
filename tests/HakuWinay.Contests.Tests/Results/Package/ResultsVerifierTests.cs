using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using static HakuWinay.Contests.Tests.Results.Package.PackageTestKit;

namespace HakuWinay.Contests.Tests.Results.Package;

public sealed class ResultsVerifierTests
{
    [Fact]
    public void A_package_built_from_the_rules_verifies()
    {
        var verification = ResultsVerifier.Verify(ResultsSamples.ExamplePackage());

        Assert.True(verification.Verified, string.Join("\n", verification.Differences));
        Assert.Empty(verification.Differences);
    }

    [Fact]
    public void A_package_written_and_read_back_still_verifies()
    {
        var read = ReadOrFail(Written(ResultsSamples.ExamplePackage()));

        Assert.Empty(ResultsVerifier.Verify(read).Differences);
    }

    [Fact]
    public void A_changed_score_fails_verification_and_names_the_profile()
    {
        var package = ResultsSamples.ExamplePackage();
        var scores = package.Scores.ToList();
        var index = scores.FindIndex(s => s.ProfileCode == "AYA-2026-01-002" && s.StageCode == "publica");
        scores[index] = scores[index] with { Points = [.. scores[index].Points.Select(p => p with { Points = 20m })] };
        // The score is changed and the hash recomputed: only the published results now disagree.
        var changed = ResultsPackageJson.WithHash(package with { Scores = scores });

        var differences = ResultsVerifier.Verify(changed).Differences;

        Assert.NotEmpty(differences);
        Assert.Contains(differences, d => d.StartsWith("AYA-2026-01-002: final_score is ", StringComparison.Ordinal) && d.Contains(" in the package, recomputed ", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("AYA-2026-01-002: stage publica score is ", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, d => d.StartsWith("hash:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_award_fails_verification_and_breaks_the_hash()
    {
        var package = ResultsSamples.ExamplePackage();
        var entries = package.Results.Entries.ToList();
        var funded = entries.FindIndex(e => e.Outcome == ResultOutcome.Funded);
        entries[funded] = entries[funded] with { Award = entries[funded].Award + 500m };
        var tampered = package with { Results = package.Results with { Entries = entries } };

        var differences = ResultsVerifier.Verify(tampered).Differences;

        var code = entries[funded].ProfileCode;
        Assert.Contains($"{code}: award is {entries[funded].Award:0.00} in the package, recomputed {entries[funded].Award - 500m:0.00}", differences);
        Assert.Contains(differences, d => d.StartsWith($"hash: the package says {package.Hash}, its content hashes to ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tampered_hash_fails_verification()
    {
        var package = ResultsSamples.ExamplePackage();
        var tampered = package with { Hash = new string('0', 64) };

        var difference = Assert.Single(ResultsVerifier.Verify(tampered).Differences);

        Assert.Equal($"hash: the package says {tampered.Hash}, its content hashes to {package.Hash}", difference);
    }

    [Fact]
    public void A_missing_entry_and_a_changed_budget_are_both_reported()
    {
        var package = ResultsSamples.ExamplePackage();
        var results = package.Results with
        {
            Entries = [.. package.Results.Entries.Where(e => e.ProfileCode != "AYA-2026-01-004")],
            Categories = [package.Results.Categories[0] with { Used = package.Results.Categories[0].Used + 1m }, .. package.Results.Categories.Skip(1)],
        };

        var differences = ResultsVerifier.Verify(ResultsPackageJson.WithHash(package with { Results = results })).Differences;

        Assert.Contains("AYA-2026-01-004: missing from the package's results", differences);
        Assert.Contains(differences, d => d.StartsWith("category idea: used is ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_listed_twice_is_a_difference_not_an_exception()
    {
        var package = ResultsSamples.ExamplePackage();
        var results = package.Results with { Entries = [.. package.Results.Entries, package.Results.Entries[0]] };

        var differences = ResultsVerifier.Verify(ResultsPackageJson.WithHash(package with { Results = results })).Differences;

        Assert.Equal([$"{package.Results.Entries[0].ProfileCode}: listed twice in the package's results"], differences);
    }

    [Fact]
    public void Entries_in_another_order_fail_verification()
    {
        var package = ResultsSamples.ExamplePackage();
        var results = package.Results with { Entries = [.. package.Results.Entries.Reverse()] };

        var difference = Assert.Single(ResultsVerifier.Verify(ResultsPackageJson.WithHash(package with { Results = results })).Differences);

        Assert.StartsWith("results: entry 1 is ", difference, StringComparison.Ordinal);
        Assert.EndsWith("(the entries are in another order)", difference, StringComparison.Ordinal);
    }
}
