using System.Globalization;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Text;
using System.Text.Json;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

/// <summary>An answer to one item of the contest's eligibility checklist.</summary>
public sealed record ChecklistAnswer(int ItemId, bool Met);

/// <summary>
/// The administrator's eligibility decision: every checklist item answered, a reason always,
/// "eligible" only when every item is met. The group is emailed; the decision is audited.
/// </summary>
public sealed class EligibilityService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IContestEvents? events = null, IPortalAddress? address = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ServiceResult<ProfileStatus>> DecideAsync(
        string adminUserId, int profileId, Guid expectedVersion, bool eligible, string reason, IReadOnlyList<ChecklistAnswer> answers, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.BusinessProfiles.SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return ServiceResult<ProfileStatus>.Fail(ServiceOutcome.NotFound);
        }
        if (!await Territories.StaffReach.AdminReachesAsync(db, adminUserId, Territories.TerritoryResource.Profile, profileId, ct))
        {
            return Territories.StaffReach.Refused<ProfileStatus>();
        }
        if (profile.Version != expectedVersion)
        {
            return ServiceResult<ProfileStatus>.Fail(ServiceOutcome.Conflict);
        }
        if (await ResultsFreeze.IsFrozenAsync(db, profile.ContestId, ct))
        {
            return ServiceResult<ProfileStatus>.Invalid("Decision", ResultsFreeze.Rule);
        }
        var contest = await db.Contests.Include(c => c.EligibilityChecklist).SingleAsync(c => c.Id == profile.ContestId, ct);
        var items = contest.EligibilityChecklist.OrderBy(i => i.Order).ToList();
        var byItem = answers.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Last().Met);
        var violations = new List<RuleViolation>();
        violations.AddRange(items.Where(i => !byItem.ContainsKey(i.Id)).Select(i => new RuleViolation($"Checklist.{i.Id}", "Rules.ChecklistUnanswered")));
        violations.AddRange(byItem.Keys.Where(id => items.All(i => i.Id != id)).Select(id => new RuleViolation($"Checklist.{id}", "Rules.ChecklistUnknownItem")));
        if (eligible && items.Any(i => byItem.TryGetValue(i.Id, out var met) && !met))
        {
            violations.Add(new RuleViolation("Decision", "Rules.EligibleNeedsEveryItem"));
        }
        if (eligible && contest.RequiresProjectMembership
            && await db.Households.AnyAsync(h => h.ProducerGroupId == profile.ProducerGroupId && h.RegistryProjectCode == null, ct))
        {
            // The contest admits only user households of its projects (DOMAIN.md, "The padrón").
            violations.Add(new RuleViolation("Decision", "Rules.ProjectMembershipRequired"));
        }
                if (string.IsNullOrWhiteSpace(reason) || reason.Length > BusinessProfile.MaxReasonLength)
        {
            violations.Add(new RuleViolation("Reason", "Rules.ReasonRequired"));
        }
        if (profile.Status is not (ProfileStatus.Submitted or ProfileStatus.Eligible or ProfileStatus.Ineligible))
        {
            violations.Add(new RuleViolation("Profile", "Rules.NotSubmitted"));
        }
        if (violations.Count > 0)
        {
            return ServiceResult<ProfileStatus>.Invalid(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = profile.Status;
        var checklist = JsonSerializer.Serialize(items.Select(i => new { item = i.Text, met = byItem[i.Id] }), Json);
        profile.DecideEligibility(eligible, reason, adminUserId, now, checklist);
        db.AuditLog.Add(AuditEntry.Record(now, adminUserId, "profile.eligibility-decided", nameof(BusinessProfile), profile.Code ?? "",
            contest.Id, profile.Id, before: new { Status = before.ToString() },
            after: new { Status = profile.Status.ToString(), Reason = profile.EligibilityReason, Checklist = checklist }));
        await QueueDecisionAsync(db, profile, contest.Title, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<ProfileStatus>.Fail(ServiceOutcome.Conflict);
        }
        outboxSignal.MessagesQueued();
        events?.Publish(new ContestEvent(contest.Id, ContestChange.EligibilityDecided, ProfileId: profile.Id));
        return ServiceResult<ProfileStatus>.Ok(profile.Status);
    }

    private async Task QueueDecisionAsync(ContestsDbContext db, BusinessProfile profile, string contestTitle, DateTime now, CancellationToken ct)
    {
        var recipient = await Recipients.RepresentativeAsync(db, profile.ProducerGroupId, ct);
        if (recipient is null || !(recipient.WantsEmail || recipient.WantsSms))
        {
            return;
        }
        var verdict = EmailMarkdown.Trusted(profile.Status == ProfileStatus.Eligible
            ? "fue declarado **elegible** y pasa a la evaluación del jurado (CLAR)"
            : "fue declarado **no elegible** y no pasa a la evaluación");
        EmailMarkdown body = $"""
            Su perfil de negocio **{profile.Code}** del concurso **{contestTitle}** {verdict}.

            Motivo: {profile.EligibilityReason}
            """;
        // Keyed by the decision's time: a changed decision is a new message, the same one is never sent twice.
        var sms = recipient.WantsSms
            ? SmsTexts.EligibilityDecided(profile.Code ?? "", profile.Status == ProfileStatus.Eligible,
                ShortLinks.Create(db, address, $"/profiles/{profile.Id.ToString(CultureInfo.InvariantCulture)}", now))
            : "";
        await NotificationOutbox.NotifyAsync(db, recipient, $"Revisión de elegibilidad de su perfil {profile.Code}", body, sms, now,
            $"profile-eligibility:{profile.Id}:{now.Ticks}", ct);
    }
}
