using HakuWinay.Contests.Seeding;
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
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
