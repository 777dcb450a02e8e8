using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>What a publication states about itself in its package.</summary>
public sealed record PublicationMetadata(
    string ContestCode, string ContestTitle, int Version, DateTime PublishedAtUtc, string? CorrectionReason);

/// <summary>
/// The one place the portal writes and reads the open results package's text. Interim format until
/// <c>Results.Package.ResultsPackageJson</c> lands: the same content (metadata, rules, profiles,
/// scores, results) as System.Text.Json, hashed with SHA-256 over the text without its hash field.
/// Switching over changes only this file.
/// </summary>
internal static class ResultsPackageText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static (string Json, string Hash) Write(PublicationMetadata metadata, ResultsInput input, RankingResult results)
    {
        var unhashed = new InterimPackage(1, metadata, input, results, null);
        var hash = HashOf(JsonSerializer.Serialize(unhashed, Json));
        return (JsonSerializer.Serialize(unhashed with { Hash = hash }, Json), hash);
    }

    public static (PublicationMetadata Metadata, ResultsInput Input, RankingResult Results, string Hash) Read(string json)
    {
        var package = JsonSerializer.Deserialize<InterimPackage>(json, Json) ?? throw new JsonException("Empty results package.");
        return (package.Metadata, package.Input, package.Results, package.Hash ?? "");
    }

    /// <summary>The hash the package's content yields, recomputed (what a verifier does).</summary>
    public static string RecomputeHash(string json)
    {
        var package = JsonSerializer.Deserialize<InterimPackage>(json, Json) ?? throw new JsonException("Empty results package.");
        return HashOf(JsonSerializer.Serialize(package with { Hash = null }, Json));
    }

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record InterimPackage(int Format, PublicationMetadata Metadata, ResultsInput Input, RankingResult Results, string? Hash);
}
