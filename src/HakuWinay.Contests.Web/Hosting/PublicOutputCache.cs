using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Anonymous public pages (home, the contests index, a contest's page, its results, the acta and the
/// results downloads) answered from ASP.NET Core's output cache, one entry per address, query and
/// language; a signed-in request neither reads nor fills it. Entries carry a tag: under
/// <c>/contests/{code}</c> the contest's (<see cref="ContestTag"/>), elsewhere <see cref="ListsTag"/>
/// (the home page and the index list every contest); <see cref="PublicPageEviction"/> evicts them on
/// every copy when a contest changes (docs/decisions/025-output-cache.md). Pages and endpoints opt
/// in by name: <c>[OutputCache(PolicyName = PublicOutputCache.Policy)]</c> or <c>.CacheOutput(Policy)</c>.
/// </summary>
public static class PublicOutputCache
{
    public const string Policy = "public-pages";
    public const string ListsTag = "public-lists";
    public const string ExpirySetting = "OutputCache:PublicPagesFor";

    /// <summary>A safety net only: a change evicts at once; a call that opens or closes by the clock shows within this long.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromSeconds(30);

    /// <summary>The tag of every cached answer about one contest, by its code as the address gives it (codes are stored in capitals).</summary>
    public static string ContestTag(string code) => "contest:" + code.Trim().ToUpperInvariant();

    public static IServiceCollection AddPublicOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var expiry = configuration.GetValue(ExpirySetting, DefaultExpiry);
        if (expiry < TimeSpan.FromSeconds(1) || expiry > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"{ExpirySetting} must be from 00:00:01 to 00:10:00; it is {expiry}.");
        }
        services.AddOutputCache(options => options.AddPolicy(Policy, new PublicPagePolicy(expiry)));
        services.AddSingleton<PublicPageEviction>();
        services.AddHostedService(sp => sp.GetRequiredService<PublicPageEviction>());
        return services;
    }

    /// <summary>After localization (the language is part of the key) and authentication (a signed-in user is never served from it).</summary>
    public static void UsePublicOutputCache(this WebApplication app) => app.UseOutputCache();

    /// <summary>
    /// The default policy's rules, with the language in the key and tags. Nothing signed in: not by
    /// cookie (the user is known once authentication ran) nor by an Authorization header. Only a 200
    /// is stored, and none that sets a cookie of its own, so nobody's cookie is handed to someone else.
    /// </summary>
    private sealed class PublicPagePolicy(TimeSpan expiry) : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = expiry;
            context.CacheVaryByRules.QueryKeys = "*";
            // UseRequestLocalization ran before: an English visitor never gets the Spanish page, nor the reverse.
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(request.RouteValues.TryGetValue("code", out var code) && code is string { Length: > 0 } contestCode
                ? ContestTag(contestCode)
                : ListsTag);
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// A stored page may hold the antiforgery cookie Blazor gave the visitor whose request filled the
        /// cache (it is set while the page renders, before the headers are stored). An answer from the
        /// cache never hands it, nor any cookie, to someone else: the public pages hold no form that needs it.
        /// </summary>
        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                // Age is written only on an answer from the cache (a stale entry is rendered afresh instead).
                if (response.Headers.ContainsKey("Age"))
                {
                    response.Headers.Remove("Set-Cookie");
                }
                return Task.CompletedTask;
            });
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            if (http.Response.StatusCode != StatusCodes.Status200OK || http.User.Identity?.IsAuthenticated == true || SetsCookieOfItsOwn(http))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Whether the answer sets a cookie other than the antiforgery one, which Blazor gives every page
        /// and <see cref="IOutputCachePolicy.ServeFromCacheAsync"/> keeps from being handed on.
        /// </summary>
        private static bool SetsCookieOfItsOwn(HttpContext http)
        {
            var cookies = http.Response.Headers.SetCookie;
            if (StringValues.IsNullOrEmpty(cookies))
            {
                return false;
            }
            var antiforgery = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
            return antiforgery is null || cookies.Any(c => c is null || !c.StartsWith(antiforgery + "=", StringComparison.Ordinal));
        }
    }
}
