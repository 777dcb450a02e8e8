using HakuWinay.Contests.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Judging.Live;

internal sealed class LiveSessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    public void Configure(EntityTypeBuilder<LiveSession> builder)
    {
        builder.HasOne<Contest>().WithMany().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ContestStage>().WithMany().HasForeignKey(s => s.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        // One session per stage: two admins opening the console at once cannot create two.
        builder.HasIndex(s => s.ContestStageId).IsUnique();
        builder.HasIndex(s => s.ContestId);
        // Unbounded text on every provider; a contest has at most a few hundred profiles.
        builder.Property(s => s.OrderText);
        builder.Property(s => s.DrawnByUserId).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Order);
    }
}
