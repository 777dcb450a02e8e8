using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Web.Account;

public static class AccountServices
{
    /// <summary>The links, emails and per-account limits of the account pages.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<PasswordSetupLinks>();
        services.AddScoped<IPasswordSetupLinks>(sp => sp.GetRequiredService<PasswordSetupLinks>());
        services.AddScoped<AccountEmails>();
        services.AddSingleton<AccountAttemptLimits>();
        return services;
    }
}
