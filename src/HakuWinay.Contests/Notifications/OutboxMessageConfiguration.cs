using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.DeduplicationKey).HasMaxLength(200);
        builder.HasIndex(m => m.DeduplicationKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.MessageId);
        builder.Property(m => m.DeliveryToken).HasMaxLength(32);
    }
}
