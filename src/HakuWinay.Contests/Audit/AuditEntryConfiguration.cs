using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.EntityType).HasMaxLength(80);
        builder.Property(a => a.EntityId).HasMaxLength(80);
        builder.Property(a => a.BeforeJson).HasMaxLength(32_000);
        builder.Property(a => a.AfterJson).HasMaxLength(32_000);
        builder.HasIndex(a => new { a.ContestId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.ProfileId, a.OccurredAtUtc });
    }
}
