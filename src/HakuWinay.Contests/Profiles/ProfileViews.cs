using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

public sealed record ChecklistItemView(int Id, string Text);

public sealed record ChecklistAnswerView(string Item, bool Met);

/// <summary>Everything the reading pages of a profile show: the view, the receipt, withdrawal and eligibility.</summary>
public sealed record ProfileView(
    int Id, Guid Version, string? Code, ProfileStatus Status,
    int ContestId, string ContestCode, string ContestTitle, string CategoryName, DateTime SubmissionsCloseAtUtc,
    int GroupId, string GroupName, bool GroupIsVerified, int Households, string ProductionLine,
    IReadOnlyDictionary<ProfileSection, string> Sections, IReadOnlyList<PlanLine> Lines, InvestmentTotals Totals, SubmissionRules Rules,
    decimal? ExpectedSalesPerYear, int? ExpectedJobs, int? HouseholdsBenefiting,
    DateTime? SubmittedAtUtc, DateTime? WithdrawnAtUtc, string? WithdrawalReason,
    DateTime? EligibilityDecidedAtUtc, string? EligibilityReason, IReadOnlyList<ChecklistAnswerView> ChecklistAnswers,
    IReadOnlyList<ChecklistItemView> ChecklistItems, IReadOnlyList<AttachmentRow> Attachments);

public sealed record ApplyCategory(int Id, string Name, decimal MaxAward);

/// <summary>A group the user may apply for, and its active profile in the contest if it has one.</summary>
public sealed record ApplyGroup(int Id, string Name, int? ActiveProfileId);

public sealed record ApplyOptions(int ContestId, string ContestCode, string ContestTitle, bool Open, IReadOnlyList<ApplyCategory> Categories, IReadOnlyList<ApplyGroup> Groups);

/// <summary>The reading side of a profile for its pages, each call checking that the user may see the group's data.</summary>
public sealed class ProfileViews(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ServiceResult<ProfileView>> GetAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return ServiceResult<ProfileView>.Fail(ServiceOutcome.NotFound);
        }
        var group = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleAsync(g => g.Id == profile.ProducerGroupId, ct);
        if (!ProfileService.MayActFor(user, group))
        {
            return ServiceResult<ProfileView>.Fail(ServiceOutcome.Forbidden);
        }
        return ServiceResult<ProfileView>.Ok(await BuildAsync(db, profile, group, ct));
    }

    /// <summary>
    /// The view of a profile, without checking who asks: for callers that checked access their own
    /// way (a juror's scorecard checks the juror may open the profile).
    /// </summary>
    internal static async Task<ProfileView?> ReadAsync(ContestsDbContext db, int profileId, CancellationToken ct)
    {
        var profile = await db.BusinessProfiles.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return null;
        }
        var group = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleAsync(g => g.Id == profile.ProducerGroupId, ct);
        return await BuildAsync(db, profile, group, ct);
    }

    private static async Task<ProfileView> BuildAsync(ContestsDbContext db, BusinessProfile profile, Groups.ProducerGroup group, CancellationToken ct)
    {
        var profileId = profile.Id;
        var contest = await db.Contests.AsNoTracking().Include(c => c.Categories).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps)
            .Include(c => c.EligibilityChecklist).Include(c => c.DocumentSlots).AsSplitQuery().SingleAsync(c => c.Id == profile.ContestId, ct);
        var category = contest.Categories.Single(c => c.Id == profile.CategoryId);
        var line = await db.ProductionLines.AsNoTracking().Where(l => l.Id == group.ProductionLineId).Select(l => l.Name).SingleOrDefaultAsync(ct);
        var attachments = await db.ProfileAttachments.AsNoTracking().Where(a => a.BusinessProfileId == profileId).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.DisplayName, a.Kind, a.SizeBytes, a.UploadedAtUtc, a.DocumentSlotId)).ToListAsync(ct);
        return new ProfileView(
            profile.Id, profile.Version, profile.Code, profile.Status,
            contest.Id, contest.Code, contest.Title, category.Name, contest.Timeline.SubmissionsCloseAtUtc,
            group.Id, group.Name, group.IsVerified, group.Households.Count, line ?? "",
            ProfileSections.All.ToDictionary(s => s, profile.Section),
            profile.Lines.OrderBy(l => l.Id).Select(l => new PlanLine(l.Id, l.Description, l.Category, l.Unit, l.Quantity, l.UnitCost, l.FinancedBy)).ToList(),
            profile.Totals, contest.SubmissionRulesFor(category),
            profile.ExpectedSalesPerYear, profile.ExpectedJobs, profile.HouseholdsBenefiting,
            profile.SubmittedAtUtc, profile.WithdrawnAtUtc, profile.WithdrawalReason,
            profile.EligibilityDecidedAtUtc, profile.EligibilityReason, ReadChecklist(profile.EligibilityChecklistJson),
            contest.EligibilityChecklist.OrderBy(i => i.Order).Select(i => new ChecklistItemView(i.Id, i.Text)).ToList(),
            attachments);
    }

    /// <summary>
    /// What the apply page offers: the contest's categories and the groups the user may apply for
    /// (the ones they represent; every group for staff), each with its active profile here. Null when the contest is not public.
    /// </summary>
    public async Task<ApplyOptions?> GetApplyOptionsAsync(ActingUser user, string contestCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(contestCode) || contestCode.Length > 40)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking().Include(c => c.Categories)
            .SingleOrDefaultAsync(c => c.Code == contestCode && c.Status != ContestStatus.Draft, ct);
        if (contest is null)
        {
            return null;
        }
        var groups = db.ProducerGroups.AsNoTracking();
        if (!user.IsStaff)
        {
            groups = groups.Where(g => g.RepresentativeUserId == user.UserId);
        }
        else
        {
            groups = Territories.TerritoryFilters.Within(groups, await Territories.StaffScopes.OfAsync(db, user.UserId, ct));
        }
        var rows = await (from g in groups
                          orderby g.Name
                          select new
                          {
                              g.Id,
                              g.Name,
                              Active = db.BusinessProfiles.Where(p => p.ProducerGroupId == g.Id && p.ContestId == contest.Id && p.Status != ProfileStatus.Withdrawn)
                                  .Select(p => (int?)p.Id).FirstOrDefault(),
                          }).Take(500).ToListAsync(ct);
        return new ApplyOptions(contest.Id, contest.Code, contest.Title, contest.AcceptsSubmissionsAt(clock.GetUtcNow().UtcDateTime),
            contest.Categories.OrderBy(c => c.Order).Select(c => new ApplyCategory(c.Id, c.Name, c.MaxAward)).ToList(),
            rows.Select(r => new ApplyGroup(r.Id, r.Name, r.Active)).ToList());
    }

    private static List<ChecklistAnswerView> ReadChecklist(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        return JsonSerializer.Deserialize<List<ChecklistAnswerView>>(json, Json) ?? [];
    }
}
