using System.Globalization;
using HakuWinay.Contests.Disbursements;
using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>
/// Absolute links for the execution sweep's emails. The sweep runs in a Hangfire job, where there
/// is no request: <c>Portal:PublicUrl</c> when configured, else the address of a request or
/// circuit behind the scope (a sweep run from a page), else a bare path.
/// </summary>
internal sealed class ExecutionLinks(NavigationManager navigation, IConfiguration configuration) : IExecutionLinks
{
    public string Award(int awardId) => Absolute($"admin/awards/{awardId.ToString(CultureInfo.InvariantCulture)}");

    public string Visit(int visitId) => Absolute($"technician/visits/{visitId.ToString(CultureInfo.InvariantCulture)}");

    private string Absolute(string path) => Hosting.PortalUrls.Absolute(navigation, configuration, path);
}
