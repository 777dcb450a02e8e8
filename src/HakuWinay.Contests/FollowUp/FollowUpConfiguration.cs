using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.FollowUp;

internal sealed class AwardVisitConfiguration : IEntityTypeConfiguration<AwardVisit>
{
    public void Configure(EntityTypeBuilder<AwardVisit> builder)
    {
        builder.ToTable("AwardVisits");
        builder.HasIndex(v => new { v.AwardId, v.Order }).IsUnique();
        builder.HasIndex(v => new { v.TechnicianUserId, v.Status });
        builder.HasIndex(v => new { v.Status, v.ScheduledOn });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.TechnicianUserId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(v => v.TechnicianUserId).HasMaxLength(450);
        builder.Property(v => v.Status).HasConversion<int>();
        builder.Property(v => v.Rating).HasConversion<int?>();
        builder.Property(v => v.Observations).HasMaxLength(AwardVisit.MaxObservationsLength);
        builder.Property(v => v.ReviewComment).HasMaxLength(AwardVisit.MaxCommentLength);
        builder.Property(v => v.SubmittedByUserId).HasMaxLength(450);
        builder.Property(v => v.ReviewedByUserId).HasMaxLength(450);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasMany(v => v.Progress).WithOne().HasForeignKey(p => p.AwardVisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Progress).HasField("_progress");
        builder.HasMany(v => v.Photos).WithOne().HasForeignKey(p => p.AwardVisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Photos).HasField("_photos");
        builder.Ignore(v => v.IsApprovedSatisfactory);
        builder.Ignore(v => v.IsOpenForReport);
    }
}

internal sealed class VisitLineProgressConfiguration : IEntityTypeConfiguration<VisitLineProgress>
{
    public void Configure(EntityTypeBuilder<VisitLineProgress> builder)
    {
        builder.ToTable("VisitLineProgress");
        builder.HasOne<InvestmentLine>().WithMany().HasForeignKey(p => p.InvestmentLineId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.AwardVisitId, p.InvestmentLineId }).IsUnique();
        builder.Property(p => p.Note).HasMaxLength(AwardVisit.MaxNoteLength);
    }
}

internal sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<VisitPhoto>
{
    public void Configure(EntityTypeBuilder<VisitPhoto> builder)
    {
        builder.ToTable("VisitPhotos");
        builder.OwnsOne(p => p.File, StoredFileMapping.Map);
        builder.Navigation(p => p.File).IsRequired();
        builder.Property(p => p.UploadedByUserId).HasMaxLength(450);
    }
}
