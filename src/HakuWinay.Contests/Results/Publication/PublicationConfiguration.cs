using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Results.Publication;

internal sealed class ResultsPublicationConfiguration : IEntityTypeConfiguration<ResultsPublication>
{
    public void Configure(EntityTypeBuilder<ResultsPublication> builder)
    {
        builder.ToTable("ResultsPublications");
        builder.HasOne<Contest>().WithMany().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
        // Two publish clicks at once: only one row of a version can exist.
        builder.HasIndex(p => new { p.ContestId, p.Version }).IsUnique();
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450);
        builder.Property(p => p.CorrectionReason).HasMaxLength(ResultsPublication.MaxReasonLength);
        builder.Property(p => p.Hash).HasMaxLength(64);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.ResultsPublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Entries).HasField("_entries");
    }
}

internal sealed class ResultsPublicationEntryConfiguration : IEntityTypeConfiguration<ResultsPublicationEntry>
{
    public void Configure(EntityTypeBuilder<ResultsPublicationEntry> builder)
    {
        builder.ToTable("ResultsPublicationEntries");
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(e => e.BusinessProfileId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.ProfileCode).HasMaxLength(60);
        builder.Property(e => e.CategoryCode).HasMaxLength(20);
        builder.HasIndex(e => new { e.ResultsPublicationId, e.BusinessProfileId }).IsUnique();
        builder.HasIndex(e => e.BusinessProfileId);
    }
}

internal sealed class IncompleteAcceptanceConfiguration : IEntityTypeConfiguration<IncompleteAcceptance>
{
    public void Configure(EntityTypeBuilder<IncompleteAcceptance> builder)
    {
        builder.ToTable("IncompleteAcceptances");
        builder.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(a => a.BusinessProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContestStage>().WithMany().HasForeignKey(a => a.ContestStageId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(a => a.Reason).HasMaxLength(IncompleteAcceptance.MaxReasonLength);
        builder.Property(a => a.AcceptedByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.BusinessProfileId, a.ContestStageId }).IsUnique();
        builder.HasIndex(a => a.ContestId);
    }
}

internal sealed class JurorPseudonymConfiguration : IEntityTypeConfiguration<JurorPseudonym>
{
    public void Configure(EntityTypeBuilder<JurorPseudonym> builder)
    {
        builder.HasKey(p => new { p.ContestId, p.JurorUserId });
        builder.HasOne<Contest>().WithMany().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.JurorUserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.ContestId, p.Number }).IsUnique();
        builder.Ignore(p => p.Pseudonym);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(a => a.BusinessProfileId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ProducerGroup>().WithMany().HasForeignKey(a => a.ProducerGroupId).OnDelete(DeleteBehavior.NoAction);
        // One appeal per group and contest, even when two tabs file at once.
        builder.HasIndex(a => new { a.ContestId, a.ProducerGroupId }).IsUnique();
        builder.Property(a => a.Text).HasMaxLength(Appeal.MaxTextLength);
        builder.Property(a => a.FiledByUserId).HasMaxLength(450);
        builder.Property(a => a.AttachmentDisplayName).HasMaxLength(ProfileAttachment.MaxFileNameLength);
        builder.Property(a => a.AttachmentStorageName).HasMaxLength(40);
        builder.Property(a => a.AttachmentSha256).HasMaxLength(64);
        builder.Property(a => a.DecisionReason).HasMaxLength(Appeal.MaxReasonLength);
        builder.Property(a => a.DecidedByUserId).HasMaxLength(450);
        builder.Ignore(a => a.HasAttachment);
    }
}
