using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Field attendance (issue 17; <c>docs/decisions/030-exact-arithmetic-and-field-attendance.md</c>):
/// at the field evaluation each field juror records, by DNI from the group's list, which member
/// households are present. Pure: the caller supplies the group's DNIs and the jurors' lists.
/// </summary>
public static class FieldAttendanceRules
{
    /// <summary>Room for every household a group may have: 8 digits and a comma each.</summary>
    public const int MaxListLength = ProducerGroup.MaxHouseholds * 9;

    /// <summary>
    /// The stage that records attendance: the contest's first (the field evaluation, which the
    /// Sierra Sur rules hold before the public session), when the contest checks attendance at all.
    /// </summary>
    public static bool RecordsAttendance(int stageOrder, decimal minimumAttendancePercent) =>
        stageOrder == 1 && minimumAttendancePercent > 0;

    public static bool IsDni(string? value) => value is { Length: 8 } && value.All(char.IsAsciiDigit);

    /// <summary>
    /// What is wrong with a juror's attendance list: a value that is not a DNI, one named twice, or
    /// one that is not of a member household of the group. Empty when it is valid (nobody present is valid).
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(IEnumerable<string?> presentDnis, IReadOnlyCollection<string> memberDnis)
    {
        ArgumentNullException.ThrowIfNull(presentDnis);
        var members = memberDnis.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<RuleViolation>();
        foreach (var raw in presentDnis)
        {
            var dni = raw?.Trim() ?? "";
            if (!IsDni(dni))
            {
                violations.Add(new("Attendance", "Attendance.NotADni", dni.Length > 20 ? dni[..20] + "…" : dni));
            }
            else if (!seen.Add(dni))
            {
                violations.Add(new("Attendance", "Attendance.Repeated", dni));
            }
            else if (!members.Contains(dni))
            {
                violations.Add(new("Attendance", "Attendance.NotAMember", dni));
            }
        }
        return violations;
    }

    /// <summary>
    /// The profile's attendance from its submitted field scorecards: a household counts present when
    /// any field juror recorded it (the union), counted against the group's member households as
    /// they stand. Null when no scorecard recorded attendance: then the profile is not checked.
    /// </summary>
    public static FieldAttendance? Combine(IReadOnlyCollection<string> memberDnis, IEnumerable<IReadOnlyList<string>?> recordedLists)
    {
        ArgumentNullException.ThrowIfNull(recordedLists);
        var members = memberDnis.ToHashSet(StringComparer.Ordinal);
        HashSet<string>? present = null;
        foreach (var list in recordedLists)
        {
            if (list is null)
            {
                continue;
            }
            present ??= new HashSet<string>(StringComparer.Ordinal);
            present.UnionWith(list.Where(members.Contains));
        }
        return present is null ? null : new FieldAttendance(members.Count, present.Count);
    }

    /// <summary>The share present as a percentage, two decimals, half away from zero (exact); 0 for a group with no households.</summary>
    public static decimal Share(int present, int households) =>
        households == 0 ? 0m : Common.ExactFraction.Of(present * 100, households).Round(2);
}
