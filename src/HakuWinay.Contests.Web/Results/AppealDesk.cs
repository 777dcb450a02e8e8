using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>
/// The appeal page's side of the portal: who may open a profile's appeal page (its group's
/// representative, technicians and administrators: <see cref="AppealQueries.StandingAsync"/>), the
/// profile's result in the latest publication with the jurors' comments when the contest shares
/// them (anonymized), and filing through <see cref="AppealService.FileAsync"/>.
/// </summary>
public sealed class AppealDesk(
    IDbContextFactory<ContestsDbContext> dbFactory, AppealQueries appeals, AppealService service, ResultsReader reader, IStringLocalizer<SharedResource> L)
{
    /// <summary>The page for <paramref name="user"/>, or null (404) when they may not act for the group, or the profile is in no publication.</summary>
    public async Task<AppealPageView?> ViewAsync(ActingUser user, int profileId, CancellationToken ct = default)
    {
        var standing = await appeals.StandingAsync(user, profileId, ct);
        if (!standing.Succeeded || standing.Value is not { InPublication: true, WindowClosesAtUtc: { } closes } found)
        {
            return null;
        }
        var shown = await reader.PublishedAsync(found.ContestCode, null, cancellationToken: ct);
        var entry = shown?.Result.Entries.FirstOrDefault(e => e.ProfileCode == found.ProfileCode);
        if (shown is null || entry is null)
        {
            return null;
        }
        var appeal = found.Appeal is { } a
            ? new AppealSummary(a.FiledAtUtc, L["AppealPage.Status." + a.Status], a.Text, a.AttachmentName, a.DecisionReason, a.DecidedAtUtc)
            : null;
        return new AppealPageView(profileId, shown.Profile(entry.ProfileCode)?.GroupName ?? "", shown.Contest, shown.Publication, entry,
            shown.CategoryName(entry.CategoryCode), shown.Input.Rules.Stages.Select(s => (s.Code, s.Name)).ToList(),
            await CommentsAsync(found.ContestId, profileId, ct), closes, found.MayFile, appeal);
    }

    /// <summary>Files the group's appeal; a refusal comes back with the field it concerns and a message in the reader's language.</summary>
    public async Task<AppealFiling> FileAsync(ActingUser user, int profileId, string text, IFormFile? file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (file is { Length: > AttachmentFile.MaxBytes })
        {
            return AppealFiling.Refused("Attachment", L["Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024)]);
        }
        await using var content = file?.OpenReadStream();
        var filed = await service.FileAsync(user, profileId, text, content is null ? null : new AppealFile(file!.FileName, content), ct);
        if (filed.Succeeded)
        {
            return AppealFiling.Ok;
        }
        var violation = filed.Violations.Count == 0 ? null : filed.Violations[0];
        return violation is null
            ? AppealFiling.Refused("Appeal", L["AppealPage.NotOpen"])
            : AppealFiling.Refused(violation.Field == "Text" ? "Text" : "Attachment", RuleText.Describe(L, violation));
    }

    /// <summary>
    /// The comments of the profile's submitted scorecards when the contest shares them, each juror
    /// named "Jurado 1", "Jurado 2", … in the order of their pseudonyms: what was said, never who said it.
    /// </summary>
    private async Task<IReadOnlyList<JurorComment>> CommentsAsync(int contestId, int profileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contests.AnyAsync(c => c.Id == contestId && c.ShareJurorCommentsWithGroups, ct))
        {
            return [];
        }
        var stages = await db.Set<ContestStage>().AsNoTracking().Include(s => s.Criteria).Where(s => s.ContestId == contestId).OrderBy(s => s.Order).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var cards = await db.Scorecards.AsNoTracking().Include(s => s.Points)
            .Where(s => s.BusinessProfileId == profileId && stageIds.Contains(s.ContestStageId) && s.Status == ScorecardStatus.Submitted).ToListAsync(ct);
        var numbers = await db.JurorPseudonyms.Where(p => p.ContestId == contestId).ToDictionaryAsync(p => p.JurorUserId, p => p.Number, ct);
        var jurors = cards.Select(c => c.JurorUserId).Distinct().OrderBy(j => numbers.GetValueOrDefault(j, int.MaxValue)).ThenBy(j => j, StringComparer.Ordinal).ToList();
        var criteria = stages.SelectMany(s => s.Criteria).ToDictionary(c => c.Id, c => c.Name);
        var comments = new List<JurorComment>();
        foreach (var card in cards.OrderBy(c => stages.FindIndex(s => s.Id == c.ContestStageId)).ThenBy(c => jurors.IndexOf(c.JurorUserId)))
        {
            var juror = L["AppealPage.JurorNumber", jurors.IndexOf(card.JurorUserId) + 1].Value;
            var stage = stages.Single(s => s.Id == card.ContestStageId).Name;
            comments.AddRange(card.Points.Where(p => !string.IsNullOrWhiteSpace(p.Comment))
                .Select(p => new JurorComment(juror, stage, criteria.GetValueOrDefault(p.ContestCriterionId), p.Comment!)));
            if (!string.IsNullOrWhiteSpace(card.OverallComment))
            {
                comments.Add(new JurorComment(juror, stage, null, card.OverallComment));
            }
        }
        return comments;
    }
}
