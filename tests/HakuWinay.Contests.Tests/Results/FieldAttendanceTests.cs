using HakuWinay.Contests.Cli;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Tests.Results.Package;
using static HakuWinay.Contests.Tests.Results.Package.PackageTestKit;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>
/// Issue 17: under the contest's minimum share of member households present at the field
/// evaluation a profile is disqualified, in the ranking, its explanation and the open package
/// (format 2), and <c>verify</c> re-computes it; a package of format 1 still reads and verifies.
/// </summary>
public sealed class FieldAttendanceTests
{
    private static ResultsInput Contest(params (string Code, FieldAttendance? Attendance)[] profiles)
    {
        var builder = new ResultsBuilder()
            .Stage(ResultsBuilder.Field, 50m, 1, ResultsBuilder.Criterion("A", 10m, 100m))
            .Stage(ResultsBuilder.Public, 50m, 1, ResultsBuilder.Criterion("P", 10m, 100m))
            .Category(ResultsBuilder.Idea, budget: 30_000m);
        foreach (var (code, _) in profiles)
        {
            builder.Profile(code).Score(code, ResultsBuilder.Field, "J1", ("A", 9m)).Score(code, ResultsBuilder.Public, "J2", ("P", 9m));
        }
        var input = builder.Build();
        var attendance = profiles.ToDictionary(p => p.Code, p => p.Attendance);
        return input with
        {
            Rules = input.Rules with { MinimumAttendancePercent = 50m },
            Profiles = [.. input.Profiles.Select(p => p with { Attendance = attendance[p.Code] })],
        };
    }

    [Fact]
    public void A_profile_at_49_percent_attendance_is_disqualified_and_one_at_50_percent_is_not()
    {
        var result = Ranking.Compute(Contest(("AYA-049", new FieldAttendance(100, 49)), ("AYA-050", new FieldAttendance(100, 50)), ("AYA-2OF4", new FieldAttendance(4, 2))));

        var below = result.Entry("AYA-049");
        Assert.Equal((ResultOutcome.Disqualified, false, (int?)null, 0.00m), (below.Outcome, below.Passed, below.Rank, below.Award));
        Assert.Equal(90.00m, below.EvaluationScore);
        Assert.StartsWith("Descalificado: asistieron 49 de 100 familias socias (49.00 %) a la evaluación de campo, menos del 50 % exigido; no entra al orden de mérito.", below.Explanation);
        Assert.Equal((ResultOutcome.Funded, 1), (result.Entry("AYA-050").Outcome, result.Entry("AYA-050").Rank));
        Assert.Equal(ResultOutcome.Funded, result.Entry("AYA-2OF4").Outcome);
        Assert.Equal(2, result.Category(ResultsBuilder.Idea).Ranked);
    }

    [Fact]
    public void Attendance_is_not_checked_when_not_recorded_or_when_the_contest_sets_no_minimum()
    {
        var input = Contest(("AYA-NONE", null), ("AYA-LOW", new FieldAttendance(5, 1)));

        Assert.Equal(ResultOutcome.Funded, Ranking.Compute(input).Entry("AYA-NONE").Outcome);
        Assert.Equal(ResultOutcome.Funded, Ranking.Compute(input with { Rules = input.Rules with { MinimumAttendancePercent = null } }).Entry("AYA-LOW").Outcome);
    }

    [Fact]
    public void An_incomplete_profile_below_the_minimum_is_disqualified()
    {
        var input = Contest(("AYA-001", new FieldAttendance(5, 2)));
        input = input with { Scores = [.. input.Scores.Where(s => s.StageCode == ResultsBuilder.Field)] };

        Assert.Equal(ResultOutcome.Disqualified, Ranking.Compute(input).Entry("AYA-001").Outcome);
    }

    [Fact]
    public void Incoherent_attendance_is_refused()
    {
        var error = Assert.Throws<ResultsInputException>(() => Ranking.Compute(Contest(("AYA-001", new FieldAttendance(5, 6)))));

        Assert.Contains("AYA-001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_carries_attendance_and_verify_recomputes_the_disqualification()
    {
        var input = Contest(("AYA-049", new FieldAttendance(100, 49)), ("AYA-050", new FieldAttendance(100, 50)));
        var package = ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest("AYA-2026-01", "Concurso", 1, ResultsSamples.PublishedAt, null), input.Rules, input.Profiles, input.Scores, Ranking.Compute(input)));
        var json = Written(package);

        Assert.Contains("\"format\":\"hakuwinay-results/2\"", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var read = ReadOrFail(json);
        Assert.Equal(new FieldAttendance(100, 49), read.Profiles.Single(p => p.Code == "AYA-049").Attendance);
        Assert.Equal(50m, read.Rules.MinimumAttendancePercent);
        Assert.Equal(ResultOutcome.Disqualified, read.Results.Entry("AYA-049").Outcome);
        Assert.Empty(ResultsVerifier.Verify(read).Differences);

        // One more household present, hash recomputed: the published disqualification no longer follows.
        var changed = ReadOrFail(Edit(json, r => r["profiles"]![0]!["attendance"]!["present"] = 50));
        var differences = ResultsVerifier.Verify(ResultsPackageJson.WithHash(changed)).Differences;
        Assert.Contains(differences, d => d.StartsWith("AYA-049: outcome is disqualified in the package, recomputed ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_in_the_command_line_tool_rechecks_attendance()
    {
        var input = Contest(("AYA-049", new FieldAttendance(100, 49)), ("AYA-050", new FieldAttendance(100, 50)));
        var package = ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest("AYA-2026-01", "Concurso", 1, ResultsSamples.PublishedAt, null), input.Rules, input.Profiles, input.Scores, Ranking.Compute(input)));
        var folder = Directory.CreateTempSubdirectory("hakuwinay-attendance-").FullName;
        try
        {
            var good = Path.Combine(folder, "good.json");
            File.WriteAllText(good, Written(package));
            // A package that claims AYA-049 was funded although 49 % came: the hash is made to match, the results do not.
            var entries = package.Results.Entries.Select(e => e.ProfileCode == "AYA-049" ? e with { Outcome = ResultOutcome.Funded } : e).ToList();
            var bad = Path.Combine(folder, "bad.json");
            File.WriteAllText(bad, Written(ResultsPackageJson.WithHash(package with { Results = package.Results with { Entries = entries } })));
            using var output = new StringWriter();
            using var error = new StringWriter();

            Assert.Equal(CliApp.Ok, CliApp.Run(["verify", good], output, error));
            Assert.Equal(CliApp.NotVerified, CliApp.Run(["verify", bad], output, error));
            Assert.Contains("AYA-049: outcome is funded in the package, recomputed disqualified", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_package_of_the_previous_format_still_reads_verifies_and_keeps_its_hash()
    {
        var path = RepositoryPath("docs", "examples", "results-package.v1.example.json");
        var text = File.ReadAllText(path);

        var package = ReadOrFail(text);

        Assert.Equal(ResultsPackage.PreviousFormatId, package.Format);
        Assert.All(package.Profiles, p => Assert.Null(p.Attendance));
        Assert.Null(package.Rules.MinimumAttendancePercent);
        var verification = ResultsVerifier.Verify(package);
        Assert.True(verification.Verified, string.Join("\n", verification.Differences));
        Assert.Equal(package.Hash, ResultsPackageJson.Hash(package));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal((CliApp.Ok, ""), (CliApp.Run(["verify", path], output, error), error.ToString()));
    }

    [Fact]
    public void A_package_of_the_previous_format_with_attendance_fields_is_refused()
    {
        var text = File.ReadAllText(RepositoryPath("docs", "examples", "results-package.v1.example.json"));

        var errors = ErrorsOf(Edit(text, r => r["profiles"]![0]!["attendance"] = null));

        Assert.Contains(errors, e => e.StartsWith("$.profiles[0]", StringComparison.Ordinal) && e.Contains("attendance", StringComparison.Ordinal));
    }

    [Fact]
    public void A_household_counts_present_when_any_field_juror_recorded_it()
    {
        string[] members = ["11111111", "22222222", "33333333", "44444444"];

        Assert.Equal(new FieldAttendance(4, 3), FieldAttendanceRules.Combine(members, [["11111111", "22222222"], ["22222222", "33333333"], null]));
        Assert.Equal(new FieldAttendance(4, 0), FieldAttendanceRules.Combine(members, [[], null]));
        Assert.Null(FieldAttendanceRules.Combine(members, [null, null]));
        // A DNI no longer among the members does not count.
        Assert.Equal(new FieldAttendance(4, 1), FieldAttendanceRules.Combine(members, [["11111111", "99999999"]]));
    }

    [Fact]
    public void An_attendance_list_with_a_malformed_repeated_or_foreign_dni_is_refused()
    {
        string[] members = ["11111111", "22222222"];

        var violations = FieldAttendanceRules.Check(["1111111", "22222222", "22222222", "33333333", "=cmd|' /C calc'!A0"], members);

        Assert.Equal(["Attendance.NotADni", "Attendance.Repeated", "Attendance.NotAMember", "Attendance.NotADni"], violations.Select(v => v.Rule));
        Assert.Empty(FieldAttendanceRules.Check([], members));
    }
}
