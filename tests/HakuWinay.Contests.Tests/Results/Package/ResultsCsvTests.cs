using System.Text;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Tests.Results.Package;

public sealed class ResultsCsvTests
{
    private static string[] Lines(RankingResult results) => ResultsCsv.Ranking(results).Split("\r\n");

    [Fact]
    public void Ranking_csv_has_the_documented_header_and_one_row_per_entry_in_order()
    {
        var results = PackageTestKit.HandWritten().Results;

        var lines = Lines(results);

        Assert.Equal("category_code,rank,profile_code,evaluation_score,final_score,outcome,award", lines[0]);
        Assert.Equal("idea,1,AYA-2026-01-001,84.75,87.25,funded,7500.00", lines[1]);
        Assert.Equal("idea,3,AYA-2026-01-002,74.00,74.00,partially_funded,7500.00", lines[3]);
        Assert.Equal("idea,4,AYA-2026-01-005,70.00,70.00,waitlisted,0.00", lines[4]);
        Assert.Equal("idea,,AYA-2026-01-004,56.67,56.67,failed,0.00", lines[5]);
        Assert.Equal("marcha,,AYA-2026-01-008,,,ineligible,0.00", lines[8]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(results.Entries.Count + 2, lines.Length);
        Assert.Equal(results.Entries.Select(e => e.ProfileCode), lines[1..^1].Select(l => l.Split(',')[2]));
    }

    [Fact]
    public void Codes_pass_through_the_formula_guard_unchanged()
    {
        var entry = PackageTestKit.HandWritten().Results.Entries[0] with { ProfileCode = "HW-2026-01-001", CategoryCode = "negocio-en-idea" };

        var row = Lines(new RankingResult([], [entry]))[1];

        Assert.StartsWith("negocio-en-idea,1,HW-2026-01-001,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_download_is_utf8_with_a_byte_order_mark_and_the_same_text()
    {
        var results = PackageTestKit.HandWritten().Results;

        var file = ResultsCsv.RankingFile(results);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), file[..3]);
        Assert.Equal(ResultsCsv.Ranking(results), Encoding.UTF8.GetString(file[3..]));
        Assert.False(ResultsCsv.Ranking(results).StartsWith('\uFEFF'));
    }
}
