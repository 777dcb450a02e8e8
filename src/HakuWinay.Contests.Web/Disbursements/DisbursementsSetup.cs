using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Web.Disbursements;

/// <summary>Awards, agreements, payments, closure: the services and endpoints of the feature.</summary>
public static class DisbursementsSetup
{
    public static IServiceCollection AddDisbursements(this IServiceCollection services)
    {
        // Scoped: the service asks the scoped sweep trigger for a sweep after a change.
        services.AddScoped<AwardAdminService>();
        services.AddScoped<AwardQueries>();
        return services;
    }

    public static WebApplication MapDisbursementsEndpoints(this WebApplication app)
    {
        app.MapAwardFileEndpoints();
        return app;
    }
}
