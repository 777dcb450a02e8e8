using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FollowUp;

/// <summary>One line of a Technician's list of visits.</summary>
public sealed record TechnicianVisitRow(
    int VisitId, int Order, string GroupName, string CentroPoblado, string District, string ContestCode, string ContestTitle,
    DateOnly? ScheduledOn, VisitStatus Status)
{
    public bool IsOverdue => Status == VisitStatus.Overdue;
}

/// <summary>An investment line of the award's profile, as a visit reports on it.</summary>
public sealed record VisitLine(int Id, string Description, InvestmentCategory Category, decimal Total);

/// <summary>A visit's photo: its id and the name the Technician's phone gave it.</summary>
public sealed record VisitPhotoView(int Id, string DisplayName);

/// <summary>What an earlier visit of the same award found, for comparison.</summary>
public sealed record PreviousVisit(int Order, VisitStatus Status, DateOnly? VisitedOn, int? MembersPresent, decimal? SalesToDate, int? Jobs,
    VisitRating? Rating, IReadOnlyDictionary<int, int> ProgressByLine);

/// <summary>One visit for its report (Technician) or review (Admin).</summary>
public sealed record VisitDetail(
    int VisitId, int Order, VisitStatus Status, DateOnly? ScheduledOn, Guid Version,
    int AwardId, decimal AwardAmount, string ProfileCode, string ProfileTitle, string GroupName, string CentroPoblado, string ContestTitle,
    DateOnly? VisitedOn, int? MembersPresent, decimal? SalesToDate, int? Jobs, string? Observations, VisitRating? Rating,
    string? ReviewComment, DateTime? SubmittedAtUtc, IReadOnlyDictionary<int, VisitLineProgressInput> Progress,
    IReadOnlyList<VisitLine> Lines, IReadOnlyList<VisitPhotoView> Photos, IReadOnlyList<PreviousVisit> PreviousVisits)
{
    public bool IsOpenForReport => Status is VisitStatus.Scheduled or VisitStatus.Overdue or VisitStatus.SentBack;

    /// <summary>The award's contest: whose events tell an open visit page of the Admin's review.</summary>
    public int ContestId { get; init; }
}

/// <summary>A visit photo to send: where it is on disk, its type and name.</summary>
public sealed record VisitPhotoFile(string FilePath, string ContentType, string DisplayName);

/// <summary>
/// Reading visits. A Technician sees only the visits assigned to them; an Admin sees any; a
/// photo also goes to the representative of the award's group. Anything else is NotFound.
/// </summary>
public sealed class VisitQueries(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage)
{
    /// <summary>
    /// The Technician's visits: open ones first (overdue, then by date), then those awaiting
    /// review, then those not dated yet, then the approved ones.
    /// </summary>
    public async Task<IReadOnlyList<TechnicianVisitRow>> AssignedToAsync(ActingUser technician, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only visits of groups in the technician's scope: an assignment made before the scope was narrowed stays out of sight.
        var scope = await Territories.StaffScopes.OfAsync(db, technician.UserId, ct);
        var rows = await (from v in db.AwardVisits
                          join a in db.Awards on v.AwardId equals a.Id
                          join g in Territories.TerritoryFilters.Within(db.ProducerGroups, scope) on a.ProducerGroupId equals g.Id
                          join c in db.Contests on a.ContestId equals c.Id
                          join d in db.Districts on g.Location.DistrictCode equals d.Code into districts
                          from d in districts.DefaultIfEmpty()
                          where v.TechnicianUserId == technician.UserId && a.Status == Disbursements.AwardStatus.Active
                          select new TechnicianVisitRow(v.Id, v.Order, g.Name, g.Location.CentroPoblado, d == null ? g.Location.DistrictCode : d.Name,
                              c.Code, c.Title, v.ScheduledOn, v.Status)).ToListAsync(ct);
        return rows.OrderBy(r => Rank(r.Status)).ThenBy(r => r.ScheduledOn ?? DateOnly.MaxValue).ThenBy(r => r.VisitId).ToList();
    }

    /// <summary>
    /// The contests an open visit list follows: every contest with an award in execution, not only
    /// those where the Technician has visits now, so that an award reassigned to them from another
    /// contest shows too. A handful of contests a year: cheap to follow.
    /// </summary>
    public async Task<IReadOnlyList<int>> ContestsInExecutionAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Awards.Where(a => a.Status == Disbursements.AwardStatus.Active).Select(a => a.ContestId).Distinct().ToListAsync(ct);
    }

    public async Task<ServiceResult<VisitDetail>> DetailAsync(ActingUser user, int visitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.AwardVisits.AsNoTracking().Include(v => v.Progress).Include(v => v.Photos).SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !(user.IsAdmin || (user.IsTechnician && visit.TechnicianUserId == user.UserId)))
        {
            return ServiceResult<VisitDetail>.Fail(ServiceOutcome.NotFound);
        }
        var about = await (from a in db.Awards
                           join p in db.BusinessProfiles on a.BusinessProfileId equals p.Id
                           join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                           join c in db.Contests on a.ContestId equals c.Id
                           where a.Id == visit.AwardId
                           select new { a.Id, a.ContestId, a.Amount, p.Code, p.Title, ProfileId = p.Id, g.Name, g.Location.CentroPoblado, ContestTitle = c.Title }).SingleAsync(ct);
        var lines = await db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == about.ProfileId).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Description, l.Category, l.Quantity, l.UnitCost }).ToListAsync(ct);
        var previous = await db.AwardVisits.AsNoTracking().Include(v => v.Progress)
            .Where(v => v.AwardId == visit.AwardId && v.Order < visit.Order && v.SubmittedAtUtc != null).OrderBy(v => v.Order).ToListAsync(ct);
        return ServiceResult<VisitDetail>.Ok(new VisitDetail(
            visit.Id, visit.Order, visit.Status, visit.ScheduledOn, visit.Version,
            about.Id, about.Amount, about.Code ?? "", about.Title, about.Name, about.CentroPoblado, about.ContestTitle,
            visit.VisitedOn, visit.MembersPresent, visit.SalesToDate, visit.Jobs, visit.Observations, visit.Rating,
            visit.ReviewComment, visit.SubmittedAtUtc,
            visit.Progress.ToDictionary(p => p.InvestmentLineId, p => new VisitLineProgressInput(p.InvestmentLineId, p.ProgressPercent, p.Note)),
            lines.Select(l => new VisitLine(l.Id, l.Description, l.Category, Money.Round(l.Quantity * l.UnitCost))).ToList(),
            visit.Photos.OrderBy(p => p.Id).Select(p => new VisitPhotoView(p.Id, p.File.DisplayName)).ToList(),
            previous.Select(v => new PreviousVisit(v.Order, v.Status, v.VisitedOn, v.MembersPresent, v.SalesToDate, v.Jobs, v.Rating,
                v.Progress.ToDictionary(p => p.InvestmentLineId, p => p.ProgressPercent))).ToList())
        {
            ContestId = about.ContestId,
        });
    }

    /// <summary>A visit photo for an Admin, the assigned Technician or the award's group representative; otherwise NotFound.</summary>
    public async Task<ServiceResult<VisitPhotoFile>> PhotoAsync(ActingUser user, int visitId, int photoId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from ph in db.VisitPhotos.AsNoTracking()
                           join v in db.AwardVisits on ph.AwardVisitId equals v.Id
                           join a in db.Awards on v.AwardId equals a.Id
                           join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                           where ph.Id == photoId && v.Id == visitId
                           select new { ph.File, v.TechnicianUserId, g.RepresentativeUserId }).SingleOrDefaultAsync(ct);
        var allowed = found is not null
            && (user.IsAdmin || (user.IsTechnician && found.TechnicianUserId == user.UserId) || found.RepresentativeUserId == user.UserId);
        if (!allowed)
        {
            return ServiceResult<VisitPhotoFile>.Fail(ServiceOutcome.NotFound);
        }
        var path = storage.PathOf(found!.File.StorageName);
        return File.Exists(path)
            ? ServiceResult<VisitPhotoFile>.Ok(new VisitPhotoFile(path, found.File.ContentType, found.File.DisplayName))
            : ServiceResult<VisitPhotoFile>.Fail(ServiceOutcome.NotFound);
    }

    private static int Rank(VisitStatus status) => status switch
    {
        VisitStatus.Overdue => 0,
        VisitStatus.SentBack => 1,
        VisitStatus.Scheduled => 2,
        VisitStatus.Submitted => 3,
        VisitStatus.Planned => 4,
        _ => 5,
    };
}
