namespace HakuWinay.Contests.Web.FollowUp;

/// <summary>Follow-up visits: the services and endpoints of the feature.</summary>
public static class FollowUpSetup
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapFollowUpEndpoints(this WebApplication app)
    {
        return app;
    }
}
