using System.Globalization;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.EndToEnd.Accessibility;

/// <summary>
/// The demo portal with its results published (<see cref="AwardedDemo"/>), so that the pages that
/// need data (a profile, a scorecard, an award, a visit, the published results) show real content
/// to the tour, and the address of each page of <see cref="PageAccess.ExpectedAccess"/> in it.
/// </summary>
public sealed class TourPortal : KestrelPortal, IAsyncLifetime
{
    private Dictionary<string, string> _values = [];

    /// <summary>The demo account of each role: the Producer is the representative of a funded group.</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var award = (await AwardedDemo.PublishAsync(this)).First(a => a.RepresentativeEmail is not null);
        var factory = Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        const string juror = "jurado1@demo.hakuwinay.pe";
        var jurorId = await db.Users.Where(u => u.Email == juror).Select(u => u.Id).SingleAsync();
        // The juror sees profiles (and so scorecards) once they have confirmed their declaration of conflicts.
        var contestId = await db.BusinessProfiles.Where(p => p.Id == award.ProfileId).Select(p => p.ContestId).SingleAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            Xunit.Assert.True((await scope.ServiceProvider.GetRequiredService<ConflictService>().ConfirmAsync(jurorId, contestId)).Succeeded);
        }
        var scorecardId = await db.Scorecards.Where(s => s.BusinessProfileId == award.ProfileId && s.JurorUserId == jurorId).Select(s => s.Id).FirstAsync();
        var visitId = await db.AwardVisits.Where(v => v.AwardId == award.AwardId).OrderBy(v => v.Order).Select(v => v.Id).FirstAsync();
        Accounts = new Dictionary<string, string>
        {
            [Roles.Admin] = AwardedDemo.AdminEmail,
            [Roles.Juror] = juror,
            [Roles.Producer] = award.RepresentativeEmail!,
            [Roles.Technician] = AwardedDemo.TechnicianEmail,
        };
        _values = new Dictionary<string, string>
        {
            ["{profileId}"] = Text(award.ProfileId),
            ["{scorecardId}"] = Text(scorecardId),
            ["{paperScorecardId}"] = Text(scorecardId),
            ["{groupId}"] = Text(award.GroupId),
            ["{awardId}"] = Text(award.AwardId),
            ["{visitId}"] = Text(visitId),
        };
    }

    /// <summary>
    /// The address the tour opens for a page: the matrix's sample, with this portal's ids. The
    /// matrix's samples of group, award and visit pages name id 1 (the matrix's demo has no award);
    /// here they name the funded group's.
    /// </summary>
    public string UrlOf(string route, PageRule rule)
    {
        var sample = route switch
        {
            "/groups/{Id:int}" => "/groups/{groupId}",
            "/groups/{Id:int}/edit" => "/groups/{groupId}/edit",
            "/admin/awards/{AwardId:int}" => "/admin/awards/{awardId}",
            "/admin/awards/{AwardId:int}/closing-act" => "/admin/awards/{awardId}/closing-act",
            "/admin/awards/{AwardId:int}/expenses" => "/admin/awards/{awardId}/expenses",
            "/awards/{AwardId:int}" => "/awards/{awardId}",
            "/awards/{AwardId:int}/expenses" => "/awards/{awardId}/expenses",
            "/technician/visits/{VisitId:int}" => "/technician/visits/{visitId}",
            "/admin/visits/{VisitId:int}" => "/admin/visits/{visitId}",
            _ => rule.SampleUrl,
        };
        return _values.Aggregate(sample, (url, value) => url.Replace(value.Key, value.Value, StringComparison.Ordinal));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
