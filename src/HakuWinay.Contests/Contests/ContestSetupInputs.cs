using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

// What the administrator's forms send to ContestAdminService, section by section. An item with
// an Id revises that item; one without is new; an existing item left out is removed.

/// <summary>A new contest, from an evaluation template or as a copy of an earlier contest.</summary>
public sealed record NewContest(string Code, string Title, string RegionCode, ContestTimeline Timeline, string? TemplateCode, int? CloneOfContestId);

public sealed record GeneralSettings(string Code, string Title, string RegionCode, string? ProvinceCode, string? DistrictCode, string BasesMarkdown);

public sealed record CategorySettings(int? Id, string Code, string Name, decimal Budget, decimal MaxAward);

public sealed record EligibilitySettings(
    IReadOnlyCollection<int> ProductionLineIds, int MinHouseholds, int MaxHouseholds, decimal MinCounterpartPercent,
    IReadOnlyDictionary<InvestmentCategory, decimal> Caps, bool RequiresProjectMembership = false);

public sealed record ChecklistItemSettings(int? Id, string Text);

public sealed record CriterionSettings(int? Id, string Code, string Name, string RubricMarkdown, decimal MaxPoints, decimal Weight);

public sealed record StageSettings(int? Id, string Code, string Name, decimal Weight, int JurorsPerProfile, IReadOnlyList<CriterionSettings> Criteria);

public sealed record StagesSettings(decimal PassMark, IReadOnlyList<StageSettings> Stages);

public sealed record RankingSettings(EvaluationSettings Evaluation, IReadOnlyList<TieBreakerRule> TieBreakers, IReadOnlyList<PriorityRule> PriorityRules);
