using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>What a publication states about itself in its package.</summary>
public sealed record PublicationMetadata(
    string ContestCode, string ContestTitle, int Version, DateTime PublishedAtUtc, string? CorrectionReason);

/// <summary>
/// The one place the portal writes and reads the open results package's text: the publication
/// stores exactly what <see cref="ResultsPackageJson.Write(ResultsPackage)"/> writes, sealed with its hash
/// (SHA-256 of the RFC 8785 canonical JSON without the hash field).
/// </summary>
internal static class ResultsPackageText
{
    public static (string Json, string Hash) Write(PublicationMetadata metadata, ResultsInput input, RankingResult results)
    {
        var package = ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest(metadata.ContestCode, metadata.ContestTitle, metadata.Version, metadata.PublishedAtUtc, metadata.CorrectionReason),
            input.Rules, input.Profiles, input.Scores, results));
        return (ResultsPackageJson.Write(package), package.Hash);
    }

    /// <summary>A stored package read back; it was written by the portal, so a failure here is a bug, not bad input.</summary>
    public static ResultsPackage Read(string json)
    {
        var read = ResultsPackageJson.Read(json);
        return read.Package ?? throw new InvalidOperationException("A stored results package does not read back: " + string.Join("; ", read.Errors));
    }

    public static PublicationMetadata MetadataOf(ResultsPackage package) =>
        new(package.Contest.Code, package.Contest.Title, package.Contest.PublicationVersion, package.Contest.PublishedAtUtc, package.Contest.CorrectionReason);
}
