using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Web.Tests.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Contests;

/// <summary>
/// The results portal (the demo contest AYA-2026-01 in evaluation, ready to publish) with two more
/// public contests cloned from it through the admin service: one announced for next year in Apurímac
/// (open phase), one whose call closed a month ago in Huancavelica (evaluation phase), and a draft
/// that no public list may show.
/// </summary>
public class ListedContestsPortal : ResultsPortal
{
    public const string OpenCode = "APU-2027-01";
    public const string ClosedCode = "HUA-2026-02";
    public const string DraftCode = "BOR-2026-09";
    public const string OpenRegion = "03";
    public const string ClosedRegion = "09";

    /// <summary>The year (in Lima) the announced call opens: always later than the demo's.</summary>
    public int OpenYear { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = DateTime.UtcNow;
        var opens = now.AddDays(400);
        OpenYear = LimaTime.ToLima(opens).Year;
        await AddContestAsync(OpenCode, "Concurso Apurímac", OpenRegion, new ContestTimeline(opens, opens.AddDays(30), null, null, null, null));
        await AddContestAsync(ClosedCode, "Concurso Huancavelica", ClosedRegion, new ContestTimeline(now.AddDays(-60), now.AddDays(-30), null, null, null, null));
        await AddContestAsync(DraftCode, "Concurso en borrador", OpenRegion, new ContestTimeline(now.AddDays(1), now.AddDays(30), null, null, null, null), publish: false);
    }

    private async Task AddContestAsync(string code, string title, string region, ContestTimeline timeline, bool publish = true)
    {
        var adminId = await UserIdAsync(Accounts[Identity.Roles.Admin]);
        await using var scope = Portal.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<ContestAdminService>();
        var created = await admin.CreateAsync(adminId, new NewContest(code, title, region, timeline, null, CloneOfContestId: 1));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        if (!publish)
        {
            return;
        }
        await using var db = await Factory.CreateDbContextAsync();
        var version = await db.Contests.Where(c => c.Id == created.Value).Select(c => c.Version).SingleAsync();
        var published = await admin.PublishAsync(adminId, created.Value, version);
        Assert.True(published.Succeeded, string.Join(", ", published.Violations.Select(v => v.Rule)));
    }
}

/// <summary>The same contests with the demo contest's results published as version 1.</summary>
public sealed class PublishedListedContestsPortal : ListedContestsPortal
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PublishAsync();
    }
}
