using HakuWinay.Contests.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalAsync();
app.UsePortal();
await app.RunAsync();

/// <summary>The portal's entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
