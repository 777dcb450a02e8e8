using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

/// <summary>
/// The administrator's setup of a contest: create it, save each section of its settings against
/// the version the page read, publish it, take it through its lifecycle and extend its deadline.
/// Every change is audited with the values before and after, in the same transaction.
/// </summary>
public sealed partial class ContestAdminService(
    IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, Notifications.IOutboxSignal outboxSignal, IContestEvents? events = null)
{
    /// <summary>The categories a new contest starts with (DOMAIN.md figures; the administrator edits them).</summary>
    public static IReadOnlyList<CategorySettings> DefaultCategories { get; } =
    [
        new(null, "IDEA", "Negocio en idea", 120_000m, 7_500m),
        new(null, "MARCHA", "Negocio en marcha", 193_400m, 19_340m),
    ];

    /// <summary>The contest with every part of its setup, untracked, for the edit pages.</summary>
    public async Task<Contest?> FindAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WithSetup(db.Contests.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contestId, ct);
    }

    public async Task<ServiceResult<int>> CreateAsync(string adminId, NewContest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var violations = new List<RuleViolation>();
        if (!request.Timeline.IsCoherent)
        {
            violations.Add(new("Timeline", "ContestRules.TimelineIncoherent"));
        }
        if (!await db.Regions.AnyAsync(r => r.Code == request.RegionCode, ct))
        {
            violations.Add(new("Territory", "ContestRules.TerritoryIncoherent"));
        }
        else if (!(await Territories.StaffScopes.OfAsync(db, adminId, ct)).Contains(request.RegionCode))
        {
            // A new contest covers its whole region until its general settings narrow it: only staff of the whole region create one.
            violations.Add(new("Territory", "Territories.ContestOutsideScope"));
        }
        if (await CodeTakenAsync(db, request.Code, null, ct))
        {
            violations.Add(new("Code", "ContestRules.CodeTaken", request.Code.Trim().ToUpperInvariant()));
        }
        if ((request.TemplateCode is null) == (request.CloneOfContestId is null))
        {
            violations.Add(new("Source", "ContestRules.SourceRequired"));
        }
        else if (request.CloneOfContestId is int cloned
            && !await Territories.TerritoryFilters.Within(db.Contests, await Territories.StaffScopes.OfAsync(db, adminId, ct)).AnyAsync(c => c.Id == cloned, ct))
        {
            // A contest of another territory is not there to copy, as on the page's list.
            violations.Add(new("Source", "ContestRules.SourceRequired"));
        }
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        Contest contest;
        try
        {
            contest = request.CloneOfContestId is int sourceId
                ? await CloneAsync(db, sourceId, request, now, ct)
                : await FromTemplateAsync(db, request, now, ct);
        }
        catch (ContestRuleException ex)
        {
            return ServiceResult<int>.Invalid([ex.Violation]);
        }
        catch (ArgumentException)
        {
            return ServiceResult<int>.Invalid("Title", "ContestRules.Required");
        }
        catch (KeyNotFoundException)
        {
            return ServiceResult<int>.Invalid("Source", "ContestRules.SourceRequired");
        }
        db.Contests.Add(contest);
        if (!await TrySaveAsync(db, ct))
        {
            return ServiceResult<int>.Invalid("Code", "ContestRules.CodeTaken", contest.Code);
        }
        db.AuditLog.Add(AuditEntry.Record(now, adminId, "contest.created", nameof(Contest), contest.Code, contest.Id,
            after: new { contest.Code, contest.Title, Source = request.TemplateCode ?? $"contest:{request.CloneOfContestId}", Timeline = contest.Timeline }));
        await db.SaveChangesAsync(ct);
        return ServiceResult<int>.Ok(contest.Id);
    }

    private static async Task<Contest> FromTemplateAsync(ContestsDbContext db, NewContest request, DateTime now, CancellationToken ct)
    {
        var template = await db.EvaluationTemplates.Include(t => t.Stages).ThenInclude(s => s.Criteria)
            .SingleOrDefaultAsync(t => t.Code == request.TemplateCode, ct) ?? throw new KeyNotFoundException(request.TemplateCode);
        var contest = Contest.FromTemplate(template, request.Code, request.Title, request.RegionCode, request.Timeline, now);
        contest.LocateIn(request.RegionCode, null, null);
        foreach (var category in DefaultCategories)
        {
            contest.AddCategory(category.Code, category.Name, category.Budget, category.MaxAward);
        }
        return contest;
    }

    private static async Task<Contest> CloneAsync(ContestsDbContext db, int sourceId, NewContest request, DateTime now, CancellationToken ct)
    {
        var source = await WithSetup(db.Contests.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == sourceId, ct)
            ?? throw new KeyNotFoundException(sourceId.ToString(CultureInfo.InvariantCulture));
        var contest = Contest.CloneOf(source, request.Code, request.Title, request.Timeline, now);
        if (request.RegionCode != source.RegionCode)
        {
            contest.LocateIn(request.RegionCode, null, null);
        }
        return contest;
    }

    /// <summary>Publishes a draft with no problems; otherwise answers every problem next to its field.</summary>
    public Task<ServiceResult<ContestStatus>> PublishAsync(string adminId, int contestId, Guid expectedVersion, CancellationToken ct = default) =>
        AdvanceAsync(adminId, contestId, expectedVersion, ContestTransition.Publish, ct);

    /// <summary>Takes the next manual step of the lifecycle; any other step is refused.</summary>
    public async Task<ServiceResult<ContestStatus>> AdvanceAsync(
        string adminId, int contestId, Guid expectedVersion, ContestTransition transition, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (contest, failure) = await LoadForEditAsync(db, contestId, expectedVersion, ct);
        if (contest is null)
        {
            return ServiceResult<ContestStatus>.Fail(failure);
        }
        if (!await Territories.StaffReach.AdminReachesAsync(db, adminId, Territories.TerritoryResource.Contest, contestId, ct))
        {
            return Territories.StaffReach.Refused<ContestStatus>();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        SyncWithClock(db, contest, now);
        var before = contest.Status;
        if (transition == ContestTransition.PublishResults)
        {
            // Results are published with their package, entries and emails by the results page (PublicationService), never as a bare status change.
            return ServiceResult<ContestStatus>.Invalid("Status",
                contest.NextTransition == ContestTransition.PublishResults ? "ContestRules.PublishResultsFromResultsPage" : "ContestRules.TransitionNotAllowed");
        }
        if (transition == ContestTransition.Publish && contest.Status == ContestStatus.Draft && contest.Validate() is { Count: > 0 } problems)
        {
            return ServiceResult<ContestStatus>.Invalid(problems);
        }
        try
        {
            contest.Advance(transition, now);
        }
        catch (InvalidOperationException)
        {
            return ServiceResult<ContestStatus>.Invalid("Status", "ContestRules.TransitionNotAllowed");
        }
        db.AuditLog.Add(AuditEntry.Record(now, adminId, transition == ContestTransition.Publish ? "contest.published" : "contest.status-changed",
            nameof(Contest), contest.Code, contest.Id, before: new { Status = before.ToString() },
            after: new { Status = contest.Status.ToString(), Transition = transition.ToString() }));
        if (!await TrySaveAsync(db, ct))
        {
            return ServiceResult<ContestStatus>.Fail(ServiceOutcome.Conflict);
        }
        Changed(contest.Id);
        return ServiceResult<ContestStatus>.Ok(contest.Status);
    }

    /// <summary>Tells the public pages (and every copy's cache of them) that the contest's public face may have changed; after the commit.</summary>
    private void Changed(int contestId) => events?.Publish(new ContestEvent(contestId, ContestChange.ContestChanged));

    /// <summary>Lets the clock catch up first (audited as the clock job does), so a step starts from the true status.</summary>
    private static void SyncWithClock(ContestsDbContext db, Contest contest, DateTime now)
    {
        var before = contest.Status;
        if (contest.SyncWithClock(now))
        {
            db.AuditLog.Add(AuditEntry.Record(now, null, "contest.status-by-clock", nameof(Contest), contest.Code,
                contestId: contest.Id, before: new { Status = before.ToString() }, after: new { Status = contest.Status.ToString() }));
        }
    }

    /// <summary>
    /// A change to a category, stage or plan changes only child rows; the contest's version must
    /// still move on, so a page that read the old setup is told it changed elsewhere.
    /// </summary>
    private static void TouchVersion(ContestsDbContext db, Contest contest) => db.Entry(contest).Property(c => c.Version).IsModified = true;

    /// <summary>The contest with all its setup, if it exists and is still at the version the page read.</summary>
    private static async Task<(Contest? Contest, ServiceOutcome Failure)> LoadForEditAsync(
        ContestsDbContext db, int contestId, Guid expectedVersion, CancellationToken ct)
    {
        var contest = await WithSetup(db.Contests).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        return contest is null ? (null, ServiceOutcome.NotFound)
            : contest.Version != expectedVersion ? (null, ServiceOutcome.Conflict)
            : (contest, ServiceOutcome.Ok);
    }

    private static IQueryable<Contest> WithSetup(IQueryable<Contest> contests) => contests
        .Include(c => c.Categories).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps).Include(c => c.EligibilityChecklist)
        .Include(c => c.Stages).ThenInclude(s => s.Criteria)
        .Include(c => c.TieBreakers).Include(c => c.PriorityRules).Include(c => c.Tranches).Include(c => c.FollowUpVisits).Include(c => c.DocumentSlots);

    private static async Task<bool> CodeTakenAsync(ContestsDbContext db, string code, int? exceptId, CancellationToken ct)
    {
        // Codes are stored in capitals (Contest.CheckedCode), so equality is the unique index's comparison on every provider.
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Contests.AnyAsync(c => c.Code == normalized && c.Id != exceptId, ct);
    }

    /// <summary>Saves; false when the row changed elsewhere or a unique code was taken meanwhile.</summary>
    private static async Task<bool> TrySaveAsync(ContestsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException is one: the version moved on since the page read it.
            return false;
        }
    }
}
