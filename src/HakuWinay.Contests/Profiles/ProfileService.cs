using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Text;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>A saved plan: the draft's new version and the ids of the lines that were new, in the order they were sent.</summary>
public sealed record PlanSaved(Guid Version, IReadOnlyList<int> NewLineIds);

/// <summary>
/// A group's work on its profile: start a draft, save it piece by piece, submit it against the
/// contest's rules, withdraw it. Every call checks that the user may act for the group, opens
/// one short-lived context, and guards against stale edits with the profile's version.
/// </summary>
public sealed class ProfileService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal)
{
    /// <summary>Starts the group's draft for a contest and category; one active profile per group per contest.</summary>
    public async Task<ServiceResult<int>> StartDraftAsync(ActingUser user, int groupId, int contestId, int categoryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.ProducerGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (!MayActFor(user, group))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        if (user.IsStaff && !Territories.TerritoryRule.Reaches(await Territories.StaffScopes.OfAsync(db, user.UserId, ct),
                user.IsAdmin, user.IsTechnician, Territories.TerritoryPlace.OfGroup(group.Location.DistrictCode)))
        {
            // Staff apply on behalf of the groups of their territory only; another's is not there for them.
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var contest = await db.Contests.Include(c => c.Categories).SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null || contest.Categories.All(c => c.Id != categoryId))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!contest.AcceptsSubmissionsAt(now))
        {
            return ServiceResult<int>.Invalid("Contest", "Rules.CallClosed");
        }
        if (await db.BusinessProfiles.AnyAsync(p => p.ContestId == contestId && p.ProducerGroupId == groupId && p.Status != ProfileStatus.Withdrawn, ct))
        {
            return ServiceResult<int>.Invalid("Contest", "Rules.OneProfilePerGroup");
        }
        var profile = new BusinessProfile(contestId, categoryId, groupId, now);
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.created", nameof(BusinessProfile), profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            contestId, profile.Id, after: new { CategoryId = categoryId, GroupId = groupId }));
        await db.SaveChangesAsync(ct);
        return ServiceResult<int>.Ok(profile.Id);
    }

    /// <summary>
    /// Applies one edit to a draft read at <paramref name="expectedVersion"/>. Returns the new
    /// version, or Conflict when the draft changed elsewhere since (nothing is overwritten).
    /// </summary>
    public async Task<ServiceResult<Guid>> EditDraftAsync(
        ActingUser user, int profileId, Guid expectedVersion, Action<BusinessProfile, DateTime> edit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (profile, group, failure) = await LoadForAsync(db, user, profileId, expectedVersion, ct);
        if (failure is { } outcome)
        {
            return Failed<Guid>(outcome);
        }
        if (!profile.IsEditable)
        {
            return ServiceResult<Guid>.Invalid("Profile", "Rules.NotEditable");
        }
        try
        {
            edit(profile, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return ServiceResult<Guid>.Invalid("Profile", "Rules.EditRefused", ex.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<Guid>.Ok(profile.Version);
    }

    /// <summary>
    /// Replaces the draft's investment plan with what the editor sends (see <see cref="BusinessProfile.ReplacePlan"/>)
    /// and answers the new version with the ids given to the lines sent without one, in the order sent.
    /// </summary>
    public async Task<ServiceResult<PlanSaved>> ReplacePlanAsync(ActingUser user, int profileId, Guid expectedVersion, IReadOnlyList<PlanLine> lines, CancellationToken ct = default)
    {
        BusinessProfile? edited = null;
        var result = await EditDraftAsync(user, profileId, expectedVersion, (profile, now) =>
        {
            profile.ReplacePlan(lines, now);
            edited = profile;
        }, ct);
        if (!result.Succeeded)
        {
            return new ServiceResult<PlanSaved>(result.Outcome, null, result.Violations);
        }
        // ReplacePlan keeps the known lines first and appends the new ones in the order sent.
        var newIds = edited!.Lines.Skip(lines.Count(l => l.LineId is not null)).Select(l => l.Id).ToList();
        return ServiceResult<PlanSaved>.Ok(new PlanSaved(result.Value, newIds));
    }

    /// <summary>
    /// Checks every rule on the server clock and, when all pass, submits the draft: it gets its
    /// code, the contest's rules lock, a receipt email is queued and the change is audited, all
    /// in one transaction.
    /// </summary>
    public async Task<ServiceResult<string>> SubmitAsync(ActingUser user, int profileId, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (profile, group, failure) = await LoadForAsync(db, user, profileId, expectedVersion, ct);
        if (failure is { } outcome)
        {
            return Failed<string>(outcome);
        }
        if (!profile.IsEditable)
        {
            return ServiceResult<string>.Invalid("Profile", "Rules.NotEditable");
        }
        var contest = await db.Contests.Include(c => c.Categories).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps)
            .Include(c => c.DocumentSlots).AsSplitQuery().SingleAsync(c => c.Id == profile.ContestId, ct);
        var filledSlots = await db.ProfileAttachments.Where(a => a.BusinessProfileId == profile.Id && a.DocumentSlotId != null)
            .Select(a => a.DocumentSlotId!.Value).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var violations = ProfileRules.CheckSubmission(profile, contest.SubmissionRulesFor(profile.CategoryId),
            new SubmissionContext(group.Households.Count, group.ProductionLineId, contest.AcceptsSubmissionsAt(now), filledSlots.ToHashSet()));
        if (violations.Count > 0)
        {
            return ServiceResult<string>.Invalid(violations);
        }
        // The padrones are checked again at submission: a version imported since registration counts.
        await Registries.RegistryChecks.ApplyAsync(db, group, now, ct);
        var code = contest.NextProfileCode(now);
        profile.Submit(code, now);
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.submitted", nameof(BusinessProfile), code, contest.Id, profile.Id,
            before: new { Status = nameof(ProfileStatus.Draft) },
            after: new { Status = nameof(ProfileStatus.Submitted), Code = code, profile.Totals.FundRequest, profile.Totals.Counterpart }));
        await QueueReceiptAsync(db, profile, contest, group, now, ct);
        try
        {
            // The contest's version guards the numbering: two submissions at once cannot share a code.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<string>.Fail(ServiceOutcome.Conflict);
        }
        outboxSignal.MessagesQueued();
        PortalMeters.ProfileSubmitted(contest.Id);
        return ServiceResult<string>.Ok(code);
    }

    /// <summary>Withdraws the group's draft or submission before the deadline, with a reason.</summary>
    public async Task<ServiceResult<bool>> WithdrawAsync(ActingUser user, int profileId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (profile, group, failure) = await LoadForAsync(db, user, profileId, null, ct);
        if (failure is { } outcome)
        {
            return Failed<bool>(outcome);
        }
        var contest = await db.Contests.SingleAsync(c => c.Id == profile.ContestId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = profile.Status;
        var previous = profile.PreviousPresentationId;
        try
        {
            profile.Withdraw(reason, now, contest.Timeline.SubmissionsCloseAtUtc);
        }
        catch (ArgumentException)
        {
            return ServiceResult<bool>.Invalid("Reason", "Rules.ReasonRequired");
        }
        catch (InvalidOperationException)
        {
            return ServiceResult<bool>.Invalid("Profile", "Rules.WithdrawalClosed");
        }
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "profile.withdrawn", nameof(BusinessProfile), profile.Code ?? profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            contest.Id, profile.Id, before: new { Status = before.ToString(), PreviousPresentationId = previous },
            after: new { Status = nameof(ProfileStatus.Withdrawn), Reason = profile.WithdrawalReason, profile.PreviousPresentationId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>A failure of <see cref="LoadForAsync"/> as the page's answer; Invalid there is the territory's refusal.</summary>
    private static ServiceResult<T> Failed<T>(ServiceOutcome outcome) =>
        outcome == ServiceOutcome.Invalid ? Territories.StaffReach.Refused<T>("Profile") : ServiceResult<T>.Fail(outcome);

    /// <summary>A group's representative acts for it; administrators and technicians may act on its behalf.</summary>
    public static bool MayActFor(ActingUser user, ProducerGroup group) => user.IsStaff || group.RepresentativeUserId == user.UserId;

    /// <summary>
    /// Loads the profile and its group, and says why the user may not go on: NotFound, Forbidden,
    /// or Conflict when <paramref name="expectedVersion"/> is given and the profile changed since.
    /// </summary>
    private static async Task<(BusinessProfile Profile, ProducerGroup Group, ServiceOutcome? Failure)> LoadForAsync(
        ContestsDbContext db, ActingUser user, int profileId, Guid? expectedVersion, CancellationToken ct)
    {
        var profile = await db.BusinessProfiles.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return (null!, null!, ServiceOutcome.NotFound);
        }
        var group = await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Id == profile.ProducerGroupId, ct);
        if (!MayActFor(user, group))
        {
            return (profile, group, ServiceOutcome.Forbidden);
        }
        if (!await Territories.StaffReach.ReachesAsync(db, user, Territories.TerritoryResource.Profile, profileId, ct))
        {
            // Staff whose scope no longer holds the profile (a page left open, a crafted call) change nothing.
            return (profile, group, ServiceOutcome.Invalid);
        }
        return expectedVersion is { } version && profile.Version != version
            ? (profile, group, ServiceOutcome.Conflict)
            : (profile, group, null);
    }

    private static async Task QueueReceiptAsync(ContestsDbContext db, BusinessProfile profile, Contest contest, ProducerGroup group, DateTime now, CancellationToken ct)
    {
        var email = group.RepresentativeUserId is null ? null
            : await db.Users.Where(u => u.Id == group.RepresentativeUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return;
        }
        var totals = profile.Totals;
        EmailMarkdown body = $"""
            Estimado(a) representante de **{group.Name}**:

            Su perfil de negocio **{profile.Title}** fue recibido con el código **{profile.Code}**
            el {LimaTime.Format(now)} (hora de Lima).

            - Concurso: {contest.Code} · {contest.Title}
            - Categoría: {contest.Categories.Single(c => c.Id == profile.CategoryId).Name}
            - Grupo: {group.Name}
            - Monto solicitado al fondo: {Money.Format(totals.FundRequest)}
            - Contrapartida del grupo: {Money.Format(totals.Counterpart)} ({totals.CounterpartPercent:0.00} % de la inversión total)
            - Inversión total: {Money.Format(totals.TotalInvestment)}

            Guarde este código: lo necesitará para seguir su postulación. La administración del concurso revisará la elegibilidad
            de su perfil y le avisará por este medio.
            """;
        await NotificationOutbox.QueueAsync(db, email, $"Constancia de postulación {profile.Code}", body, now,
            $"profile-submitted:{profile.Id}", ct);
    }
}
