using System.Security.Claims;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Profiles;

namespace HakuWinay.Contests.Web.Accounting;

/// <summary>Expenses (rendición de cuentas): the services and endpoints of the feature.</summary>
public static class AccountingSetup
{
    public static IServiceCollection AddAccounting(this IServiceCollection services)
    {
        // Scoped like IExecutionSweepTrigger, which the service asks for a sweep after an approval.
        services.AddScoped<ExpenseService>();
        services.AddScoped<ExpenseQueries>();
        services.AddScoped<ExpenseDesk>();
        return services;
    }

    public static WebApplication MapAccountingEndpoints(this WebApplication app)
    {
        // An expense's receipt: to the Admin, the group's representative and the award's Technician; anyone
        // else (and an expense of another award) gets 404, so ids reveal nothing. Always a download, never sniffed.
        app.MapGet("/awards/{awardId:int}/expenses/{expenseId:int}/receipt", async (int awardId, int expenseId, ClaimsPrincipal principal, HttpContext http,
            ExpenseQueries expenses, CancellationToken ct) =>
        {
            var user = principal.ToActingUser();
            if (user is null)
            {
                return Microsoft.AspNetCore.Http.Results.Unauthorized();
            }
            var receipt = await expenses.ReceiptAsync(user, awardId, expenseId, ct);
            if (receipt is null)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            return Hosting.PrivateFiles.SendAs(http, receipt.FilePath, receipt.ContentType, $"recibo-{expenseId}");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Technician, Roles.Producer))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        return app;
    }
}
