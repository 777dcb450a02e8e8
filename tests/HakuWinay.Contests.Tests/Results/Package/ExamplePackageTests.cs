using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HakuWinay.Contests.Results.Package;
using Json.Schema;
using static HakuWinay.Contests.Tests.Results.Package.PackageTestKit;

namespace HakuWinay.Contests.Tests.Results.Package;

/// <summary>
/// The committed example, docs/examples/results-package.example.json, and the JSON Schema beside
/// the documentation stay true. To write the example again from <see cref="ResultsSamples.ExamplePackage"/>:
/// <c>HAKU_REGENERATE_EXAMPLES=1 ./test.sh --only HakuWinay.Contests.Tests --filter "FullyQualifiedName~ExamplePackage"</c>.
/// </summary>
public sealed class ExamplePackageTests
{
    private static readonly string ExamplePath = RepositoryPath("docs", "examples", "results-package.example.json");
    private static readonly string SchemaPath = RepositoryPath("docs", "results-package.schema.json");

    // Built once: JsonSchema.Net registers a schema by its $id, once per process.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    public ExamplePackageTests()
    {
        if (Environment.GetEnvironmentVariable("HAKU_REGENERATE_EXAMPLES") == "1")
        {
            File.WriteAllText(ExamplePath, Written(ResultsSamples.ExamplePackage()) + "\n");
        }
    }

    [Fact]
    public void Committed_example_verifies()
    {
        var package = ReadOrFail(File.ReadAllText(ExamplePath));

        var verification = ResultsVerifier.Verify(package);

        Assert.True(verification.Verified, string.Join("\n", verification.Differences));
    }

    [Fact]
    public void Committed_example_holds_the_builders_contest()
    {
        var committed = ReadOrFail(File.ReadAllText(ExamplePath));
        var built = ResultsSamples.ExamplePackage();

        // The input, not the results: their explanations may be reworded without changing a result.
        Assert.Equal(InputJson(built), InputJson(committed));
    }

    [Fact]
    public void Committed_example_hash_is_the_sha256_of_its_own_canonical_json_without_the_hash()
    {
        var root = JsonNode.Parse(File.ReadAllText(ExamplePath))!.AsObject();
        var hash = (string?)root["hash"];
        root.Remove("hash");

        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(root))));
    }

    [Fact]
    public void Committed_example_is_valid_against_the_json_schema()
    {
        var schema = Schema.Value;
        using var example = JsonDocument.Parse(File.ReadAllText(ExamplePath));

        var result = schema.Evaluate(example.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void Schema_rejects_what_the_reader_rejects()
    {
        var schema = Schema.Value;
        var broken = Edit(File.ReadAllText(ExamplePath), r => r["profiles"]![0]!["fund_request"] = "7,500.00");
        using var document = JsonDocument.Parse(broken);

        Assert.False(schema.Evaluate(document.RootElement).IsValid);
        Assert.False(ResultsPackageJson.Read(broken).Succeeded);
    }

    [Fact]
    public void Schema_lists_exactly_the_fields_the_reader_reads_and_requires_them_all()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var definitions = schema.RootElement.GetProperty("$defs");

        foreach (var (name, fields) in ResultsPackageReader.Fields)
        {
            var definition = name == "package" ? schema.RootElement : definitions.GetProperty(name == "score" ? "scorecard" : name);
            Assert.Equal(fields.Order(StringComparer.Ordinal), definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(fields.Order(StringComparer.Ordinal), definition.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
            Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
        }
    }

    [Fact]
    public void Committed_example_has_every_required_property_of_the_schema_at_every_level()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        using var example = JsonDocument.Parse(File.ReadAllText(ExamplePath));
        var missing = new List<string>();

        RequiredPresent(schema.RootElement, schema.RootElement, example.RootElement, "$", missing);

        Assert.Empty(missing);
    }

    private static void RequiredPresent(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> missing)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = root.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..]);
        }
        if (schema.TryGetProperty("oneOf", out var options) && value.ValueKind != JsonValueKind.Null)
        {
            schema = options[0];
            RequiredPresent(root, schema, value, path, missing);
            return;
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required))
        {
            foreach (var field in required.EnumerateArray().Select(f => f.GetString()!))
            {
                if (!value.TryGetProperty(field, out var child))
                {
                    missing.Add($"{path}.{field}");
                    continue;
                }
                RequiredPresent(root, schema.GetProperty("properties").GetProperty(field), child, $"{path}.{field}", missing);
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                RequiredPresent(root, items, item, $"{path}[{index++}]", missing);
            }
        }
    }

    private static string InputJson(ResultsPackage package)
    {
        var json = ResultsPackageJson.ToJson(package, includeHash: false);
        json.Remove("results");
        return json.ToJsonString();
    }
}
