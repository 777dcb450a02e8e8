using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Groups;

internal sealed class ProducerGroupConfiguration : IEntityTypeConfiguration<ProducerGroup>
{
    public void Configure(EntityTypeBuilder<ProducerGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Ruc).HasMaxLength(11);
        builder.Property(g => g.RepresentativeMobile).HasMaxLength(12);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.ComplexProperty(g => g.Location, location =>
        {
            location.Property(l => l.RegionCode).HasMaxLength(2);
            location.Property(l => l.ProvinceCode).HasMaxLength(4);
            location.Property(l => l.DistrictCode).HasMaxLength(6);
            location.Property(l => l.CentroPoblado).HasMaxLength(120);
        });
        builder.HasOne<ProductionLine>().WithMany().HasForeignKey(g => g.ProductionLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.RepresentativeUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(g => g.RegisteredByUserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.RegisteredByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.RepresentativeUserId);
        builder.HasIndex(g => g.VerifiedAtUtc);
        builder.HasMany(g => g.Households).WithOne().HasForeignKey(h => h.ProducerGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Households).HasField("_households");
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.HeadFullName).HasMaxLength(200);
        builder.Property(h => h.Dni).HasMaxLength(8);
        builder.Property(h => h.RegistryProjectCode).HasMaxLength(Registries.RegistryProject.MaxCodeLength);
        builder.HasIndex(h => new { h.ProducerGroupId, h.Dni }).IsUnique();
        builder.HasIndex(h => h.Dni);
    }
}
