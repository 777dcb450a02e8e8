namespace HakuWinay.Contests.Contests;

// The categories and the evaluation design of a contest: outcome-deciding rules, locked at the
// first submitted profile (EnsureRulesOpen).
public sealed partial class Contest
{
    // ---- Categories ----

    public ContestCategory AddCategory(string code, string name, decimal budget, decimal maxAward)
    {
        EnsureRulesOpen();
        code = CheckedChildCode(code, "Category");
        EnsureUniqueCategoryCode(code, except: null);
        var category = new ContestCategory(code, CheckedName(name, 120, "Category"), budget, maxAward, _categories.Count + 1);
        _categories.Add(category);
        return category;
    }

    public void ReviseCategory(ContestCategory category, string code, string name, decimal budget, decimal maxAward)
    {
        EnsureRulesOpen();
        EnsureOwn(_categories, category);
        code = CheckedChildCode(code, "Category");
        EnsureUniqueCategoryCode(code, except: category);
        category.Revise(code, CheckedName(name, 120, "Category"), budget, maxAward);
    }

    public void RemoveCategory(ContestCategory category)
    {
        EnsureRulesOpen();
        EnsureOwn(_categories, category);
        _categories.Remove(category);
        Renumber(_categories, (c, n) => c.Order = n);
    }

    /// <summary>Puts the categories in the given order; every category once.</summary>
    public void OrderCategories(IReadOnlyList<ContestCategory> order)
    {
        EnsureRulesOpen();
        Reorder(_categories, order, (c, n) => c.Order = n);
    }

    private void EnsureUniqueCategoryCode(string code, ContestCategory? except)
    {
        // Case-insensitive, as SQL Server's default collation compares the unique index.
        if (_categories.Any(c => c != except && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw ContestRuleException.Of("Category." + code, "ContestRules.DuplicateCode", code);
        }
    }

    // ---- Stages and criteria ----

    public ContestStage AddStage(string code, string name, decimal weight, int jurorsPerProfile)
    {
        EnsureRulesOpen();
        code = CheckedChildCode(code, "Stage");
        if (_stages.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw ContestRuleException.Of("Stage." + code, "ContestRules.DuplicateCode", code);
        }
        var stage = new ContestStage(code, CheckedName(name, 200, "Stage." + code), weight, jurorsPerProfile, _stages.Count + 1);
        _stages.Add(stage);
        return stage;
    }

    public void ReviseStage(ContestStage stage, string code, string name, decimal weight, int jurorsPerProfile)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        code = CheckedChildCode(code, "Stage");
        if (_stages.Any(s => s != stage && string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw ContestRuleException.Of("Stage." + code, "ContestRules.DuplicateCode", code);
        }
        stage.Revise(code, CheckedName(name, 200, "Stage." + code), weight, jurorsPerProfile);
    }

    public void RemoveStage(ContestStage stage)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        _stages.Remove(stage);
        Renumber(_stages, (s, n) => s.Order = n);
    }

    public void OrderStages(IReadOnlyList<ContestStage> order)
    {
        EnsureRulesOpen();
        Reorder(_stages, order, (s, n) => s.Order = n);
    }

    public ContestCriterion AddCriterion(ContestStage stage, string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        code = CheckedChildCode(code, $"Stage.{stage.Code}.Criterion");
        return stage.AddCriterion(code, CheckedName(name, 200, $"Criterion.{stage.Code}.{code}"), rubricMarkdown, maxPoints, weight);
    }

    public void ReviseCriterion(ContestStage stage, ContestCriterion criterion, string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        code = CheckedChildCode(code, $"Stage.{stage.Code}.Criterion");
        stage.ReviseCriterion(criterion, code, CheckedName(name, 200, $"Criterion.{stage.Code}.{code}"), rubricMarkdown, maxPoints, weight);
    }

    public void RemoveCriterion(ContestStage stage, ContestCriterion criterion)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        stage.RemoveCriterion(criterion);
    }

    public void OrderCriteria(ContestStage stage, IReadOnlyList<ContestCriterion> order)
    {
        EnsureRulesOpen();
        EnsureOwn(_stages, stage);
        stage.OrderCriteria(order);
    }

    public void SetPassMark(decimal passMark)
    {
        EnsureRulesOpen();
        if (passMark is <= 0 or > 100)
        {
            throw ContestRuleException.Of("PassMark", "ContestRules.PercentRange");
        }
        PassMark = passMark;
    }
}
