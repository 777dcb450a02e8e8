using System.Security.Cryptography;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>
/// A short address for an SMS ("/s/Ab3dE5gH9k") that redirects to a page of the portal. The code is
/// ten random characters of 62 (about 59 bits), so a guesser finds nothing; and the page it leads to
/// asks for sign-in as usual, so even a found code shows only a path.
/// </summary>
public sealed class ShortLink
{
    public const int CodeLength = 10;
    public const int MaxTargetLength = 500;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ShortLink() { }

    public ShortLink(string targetPath, DateTime nowUtc)
    {
        if (!IsLocalPath(targetPath) || targetPath.Length > MaxTargetLength)
        {
            throw new ArgumentException($"'{targetPath}' is not a path of the portal.", nameof(targetPath));
        }
        Code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        TargetPath = targetPath;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TargetPath { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>A path on this portal only ("/x", never "//host" or "/\\host"): a short link never leads away.</summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);

    public static bool IsWellFormedCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}

/// <summary>The portal's absolute address of a path; the web project knows it, the domain does not.</summary>
public interface IPortalAddress
{
    string Absolute(string path);
}

/// <summary>Creates short links in the caller's context (saved with the message that carries them).</summary>
public static class ShortLinks
{
    /// <summary>
    /// A new short link to <paramref name="target"/> (a path, or an absolute link of the portal whose
    /// path is kept), as the absolute address an SMS carries: on <paramref name="address"/>, else on
    /// the absolute target's own host.
    /// </summary>
    public static string Create(ContestsDbContext db, IPortalAddress? address, string target, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        var path = Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : target.StartsWith('/') ? target : "/" + target;
        var link = new ShortLink(path, nowUtc);
        db.Set<ShortLink>().Add(link);
        var shortPath = "s/" + link.Code;
        return address?.Absolute(shortPath)
            ?? (absolute is { Scheme: "http" or "https" } ? new Uri(absolute, "/" + shortPath).AbsoluteUri : "/" + shortPath);
    }
}

internal sealed class ShortLinkConfiguration : IEntityTypeConfiguration<ShortLink>
{
    public void Configure(EntityTypeBuilder<ShortLink> builder)
    {
        builder.ToTable("ShortLinks");
        builder.Property(l => l.Code).HasMaxLength(ShortLink.CodeLength).IsUnicode(false);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.TargetPath).HasMaxLength(ShortLink.MaxTargetLength);
    }
}
