using System.Text;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Tests.Results.Package;

/// <summary>The examples of RFC 8785 (sections 3.2.2, 3.2.3 and appendix B).</summary>
public sealed class JsonCanonicalizerTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(json));

    [Fact]
    public void Members_are_sorted_by_utf16_code_units_as_in_the_rfc_sorting_example()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            Canonical(input));
    }

    [Fact]
    public void The_rfc_example_of_the_whole_transformation_gives_its_bytes()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        var bytes = JsonCanonicalizer.Canonicalize(input);

        Assert.Equal("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
            Encoding.UTF8.GetString(bytes));
        // The RFC's listing of the UTF-8 bytes.
        Assert.Equal(
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a"
            + "5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d3237"
            + "5d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d",
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Strings_escape_only_what_json_requires()
    {
        Assert.Equal("\"\\b\\f\\n\\r\\t\\u0000\\u001f\\\"\\\\/<>&'ñ€😀\u007f\"",
            Canonical("\"\\b\\f\\n\\r\\t\\u0000\\u001F\\\"\\\\\\/\\u003c>&'ñ\\u20ac\\ud83d\\ude00\u007f\""));
    }

    [Fact]
    public void Whitespace_goes_and_nested_objects_are_sorted_too()
    {
        Assert.Equal("{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"c\":null,\"d\":true}}",
            Canonical(" { \"b\" : { \"d\" : true , \"c\" : null } ,\n \"a\" : [ { \"y\" : 2, \"x\" : 1 } ] } "));
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_are_written_as_ecmascript_does_in_appendix_b(ulong bits, string expected)
    {
        Assert.Equal(expected, JsonCanonicalizer.SerializeNumber(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinity_are_refused(double value)
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.SerializeNumber(value));
    }

    [Fact]
    public void A_number_beyond_a_double_is_refused()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize("[1e400]"));
    }

    [Fact]
    public void A_duplicate_member_or_a_lone_surrogate_is_refused()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize("{\"a\":1,\"a\":2}"));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize("[\"\\ud800\"]"));
    }

    [Fact]
    public void A_json_node_canonicalizes_like_its_text()
    {
        var node = new JsonObject { ["z"] = 1, ["a"] = new JsonArray(2.5, "ñ", null) };

        Assert.Equal("{\"a\":[2.5,\"ñ\",null],\"z\":1}", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node)));
    }
}
