using HakuWinay.Contests.Common;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Accounting;

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.ToTable("Expenses");
        builder.HasOne<Award>().WithMany().HasForeignKey(e => e.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AwardTranche>().WithMany().HasForeignKey(e => e.AwardTrancheId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<InvestmentLine>().WithMany().HasForeignKey(e => e.InvestmentLineId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => new { e.AwardId, e.Status });
        builder.HasIndex(e => e.AwardTrancheId);
        builder.HasIndex(e => new { e.AwardId, e.DocumentKey }).IsUnique();
        builder.Property(e => e.DocumentKey).HasMaxLength(Expense.MaxDocumentKeyLength);
        builder.Property(e => e.Supplier).HasMaxLength(Expense.MaxSupplierLength);
        builder.Property(e => e.DocumentNumber).HasMaxLength(Expense.MaxDocumentNumberLength);
        builder.Property(e => e.DocumentType).HasConversion<int>();
        builder.Property(e => e.Status).HasConversion<int>();
        builder.Property(e => e.RejectionReason).HasMaxLength(Expense.MaxReasonLength);
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450);
        builder.Property(e => e.ReviewedByUserId).HasMaxLength(450);
        builder.OwnsOne(e => e.Receipt, StoredFileMapping.Map);
        builder.Navigation(e => e.Receipt).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
