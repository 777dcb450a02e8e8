using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Common;

/// <summary>
/// A contest event on its way to the other copies of the portal, where the database offers no
/// notification (SQL Server, SQLite): each copy reads the rows it has not seen and deletes old ones
/// (docs/decisions/024-contest-events-across-servers.md).
/// </summary>
public sealed class RelayedEvent
{
    public long Id { get; set; }

    /// <summary>The copy that published it, which skips it when it reads it back.</summary>
    public string Origin { get; set; } = "";

    /// <summary>The <see cref="ContestEvent"/> as JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class RelayedEventConfiguration : IEntityTypeConfiguration<RelayedEvent>
{
    public void Configure(EntityTypeBuilder<RelayedEvent> builder)
    {
        builder.ToTable("RelayedEvents");
        builder.Property(e => e.Origin).HasMaxLength(32);
        builder.Property(e => e.Payload).HasMaxLength(2000);
        builder.HasIndex(e => e.CreatedAtUtc);
    }
}
