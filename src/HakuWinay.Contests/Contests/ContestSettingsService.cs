using System.Security.Cryptography;
using System.Text;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

// Saving the sections of a contest's setup. Each save loads the whole contest, refuses a stale
// version (Conflict), refuses locked rules, applies the section through the entity's methods,
// refuses it if the section then has problems (nothing is stored), and audits before/after.
public sealed partial class ContestAdminService
{
    public Task<ServiceResult<Guid>> SaveGeneralAsync(string adminId, int contestId, Guid expectedVersion, GeneralSettings settings, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.general-saved", locked: false, ContestSection.General,
            c => new { c.Code, c.Title, c.RegionCode, c.ProvinceCode, c.DistrictCode, Bases = Digest(c.BasesMarkdown) },
            async (db, contest) =>
            {
                if (await CodeTakenAsync(db, settings.Code, contest.Id, ct))
                {
                    throw ContestRuleException.Of("Code", "ContestRules.CodeTaken", settings.Code.Trim().ToUpperInvariant());
                }
                if (!await TerritoryExistsAsync(db, settings, ct))
                {
                    throw ContestRuleException.Of("Territory", "ContestRules.TerritoryIncoherent");
                }
                if (!(await Territories.StaffScopes.OfAsync(db, adminId, ct)).Contains(settings.RegionCode, settings.ProvinceCode, settings.DistrictCode))
                {
                    // A scoped administrator moves a contest only within their scope: it would vanish from them otherwise.
                    throw ContestRuleException.Of("Territory", "Territories.ContestOutsideScope");
                }
                contest.Recode(settings.Code);
                contest.Retitle(settings.Title);
                contest.LocateIn(settings.RegionCode, settings.ProvinceCode, settings.DistrictCode);
                contest.WriteBases(settings.BasesMarkdown ?? "");
            }, ct);

    public Task<ServiceResult<Guid>> SaveTimelineAsync(string adminId, int contestId, Guid expectedVersion, ContestTimeline timeline, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.timeline-saved", locked: false, ContestSection.Timeline,
            c => c.Timeline, (_, contest) => Done(() => contest.Reschedule(timeline)), ct);

    public Task<ServiceResult<Guid>> SaveCategoriesAsync(
        string adminId, int contestId, Guid expectedVersion, IReadOnlyList<CategorySettings> categories, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.categories-saved", locked: true, ContestSection.Categories,
            c => c.Categories.OrderBy(k => k.Order).Select(k => new { k.Code, k.Name, k.Budget, k.MaxAward }).ToList(),
            async (db, contest) =>
            {
                var kept = categories.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
                foreach (var gone in contest.Categories.Where(c => !kept.Contains(c.Id)).ToList())
                {
                    if (await db.BusinessProfiles.AnyAsync(p => p.CategoryId == gone.Id, ct))
                    {
                        throw ContestRuleException.Of($"Category.{gone.Code}", "ContestRules.CategoryInUse", gone.Code);
                    }
                    contest.RemoveCategory(gone);
                }
                var order = new List<ContestCategory>();
                foreach (var input in categories)
                {
                    if (input.Id is int id)
                    {
                        var category = contest.Categories.SingleOrDefault(c => c.Id == id) ?? throw ContestRuleException.Of("Categories", "ContestRules.ChangedElsewhere");
                        contest.ReviseCategory(category, input.Code, input.Name, input.Budget, input.MaxAward);
                        order.Add(category);
                    }
                    else
                    {
                        order.Add(contest.AddCategory(input.Code, input.Name, input.Budget, input.MaxAward));
                    }
                }
                contest.OrderCategories(order);
            }, ct);

    public Task<ServiceResult<Guid>> SaveEligibilityAsync(
        string adminId, int contestId, Guid expectedVersion, EligibilitySettings settings, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.eligibility-saved", locked: true, ContestSection.Eligibility,
            c => new
            {
                Lines = c.EligibleLines.Select(l => l.ProductionLineId).Order().ToList(), c.MinHouseholds, c.MaxHouseholds, c.MinCounterpartPercent, c.RequiresProjectMembership,
                Caps = c.InvestmentCaps.OrderBy(k => k.Category).ToDictionary(k => k.Category.ToString(), k => k.MaxPercentOfFund),
            },
            async (db, contest) =>
            {
                var ids = settings.ProductionLineIds.Distinct().ToList();
                if (await db.ProductionLines.CountAsync(l => ids.Contains(l.Id), ct) != ids.Count)
                {
                    throw ContestRuleException.Of("EligibleLines", "ContestRules.UnknownOption");
                }
                contest.SetEligibleLines(ids);
                Field("MinHouseholds", () => contest.SetGroupSize(settings.MinHouseholds, settings.MaxHouseholds));
                Field("MinCounterpartPercent", () => contest.SetMinCounterpart(settings.MinCounterpartPercent));
                contest.RequireProjectMembership(settings.RequiresProjectMembership);
                foreach (var category in Enum.GetValues<InvestmentCategory>())
                {
                    Field($"Cap.{category}", () => contest.CapInvestment(category, settings.Caps.TryGetValue(category, out var cap) ? cap : null));
                }
            }, ct);

    public Task<ServiceResult<Guid>> SaveChecklistAsync(
        string adminId, int contestId, Guid expectedVersion, IReadOnlyList<ChecklistItemSettings> items, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.checklist-saved", locked: false, ContestSection.Eligibility,
            c => c.EligibilityChecklist.OrderBy(i => i.Order).Select(i => i.Text).ToList(),
            (_, contest) => Done(() =>
            {
                var kept = items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
                foreach (var gone in contest.EligibilityChecklist.Where(i => !kept.Contains(i.Id)).ToList())
                {
                    contest.RemoveChecklistItem(gone);
                }
                var order = items.Select(input => input.Id is int id
                        ? Revised(contest.EligibilityChecklist.SingleOrDefault(i => i.Id == id), item => contest.ReviseChecklistItem(item, input.Text), "Checklist")
                        : contest.AddChecklistItem(input.Text))
                    .ToList();
                contest.OrderChecklist(order);
            }), ct, checkSection: false);

    /// <summary>Stages with their criteria, and the pass mark.</summary>
    public Task<ServiceResult<Guid>> SaveStagesAsync(string adminId, int contestId, Guid expectedVersion, StagesSettings settings, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.stages-saved", locked: true, ContestSection.Evaluation,
            c => new
            {
                c.PassMark,
                Stages = c.Stages.OrderBy(s => s.Order).Select(s => new
                {
                    s.Code, s.Name, s.Weight, s.JurorsPerProfile,
                    Criteria = s.Criteria.OrderBy(k => k.Order).Select(k => new { k.Code, k.Name, k.MaxPoints, k.Weight, Rubric = Digest(k.RubricMarkdown) }).ToList(),
                }).ToList(),
            },
            (_, contest) => Done(() => ApplyStages(contest, settings)), ct);

    /// <summary>Aggregation, granularity, allocation policy, tie-breakers and priority rules.</summary>
    public Task<ServiceResult<Guid>> SaveRankingAsync(string adminId, int contestId, Guid expectedVersion, RankingSettings settings, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.ranking-saved", locked: true, ContestSection.Evaluation,
            c => new { c.Evaluation, TieBreakers = c.TieBreakers.OrderBy(t => t.Order).Select(t => t.Rule).ToList(), Priorities = c.PriorityRules.Select(p => p.Rule).ToList() },
            (_, contest) => Done(() =>
            {
                contest.ConfigureEvaluation(settings.Evaluation);
                contest.SetTieBreakers(settings.TieBreakers);
                contest.SetPriorityRules(settings.PriorityRules);
            }), ct);

    /// <summary>
    /// The appeal window (0..30 days) and whether groups read the jurors' comments: how results are
    /// communicated, not how they are decided, so editable after submissions and until results are published.
    /// </summary>
    public Task<ServiceResult<Guid>> SaveResultsCommunicationAsync(
        string adminId, int contestId, Guid expectedVersion, int appealWindowDays, bool shareJurorComments, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.results-communication-saved", locked: false, ContestSection.Evaluation,
            c => new { c.AppealWindowDays, c.ShareJurorCommentsWithGroups },
            (_, contest) => Done(() => contest.SetResultsCommunication(appealWindowDays, shareJurorComments)), ct, checkSection: false);

    public Task<ServiceResult<Guid>> SaveDisbursementPlanAsync(
        string adminId, int contestId, Guid expectedVersion, IReadOnlyList<TrancheRule> tranches, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.disbursement-plan-saved", locked: true, ContestSection.Plans,
            c => c.Tranches.OrderBy(t => t.Order).Select(t => t.Rule).ToList(),
            (_, contest) => Done(() => contest.PlanDisbursement(tranches)), ct);

    /// <summary>The documents every profile must carry: editable while the contest is a draft (groups upload into them from publication on).</summary>
    public Task<ServiceResult<Guid>> SaveDocumentSlotsAsync(
        string adminId, int contestId, Guid expectedVersion, IReadOnlyList<DocumentSlotSettings> slots, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.document-slots-saved", locked: false, ContestSection.Eligibility,
            c => c.DocumentSlots.OrderBy(s => s.Order).Select(s => new { s.Name, s.Description, s.IsRequired, s.PdfOnly }).ToList(),
            (_, contest) => Done(() => contest.SetDocumentSlots(slots)), ct, checkSection: false);

    /// <summary>Follow-up visits are scheduling, not an outcome rule: they stay editable after submissions.</summary>
    public Task<ServiceResult<Guid>> SaveFollowUpPlanAsync(
        string adminId, int contestId, Guid expectedVersion, IReadOnlyList<int> daysAfterFirstPayment, CancellationToken ct = default) =>
        SaveAsync(adminId, contestId, expectedVersion, "contest.follow-up-plan-saved", locked: false, ContestSection.Plans,
            c => c.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment).ToList(),
            (_, contest) => Done(() => contest.PlanFollowUp(daysAfterFirstPayment)), ct, checkSection: false);

    private static void ApplyStages(Contest contest, StagesSettings settings)
    {
        contest.SetPassMark(settings.PassMark);
        var kept = settings.Stages.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        foreach (var gone in contest.Stages.Where(s => !kept.Contains(s.Id)).ToList())
        {
            contest.RemoveStage(gone);
        }
        var stages = new List<ContestStage>();
        foreach (var input in settings.Stages)
        {
            ContestStage stage;
            if (input.Id is int id)
            {
                stage = contest.Stages.SingleOrDefault(s => s.Id == id) ?? throw ContestRuleException.Of("Stages", "ContestRules.ChangedElsewhere");
                contest.ReviseStage(stage, input.Code, input.Name, input.Weight, input.JurorsPerProfile);
            }
            else
            {
                stage = contest.AddStage(input.Code, input.Name, input.Weight, input.JurorsPerProfile);
            }
            var keptCriteria = input.Criteria.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
            foreach (var gone in stage.Criteria.Where(c => !keptCriteria.Contains(c.Id)).ToList())
            {
                contest.RemoveCriterion(stage, gone);
            }
            var criteria = new List<ContestCriterion>();
            foreach (var c in input.Criteria)
            {
                if (c.Id is int criterionId)
                {
                    var criterion = stage.Criteria.SingleOrDefault(k => k.Id == criterionId) ?? throw ContestRuleException.Of("Stages", "ContestRules.ChangedElsewhere");
                    contest.ReviseCriterion(stage, criterion, c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight);
                    criteria.Add(criterion);
                }
                else
                {
                    criteria.Add(contest.AddCriterion(stage, c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight));
                }
            }
            contest.OrderCriteria(stage, criteria);
            stages.Add(stage);
        }
        contest.OrderStages(stages);
    }

    private async Task<ServiceResult<Guid>> SaveAsync(
        string adminId, int contestId, Guid expectedVersion, string action, bool locked, ContestSection section,
        Func<Contest, object> snapshot, Func<ContestsDbContext, Contest, Task> apply, CancellationToken ct, bool checkSection = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (contest, failure) = await LoadForEditAsync(db, contestId, expectedVersion, ct);
        if (contest is null)
        {
            return ServiceResult<Guid>.Fail(failure);
        }
        if (!await Territories.StaffReach.AdminReachesAsync(db, adminId, Territories.TerritoryResource.Contest, contestId, ct))
        {
            // The settings of a contest outside the scope stay as they are, whatever page sent them.
            return Territories.StaffReach.Refused<Guid>();
        }
        if (contest.IsArchived)
        {
            return ServiceResult<Guid>.Invalid("Contest", "ContestRules.Archived");
        }
        if (locked && contest.RulesLocked)
        {
            return ServiceResult<Guid>.Invalid("Contest", "ContestRules.Locked");
        }
        var before = snapshot(contest);
        var unknownBefore = BasesPlaceholders.UnknownIn(contest.BasesMarkdown, contest);
        try
        {
            await apply(db, contest);
        }
        catch (ContestRuleException ex)
        {
            return ServiceResult<Guid>.Invalid([ex.Violation]);
        }
        catch (ArgumentException)
        {
            return ServiceResult<Guid>.Invalid(section.ToString(), "ContestRules.Refused");
        }
        if (checkSection && contest.Validate(section) is { Count: > 0 } problems)
        {
            return ServiceResult<Guid>.Invalid(problems);
        }
        // The bases quote the settings: a save that takes away what a placeholder names (a category, a stage, a
        // tranche) is refused, or the bases would show a placeholder nobody can fill. The bases' own save says it in Validate.
        if (section != ContestSection.General
            && BasesPlaceholders.UnknownIn(contest.BasesMarkdown, contest).Except(unknownBefore, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } orphaned)
        {
            return ServiceResult<Guid>.Invalid(section.ToString(), "ContestRules.PlaceholderInUse", string.Join(", ", orphaned.Select(u => "{{" + u + "}}")));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditLog.Add(AuditEntry.Record(now, adminId, action, nameof(Contest), contest.Code, contest.Id, before: before, after: snapshot(contest)));
        TouchVersion(db, contest);
        if (!await TrySaveAsync(db, ct))
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        Changed(contest.Id);
        return ServiceResult<Guid>.Ok(contest.Version);
    }

    private static async Task<bool> TerritoryExistsAsync(ContestsDbContext db, GeneralSettings settings, CancellationToken ct) =>
        await db.Regions.AnyAsync(r => r.Code == settings.RegionCode, ct)
        && (settings.ProvinceCode is null || await db.Provinces.AnyAsync(p => p.Code == settings.ProvinceCode, ct))
        && (settings.DistrictCode is null || await db.Districts.AnyAsync(d => d.Code == settings.DistrictCode, ct));

    /// <summary>Turns an entity refusal without a field of its own into a message next to <paramref name="field"/>.</summary>
    private static void Field(string field, Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw ContestRuleException.Of(field, "ContestRules.Refused");
        }
    }

    private static T Revised<T>(T? item, Action<T> revise, string field) where T : class
    {
        if (item is null)
        {
            throw ContestRuleException.Of(field, "ContestRules.ChangedElsewhere");
        }
        revise(item);
        return item;
    }

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>Long texts go into the audit log as their length and hash, so an entry stays within its column.</summary>
    internal static string Digest(string text) => text.Length <= 2000
        ? text
        : $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))} ({text.Length} chars)";
}
