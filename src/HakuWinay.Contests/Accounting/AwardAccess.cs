using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Accounting;

/// <summary>
/// Who an award belongs to and how the acting user stands towards it: an Admin, the
/// representative of its group, or the Technician of one of its visits.
/// </summary>
public sealed record AwardStanding(
    int AwardId, int ContestId, int ProfileId, int GroupId, AwardStatus Status, DateOnly? AgreementSignedOn,
    string? RepresentativeUserId, bool IsAdmin, bool IsRepresentative, bool IsAssignedTechnician);

/// <summary>
/// Who may see an award and account for its spending: an Admin, the representative of its group,
/// and a Technician assigned to one of its visits. Anyone else is told the award does not exist,
/// so an id reveals nothing (a Technician is not staff for every group here, unlike on profiles).
/// </summary>
public static class AwardAccess
{
    public static async Task<AwardStanding?> StandingAsync(ContestsDbContext db, ActingUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var found = await (from a in db.Awards.AsNoTracking()
                           join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                           where a.Id == awardId
                           select new
                           {
                               a.Id, a.ContestId, a.BusinessProfileId, a.ProducerGroupId, a.Status, a.AgreementSignedOn, g.RepresentativeUserId,
                               Assigned = user.IsTechnician && a.Visits.Any(v => v.TechnicianUserId == user.UserId),
                           }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var standing = new AwardStanding(found.Id, found.ContestId, found.BusinessProfileId, found.ProducerGroupId, found.Status, found.AgreementSignedOn,
            found.RepresentativeUserId, user.IsAdmin, found.RepresentativeUserId is not null && found.RepresentativeUserId == user.UserId, found.Assigned);
        return standing.IsAdmin || standing.IsRepresentative || standing.IsAssignedTechnician ? standing : null;
    }
}
