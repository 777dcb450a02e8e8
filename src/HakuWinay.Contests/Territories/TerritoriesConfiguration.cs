using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Territories;

public sealed class StaffScopeAreaConfiguration : IEntityTypeConfiguration<StaffScopeArea>
{
    public void Configure(EntityTypeBuilder<StaffScopeArea> builder)
    {
        builder.ToTable("StaffScopeAreas");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Code).HasMaxLength(6);
        builder.HasIndex(a => new { a.UserId, a.Code }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
