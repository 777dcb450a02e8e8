using HakuWinay.Contests.Results.Package;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>The publications stored by the portal's publication service (wired when that service lands).</summary>
internal sealed class PortalPublishedPackages : IPublishedPackages
{
    public Task<IReadOnlyList<PublicationInfo>> HistoryAsync(int contestId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicationInfo>>([]);

    public Task<string?> PackageJsonAsync(int contestId, int version, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<ResultsPackage?> PreviewAsync(int contestId, CancellationToken cancellationToken) => Task.FromResult<ResultsPackage?>(null);
}
