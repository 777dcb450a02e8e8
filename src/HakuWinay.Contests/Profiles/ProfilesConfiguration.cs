using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Profiles;

internal sealed class BusinessProfileConfiguration : IEntityTypeConfiguration<BusinessProfile>
{
    public void Configure(EntityTypeBuilder<BusinessProfile> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(60);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => new { p.ContestId, p.ProducerGroupId });
        builder.HasIndex(p => new { p.ContestId, p.Status });
        foreach (var section in ProfileSections.All)
        {
            builder.Property(section.ToString()).HasMaxLength(ProfileSections.MaxLength(section));
        }
        builder.Property(p => p.WithdrawalReason).HasMaxLength(BusinessProfile.MaxReasonLength);
        builder.Property(p => p.EligibilityReason).HasMaxLength(BusinessProfile.MaxReasonLength);
        builder.Property(p => p.EligibilityChecklistJson).HasMaxLength(16_000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Contest>().WithMany().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContestCategory>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProducerGroup>().WithMany().HasForeignKey(p => p.ProducerGroupId).OnDelete(DeleteBehavior.Restrict);
        // A profile is presented again at most once: two tabs presenting it at once create one draft (NULLs do not collide).
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(p => p.PreviousPresentationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PreviousPresentationId).IsUnique();
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.BusinessProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Lines).HasField("_lines");
        builder.Ignore(p => p.Totals);
    }
}

internal sealed class InvestmentLineConfiguration : IEntityTypeConfiguration<InvestmentLine>
{
    public void Configure(EntityTypeBuilder<InvestmentLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(InvestmentLine.MaxDescriptionLength);
        builder.Property(l => l.Unit).HasMaxLength(40);
        builder.Ignore(l => l.Total);
    }
}

internal sealed class ProfileAttachmentConfiguration : IEntityTypeConfiguration<ProfileAttachment>
{
    public void Configure(EntityTypeBuilder<ProfileAttachment> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(ProfileAttachment.MaxFileNameLength);
        builder.Property(a => a.StorageName).HasMaxLength(40);
        builder.HasIndex(a => a.StorageName).IsUnique();
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(a => a.BusinessProfileId).OnDelete(DeleteBehavior.Cascade);
        // Slots change only in a draft contest, before any profile exists; a slot with files is never deleted under them.
        builder.HasOne<Contests.ContestDocumentSlot>().WithMany().HasForeignKey(a => a.DocumentSlotId).OnDelete(DeleteBehavior.Restrict);
        // One file per slot and profile, even for two uploads at once (NULLs, the free attachments, do not collide).
        builder.HasIndex(a => new { a.BusinessProfileId, a.DocumentSlotId }).IsUnique();
        builder.Ignore(a => a.ContentType);
        builder.Ignore(a => a.DownloadName);
    }
}
