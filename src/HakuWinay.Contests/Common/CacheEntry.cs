using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Common;

/// <summary>
/// One entry of the cache that every copy of the portal shares through the database: the state of
/// an interactive page whose connection dropped for longer than its circuit is kept, so that it
/// resumes on any copy (docs/decisions/026-circuit-state.md).
/// </summary>
public sealed class CacheEntry
{
    /// <summary>The SHA-256 of the cache key, in hex: the key itself (a circuit's secret) is never stored.</summary>
    public string Id { get; set; } = "";

    public byte[] Value { get; set; } = [];

    /// <summary>When it is gone: the absolute expiry, or now plus the sliding window, whichever comes first.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AbsoluteExpiresAtUtc { get; set; }

    public long? SlidingSeconds { get; set; }
}

internal sealed class CacheEntryConfiguration : IEntityTypeConfiguration<CacheEntry>
{
    public void Configure(EntityTypeBuilder<CacheEntry> builder)
    {
        builder.ToTable("CacheEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.HasIndex(e => e.ExpiresAtUtc);
    }
}
