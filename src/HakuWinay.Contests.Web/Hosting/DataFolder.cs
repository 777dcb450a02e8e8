using System.Globalization;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The folder for everything the portal writes besides the database rows: the SQLite file,
/// uploaded files, .eml copies of emails. Setting <c>DataFolder</c>; relative to the content root.
/// </summary>
public sealed class DataFolder
{
    public DataFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Files attached to business profiles, under generated names (never in wwwroot).</summary>
    public string AttachmentsPath => System.IO.Path.Combine(Path, "attachments");

    public string OutboxPath => System.IO.Path.Combine(Path, "outbox");

    public string EmlPath(long outboxId) =>
        System.IO.Path.Combine(OutboxPath, outboxId.ToString("D8", CultureInfo.InvariantCulture) + ".eml");

    public static DataFolder From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["DataFolder"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        return new DataFolder(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path));
    }
}
