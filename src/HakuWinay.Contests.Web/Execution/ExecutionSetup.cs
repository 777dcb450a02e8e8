namespace HakuWinay.Contests.Web.Execution;

/// <summary>The execution dashboard: the services and endpoints of the feature.</summary>
public static class ExecutionSetup
{
    public static IServiceCollection AddExecution(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapExecutionEndpoints(this WebApplication app)
    {
        return app;
    }
}
