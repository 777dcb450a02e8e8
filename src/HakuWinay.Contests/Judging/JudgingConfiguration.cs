using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Judging;

internal sealed class JurorAppointmentConfiguration : IEntityTypeConfiguration<JurorAppointment>
{
    public void Configure(EntityTypeBuilder<JurorAppointment> builder)
    {
        builder.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ContestStage>().WithMany().HasForeignKey(a => a.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.JurorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.AppointedByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.ContestStageId, a.JurorUserId }).IsUnique();
        builder.HasIndex(a => new { a.ContestId, a.JurorUserId });
    }
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> builder)
    {
        builder.ToTable("ConflictsOfInterest");
        builder.HasOne<Contest>().WithMany().HasForeignKey(c => c.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.JurorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProducerGroup>().WithMany().HasForeignKey(c => c.ProducerGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Note).HasMaxLength(ConflictOfInterest.MaxNoteLength);
        builder.Property(c => c.DeclaredByUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.ContestId, c.JurorUserId, c.ProducerGroupId }).IsUnique();
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.HasOne<Contest>().WithMany().HasForeignKey(d => d.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.JurorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ContestId, d.JurorUserId }).IsUnique();
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.HasOne<ContestStage>().WithMany().HasForeignKey(s => s.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(s => s.BusinessProfileId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.JurorUserId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.AssignedByUserId).HasMaxLength(450);
        builder.Property(s => s.EnteredByAdminUserId).HasMaxLength(450);
        builder.Property(s => s.OverallComment).HasMaxLength(Scorecard.MaxCommentLength);
        builder.Property(s => s.ExclusionReason).HasMaxLength(Scorecard.MaxReasonLength);
        builder.Property(s => s.PresentDnis).HasMaxLength(FieldAttendanceRules.MaxListLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // One scorecard per juror, profile and stage: two concurrent assignments of the same pair cannot both be saved.
        builder.HasIndex(s => new { s.ContestStageId, s.BusinessProfileId, s.JurorUserId }).IsUnique();
        builder.HasIndex(s => s.JurorUserId);
        builder.HasMany(s => s.Points).WithOne().HasForeignKey(p => p.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Points).HasField("_points");
    }
}

internal sealed class ScorecardPointConfiguration : IEntityTypeConfiguration<ScorecardPoint>
{
    public void Configure(EntityTypeBuilder<ScorecardPoint> builder)
    {
        builder.HasOne<ContestCriterion>().WithMany().HasForeignKey(p => p.ContestCriterionId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(p => p.Comment).HasMaxLength(Scorecard.MaxCommentLength);
        builder.HasIndex(p => new { p.ScorecardId, p.ContestCriterionId }).IsUnique();
    }
}

internal sealed class StageAssignmentStateConfiguration : IEntityTypeConfiguration<StageAssignmentState>
{
    public void Configure(EntityTypeBuilder<StageAssignmentState> builder)
    {
        builder.HasKey(s => s.ContestStageId);
        builder.Property(s => s.ContestStageId).ValueGeneratedNever();
        builder.HasOne<ContestStage>().WithMany().HasForeignKey(s => s.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
