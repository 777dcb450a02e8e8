using HakuWinay.Contests.FieldSync;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>Work without signal (docs/decisions/036-offline-field-work.md): the services and endpoints of the feature.</summary>
public static class FieldSyncSetup
{
    public static IServiceCollection AddFieldSync(this IServiceCollection services)
    {
        services.AddScoped<FieldPackageQueries>();
        services.AddScoped<FieldSyncService>();
        services.AddScoped<ConflictSync>();
        services.AddScoped<VisitPackageQueries>();
        services.AddScoped<VisitSyncService>();
        return services;
    }

    public static WebApplication MapFieldSyncEndpoints(this WebApplication app)
    {
        app.MapFieldPackageEndpoints();
        app.MapFieldJurorEndpoints();
        app.MapVisitPackageEndpoints();
        return app;
    }
}
