namespace HakuWinay.Contests.Web.Disbursements;

/// <summary>Awards, agreements, payments, closure: the services and endpoints of the feature.</summary>
public static class DisbursementsSetup
{
    public static IServiceCollection AddDisbursements(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapDisbursementsEndpoints(this WebApplication app)
    {
        return app;
    }
}
