using HakuWinay.Contests.Data;
using HakuWinay.Contests.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>Prints where the portal listens and the demo accounts, so `dotnet run` is usable at once.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, DemoSeed demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "HakuWinay.Contests is running (demo data loaded).",
        };
        lines.AddRange(addresses.Select(a => $"  Open {a}"));
        lines.Add($"  Demo accounts (password for all: {demo.Password}):");
        lines.AddRange(demo.Users.Select(u => $"    {u.Role,-11} {u.Email}"));
        // The demo's contests, with the demo of every stage (docs/decisions/015-demo-of-every-stage.md) when it is loaded.
        using var db = app.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContext();
        lines.Add("  Contests:");
        lines.AddRange(db.Contests.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Code, c.Status }).ToList()
            .Select(c => $"    {c.Id,-3} {c.Code,-12} {c.Status}"));
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
