namespace HakuWinay.Contests.Web.Accounting;

/// <summary>Expenses (rendición de cuentas): the services and endpoints of the feature.</summary>
public static class AccountingSetup
{
    public static IServiceCollection AddAccounting(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapAccountingEndpoints(this WebApplication app)
    {
        return app;
    }
}
