using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Registries;

internal sealed class RegistryProjectConfiguration : IEntityTypeConfiguration<RegistryProject>
{
    public void Configure(EntityTypeBuilder<RegistryProject> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(RegistryProject.MaxCodeLength);
        builder.Property(p => p.Name).HasMaxLength(RegistryProject.MaxNameLength);
        builder.Property(p => p.NecName).HasMaxLength(RegistryProject.MaxNecLength);
        builder.Property(p => p.RegionCode).HasMaxLength(2);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasMany(p => p.Districts).WithOne().HasForeignKey(d => d.RegistryProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Districts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RegistryProjectDistrictConfiguration : IEntityTypeConfiguration<RegistryProjectDistrict>
{
    public void Configure(EntityTypeBuilder<RegistryProjectDistrict> builder)
    {
        builder.Property(d => d.DistrictCode).HasMaxLength(6);
        builder.HasIndex(d => new { d.RegistryProjectId, d.DistrictCode }).IsUnique();
        builder.HasIndex(d => d.DistrictCode);
    }
}

internal sealed class RegistryImportConfiguration : IEntityTypeConfiguration<RegistryImport>
{
    public void Configure(EntityTypeBuilder<RegistryImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(RegistryImport.MaxFileNameLength);
        builder.Property(i => i.FileSha256).HasMaxLength(64);
        builder.Property(i => i.RowsSha256).HasMaxLength(64);
        builder.Property(i => i.ImportedByUserId).HasMaxLength(450);
        builder.Property(i => i.StorageName).HasMaxLength(100);
        builder.HasOne<RegistryProject>().WithMany().HasForeignKey(i => i.RegistryProjectId).OnDelete(DeleteBehavior.Restrict);
        // Two imports of one padrón racing for the same version number: one of them fails to save.
        builder.HasIndex(i => new { i.Kind, i.RegistryProjectId, i.Version }).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.IsCurrent });
    }
}

internal sealed class RegistryHouseholdConfiguration : IEntityTypeConfiguration<RegistryHousehold>
{
    public void Configure(EntityTypeBuilder<RegistryHousehold> builder)
    {
        builder.Property(h => h.RepresentativeDni).HasMaxLength(8);
        builder.Property(h => h.FullName).HasMaxLength(RegistryHousehold.MaxNameLength);
        builder.Property(h => h.CentroPoblado).HasMaxLength(RegistryHousehold.MaxCentroPobladoLength);
        builder.Property(h => h.DistrictCode).HasMaxLength(6);
        builder.HasOne<RegistryImport>().WithMany().HasForeignKey(h => h.RegistryImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.RegistryImportId, h.RepresentativeDni }).IsUnique();
    }
}

internal sealed class RegistryPersonConfiguration : IEntityTypeConfiguration<RegistryPerson>
{
    public void Configure(EntityTypeBuilder<RegistryPerson> builder)
    {
        builder.Property(p => p.Dni).HasMaxLength(8);
        builder.Property(p => p.HouseholdDni).HasMaxLength(8);
        builder.Property(p => p.DistrictCode).HasMaxLength(6);
        builder.HasOne<RegistryImport>().WithMany().HasForeignKey(p => p.RegistryImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.Dni);
        builder.HasIndex(p => new { p.RegistryImportId, p.Dni }).IsUnique();
    }
}

internal sealed class JuntosEntryConfiguration : IEntityTypeConfiguration<JuntosEntry>
{
    public void Configure(EntityTypeBuilder<JuntosEntry> builder)
    {
        builder.Property(j => j.Dni).HasMaxLength(8);
        builder.Property(j => j.DistrictCode).HasMaxLength(6);
        builder.Property(j => j.Period).HasMaxLength(JuntosEntry.MaxPeriodLength);
        builder.HasOne<RegistryImport>().WithMany().HasForeignKey(j => j.RegistryImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => j.Dni);
        builder.HasIndex(j => new { j.RegistryImportId, j.Dni }).IsUnique();
    }
}
