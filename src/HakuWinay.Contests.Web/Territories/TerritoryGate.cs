using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Territories;
using Microsoft.AspNetCore.Authorization;

namespace HakuWinay.Contests.Web.Territories;

/// <summary>
/// Every address that names a contest, group, profile, scorecard, appeal, award, visit or padrón project answers 404
/// to a member of staff whose scope does not reach it, exactly as it does to a user of another group.
/// It sits once in the pipeline, after authorization, so that no page, form or download can forget
/// it (docs/decisions/028): the address is classified by its route values, the record located by
/// <see cref="TerritoryLookup"/>, the decision taken by <see cref="TerritoryRule"/>.
/// </summary>
public sealed class TerritoryGate(RequestDelegate next)
{
    /// <summary>Addresses that are national staff's alone: accounts and scopes, the outbox of every contest, the jobs.</summary>
    private static readonly string[] NationalOnly = ["/admin/accounts", "/admin/outbox", "/admin/jobs"];

    public async Task InvokeAsync(HttpContext http, StaffScopes scopes, TerritoryLookup lookup)
    {
        var user = http.User;
        var isAdmin = user.IsInRole(Roles.Admin);
        var isTechnician = user.IsInRole(Roles.Technician);
        var endpoint = http.GetEndpoint();
        if (!(isAdmin || isTechnician) || endpoint?.Metadata.GetMetadata<IAuthorizeData>() is null || user.UserId() is not { } userId)
        {
            await next(http);
            return;
        }
        var path = http.Request.Path;
        var national = NationalOnly.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var named = Classify(http);
        if (!national && named is null)
        {
            await next(http);
            return;
        }
        var scope = await scopes.OfAsync(userId, http.RequestAborted);
        if (scope.IsNational)
        {
            await next(http);
            return;
        }
        if (national)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var place = await lookup.PlaceAsync(named!.Value.Kind, named.Value.Key, http.RequestAborted);
        if (place is not null && !TerritoryRule.Reaches(scope, isAdmin, isTechnician, place))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(http);
    }

    /// <summary>
    /// What the address names, by its route values (their names are case-insensitive): the most
    /// precise record wins, so /awards/1/expenses/2/receipt is the award's. A juror's pages stay per
    /// contest, whoever opens them; public pages by a contest's code (its results, its call) are public.
    /// </summary>
    public static (TerritoryResource Kind, string Key)? Classify(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/juror", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var values = http.Request.RouteValues;
        foreach (var (name, kind) in ByValue)
        {
            if (values.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } key)
            {
                return (kind, key);
            }
        }
        if (values.TryGetValue("Id", out var id) && id?.ToString() is { Length: > 0 } idKey)
        {
            var segments = path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(segments, idKey);
            var before = at > 0 ? segments[at - 1].ToLowerInvariant() : "";
            TerritoryResource? kind = before switch
            {
                "contests" => TerritoryResource.Contest,
                "profiles" => TerritoryResource.Profile,
                "groups" => TerritoryResource.Group,
                "projects" => TerritoryResource.Project,
                _ => null,
            };
            return kind is { } k ? (k, idKey) : null;
        }
        return null;
    }

    private static readonly (string Name, TerritoryResource Kind)[] ByValue =
    [
        ("ScorecardId", TerritoryResource.Scorecard),
        ("VisitId", TerritoryResource.Visit),
        ("AwardId", TerritoryResource.Award),
        ("AppealId", TerritoryResource.Appeal),
        ("ProfileId", TerritoryResource.Profile),
        ("ContestId", TerritoryResource.Contest),
        ("ContestCode", TerritoryResource.ContestCode),
        // A padrón's project (its page, its form): its place is its districts (ADR 033).
        ("ProjectId", TerritoryResource.Project),
    ];
}
