using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Testing;

/// <summary>One award of the demo after publication: its ids and who it belongs to.</summary>
public sealed record DemoAward(int AwardId, int ProfileId, string ProfileCode, int GroupId, string? RepresentativeEmail, decimal Amount);

/// <summary>
/// The demo contest scored (<see cref="RankableDemo"/>) and its results published as version 1,
/// through the real services, so that its funded profiles have awards.
/// </summary>
public static class AwardedDemo
{
    public const string AdminEmail = "admin@demo.hakuwinay.pe";
    public const string TechnicianEmail = "tecnico@demo.hakuwinay.pe";

    public static async Task<IReadOnlyList<DemoAward>> PublishAsync(PortalFactory portal)
    {
        await RankableDemo.MakeRankableAsync(portal);
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        int contestId;
        string adminId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            contestId = await db.Contests.Where(c => c.Code == RankableDemo.ContestCode).Select(c => c.Id).SingleAsync();
            adminId = await db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync();
        }
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<PublicationService>().PublishAsync(contestId, new ActingUser(adminId, IsAdmin: true));
            Xunit.Assert.True(published.Succeeded, published.Outcome + " " + string.Join(", ", published.Violations.Select(v => v.Rule)));
        }
        return await AwardsAsync(factory);
    }

    public static async Task<IReadOnlyList<DemoAward>> AwardsAsync(IDbContextFactory<ContestsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await (from a in db.Awards
                      join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
                      join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                      join u in db.Users on g.RepresentativeUserId equals u.Id into representatives
                      from u in representatives.DefaultIfEmpty()
                      where a.Status == AwardStatus.Active
                      orderby a.Id
                      select new DemoAward(a.Id, p.Id, p.Code!, g.Id, u.Email, a.Amount)).ToListAsync();
    }
}
