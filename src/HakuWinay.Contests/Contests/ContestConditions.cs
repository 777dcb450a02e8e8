using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

// Who may apply, how profiles are ranked and awarded, and how the money goes out and is followed up.
public sealed partial class Contest
{
    // ---- Eligibility ----

    public void MakeEligible(int productionLineId)
    {
        EnsureRulesOpen();
        if (_eligibleLines.All(l => l.ProductionLineId != productionLineId))
        {
            _eligibleLines.Add(new ContestProductionLine(productionLineId));
        }
    }

    /// <summary>Makes exactly these production lines eligible.</summary>
    public void SetEligibleLines(IReadOnlyCollection<int> productionLineIds)
    {
        EnsureRulesOpen();
        _eligibleLines.RemoveAll(l => !productionLineIds.Contains(l.ProductionLineId));
        foreach (var id in productionLineIds.Distinct())
        {
            MakeEligible(id);
        }
    }

    public void SetGroupSize(int minHouseholds, int maxHouseholds)
    {
        EnsureRulesOpen();
        if (minHouseholds < 1 || maxHouseholds < minHouseholds || maxHouseholds > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(minHouseholds), "Group size limits must satisfy 1 ≤ min ≤ max ≤ 50.");
        }
        MinHouseholds = minHouseholds;
        MaxHouseholds = maxHouseholds;
    }

    public void SetMinCounterpart(decimal percent)
    {
        EnsureRulesOpen();
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), "The counterpart is a percentage from 0 to 100.");
        }
        MinCounterpartPercent = percent;
    }

    public void RequireProjectMembership(bool required)
    {
        EnsureRulesOpen();
        RequiresProjectMembership = required;
    }

    /// <summary>Caps a category's share of the fund request (e.g. technical assistance at most 40%); null removes the cap.</summary>
    public void CapInvestment(InvestmentCategory category, decimal? maxPercentOfFund)
    {
        EnsureRulesOpen();
        if (maxPercentOfFund is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPercentOfFund), "A cap is a percentage from 0 to 100.");
        }
        var existing = _investmentCaps.SingleOrDefault(c => c.Category == category);
        if (maxPercentOfFund is null)
        {
            if (existing is not null)
            {
                _investmentCaps.Remove(existing);
            }
            return;
        }
        if (existing is not null)
        {
            existing.MaxPercentOfFund = maxPercentOfFund.Value;
            return;
        }
        _investmentCaps.Add(new ContestInvestmentCap(category, maxPercentOfFund.Value));
    }

    // The checklist guides the administrator's eligibility review; it does not score or rank,
    // so it stays editable after the first submission (until the contest is archived).

    public ContestChecklistItem AddChecklistItem(string text)
    {
        EnsureNotArchived();
        var item = new ContestChecklistItem(CheckedChecklistText(text), _checklist.Count + 1);
        _checklist.Add(item);
        return item;
    }

    public void ReviseChecklistItem(ContestChecklistItem item, string text)
    {
        EnsureNotArchived();
        EnsureOwn(_checklist, item);
        item.Text = CheckedChecklistText(text);
    }

    public void RemoveChecklistItem(ContestChecklistItem item)
    {
        EnsureNotArchived();
        EnsureOwn(_checklist, item);
        _checklist.Remove(item);
        Renumber(_checklist, (i, n) => i.Order = n);
    }

    public void OrderChecklist(IReadOnlyList<ContestChecklistItem> order)
    {
        EnsureNotArchived();
        Reorder(_checklist, order, (i, n) => i.Order = n);
    }

    private static string CheckedChecklistText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ContestRuleException.Of("Checklist", "ContestRules.Required");
        }
        if (text.Trim().Length > ContestChecklistItem.MaxLength)
        {
            throw ContestRuleException.Of("Checklist", "ContestRules.TooLong", ContestChecklistItem.MaxLength);
        }
        return text.Trim();
    }

    // ---- Evaluation settings ----

    public void ConfigureEvaluation(EvaluationSettings settings)
    {
        EnsureRulesOpen();
        if (settings.Allocation == BudgetAllocationPolicy.PartialLast)
        {
            if (settings.PartialAwardMinimumPercent is not (> 0 and <= 100))
            {
                throw ContestRuleException.Of("Evaluation.PartialAwardMinimumPercent", "ContestRules.PercentRange");
            }
        }
        else
        {
            settings = settings with { PartialAwardMinimumPercent = null };
        }
        if (settings.MinimumAttendancePercent is < 0 or > 100)
        {
            throw ContestRuleException.Of("Evaluation.MinimumAttendancePercent", "ContestRules.AttendanceRange");
        }
        if (!Enum.IsDefined(settings.Aggregation) || !Enum.IsDefined(settings.Granularity) || !Enum.IsDefined(settings.Allocation))
        {
            throw ContestRuleException.Of("Evaluation", "ContestRules.UnknownOption");
        }
        Evaluation = settings;
    }

    /// <summary>The tie-breakers in the order they apply. A stage or criterion is named by code and checked by <see cref="Validate()"/>.</summary>
    public void SetTieBreakers(IReadOnlyList<TieBreakerRule> rules)
    {
        EnsureRulesOpen();
        var normalized = new List<TieBreakerRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var field = $"TieBreaker.{i + 1}";
            if (!Enum.IsDefined(rule.Kind))
            {
                throw ContestRuleException.Of(field, "ContestRules.UnknownOption");
            }
            var stage = rule.Kind is TieBreakerKind.HigherStageScore or TieBreakerKind.HigherCriterionMean ? rule.StageCode?.Trim() : null;
            var criterion = rule.Kind == TieBreakerKind.HigherCriterionMean ? rule.CriterionCode?.Trim() : null;
            if ((rule.Kind is TieBreakerKind.HigherStageScore or TieBreakerKind.HigherCriterionMean && string.IsNullOrEmpty(stage))
                || (rule.Kind == TieBreakerKind.HigherCriterionMean && string.IsNullOrEmpty(criterion)))
            {
                throw ContestRuleException.Of(field, "ContestRules.TieBreakerNeedsTarget");
            }
            var normalizedRule = new TieBreakerRule(rule.Kind, stage, criterion);
            if (normalized.Contains(normalizedRule))
            {
                throw ContestRuleException.Of(field, "ContestRules.TieBreakerRepeated");
            }
            normalized.Add(normalizedRule);
        }
        _tieBreakers.Clear();
        _tieBreakers.AddRange(normalized.Select((r, i) => new ContestTieBreaker(r, i + 1)));
    }

    public void SetPriorityRules(IReadOnlyList<PriorityRule> rules)
    {
        EnsureRulesOpen();
        foreach (var rule in rules)
        {
            var field = $"Priority.{rule.Kind}";
            if (!Enum.IsDefined(rule.Kind))
            {
                throw ContestRuleException.Of("Priority", "ContestRules.UnknownOption");
            }
            if (rule.ThresholdPercent is <= 0 or > 100)
            {
                throw ContestRuleException.Of(field, "ContestRules.PercentRange");
            }
            if (rule.BonusPoints is <= 0 or > 20)
            {
                throw ContestRuleException.Of(field, "ContestRules.BonusRange", 20);
            }
        }
        if (rules.GroupBy(r => r.Kind).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw ContestRuleException.Of($"Priority.{repeated.Key}", "ContestRules.PriorityRepeated");
        }
        _priorityRules.Clear();
        _priorityRules.AddRange(rules.OrderBy(r => r.Kind).Select(r => new ContestPriorityRule(r)));
    }

    // ---- Plans ----

    /// <summary>The tranches in payment order; their percentages must add up to 100.</summary>
    public void PlanDisbursement(IReadOnlyList<TrancheRule> tranches)
    {
        EnsureRulesOpen();
        var normalized = new List<TrancheRule>();
        for (var i = 0; i < tranches.Count; i++)
        {
            var tranche = tranches[i];
            var field = $"Tranche.{i + 1}";
            if (tranche.Percent is <= 0 or > 100)
            {
                throw ContestRuleException.Of(field, "ContestRules.PercentRange");
            }
            if (!Enum.IsDefined(tranche.Trigger))
            {
                throw ContestRuleException.Of(field, "ContestRules.UnknownOption");
            }
            if (tranche.Trigger == TrancheTrigger.FollowUpApprovedAndAccounted)
            {
                if (i == 0)
                {
                    throw ContestRuleException.Of(field, "ContestRules.FirstTrancheNeedsNoPrevious");
                }
                var required = tranche.RequiredAccountedPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent;
                if (required is <= 0 or > 100)
                {
                    throw ContestRuleException.Of(field, "ContestRules.PercentRange");
                }
                normalized.Add(tranche with { RequiredAccountedPercent = required });
            }
            else
            {
                normalized.Add(tranche with { RequiredAccountedPercent = null });
            }
        }
        _tranches.Clear();
        _tranches.AddRange(normalized.Select((t, i) => new DisbursementTranche(t, i + 1)));
    }

    /// <summary>Follow-up visits, in days after the first payment: positive and strictly increasing.</summary>
    public void PlanFollowUp(IReadOnlyList<int> daysAfterFirstPayment)
    {
        EnsureNotArchived();
        for (var i = 0; i < daysAfterFirstPayment.Count; i++)
        {
            var days = daysAfterFirstPayment[i];
            if (days is <= 0 or > 3650 || (i > 0 && days <= daysAfterFirstPayment[i - 1]))
            {
                throw ContestRuleException.Of($"Visit.{i + 1}", "ContestRules.VisitsIncreasing");
            }
        }
        _followUpVisits.Clear();
        _followUpVisits.AddRange(daysAfterFirstPayment.Select((d, i) => new FollowUpVisit(d, i + 1)));
    }
}
