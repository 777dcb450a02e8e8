using HakuWinay.Contests.Territories;

namespace HakuWinay.Contests.Web.Territories;

public static class TerritoriesSetup
{
    public static IServiceCollection AddTerritories(this IServiceCollection services)
    {
        services.AddScoped<StaffScopes>();
        services.AddScoped<TerritoryLookup>();
        return services;
    }

    /// <summary>After authorization: who is signed in and which endpoint answers are known by then.</summary>
    public static IApplicationBuilder UseTerritoryGate(this IApplicationBuilder app) => app.UseMiddleware<TerritoryGate>();
}
