using System.Security.Claims;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Programme;

// The domain's HakuWinay.Contests.Results namespace would otherwise hide ASP.NET Core's Results class here.
using Results = Microsoft.AspNetCore.Http.Results;

/// <summary>The programme dashboard: its service, its downloads, and whose regions a reader sees.</summary>
public static class ProgrammeSetup
{
    public static IServiceCollection AddProgramme(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeDashboardQueries>();
        return services;
    }

    /// <summary>What a member of staff may see on the programme dashboard: their territorial scope (docs/decisions/028-staff-territories.md).</summary>
    public static Task<StaffScope> ScopeOfAsync(StaffScopes scopes, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The programme dashboard is read signed in.");
        return scopes.OfAsync(userId, ct);
    }

    /// <summary>The address of one of the dashboard's tables as CSV, with the filters shown.</summary>
    public static string CsvLink(string table, ProgrammeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("year", filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("region", filter.RegionCode);
        Add("line", filter.ProductionLineCode);
        Add("category", filter.CategoryCode);
        return $"admin/programme/{table}.csv" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public static WebApplication MapProgrammeEndpoints(this WebApplication app)
    {
        // Each table as CSV or as Excel (TableFiles): one endpoint, one access rule and rate limit for both.
        app.MapGet("/admin/programme/{table}.{format}", async (string table, string format, string? year, string? region, string? line, string? category,
                ProgrammeDashboardQueries queries, StaffScopes scopes, HttpContext http, CancellationToken ct) =>
            {
                if (!TableFiles.TryParse(format, out var f) || table is not ("regions" or "shares"))
                {
                    return Results.NotFound();
                }
                if (!ProgrammeFilter.TryParse(year, region, line, category, out var filter, out var rejected))
                {
                    return Results.BadRequest($"Filtro no válido: {rejected}. / Invalid filter: {rejected}.");
                }
                var dashboard = await queries.ComputeAsync(filter, await ScopeOfAsync(scopes, http.User, ct), ct);
                return TableFiles.Send(http, ProgrammeDashboardTables.Table(dashboard, table)!, f, $"programa-{table}");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        return app;
    }
}
