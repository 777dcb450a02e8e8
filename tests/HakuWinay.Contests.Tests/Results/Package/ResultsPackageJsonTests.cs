using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using static HakuWinay.Contests.Tests.Results.Package.PackageTestKit;

namespace HakuWinay.Contests.Tests.Results.Package;

public sealed class ResultsPackageJsonTests
{
    [Fact]
    public void Written_package_reads_back_to_the_same_package()
    {
        var package = HandWritten();
        var json = Written(package);

        var read = ReadOrFail(json);

        Assert.Equal(json, Written(read));
        Assert.Equal(package.Hash, read.Hash);
        Assert.Equal(package.Contest, read.Contest);
        Assert.Equal(package.Rules.PassMark, read.Rules.PassMark);
        Assert.Equal(package.Rules.SubmissionDeadlineUtc, read.Rules.SubmissionDeadlineUtc);
        Assert.Equal(DateTimeKind.Utc, read.Contest.PublishedAtUtc.Kind);
        Assert.Equal(package.Profiles.Select(p => (p.Code, p.FundRequest, p.SubmittedAtUtc, p.Group, p.Standing)),
            read.Profiles.Select(p => (p.Code, p.FundRequest, p.SubmittedAtUtc, p.Group, p.Standing)));
        Assert.Equal(package.Scores.SelectMany(s => s.Points), read.Scores.SelectMany(s => s.Points));
        Assert.Equal(package.Results.Categories, read.Results.Categories);
        Assert.Equal(package.Results.Entries.Select(e => e with { Stages = [] }), read.Results.Entries.Select(e => e with { Stages = [] }));
        Assert.Equal(package.Results.Entries.SelectMany(e => e.Stages), read.Results.Entries.SelectMany(e => e.Stages));
    }

    [Fact]
    public void Money_and_scores_are_strings_with_two_decimals_and_points_keep_their_half()
    {
        var root = JsonNode.Parse(Written(HandWritten()))!;

        Assert.Equal("7500.00", (string?)root["profiles"]![0]!["fund_request"]);
        Assert.Equal("22500.00", (string?)root["rules"]!["categories"]![0]!["budget"]);
        Assert.Equal("70.00", (string?)root["rules"]!["pass_mark"]);
        Assert.Equal("87.25", (string?)root["results"]!["entries"]![0]!["final_score"]);
        Assert.Equal("2.50", (string?)root["rules"]!["priority_rules"]![0]!["bonus_points"]);
        Assert.Equal("partially_funded", (string?)root["results"]!["entries"]![2]!["outcome"]);
        Assert.Equal("skip_to_fit", (string?)root["rules"]!["allocation"]);
        Assert.Equal("2026-11-23T14:00:00.25Z", (string?)root["contest"]!["published_at"]);
        Assert.Equal("2026-10-31T04:59:59Z", (string?)root["rules"]!["submission_deadline"]);
        Assert.Equal(2, (int?)root["contest"]!["publication_version"]);
        Assert.Null(root["results"]!["entries"]![7]!["final_score"]);

        var halfPoint = ReadOrFail(Written(HandWritten())).Scores.SelectMany(s => s.Points).First(p => p.Points % 1 != 0);
        Assert.Equal(0.5m, halfPoint.Points % 1);
    }

    [Fact]
    public void Weights_with_more_than_two_decimals_keep_them()
    {
        var package = HandWritten();
        var stage = package.Rules.Stages[0];
        var thirds = stage with { Criteria = [stage.Criteria[0] with { Weight = 33.333m }, stage.Criteria[1] with { Weight = 33.333m }, stage.Criteria[2] with { Weight = 33.334m }] };
        package = package with { Rules = package.Rules with { Stages = [thirds, package.Rules.Stages[1]] } };

        var read = ReadOrFail(Written(package));

        Assert.Equal([33.333m, 33.333m, 33.334m], read.Rules.Stages[0].Criteria.Select(c => c.Weight));
    }

    [Fact]
    public void Writing_fills_the_hash_from_the_content()
    {
        var package = HandWritten() with { Hash = "" };
        var root = JsonNode.Parse(Written(package))!.AsObject();
        var hash = (string?)root["hash"];
        root.Remove("hash");

        var expected = Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(root)));

        Assert.Equal(expected, hash);
        Assert.Equal(expected, ResultsPackageJson.Hash(package));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Hash_does_not_change_when_the_file_lists_members_in_another_order_or_indents_otherwise()
    {
        var json = Written(HandWritten());
        var reordered = Reorder(JsonNode.Parse(json)!);

        var read = ReadOrFail(reordered.ToJsonString());

        Assert.NotEqual(json, reordered.ToJsonString());
        Assert.Equal(HandWritten().Hash, read.Hash);
        Assert.Equal(read.Hash, ResultsPackageJson.Hash(read));
    }

    [Fact]
    public void Hash_changes_when_any_point_changes()
    {
        var package = HandWritten();
        var scores = package.Scores.ToList();
        scores[5] = scores[5] with { Points = [scores[5].Points[0] with { Points = scores[5].Points[0].Points - 0.5m }, .. scores[5].Points.Skip(1)] };

        Assert.NotEqual(ResultsPackageJson.Hash(package), ResultsPackageJson.Hash(package with { Scores = scores }));
    }

    [Fact]
    public void Writing_a_score_with_more_than_two_decimals_is_refused_rather_than_rounded()
    {
        var package = HandWritten();
        var entries = package.Results.Entries.ToList();
        entries[0] = entries[0] with { FinalScore = 87.255m };

        var error = Assert.Throws<ArgumentException>(() => Written(package with { Results = package.Results with { Entries = entries } }));
        Assert.Contains("AYA-2026-01-001's final score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_from_a_stream_with_a_byte_order_mark_works()
    {
        var json = Written(HandWritten());
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(json)]);

        var read = ResultsPackageJson.Read(stream);

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(TieBreakerKind.HigherStageScore, read.Package!.Rules.TieBreakers[0].Kind);
        Assert.Equal(ProfileStanding.Ineligible, read.Package.Profiles[7].Standing);
        Assert.Equal(ResultOutcome.Waitlisted, read.Package.Results.Entries[3].Outcome);
    }

    [Fact]
    public void Writing_to_a_stream_writes_the_same_text()
    {
        using var stream = new MemoryStream();
        ResultsPackageJson.Write(HandWritten(), stream);

        Assert.Equal(Written(HandWritten()), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Input_is_the_rules_profiles_and_scores()
    {
        var package = HandWritten();

        Assert.Same(package.Rules, package.Input.Rules);
        Assert.Same(package.Profiles, package.Input.Profiles);
        Assert.Same(package.Scores, package.Input.Scores);
        Assert.Equal("hakuwinay-results/2", package.Format);
    }

    /// <summary>Every object's members in reverse order, recursively.</summary>
    private static JsonNode Reorder(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(m => KeyValuePair.Create(m.Key, m.Value is null ? null : Reorder(m.Value.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(i => i is null ? null : Reorder(i.DeepClone()))]),
        _ => node.DeepClone(),
    };
}
