using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>A demo profile made eligible and assigned to a demo juror in the field stage, through the real services.</summary>
public static class DemoScorecards
{
    /// <summary>Declares the profile eligible, assigns <paramref name="jurorEmail"/> to it in stage CAMPO and confirms the juror's declaration; returns the scorecard id.</summary>
    public static async Task<int> AssignAsync(PortalFactory portal, int profileId, string jurorEmail, bool confirmDeclaration = true)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = new ActingUser(await UserIdAsync(factory, "admin@demo.hakuwinay.pe"), IsAdmin: true);
        int stageId;
        List<int> items;
        ProfileStatus status;
        await using (var db = await factory.CreateDbContextAsync())
        {
            stageId = await db.Contests.Where(c => c.Code == "AYA-2026-01").SelectMany(c => c.Stages).Where(s => s.Code == "CAMPO").Select(s => s.Id).SingleAsync();
            items = await db.Contests.Where(c => c.Code == "AYA-2026-01").SelectMany(c => c.EligibilityChecklist.Select(i => i.Id)).ToListAsync();
            status = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Status).SingleAsync();
        }
        if (status != ProfileStatus.Eligible)
        {
            var decided = await services.GetRequiredService<EligibilityService>().DecideAsync(admin.UserId, profileId,
                await DemoProfiles.VersionAsync(factory, profileId), true, "Cumple", items.Select(i => new ChecklistAnswer(i, true)).ToList());
            Assert.True(decided.Succeeded, decided.Outcome.ToString());
        }
        var juror = await UserIdAsync(factory, jurorEmail);
        var added = await services.GetRequiredService<AssignmentService>().AddAsync(admin, stageId, profileId, juror);
        Assert.True(added.Succeeded, added.Outcome + string.Join(",", added.Violations.Select(v => v.Rule)));
        if (confirmDeclaration)
        {
            var contestId = await DemoContestIdAsync(factory);
            Assert.True((await services.GetRequiredService<ConflictService>().ConfirmAsync(juror, contestId)).Succeeded);
        }
        await using var read = await factory.CreateDbContextAsync();
        return await read.Scorecards.Where(s => s.BusinessProfileId == profileId && s.JurorUserId == juror && s.ContestStageId == stageId).Select(s => s.Id).SingleAsync();
    }

    public static async Task<string> UserIdAsync(IDbContextFactory<ContestsDbContext> factory, string email)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> DemoContestIdAsync(IDbContextFactory<ContestsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Contests.Where(c => c.Code == "AYA-2026-01").Select(c => c.Id).SingleAsync();
    }
}
