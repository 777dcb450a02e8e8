#:sdk Microsoft.NET.Sdk.Web
// The yardstick of scripts/bench-public.sh: Kestrel serving the files of one folder (--root) and nothing else,
// so the portal's cached pages are compared with the fastest way Kestrel can send the same bytes.
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
var root = app.Configuration["root"] is { Length: > 0 } folder && Directory.Exists(folder)
    ? Path.GetFullPath(folder)
    : throw new InvalidOperationException("Give --root FOLDER, an existing folder of files to serve.");
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
app.Run();
