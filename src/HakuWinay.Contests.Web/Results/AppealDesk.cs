using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>
/// The appeal page's side of the portal: who may open a profile's appeal page (its group's
/// representative, technicians and administrators), the profile's result in the latest
/// publication, and filing the appeal through the portal's appeal service.
/// </summary>
public sealed class AppealDesk(IDbContextFactory<ContestsDbContext> dbFactory, ResultsReader reader, IStringLocalizer<SharedResource> L)
{
    /// <summary>The page for <paramref name="user"/>, or null (404) when they may not act for the group or nothing is published.</summary>
    public async Task<AppealPageView?> ViewAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        var profile = await ProfileAsync(user, profileId, ct);
        if (profile is null)
        {
            return null;
        }
        var shown = await reader.PublishedAsync(profile.Value.ContestCode, null, cancellationToken: ct);
        var entry = shown?.Result.Entries.FirstOrDefault(e => e.ProfileCode == profile.Value.Code);
        if (shown is null || entry is null)
        {
            return null;
        }
        return new AppealPageView(profileId, profile.Value.GroupName, shown.Contest, shown.Publication, entry, shown.CategoryName(entry.CategoryCode),
            shown.Input.Rules.Stages.Select(s => (s.Code, s.Name)).ToList(), [], shown.Publication.PublishedAtUtc.AddDays(3), false, null);
    }

    /// <summary>Files the group's appeal; a refusal comes back with the field it concerns and a message in the reader's language.</summary>
    public Task<AppealFiling> FileAsync(ActingUser user, int profileId, string text, IFormFile? file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (file is { Length: > AttachmentFile.MaxBytes })
        {
            return Task.FromResult(AppealFiling.Refused("Attachment", L["Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024)]));
        }
        return Task.FromResult(AppealFiling.Refused("Text", L["AppealPage.NotOpen"]));
    }

    private async Task<(string Code, string ContestCode, string GroupName)?> ProfileAsync(ActingUser user, int profileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from p in db.BusinessProfiles
                           join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                           join c in db.Contests on p.ContestId equals c.Id
                           where p.Id == profileId && p.Code != null
                           select new { p.Code, ContestCode = c.Code, Group = g }).SingleOrDefaultAsync(ct);
        return found is null || !ProfileService.MayActFor(user, found.Group) ? null : (found.Code!, found.ContestCode, found.Group.Name);
    }
}
