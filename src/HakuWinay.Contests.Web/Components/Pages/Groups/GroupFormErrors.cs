using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Localization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Groups;

/// <summary>Puts the service's rule violations next to their fields, household cells included.</summary>
internal static class GroupFormErrors
{
    /// <summary>Shows each violation at its field; returns the messages that belong to no field of the form.</summary>
    public static List<string> Show(
        IStringLocalizer localizer, EditContext context, ValidationMessageStore store, GroupInput input,
        IReadOnlyList<HouseholdInput> rows, IReadOnlyList<RuleViolation> violations)
    {
        var general = new List<string>();
        foreach (var violation in violations)
        {
            var text = RuleText.Describe(localizer, violation);
            if (violation.Field == "Group")
            {
                general.Add(text);
                continue;
            }
            store.Add(input.FieldOf(violation.Field, rows), text);
        }
        context.NotifyValidationStateChanged();
        return general;
    }

    /// <summary>
    /// When the form's own fields already failed, the household and RUC rules are still checked
    /// here, so the person sees every mistake at once instead of one round trip per field.
    /// </summary>
    public static void ShowRowRules(IStringLocalizer localizer, EditContext context, ValidationMessageStore store, GroupInput input,
        IReadOnlyList<HouseholdInput> rows, TimeProvider clock)
    {
        var year = LimaTime.ToLima(clock.GetUtcNow().UtcDateTime).Year;
        var violations = GroupRules.Check(input.ToData(rows), year)
            .Where(v => v.Field.StartsWith("Households", StringComparison.Ordinal) || v.Field == "Ruc").ToList();
        if (GroupRules.RepresentativeMobile(input.RepresentativeMobile).Violation is { } mobile)
        {
            violations.Add(mobile);
        }
        Show(localizer, context, store, input, rows, violations);
    }
}
