using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

/// <summary>The parts of a contest's setup, each edited and checked on its own.</summary>
public enum ContestSection
{
    General,
    Timeline,
    Categories,
    Eligibility,
    Evaluation,
    Plans,
}

public sealed partial class Contest
{
    /// <summary>Everything that keeps the contest from being published, each next to its field. Empty when ready.</summary>
    public IReadOnlyList<RuleViolation> Validate() =>
        Enum.GetValues<ContestSection>().SelectMany(Validate).ToList();

    /// <summary>The problems of one section of the setup.</summary>
    public IReadOnlyList<RuleViolation> Validate(ContestSection section)
    {
        var problems = new List<RuleViolation>();
        switch (section)
        {
            case ContestSection.General:
                if (string.IsNullOrWhiteSpace(BasesMarkdown))
                {
                    problems.Add(new("Bases", "ContestRules.BasesRequired"));
                }
                if (BasesPlaceholders.UnknownIn(BasesMarkdown, this) is { Count: > 0 } unknown)
                {
                    problems.Add(new("Bases", "ContestRules.UnknownPlaceholder", string.Join(", ", unknown.Select(u => "{{" + u + "}}"))));
                }
                break;
            case ContestSection.Timeline:
                if (!Timeline.IsCoherent)
                {
                    problems.Add(new("Timeline", "ContestRules.TimelineIncoherent"));
                }
                break;
            case ContestSection.Categories:
                CheckCategories(problems);
                break;
            case ContestSection.Eligibility:
                if (_eligibleLines.Count == 0)
                {
                    problems.Add(new("EligibleLines", "ContestRules.NoEligibleLine"));
                }
                break;
            case ContestSection.Evaluation:
                CheckStages(problems);
                CheckTieBreakers(problems);
                break;
            case ContestSection.Plans:
                if (_tranches.Count == 0 || _tranches.Sum(t => t.Percent) != 100)
                {
                    problems.Add(new("Tranches", "ContestRules.TranchesSum", _tranches.Sum(t => t.Percent)));
                }
                break;
        }
        return problems;
    }

    private void CheckCategories(List<RuleViolation> problems)
    {
        if (_categories.Count == 0)
        {
            problems.Add(new("Categories", "ContestRules.NoCategory"));
        }
        foreach (var duplicate in _categories.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new($"Category.{duplicate.Key}", "ContestRules.DuplicateCode", duplicate.Key));
        }
        foreach (var category in _categories.Where(c => c.MaxAward > c.Budget))
        {
            problems.Add(new($"Category.{category.Code}.MaxAward", "ContestRules.MaxAwardAboveBudget", category.MaxAward, category.Budget));
        }
    }

    private void CheckStages(List<RuleViolation> problems)
    {
        if (_stages.Count == 0)
        {
            problems.Add(new("Stages", "ContestRules.NoStage"));
            return;
        }
        var stageWeights = _stages.Sum(s => s.Weight);
        if (stageWeights != 100)
        {
            problems.Add(new("Stages", "ContestRules.StageWeightsSum", stageWeights));
        }
        foreach (var duplicate in _stages.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new($"Stage.{duplicate.Key}", "ContestRules.DuplicateCode", duplicate.Key));
        }
        foreach (var stage in _stages)
        {
            if (stage.Criteria.Count == 0)
            {
                problems.Add(new($"Stage.{stage.Code}.Criteria", "ContestRules.NoCriterion"));
                continue;
            }
            var criterionWeights = stage.Criteria.Sum(c => c.Weight);
            if (criterionWeights != 100)
            {
                problems.Add(new($"Stage.{stage.Code}.Criteria", "ContestRules.CriterionWeightsSum", criterionWeights));
            }
            foreach (var duplicate in stage.Criteria.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new($"Criterion.{stage.Code}.{duplicate.Key}", "ContestRules.DuplicateCode", duplicate.Key));
            }
            foreach (var criterion in stage.Criteria.Where(c => c.MaxPoints <= 0))
            {
                problems.Add(new($"Criterion.{stage.Code}.{criterion.Code}.MaxPoints", "ContestRules.MaxPointsRange", ContestCriterion.MaxPointsLimit));
            }
        }
    }

    /// <summary>A tie-breaker must name a stage (and criterion) the contest still has.</summary>
    private void CheckTieBreakers(List<RuleViolation> problems)
    {
        foreach (var tieBreaker in _tieBreakers.OrderBy(t => t.Order))
        {
            var stage = tieBreaker.StageCode is null ? null
                : _stages.FirstOrDefault(s => string.Equals(s.Code, tieBreaker.StageCode, StringComparison.OrdinalIgnoreCase));
            var missing = tieBreaker.Kind switch
            {
                TieBreakerKind.HigherStageScore => stage is null,
                TieBreakerKind.HigherCriterionMean => stage is null
                    || stage.Criteria.All(c => !string.Equals(c.Code, tieBreaker.CriterionCode, StringComparison.OrdinalIgnoreCase)),
                _ => false,
            };
            if (missing)
            {
                problems.Add(new($"TieBreaker.{tieBreaker.Order}", "ContestRules.TieBreakerUnknownTarget",
                    tieBreaker.StageCode ?? "", tieBreaker.CriterionCode ?? ""));
            }
        }
    }
}
