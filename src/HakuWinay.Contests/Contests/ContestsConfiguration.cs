using HakuWinay.Contests.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Contests;

internal sealed class EvaluationTemplateConfiguration : IEntityTypeConfiguration<EvaluationTemplate>
{
    public void Configure(EntityTypeBuilder<EvaluationTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasMany(t => t.Stages).WithOne().HasForeignKey(s => s.EvaluationTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Stages).HasField("_stages");
    }
}

internal sealed class TemplateStageConfiguration : IEntityTypeConfiguration<TemplateStage>
{
    public void Configure(EntityTypeBuilder<TemplateStage> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.TemplateStageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Criteria).HasField("_criteria");
    }
}

internal sealed class TemplateCriterionConfiguration : IEntityTypeConfiguration<TemplateCriterion>
{
    public void Configure(EntityTypeBuilder<TemplateCriterion> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.RubricMarkdown).HasMaxLength(8000);
    }
}

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.RegionCode).HasMaxLength(2);
        builder.Property(c => c.ProvinceCode).HasMaxLength(4);
        builder.Property(c => c.DistrictCode).HasMaxLength(6);
        builder.Property(c => c.TemplateCode).HasMaxLength(40);
        builder.Property(c => c.BasesMarkdown).HasMaxLength(100_000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Status);
        builder.ComplexProperty(c => c.Timeline);
        builder.HasMany(c => c.Categories).WithOne().HasForeignKey(c => c.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Categories).HasField("_categories");
        builder.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Stages).HasField("_stages");
        builder.HasMany(c => c.EligibleLines).WithOne().HasForeignKey(l => l.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.EligibleLines).HasField("_eligibleLines");
        builder.HasMany(c => c.InvestmentCaps).WithOne().HasForeignKey(l => l.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.InvestmentCaps).HasField("_investmentCaps");
        builder.HasMany(c => c.EligibilityChecklist).WithOne().HasForeignKey(i => i.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.EligibilityChecklist).HasField("_checklist");
        builder.ComplexProperty(c => c.Evaluation);
        builder.Property(c => c.CorrectionReason).HasMaxLength(Contest.MaxReasonLength);
        builder.Ignore(c => c.CorrectionOpen);
        builder.Ignore(c => c.ResultsPublished);
        builder.Ignore(c => c.ResultsFrozen);
        builder.HasMany(c => c.TieBreakers).WithOne().HasForeignKey(t => t.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.TieBreakers).HasField("_tieBreakers");
        builder.HasMany(c => c.PriorityRules).WithOne().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.PriorityRules).HasField("_priorityRules");
        builder.HasMany(c => c.Tranches).WithOne().HasForeignKey(t => t.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Tranches).HasField("_tranches");
        builder.HasMany(c => c.FollowUpVisits).WithOne().HasForeignKey(v => v.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.FollowUpVisits).HasField("_followUpVisits");
        builder.HasMany(c => c.DocumentSlots).WithOne().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.DocumentSlots).HasField("_documentSlots");
    }
}

internal sealed class ContestDocumentSlotConfiguration : IEntityTypeConfiguration<ContestDocumentSlot>
{
    public void Configure(EntityTypeBuilder<ContestDocumentSlot> builder)
    {
        builder.ToTable("ContestDocumentSlots");
        builder.Property(s => s.Name).HasMaxLength(ContestDocumentSlot.MaxNameLength);
        builder.Property(s => s.Description).HasMaxLength(ContestDocumentSlot.MaxDescriptionLength);
    }
}

internal sealed class ContestTieBreakerConfiguration : IEntityTypeConfiguration<ContestTieBreaker>
{
    public void Configure(EntityTypeBuilder<ContestTieBreaker> builder)
    {
        builder.ToTable("ContestTieBreakers");
        builder.Property(t => t.StageCode).HasMaxLength(20);
        builder.Property(t => t.CriterionCode).HasMaxLength(20);
        builder.Ignore(t => t.Rule);
    }
}

internal sealed class ContestPriorityRuleConfiguration : IEntityTypeConfiguration<ContestPriorityRule>
{
    public void Configure(EntityTypeBuilder<ContestPriorityRule> builder)
    {
        builder.ToTable("ContestPriorityRules");
        builder.Ignore(p => p.Rule);
    }
}

internal sealed class DisbursementTrancheConfiguration : IEntityTypeConfiguration<DisbursementTranche>
{
    public void Configure(EntityTypeBuilder<DisbursementTranche> builder)
    {
        builder.ToTable("ContestTranches");
        builder.Ignore(t => t.Rule);
    }
}

internal sealed class FollowUpVisitConfiguration : IEntityTypeConfiguration<FollowUpVisit>
{
    public void Configure(EntityTypeBuilder<FollowUpVisit> builder) => builder.ToTable("ContestFollowUpVisits");
}

internal sealed class ContestCategoryConfiguration : IEntityTypeConfiguration<ContestCategory>
{
    public void Configure(EntityTypeBuilder<ContestCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.HasIndex(c => new { c.ContestId, c.Code }).IsUnique();
    }
}

internal sealed class ContestStageConfiguration : IEntityTypeConfiguration<ContestStage>
{
    public void Configure(EntityTypeBuilder<ContestStage> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => new { s.ContestId, s.Code }).IsUnique();
        builder.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Criteria).HasField("_criteria");
    }
}

internal sealed class ContestCriterionConfiguration : IEntityTypeConfiguration<ContestCriterion>
{
    public void Configure(EntityTypeBuilder<ContestCriterion> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.RubricMarkdown).HasMaxLength(8000);
        builder.HasIndex(c => new { c.ContestStageId, c.Code }).IsUnique();
    }
}

internal sealed class ContestChecklistItemConfiguration : IEntityTypeConfiguration<ContestChecklistItem>
{
    public void Configure(EntityTypeBuilder<ContestChecklistItem> builder) => builder.Property(i => i.Text).HasMaxLength(ContestChecklistItem.MaxLength);
}

internal sealed class ContestInvestmentCapConfiguration : IEntityTypeConfiguration<ContestInvestmentCap>
{
    public void Configure(EntityTypeBuilder<ContestInvestmentCap> builder) => builder.HasKey(c => new { c.ContestId, c.Category });
}

internal sealed class ContestProductionLineConfiguration : IEntityTypeConfiguration<ContestProductionLine>
{
    public void Configure(EntityTypeBuilder<ContestProductionLine> builder)
    {
        builder.HasKey(l => new { l.ContestId, l.ProductionLineId });
        builder.HasOne<ProductionLine>().WithMany().HasForeignKey(l => l.ProductionLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
