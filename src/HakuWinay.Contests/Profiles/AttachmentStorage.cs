namespace HakuWinay.Contests.Profiles;

/// <summary>
/// The folder that holds attached files, outside the web root (under the data folder). Files are
/// named by the portal (a GUID), so no name a user sends ever reaches the file system.
/// </summary>
public sealed class AttachmentStorage
{
    public AttachmentStorage(string rootPath)
    {
        RootPath = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(RootPath);
    }

    public string RootPath { get; }

    public static string NewStorageName() => Guid.NewGuid().ToString("N") + ".bin";

    /// <summary>The full path of a stored file; refuses any name the portal could not have generated.</summary>
    public string PathOf(string storageName)
    {
        if (storageName.Length != 36 || !storageName.EndsWith(".bin", StringComparison.Ordinal) || !Guid.TryParseExact(storageName[..32], "N", out _))
        {
            throw new ArgumentException("Not a generated storage name.", nameof(storageName));
        }
        return Path.Combine(RootPath, storageName);
    }

    public IEnumerable<string> StoredFiles() => Directory.EnumerateFiles(RootPath);
}
