using HakuWinay.Contests.Notifications.Sms;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>The SMS feature's wiring: gateway (Kannel, or files), delivery reports, short links.</summary>
internal static class SmsSetup
{
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmsSettings.Section);
        services.Configure<SmsSettings>(section);
        var settings = section.Get<SmsSettings>() ?? new SmsSettings();
        if (settings.IsConfigured)
        {
            services.AddHttpClient<ISmsTransport, KannelSmsTransport>(KannelSmsTransport.HttpClientName, (provider, http) =>
                http.Timeout = TimeSpan.FromSeconds(Math.Max(1, provider.GetRequiredService<IOptions<SmsSettings>>().Value.TimeoutSeconds)));
        }
        else
        {
            services.AddSingleton<ISmsTransport, PickupFolderSmsTransport>();
        }
        services.AddScoped<IPortalAddress, PortalAddress>();
        services.AddScoped<SmsDeliveryReports>();
        services.AddScoped<ContactService>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options => options.AddSmsRateLimits(settings));
        return services;
    }
}
