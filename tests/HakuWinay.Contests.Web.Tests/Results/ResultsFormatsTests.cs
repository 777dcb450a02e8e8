using System.Text;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Web.PublicResults;

namespace HakuWinay.Contests.Web.Tests.Results;

public sealed class ResultsFormatsTests
{
    [Theory]
    [InlineData(null, true, null)]
    [InlineData("1", true, 1)]
    [InlineData("12", true, 12)]
    [InlineData("abc", false, null)]
    [InlineData("0", false, 0)]
    [InlineData("-1", false, null)]
    [InlineData("1.5", false, null)]
    [InlineData(" 2", false, null)]
    [InlineData("", false, null)]
    [InlineData("9999999", false, null)]
    public void A_version_in_the_address_is_a_positive_whole_number_or_nothing(string? text, bool valid, int? version)
    {
        Assert.Equal(valid, ResultsVersion.TryParse(text, out var parsed));
        Assert.Equal(version, parsed);
    }

    [Fact]
    public void The_acta_number_uses_the_year_in_Lima()
    {
        // 1 January 2027 03:00 UTC is still 31 December 2026 in Lima.
        Assert.Equal("003-2026-CLAR-AYA-2026-01", ActaNumber.Of(3, new DateTime(2027, 1, 1, 3, 0, 0, DateTimeKind.Utc), "AYA-2026-01"));
    }

    [Fact]
    public void The_scores_csv_has_one_row_per_criterion_score_with_the_juror_pseudonym_and_dot_decimals()
    {
        var csv = ResultsEndpoints.ScoresFile(
        [
            new SubmittedScore("P2", "CAMPO", "J2", [new CriterionScore("C1", 7.5m)]),
            new SubmittedScore("P1", "CAMPO", "J1", [new CriterionScore("C1", 20m), new CriterionScore("C2", 12.25m)]),
        ]);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal(["profile_code,stage_code,juror_id,criterion_code,points", "P1,CAMPO,J1,C1,20.00", "P1,CAMPO,J1,C2,12.25", "P2,CAMPO,J2,C1,7.50", ""], lines);
    }
}
