using HakuWinay.Contests.Common;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.FieldSync;

/// <summary>What a Technician takes to the field: their open visits, each as the online report page shows it.</summary>
public sealed record TechnicianFieldPackage(DateTime PreparedAtUtc, DateTime ValidUntilUtc, IReadOnlyList<VisitDetail> Visits);

/// <summary>
/// The Technician's field package (docs/decisions/036, "Visit reports"): only the visits their
/// online list shows them (assigned to them, in their territory, award active) that are open for
/// the report (scheduled, overdue or sent back), read through <see cref="VisitQueries"/>.
/// </summary>
public sealed class VisitPackageQueries(VisitQueries visits, TimeProvider clock)
{
    /// <summary>
    /// A visit stays open past its date (it becomes overdue, not closed), so the package is valid a
    /// fixed time after preparing, as a juror's without a deadline.
    /// </summary>
    public static readonly TimeSpan Validity = FieldPackageQueries.ValidityWithoutDeadline;

    public async Task<ServiceResult<TechnicianFieldPackage>> TechnicianPackageAsync(ActingUser technician, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        if (!technician.IsTechnician || technician.IsAdmin)
        {
            return ServiceResult<TechnicianFieldPackage>.Fail(ServiceOutcome.NotFound);
        }
        var open = new List<VisitDetail>();
        foreach (var row in await visits.AssignedToAsync(technician, ct))
        {
            if (row.Status is not (VisitStatus.Scheduled or VisitStatus.Overdue or VisitStatus.SentBack))
            {
                continue;
            }
            var detail = await visits.DetailAsync(technician, row.VisitId, ct);
            if (detail.Succeeded && detail.Value!.IsOpenForReport)
            {
                open.Add(detail.Value);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return ServiceResult<TechnicianFieldPackage>.Ok(new TechnicianFieldPackage(now, now + Validity, open));
    }
}
