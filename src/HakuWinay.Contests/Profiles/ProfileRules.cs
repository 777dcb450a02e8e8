namespace HakuWinay.Contests.Profiles;

/// <summary>The contest's rules that decide whether a profile may be submitted.</summary>
public sealed record SubmissionRules(
    decimal MaxAward,
    decimal MinCounterpartPercent,
    IReadOnlyDictionary<InvestmentCategory, decimal> MaxShareOfFund,
    int MinHouseholds,
    int MaxHouseholds,
    IReadOnlySet<int> EligibleProductionLineIds,
    IReadOnlyList<RequiredDocument>? RequiredDocuments = null);

/// <summary>A document the contest requires, by its slot.</summary>
public sealed record RequiredDocument(int SlotId, string Name);

/// <summary>What the rules look at besides the profile itself.</summary>
public sealed record SubmissionContext(int Households, int ProductionLineId, bool CallOpen, IReadOnlySet<int>? FilledSlotIds = null);

/// <summary>
/// A rule a profile breaks. <see cref="Field"/> names the place the form shows it (e.g. "Section.Title",
/// "FundRequest"); <see cref="Rule"/> is the key of its message in the UI resources, and
/// <see cref="Arguments"/> fill that message.
/// </summary>
public sealed record RuleViolation(string Field, string Rule, params object[] Arguments);

/// <summary>
/// Every rule a submission must meet, checked at once so the group sees every problem next to
/// its field. Pure: no clock, no database; the caller supplies the facts.
/// </summary>
public static class ProfileRules
{
    public static IReadOnlyList<RuleViolation> CheckSubmission(BusinessProfile profile, SubmissionRules rules, SubmissionContext context)
    {
        var violations = new List<RuleViolation>();
        if (!context.CallOpen)
        {
            violations.Add(new("Contest", "Rules.CallClosed"));
        }
        foreach (var section in ProfileSections.All.Where(s => string.IsNullOrWhiteSpace(profile.Section(s))))
        {
            violations.Add(new($"Section.{section}", "Rules.SectionRequired"));
        }
        CheckInvestment(profile.Lines.Count, profile.Totals, rules, violations);
        if (context.Households < rules.MinHouseholds)
        {
            violations.Add(new("Group.Households", "Rules.GroupTooSmall", context.Households, rules.MinHouseholds));
        }
        if (context.Households > rules.MaxHouseholds)
        {
            violations.Add(new("Group.Households", "Rules.GroupTooLarge", context.Households, rules.MaxHouseholds));
        }
        if (!rules.EligibleProductionLineIds.Contains(context.ProductionLineId))
        {
            violations.Add(new("Group.ProductionLine", "Rules.LineNotEligible"));
        }
        var missing = (rules.RequiredDocuments ?? []).Where(d => context.FilledSlotIds?.Contains(d.SlotId) != true).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            // One message naming every missing document, beside the attachments.
            violations.Add(new("Attachments", "Rules.DocumentsMissing", string.Join(", ", missing)));
        }
        return violations;
    }

    /// <summary>The investment-plan rules alone, for the live checks of the plan editor.</summary>
    public static IReadOnlyList<RuleViolation> CheckInvestment(int lineCount, InvestmentTotals totals, SubmissionRules rules)
    {
        var violations = new List<RuleViolation>();
        CheckInvestment(lineCount, totals, rules, violations);
        return violations;
    }

    private static void CheckInvestment(int lineCount, InvestmentTotals totals, SubmissionRules rules, List<RuleViolation> violations)
    {
        if (lineCount == 0)
        {
            violations.Add(new("InvestmentLines", "Rules.NoInvestmentLines"));
            return;
        }
        if (totals.FundRequest <= 0)
        {
            violations.Add(new("FundRequest", "Rules.NoFundRequest"));
        }
        if (totals.FundRequest > rules.MaxAward)
        {
            violations.Add(new("FundRequest", "Rules.RequestAboveMaxAward", totals.FundRequest, rules.MaxAward));
        }
        // Compared without dividing, so "exactly the minimum" is exact: counterpart × 100 ≥ minimum × total.
        if (totals.Counterpart * 100 < rules.MinCounterpartPercent * totals.TotalInvestment)
        {
            violations.Add(new("Counterpart", "Rules.CounterpartBelowMinimum", totals.CounterpartPercent, rules.MinCounterpartPercent));
        }
        foreach (var (category, maxShare) in rules.MaxShareOfFund.OrderBy(c => c.Key))
        {
            var amount = totals.FundByCategory.GetValueOrDefault(category);
            if (amount * 100 > maxShare * totals.FundRequest)
            {
                violations.Add(new($"Category.{category}", "Rules.CategoryAboveCap", totals.ShareOfFund(category), maxShare, category));
            }
        }
    }
}
