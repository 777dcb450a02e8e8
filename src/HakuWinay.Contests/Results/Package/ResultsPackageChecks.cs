using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// The coherence of a well-formed package: every code it refers to exists, no code is used twice,
/// weights sum to 100, counts and points lie in their ranges. What the rules compute from it is the
/// verifier's business, not this.
/// </summary>
internal static class ResultsPackageChecks
{
    public static void Check(ResultsPackage package, JsonFields f)
    {
        var rules = package.Rules;
        var stages = CheckRules(rules, f);
        var categories = Unique(rules.Categories.Select(c => c.Code), "$.rules.categories", "code", "category", f);
        var profiles = CheckProfiles(package.Profiles, categories, stages, f);
        CheckScores(package.Scores, profiles, stages, f);
        CheckResults(package.Results, profiles, categories, stages, f);
    }

    private static Dictionary<string, RankedStage> CheckRules(ResultsRules rules, JsonFields f)
    {
        const string path = "$.rules";
        InRange(rules.PassMark, 0, 100, $"{path}.pass_mark", "the pass mark", f);
        if (rules.PartialAwardMinimumPercent is { } minimum)
        {
            InRange(minimum, 0, 100, $"{path}.partial_award_minimum_percent", "a percentage", f);
        }
        if (rules.MinimumAttendancePercent is { } attendance)
        {
            InRange(attendance, 0, 100, $"{path}.minimum_attendance_percent", "a percentage", f);
        }
        if (rules.Stages.Count == 0)
        {
            f.Error($"{path}.stages", "a contest has at least one stage");
        }
        if (rules.Categories.Count == 0)
        {
            f.Error($"{path}.categories", "a contest has at least one category");
        }
        Unique(rules.Stages.Select(s => s.Code), $"{path}.stages", "code", "stage", f);
        SumsTo100(rules.Stages.Select(s => s.Weight), $"{path}.stages", "the stages' weights", f);
        for (var i = 0; i < rules.Stages.Count; i++)
        {
            var stage = rules.Stages[i];
            var stagePath = $"{path}.stages[{i}]";
            if (stage.Criteria.Count == 0)
            {
                f.Error($"{stagePath}.criteria", $"stage {stage.Code} has no criterion");
                continue;
            }
            Unique(stage.Criteria.Select(c => c.Code), $"{stagePath}.criteria", "code", "criterion", f);
            SumsTo100(stage.Criteria.Select(c => c.Weight), $"{stagePath}.criteria", $"the weights of stage {stage.Code}'s criteria", f);
            for (var j = 0; j < stage.Criteria.Count; j++)
            {
                if (stage.Criteria[j].MaxPoints <= 0)
                {
                    f.Error($"{stagePath}.criteria[{j}].max_points", "the maximum points must be more than zero");
                }
            }
        }
        for (var i = 0; i < rules.PriorityRules.Count; i++)
        {
            InRange(rules.PriorityRules[i].ThresholdPercent, 0, 100, $"{path}.priority_rules[{i}].threshold_percent", "a percentage", f);
        }
        var stages = rules.Stages.GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < rules.TieBreakers.Count; i++)
        {
            CheckTieBreaker(rules.TieBreakers[i], $"{path}.tie_breakers[{i}]", stages, f);
        }
        return stages;
    }

    private static void CheckTieBreaker(TieBreakerRule rule, string path, Dictionary<string, RankedStage> stages, JsonFields f)
    {
        RankedStage? stage = null;
        if (rule.StageCode is { } stageCode && !stages.TryGetValue(stageCode, out stage))
        {
            f.Error($"{path}.stage_code", $"\"{stageCode}\" is not a stage of the rules");
            return;
        }
        if (rule.Kind is TieBreakerKind.HigherStageScore or TieBreakerKind.HigherCriterionMean && stage is null)
        {
            f.Error($"{path}.stage_code", $"a {PackageValues.EnumName(rule.Kind)} tie-breaker names its stage");
        }
        else if (rule.Kind == TieBreakerKind.HigherCriterionMean && rule.CriterionCode is null)
        {
            f.Error($"{path}.criterion_code", "a higher_criterion_mean tie-breaker names its criterion");
        }
        else if (rule.Kind == TieBreakerKind.HigherCriterionMean && !stage!.Criteria.Any(c => string.Equals(c.Code, rule.CriterionCode, StringComparison.Ordinal)))
        {
            f.Error($"{path}.criterion_code", $"\"{rule.CriterionCode}\" is not a criterion of stage {stage.Code}");
        }
    }

    private static Dictionary<string, ProfileFacts> CheckProfiles(
        IReadOnlyList<ProfileFacts> profiles, HashSet<string> categories, Dictionary<string, RankedStage> stages, JsonFields f)
    {
        Unique(profiles.Select(p => p.Code), "$.profiles", "code", "profile", f);
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var path = $"$.profiles[{i}]";
            if (!categories.Contains(profile.CategoryCode))
            {
                f.Error($"{path}.category_code", $"\"{profile.CategoryCode}\" is not a category of the rules");
            }
            var group = profile.Group;
            foreach (var (name, count) in new[] { ("women_headed", group.WomenHeaded), ("youth", group.Youth), ("juntos", group.Juntos) })
            {
                if (count > group.Households)
                {
                    f.Error($"{path}.group.{name}", $"{count} is more than the group's {group.Households} member households");
                }
            }
            if (profile.Attendance is { } attendance && attendance.Present > attendance.Households)
            {
                f.Error($"{path}.attendance.present", $"{attendance.Present} is more than the {attendance.Households} member households counted for attendance");
            }
            var accepted = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < profile.AcceptedIncomplete.Count; j++)
            {
                var acceptance = profile.AcceptedIncomplete[j];
                var acceptancePath = $"{path}.accepted_incomplete[{j}]";
                if (!stages.ContainsKey(acceptance.StageCode))
                {
                    f.Error($"{acceptancePath}.stage_code", $"\"{acceptance.StageCode}\" is not a stage of the rules");
                }
                else if (!accepted.Add(acceptance.StageCode))
                {
                    f.Error($"{acceptancePath}.stage_code", $"stage {acceptance.StageCode} is accepted twice for {profile.Code}");
                }
                if (acceptance.Reason.Trim().Length == 0)
                {
                    f.Error($"{acceptancePath}.reason", "an accepted incomplete stage states its reason");
                }
            }
        }
        return profiles.GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    private static void CheckScores(
        IReadOnlyList<SubmittedScore> scores, Dictionary<string, ProfileFacts> profiles, Dictionary<string, RankedStage> stages, JsonFields f)
    {
        var scorecards = new HashSet<(string, string, string)>();
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i];
            var path = $"$.scores[{i}]";
            if (!profiles.ContainsKey(score.ProfileCode))
            {
                f.Error($"{path}.profile_code", $"\"{score.ProfileCode}\" is not a profile of the package");
            }
            if (!stages.TryGetValue(score.StageCode, out var stage))
            {
                f.Error($"{path}.stage_code", $"\"{score.StageCode}\" is not a stage of the rules");
                continue;
            }
            if (!scorecards.Add((score.ProfileCode, score.StageCode, score.JurorId)))
            {
                f.Error(path, $"juror {score.JurorId} has a second scorecard for {score.ProfileCode} in stage {score.StageCode}");
            }
            var scored = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < score.Points.Count; j++)
            {
                var points = score.Points[j];
                var pointsPath = $"{path}.points[{j}]";
                var criterion = stage.Criteria.FirstOrDefault(c => string.Equals(c.Code, points.CriterionCode, StringComparison.Ordinal));
                if (criterion is null)
                {
                    f.Error($"{pointsPath}.criterion_code", $"\"{points.CriterionCode}\" is not a criterion of stage {stage.Code}");
                }
                else if (!scored.Add(criterion.Code))
                {
                    f.Error($"{pointsPath}.criterion_code", $"criterion {criterion.Code} is scored twice on this scorecard");
                }
                else if (points.Points > criterion.MaxPoints)
                {
                    f.Error($"{pointsPath}.points", $"{PackageValues.Number(points.Points)} is more than criterion {criterion.Code}'s maximum of {PackageValues.Number(criterion.MaxPoints)}");
                }
            }
            var missing = stage.Criteria.Where(c => !scored.Contains(c.Code)).Select(c => c.Code).ToList();
            if (missing.Count > 0)
            {
                f.Error($"{path}.points", $"the scorecard has no points for criteria {string.Join(", ", missing)} of stage {stage.Code}");
            }
        }
    }

    private static void CheckResults(
        RankingResult results, Dictionary<string, ProfileFacts> profiles, HashSet<string> categories,
        Dictionary<string, RankedStage> stages, JsonFields f)
    {
        Unique(results.Categories.Select(c => c.CategoryCode), "$.results.categories", "category_code", "category", f);
        for (var i = 0; i < results.Categories.Count; i++)
        {
            if (!categories.Contains(results.Categories[i].CategoryCode))
            {
                f.Error($"$.results.categories[{i}].category_code", $"\"{results.Categories[i].CategoryCode}\" is not a category of the rules");
            }
        }
        Unique(results.Entries.Select(e => e.ProfileCode), "$.results.entries", "profile_code", "profile", f);
        for (var i = 0; i < results.Entries.Count; i++)
        {
            var entry = results.Entries[i];
            var path = $"$.results.entries[{i}]";
            if (!profiles.ContainsKey(entry.ProfileCode))
            {
                f.Error($"{path}.profile_code", $"\"{entry.ProfileCode}\" is not a profile of the package");
            }
            if (!categories.Contains(entry.CategoryCode))
            {
                f.Error($"{path}.category_code", $"\"{entry.CategoryCode}\" is not a category of the rules");
            }
            for (var j = 0; j < entry.Stages.Count; j++)
            {
                if (!stages.ContainsKey(entry.Stages[j].StageCode))
                {
                    f.Error($"{path}.stages[{j}].stage_code", $"\"{entry.Stages[j].StageCode}\" is not a stage of the rules");
                }
            }
        }
    }

    private static HashSet<string> Unique(IEnumerable<string> codes, string path, string field, string what, JsonFields f)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var code in codes)
        {
            if (!seen.Add(code))
            {
                f.Error($"{path}[{index}].{field}", $"the {what} code \"{code}\" is used twice");
            }
            index++;
        }
        return seen;
    }

    private static void SumsTo100(IEnumerable<decimal> weights, string path, string what, JsonFields f)
    {
        var list = weights.ToList();
        if (list.Count > 0 && list.Sum() != 100m)
        {
            f.Error(path, $"{what} sum to {PackageValues.Number(list.Sum())}, not 100");
        }
    }

    private static void InRange(decimal value, decimal min, decimal max, string path, string what, JsonFields f)
    {
        if (value < min || value > max)
        {
            f.Error(path, $"{PackageValues.Number(value)} is not {what} between {min} and {max}");
        }
    }
}
