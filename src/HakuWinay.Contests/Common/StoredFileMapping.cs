using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Common;

/// <summary>The one column layout of a <see cref="StoredFile"/>, owned by the entity that holds it.</summary>
internal static class StoredFileMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, StoredFile> file)
        where TOwner : class
    {
        file.Property(f => f.DisplayName).HasMaxLength(Profiles.ProfileAttachment.MaxFileNameLength).IsRequired();
        file.Property(f => f.StorageName).HasMaxLength(40).IsRequired();
        file.Property(f => f.Kind).HasConversion<int>();
        file.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        file.Ignore(f => f.ContentType);
    }
}
