using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Territories;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Data;

/// <summary>
/// The one database of the portal, on SQLite, SQL Server or PostgreSQL. Each entity's mapping
/// lives beside the entity in its feature folder; migrations live in one project per provider.
/// </summary>
public sealed class ContestsDbContext(DbContextOptions<ContestsDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<ProductionLine> ProductionLines => Set<ProductionLine>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<EvaluationTemplate> EvaluationTemplates => Set<EvaluationTemplate>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<ProducerGroup> ProducerGroups => Set<ProducerGroup>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<BusinessProfile> BusinessProfiles => Set<BusinessProfile>();
    public DbSet<ProfileAttachment> ProfileAttachments => Set<ProfileAttachment>();
    public DbSet<JurorAppointment> JurorAppointments => Set<JurorAppointment>();
    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<StageAssignmentState> StageAssignments => Set<StageAssignmentState>();
    public DbSet<ScoringReminder> ScoringReminders => Set<ScoringReminder>();
    public DbSet<Judging.Live.LiveSession> LiveSessions => Set<Judging.Live.LiveSession>();
    public DbSet<ResultsPublication> ResultsPublications => Set<ResultsPublication>();
    public DbSet<ResultsPublicationEntry> ResultsPublicationEntries => Set<ResultsPublicationEntry>();
    public DbSet<IncompleteAcceptance> IncompleteAcceptances => Set<IncompleteAcceptance>();
    public DbSet<JurorPseudonym> JurorPseudonyms => Set<JurorPseudonym>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<AwardTranche> AwardTranches => Set<AwardTranche>();
    public DbSet<AwardVisit> AwardVisits => Set<AwardVisit>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notifications.Sms.ShortLink> ShortLinks => Set<Notifications.Sms.ShortLink>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RelayedEvent> RelayedEvents => Set<RelayedEvent>();
    public DbSet<CacheEntry> CacheEntries => Set<CacheEntry>();
    public DbSet<StaffScopeArea> StaffScopeAreas => Set<StaffScopeArea>();
    public DbSet<Registries.RegistryProject> RegistryProjects => Set<Registries.RegistryProject>();
    public DbSet<Registries.RegistryImport> RegistryImports => Set<Registries.RegistryImport>();
    public DbSet<Registries.RegistryHousehold> RegistryHouseholds => Set<Registries.RegistryHousehold>();
    public DbSet<Registries.RegistryPerson> RegistryPeople => Set<Registries.RegistryPerson>();
    public DbSet<Registries.JuntosEntry> JuntosEntries => Set<Registries.JuntosEntry>();
    public DbSet<FieldSync.DeviceSubmission> DeviceSubmissions => Set<FieldSync.DeviceSubmission>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ContestsDbContext).Assembly);
        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.Institution).HasMaxLength(200);
            user.Property(u => u.DistrictCode).HasMaxLength(6);
            user.Property(u => u.DeactivatedByUserId).HasMaxLength(450);
            user.Property(u => u.DeactivationReason).HasMaxLength(AppUser.MaxDeactivationReasonLength);
            user.Ignore(u => u.IsDeactivated);
            user.Ignore(u => u.Recipient);
            user.Property(u => u.PhoneNumber).HasMaxLength(16);
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC and read back as UTC on all three providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Money and points: two decimals are shown, four kept for averages computed in SQL.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
