using System.Globalization;
using HakuWinay.Contests.Dashboards;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Execution;

/// <summary>How the execution dashboard words its figures, on the page and in the CSV alike.</summary>
public static class ExecutionText
{
    public static string Reason(IStringLocalizer localizer, RiskReason reason)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Kind switch
        {
            RiskKind.UnsatisfactoryVisit => localizer["Execution.Reason.UnsatisfactoryVisit", reason.VisitOrder ?? 0, Date(reason.VisitedOn)],
            RiskKind.TrancheNotAccounted => localizer["Execution.Reason.TrancheNotAccounted", reason.TrancheOrder ?? 0,
                Percent(reason.AccountedPercent), Percent(reason.RequiredPercent), reason.DaysSincePayment ?? 0],
            _ => reason.Kind.ToString(),
        };
    }

    /// <summary>A percentage with two decimals ("69.99 %"), or a dash when there is nothing to divide by.</summary>
    public static string Percent(decimal? value) =>
        value is null ? "—" : value.Value.ToString("0.00", CultureInfo.InvariantCulture) + " %";

    public static string Date(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";
}
