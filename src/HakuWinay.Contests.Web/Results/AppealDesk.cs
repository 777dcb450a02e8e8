using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Web.Localization;
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
    AppealQueries appeals, AppealService service, ResultsReader reader, IStringLocalizer<SharedResource> L)
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

    /// <summary>The jurors' comments as <see cref="AppealQueries.JurorCommentsAsync"/> finds them, each juror named "Jurado 1", "Jurado 2", … in the reader's language.</summary>
    private async Task<IReadOnlyList<JurorComment>> CommentsAsync(int contestId, int profileId, CancellationToken ct) =>
        (await appeals.JurorCommentsAsync(contestId, profileId, ct))
            .Select(c => new JurorComment(L["AppealPage.JurorNumber", c.JurorNumber].Value, c.StageName, c.CriterionName, c.Text)).ToList();
}
