using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>A profile as its editor page needs it, with the rules it will be checked against.</summary>
public sealed record ProfileForEditing(
    int Id, Guid Version, string? Code, ProfileStatus Status, string ContestCode, string ContestTitle, string CategoryName,
    string GroupName, int Households, DateTime SubmissionsCloseAtUtc,
    IReadOnlyDictionary<ProfileSection, string> Sections, IReadOnlyList<PlanLine> Lines,
    decimal? ExpectedSalesPerYear, int? ExpectedJobs, int? HouseholdsBenefiting, SubmissionRules Rules);

public sealed record ProfileListItem(int Id, string? Code, ProfileStatus Status, int ContestId, string ContestTitle, string CategoryName, string Title);

/// <summary>Read-side questions about profiles, each checking that the user may see the group's data.</summary>
public sealed class ProfileQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The profile for its editor: NotFound when it does not exist, Forbidden when the user may not act for its group.</summary>
    public async Task<ServiceResult<ProfileForEditing>> GetForEditingAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return ServiceResult<ProfileForEditing>.Fail(ServiceOutcome.NotFound);
        }
        var group = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleAsync(g => g.Id == profile.ProducerGroupId, ct);
        if (!ProfileService.MayActFor(user, group))
        {
            return ServiceResult<ProfileForEditing>.Fail(ServiceOutcome.Forbidden);
        }
        var contest = await db.Contests.AsNoTracking().Include(c => c.Categories).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps)
            .SingleAsync(c => c.Id == profile.ContestId, ct);
        var category = contest.Categories.Single(c => c.Id == profile.CategoryId);
        return ServiceResult<ProfileForEditing>.Ok(new ProfileForEditing(
            profile.Id, profile.Version, profile.Code, profile.Status, contest.Code, contest.Title, category.Name,
            group.Name, group.Households.Count, contest.Timeline.SubmissionsCloseAtUtc,
            ProfileSections.All.ToDictionary(s => s, profile.Section),
            profile.Lines.OrderBy(l => l.Id).Select(l => new PlanLine(l.Id, l.Description, l.Category, l.Unit, l.Quantity, l.UnitCost, l.FinancedBy)).ToList(),
            profile.ExpectedSalesPerYear, profile.ExpectedJobs, profile.HouseholdsBenefiting,
            contest.SubmissionRulesFor(category)));
    }

    /// <summary>The profiles of the groups a user represents, newest first.</summary>
    public async Task<IReadOnlyList<ProfileListItem>> ListForRepresentativeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from p in db.BusinessProfiles
                      join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                      join c in db.Contests on p.ContestId equals c.Id
                      join k in db.Set<Contests.ContestCategory>() on p.CategoryId equals k.Id
                      where g.RepresentativeUserId == userId
                      orderby p.CreatedAtUtc descending
                      select new ProfileListItem(p.Id, p.Code, p.Status, c.Id, c.Title, k.Name, p.Title)).ToListAsync(ct);
    }
}
