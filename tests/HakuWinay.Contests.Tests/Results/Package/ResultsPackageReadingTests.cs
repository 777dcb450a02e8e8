using System.Text;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Results.Package;
using static HakuWinay.Contests.Tests.Results.Package.PackageTestKit;

namespace HakuWinay.Contests.Tests.Results.Package;

/// <summary>A malformed package gets clear errors naming the JSON path, and no package; never an exception.</summary>
public sealed class ResultsPackageReadingTests
{
    private static readonly string Valid = Written(HandWritten());

    private static string With(Action<JsonObject> edit) => Edit(Valid, edit);

    [Fact]
    public void Text_that_is_not_json_is_refused_with_where_it_breaks()
    {
        var error = Assert.Single(ErrorsOf("{\"format\": \"hakuwinay-results/1\",\n  oops }"));

        Assert.StartsWith("$: not valid JSON at line 2, byte 3 of that line:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void An_empty_file_is_refused(string json)
    {
        Assert.Equal(["$: the file is empty; a results package is a JSON object"], ErrorsOf(json));
    }

    [Fact]
    public void A_file_of_zero_bytes_from_a_stream_is_refused()
    {
        using var empty = new MemoryStream();

        var read = ResultsPackageJson.Read(empty);

        Assert.Equal(["$: the file is empty; a results package is a JSON object"], read.Errors);
    }

    [Fact]
    public void Deeply_nested_garbage_is_refused_without_a_stack_overflow()
    {
        var error = Assert.Single(ErrorsOf(new string('[', 100_000) + new string(']', 100_000)));

        Assert.StartsWith("$: not valid JSON at line 1", error, StringComparison.Ordinal);
        Assert.Contains("depth", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_unread()
    {
        using var large = new MemoryStream(new byte[2048]);

        var read = ResultsPackageJson.Read(large, maxBytes: 1024);

        Assert.Equal(["$: the package is larger than 0 MB, the most this reader accepts"], read.Errors);
        Assert.Equal(1025, large.Position);
    }

    [Fact]
    public void Another_format_is_refused_by_name()
    {
        var json = With(r => r["format"] = "hakuwinay-results/3");

        Assert.Equal(["$.format: \"hakuwinay-results/3\" is not a format this tool reads; it reads \"hakuwinay-results/2\" and \"hakuwinay-results/1\""], ErrorsOf(json));
    }

    [Fact]
    public void A_json_value_that_is_not_an_object_is_refused()
    {
        Assert.Equal(["$: a list is not a results package (a JSON object)"], ErrorsOf("[1,2]"));
        Assert.Equal(["$: \"package\" is not a results package (a JSON object)"], ErrorsOf("\"package\""));
    }

    [Fact]
    public void A_missing_field_is_named_with_its_path()
    {
        var json = With(r => r["profiles"]![3]!.AsObject().Remove("fund_request"));

        Assert.Equal(["$.profiles[3]: the field \"fund_request\" is missing"], ErrorsOf(json));
    }

    [Fact]
    public void An_amount_with_a_thousands_separator_is_refused_with_an_example()
    {
        var json = With(r => r["profiles"]![3]!["fund_request"] = "7,500.00");

        Assert.Equal(["$.profiles[3].fund_request: \"7,500.00\" is not an amount with two decimals such as \"7500.00\""], ErrorsOf(json));
    }

    [Theory]
    [InlineData("7500")]
    [InlineData("7500.0")]
    [InlineData("7500.000")]
    [InlineData("07500.00")]
    [InlineData("7500,00")]
    [InlineData(" 7500.00")]
    public void An_amount_not_spelled_with_exactly_two_decimals_is_refused(string amount)
    {
        var json = With(r => r["rules"]!["categories"]![1]!["budget"] = amount);

        Assert.Equal([$"$.rules.categories[1].budget: \"{amount}\" is not an amount with two decimals such as \"7500.00\""], ErrorsOf(json));
    }

    [Fact]
    public void An_amount_written_as_a_json_number_is_refused()
    {
        var json = With(r => r["profiles"]![0]!["fund_request"] = 7500);

        Assert.Equal(["$.profiles[0].fund_request: 7500 is not a JSON string; this value is written in quotes, such as \"7500.00\""], ErrorsOf(json));
    }

    [Fact]
    public void A_negative_amount_is_refused()
    {
        var json = With(r => r["profiles"]![2]!["fund_request"] = "-7500.00");

        Assert.Equal(["$.profiles[2].fund_request: \"-7500.00\" is negative; an amount is zero or more"], ErrorsOf(json));
    }

    [Fact]
    public void Points_must_keep_the_canonical_spelling()
    {
        var json = With(r => r["scores"]![0]!["points"]![1]!["points"] = "7.5");

        Assert.Equal(["$.scores[0].points[1].points: \"7.5\" is not a number with a dot and at least two decimals, no trailing zero past the second, such as \"7.50\""],
            ErrorsOf(json));
    }

    [Fact]
    public void A_count_of_the_wrong_type_is_refused()
    {
        var json = With(r => r["contest"]!["publication_version"] = "1");

        Assert.Equal(["$.contest.publication_version: \"1\" is not a whole number (a JSON number such as 1)"], ErrorsOf(json));
    }

    [Fact]
    public void A_time_without_its_zone_is_refused()
    {
        var json = With(r => r["profiles"]![1]!["submitted_at"] = "2026-10-12 09:00");

        Assert.Equal(["$.profiles[1].submitted_at: \"2026-10-12 09:00\" is not a UTC time such as \"2026-11-23T14:00:00Z\" (ISO 8601, ending in Z)"], ErrorsOf(json));
    }

    [Fact]
    public void An_unknown_enum_value_lists_the_known_ones()
    {
        var json = With(r => r["rules"]!["aggregation"] = "average");

        Assert.Equal(["$.rules.aggregation: \"average\" is not one of mean, median, trimmed_mean"], ErrorsOf(json));
    }

    [Fact]
    public void An_unknown_field_is_refused_so_that_nothing_unhashed_hides_in_the_file()
    {
        var json = With(r => r["rules"]!["stages"]![0]!["bonus"] = "5.00");

        var error = Assert.Single(ErrorsOf(json));
        Assert.StartsWith("$.rules.stages[0].bonus: unknown field; a stage has the fields code, name, weight", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_that_is_not_sha256_hex_is_refused()
    {
        var json = With(r => r["hash"] = "ABC");

        Assert.Equal(["$.hash: \"ABC\" is not a SHA-256 hash in lowercase hexadecimal (64 characters from 0-9 and a-f)"], ErrorsOf(json));
    }

    [Fact]
    public void A_score_for_an_unknown_stage_is_refused()
    {
        var json = With(r => r["scores"]![4]!["stage_code"] = "feria");

        Assert.Equal(["$.scores[4].stage_code: \"feria\" is not a stage of the rules"], ErrorsOf(json));
    }

    [Fact]
    public void References_to_unknown_profiles_categories_and_criteria_are_refused()
    {
        var json = With(r =>
        {
            r["scores"]![0]!["profile_code"] = "AYA-2026-01-099";
            r["scores"]![2]!["points"]![0]!["criterion_code"] = "claridad";
            r["profiles"]![0]!["category_code"] = "turismo";
            r["rules"]!["tie_breakers"]![0]!["stage_code"] = "feria";
        });

        Assert.Equal(
        [
            "$.rules.tie_breakers[0].stage_code: \"feria\" is not a stage of the rules",
            "$.profiles[0].category_code: \"turismo\" is not a category of the rules",
            "$.scores[0].profile_code: \"AYA-2026-01-099\" is not a profile of the package",
            "$.scores[2].points[0].criterion_code: \"claridad\" is not a criterion of stage campo",
            "$.scores[2].points: the scorecard has no points for criteria asistencia of stage campo",
        ], ErrorsOf(json));
    }

    [Fact]
    public void Duplicate_codes_and_weights_that_do_not_sum_to_100_are_refused()
    {
        var json = With(r =>
        {
            r["profiles"]![1]!["code"] = "AYA-2026-01-001";
            r["rules"]!["stages"]![1]!["weight"] = "40.00";
            r["rules"]!["stages"]![0]!["criteria"]![2]!["weight"] = "20.00";
        });

        var errors = ErrorsOf(json);

        Assert.Contains("$.rules.stages: the stages' weights sum to 90.00, not 100", errors);
        Assert.Contains("$.rules.stages[0].criteria: the weights of stage campo's criteria sum to 90.00, not 100", errors);
        Assert.Contains("$.profiles[1].code: the profile code \"AYA-2026-01-001\" is used twice", errors);
    }

    [Fact]
    public void Points_above_the_criterion_maximum_are_refused()
    {
        var json = With(r => r["scores"]![0]!["points"]![0]!["points"] = "10.50");

        Assert.Equal(["$.scores[0].points[0].points: 10.50 is more than criterion asistencia's maximum of 10.00"], ErrorsOf(json));
    }

    [Fact]
    public void Every_error_of_the_form_is_listed_at_once()
    {
        var json = With(r =>
        {
            r["profiles"]![0]!["fund_request"] = "mucho";
            r["profiles"]![5]!["group"]!["households"] = -1;
            r["results"]!["entries"]![0]!["rank"] = 0;
        });

        Assert.Equal(
        [
            "$.profiles[0].fund_request: \"mucho\" is not an amount with two decimals such as \"7500.00\"",
            "$.profiles[5].group.households: -1 is less than 0",
            "$.results.entries[0].rank: 0 is less than 1",
        ], ErrorsOf(json));
    }

    [Fact]
    public void A_lone_surrogate_in_a_field_name_is_refused_without_an_exception()
    {
        var error = Assert.Single(ErrorsOf("{\"\\udc00\":1}"));

        Assert.StartsWith("$: the file holds a text or a field name that is not valid Unicode", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_text_is_named_with_its_path()
    {
        var json = Valid.Replace("\"Concurso de perfiles", "\"\\ud800Concurso de perfiles", StringComparison.Ordinal);

        Assert.Equal(["$.contest.title: the text holds invalid UTF-16 (a lone surrogate)"], ErrorsOf(json));
    }

    [Fact]
    public void Reading_never_throws_on_odd_bytes()
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes("{\"format\":\"hakuwinay-results/1\",\"contest\":\"ñ\xff\"}"));

        var read = ResultsPackageJson.Read(stream);

        Assert.False(read.Succeeded);
        Assert.Equal(["$: the file is not UTF-8 text (byte 44 is not valid UTF-8)"], read.Errors);
    }
}
