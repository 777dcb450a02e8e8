using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Disbursements;

/// <summary>What a publication did to the awards of its contest.</summary>
public sealed record AwardSyncSummary(int Created, int Updated, int Cancelled, int Flagged);

/// <summary>
/// Brings a contest's awards in line with a newly published version, inside the publishing
/// transaction: each Funded or PartiallyFunded entry without an award gets one (schedule from
/// the contest's plan, visits assigned to the closest, least loaded Technician); an award without
/// payment follows the new amount, or is cancelled when no longer funded; an award already paid
/// that the correction changes is flagged to the Admin and left as it is. A profile that one
/// correction dropped and a later one funds again gets a new award; an award an Admin cancelled
/// stays cancelled.
/// </summary>
public static class AwardSync
{
    public static async Task<AwardSyncSummary> ApplyAsync(ContestsDbContext db, ResultsPublication publication, string adminUserId, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publication);
        var contestId = publication.ContestId;
        var plan = await db.Set<DisbursementTranche>().Where(t => t.ContestId == contestId).OrderBy(t => t.Order)
            .Select(t => new TrancheRule(t.Percent, t.Trigger, t.RequiredAccountedPercent)).ToListAsync(ct);
        if (plan.Count == 0)
        {
            plan = [.. Contest.DefaultTranches];
        }
        var offsets = await db.Set<FollowUpVisit>().Where(v => v.ContestId == contestId).OrderBy(v => v.Order)
            .Select(v => v.DaysAfterFirstPayment).ToListAsync(ct);
        var funded = publication.Entries
            .Where(e => e.Outcome is ResultOutcome.Funded or ResultOutcome.PartiallyFunded && e.Award > 0)
            .ToDictionary(e => e.BusinessProfileId, e => e.Award);
        var awards = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits)
            .Where(a => a.ContestId == contestId).AsSplitQuery().ToListAsync(ct);
        var technicians = await TechnicianLoadsAsync(db, ct);
        int created = 0, updated = 0, cancelled = 0, flagged = 0;

        foreach (var award in awards.Where(a => a.CancelledByCorrection && funded.ContainsKey(a.BusinessProfileId)).ToList())
        {
            // A later correction funds again a profile an earlier one had dropped: its cancelled
            // award (nothing was ever paid on it) gives way to a new one, below. An award an Admin
            // cancelled stays cancelled (FollowCorrection leaves it alone).
            db.Awards.Remove(award);
            awards.Remove(award);
        }
        foreach (var award in awards)
        {
            var newAmount = funded.GetValueOrDefault(award.BusinessProfileId);
            var before = new { award.Amount, Status = award.Status.ToString(), award.PublicationVersion };
            var wasPaid = award.HasPayment;
            if (!award.FollowCorrection(publication.Version, newAmount, plan, nowUtc))
            {
                continue;
            }
            string action;
            if (wasPaid)
            {
                action = "award.correction-flagged";
                flagged++;
            }
            else if (award.Status == AwardStatus.Cancelled)
            {
                action = "award.cancelled";
                cancelled++;
            }
            else
            {
                action = "award.amount-changed";
                updated++;
            }
            db.AuditLog.Add(AuditEntry.Record(nowUtc, adminUserId, action, nameof(Award), Key(award.BusinessProfileId), contestId,
                before: before, after: new { award.Amount, Status = award.Status.ToString(), Version = publication.Version, NewAmount = newAmount }));
        }

        var existing = awards.Select(a => a.BusinessProfileId).ToHashSet();
        var groups = await (from p in db.BusinessProfiles
                            join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                            where funded.Keys.Contains(p.Id)
                            select new { ProfileId = p.Id, GroupId = g.Id, g.Location.DistrictCode }).ToListAsync(ct);
        foreach (var group in groups.Where(g => !existing.Contains(g.ProfileId)).OrderBy(g => g.ProfileId))
        {
            var technician = TechnicianPicker.Pick(technicians, group.DistrictCode);
            var award = new Award(contestId, group.ProfileId, group.GroupId, funded[group.ProfileId], publication.Version, plan, offsets, technician, nowUtc);
            db.Awards.Add(award);
            if (technician is not null)
            {
                var index = technicians.FindIndex(t => t.UserId == technician);
                technicians[index] = technicians[index] with { OpenVisits = technicians[index].OpenVisits + offsets.Count };
            }
            created++;
            db.AuditLog.Add(AuditEntry.Record(nowUtc, adminUserId, "award.created", nameof(Award), Key(group.ProfileId), contestId,
                after: new { Amount = funded[group.ProfileId], Version = publication.Version, Tranches = award.Tranches.Select(t => t.Amount), Technician = technician }));
        }
        return new AwardSyncSummary(created, updated, cancelled, flagged);
    }

    private static string Key(int profileId) => "profile:" + profileId.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<TechnicianLoad>> TechnicianLoadsAsync(ContestsDbContext db, CancellationToken ct)
    {
        var loads = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.Technician
                           select new TechnicianLoad(u.Id, u.DistrictCode,
                               db.AwardVisits.Count(v => v.TechnicianUserId == u.Id && v.Status != VisitStatus.Approved), null)).ToListAsync(ct);
        var areas = (await db.StaffScopeAreas.Select(a => new { a.UserId, a.Code }).ToListAsync(ct)).ToLookup(a => a.UserId, a => a.Code);
        return loads.Select(l => areas[l.UserId].Any() ? l with { Scope = Territories.StaffScope.Of(areas[l.UserId]) } : l).ToList();
    }
}
