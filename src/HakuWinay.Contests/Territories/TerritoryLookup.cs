using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Territories;

/// <summary>What kind of record an address names, for <see cref="TerritoryLookup"/>.</summary>
public enum TerritoryResource
{
    Contest,
    /// <summary>A contest by its code (the projector's short address).</summary>
    ContestCode,
    Group,
    Profile,
    Scorecard,
    Appeal,
    Award,
    Visit,
    /// <summary>A project of the padrones: its place is the districts it covers.</summary>
    Project,
}

/// <summary>Where the record behind an address is: one small query per kind, read by the territory gate.</summary>
public sealed class TerritoryLookup(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The record's place, or null when there is no such record (the page answers 404 by itself then).</summary>
    public async Task<TerritoryPlace?> PlaceAsync(TerritoryResource kind, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PlaceAsync(db, kind, key, ct);
    }

    /// <summary>The same, in a context a service already has open (<see cref="StaffReach"/>).</summary>
    public static async Task<TerritoryPlace?> PlaceAsync(ContestsDbContext db, TerritoryResource kind, string key, CancellationToken ct = default)
    {
        if (kind == TerritoryResource.ContestCode)
        {
            return await db.Contests.Where(c => c.Code == key)
                .Select(c => TerritoryPlace.OfContest(new ContestPlace(c.RegionCode, c.ProvinceCode, c.DistrictCode))).SingleOrDefaultAsync(ct);
        }
        if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var profiles = kind switch
        {
            TerritoryResource.Profile => db.BusinessProfiles.Where(p => p.Id == id).Select(p => new { p.ContestId, GroupId = p.ProducerGroupId }),
            TerritoryResource.Scorecard => from s in db.Scorecards where s.Id == id
                                          join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                                          select new { p.ContestId, GroupId = p.ProducerGroupId },
            TerritoryResource.Appeal => db.Appeals.Where(a => a.Id == id).Select(a => new { a.ContestId, GroupId = a.ProducerGroupId }),
            TerritoryResource.Award => db.Awards.Where(a => a.Id == id).Select(a => new { a.ContestId, GroupId = a.ProducerGroupId }),
            TerritoryResource.Visit => from v in db.AwardVisits where v.Id == id
                                      join a in db.Awards on v.AwardId equals a.Id
                                      select new { a.ContestId, GroupId = a.ProducerGroupId },
            _ => null,
        };
        if (kind == TerritoryResource.Contest)
        {
            return await db.Contests.Where(c => c.Id == id)
                .Select(c => TerritoryPlace.OfContest(new ContestPlace(c.RegionCode, c.ProvinceCode, c.DistrictCode))).SingleOrDefaultAsync(ct);
        }
        if (kind == TerritoryResource.Project)
        {
            var project = await db.RegistryProjects.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new { p.RegionCode, Districts = p.Districts.Select(d => d.DistrictCode).ToList() }).SingleOrDefaultAsync(ct);
            return project is null ? null : TerritoryPlace.OfProject(project.RegionCode, project.Districts);
        }
        if (kind == TerritoryResource.Group)
        {
            return await db.ProducerGroups.Where(g => g.Id == id).Select(g => TerritoryPlace.OfGroup(g.Location.DistrictCode)).SingleOrDefaultAsync(ct);
        }
        var found = await (from x in profiles!
                           join c in db.Contests on x.ContestId equals c.Id
                           join g in db.ProducerGroups on x.GroupId equals g.Id
                           select new { c.RegionCode, c.ProvinceCode, c.DistrictCode, Group = g.Location.DistrictCode })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new TerritoryPlace(new ContestPlace(found.RegionCode, found.ProvinceCode, found.DistrictCode), found.Group);
    }
}
