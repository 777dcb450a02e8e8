using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Disbursements;

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.ToTable("Awards");
        builder.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ProducerGroup>().WithMany().HasForeignKey(a => a.ProducerGroupId).OnDelete(DeleteBehavior.NoAction);
        // One award per profile, also when two publications of a contest race.
        builder.HasOne<BusinessProfile>().WithMany().HasForeignKey(a => a.BusinessProfileId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(a => a.BusinessProfileId).IsUnique();
        builder.HasIndex(a => new { a.ContestId, a.Status });
        builder.Property(a => a.Status).HasConversion<int>();
        builder.OwnsOne(a => a.AgreementFile, StoredFileMapping.Map);
        builder.Property(a => a.AgreementRecordedByUserId).HasMaxLength(450);
        builder.Property(a => a.CorrectionResolution).HasMaxLength(Award.MaxReasonLength);
        builder.Property(a => a.CorrectionResolvedByUserId).HasMaxLength(450);
        builder.Property(a => a.ClosingNotes).HasMaxLength(Award.MaxClosingNotesLength);
        builder.Property(a => a.ClosedByUserId).HasMaxLength(450);
        builder.Property(a => a.CancellationReason).HasMaxLength(Award.MaxReasonLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Tranches).WithOne().HasForeignKey(t => t.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Tranches).HasField("_tranches");
        builder.HasMany(a => a.Visits).WithOne().HasForeignKey(v => v.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Visits).HasField("_visits");
        builder.Ignore(a => a.PaidAmount);
        builder.Ignore(a => a.HasPayment);
        builder.Ignore(a => a.HasUnresolvedCorrection);
        builder.Ignore(a => a.FirstPaidOn);
    }
}

internal sealed class AwardTrancheConfiguration : IEntityTypeConfiguration<AwardTranche>
{
    public void Configure(EntityTypeBuilder<AwardTranche> builder)
    {
        builder.ToTable("AwardTranches");
        builder.HasIndex(t => new { t.AwardId, t.Order }).IsUnique();
        builder.HasIndex(t => t.Status);
        builder.Property(t => t.Status).HasConversion<int>();
        builder.Property(t => t.HeldFromStatus).HasConversion<int?>();
        builder.Property(t => t.Trigger).HasConversion<int>();
        builder.Property(t => t.BankReference).HasMaxLength(AwardTranche.MaxBankReferenceLength);
        builder.Property(t => t.HoldReason).HasMaxLength(AwardTranche.MaxReasonLength);
        builder.Property(t => t.CancellationReason).HasMaxLength(AwardTranche.MaxReasonLength);
        builder.Property(t => t.PaidByUserId).HasMaxLength(450);
        builder.OwnsOne(t => t.Voucher, StoredFileMapping.Map);
        // Two Admins paying at once: the second save finds the row changed and pays nothing.
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.RemainingAmount);
        builder.Ignore(t => t.IsPaid);
    }
}
