using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Web.FollowUp;

/// <summary>Follow-up visits: the services and endpoints of the feature.</summary>
public static class FollowUpSetup
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<VisitService>();
        services.AddScoped<VisitQueries>();
        return services;
    }

    public static WebApplication MapFollowUpEndpoints(this WebApplication app)
    {
        app.MapVisitPhotoEndpoints();
        return app;
    }
}
