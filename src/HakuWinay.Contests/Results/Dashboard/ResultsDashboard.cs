using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results.Dashboard;

/// <summary>
/// What the ministry asks of a contest's results: who applied and who won, by production line and
/// by district, and how many of the member households are headed by a woman, by a young person, or
/// are Juntos users, among applicants and among winners (DOMAIN.md, "The link to Juntos").
/// Applicants are every submitted profile of the results; winners are the Funded and PartiallyFunded ones.
/// Juntos counts the households the Juntos padrón verified; those only declared are shown apart
/// (<see cref="DeclaredOnlyJuntos"/>) and count for nothing.
/// </summary>
public sealed record ResultsDashboard(
    int Applicants,
    int Winners,
    decimal Awarded,
    IReadOnlyList<DashboardRow> ByProductionLine,
    IReadOnlyList<DashboardRow> ByDistrict,
    IReadOnlyList<HouseholdShare> Shares,
    HouseholdShare? DeclaredOnlyJuntos = null);

/// <summary>Applicants and winners of one production line or district, and the money its winners got.</summary>
public sealed record DashboardRow(string Label, int Applicants, int Winners, decimal Awarded)
{
    /// <summary>Winners per hundred applicants, two decimals; null with no applicant.</summary>
    public decimal? WinRatePercent => ResultsDashboardStats.Percent(Winners, Applicants);
}

/// <summary>
/// Member households of one kind among all member households of the applicants' groups, and of the
/// winners' groups. Shares are of households, not of groups: a group of six weighs more than one of three.
/// </summary>
public sealed record HouseholdShare(PriorityKind Kind, int ApplicantHouseholds, int ApplicantsOfKind, int WinnerHouseholds, int WinnersOfKind)
{
    public decimal? ApplicantPercent => ResultsDashboardStats.Percent(ApplicantsOfKind, ApplicantHouseholds);

    public decimal? WinnerPercent => ResultsDashboardStats.Percent(WinnersOfKind, WinnerHouseholds);
}

public static class ResultsDashboardStats
{
    /// <summary>The dashboard of <paramref name="result"/>, computed over <paramref name="input"/>'s profiles.</summary>
    /// <param name="input">The profiles and their groups' facts.</param>
    /// <param name="result">The ranking of <paramref name="input"/>.</param>
    /// <param name="declaredOnlyJuntos">Per profile code, its member households declared Juntos users but not in the Juntos padrón (read from the groups as they are now); null leaves that row out.</param>
    public static ResultsDashboard Compute(ResultsInput input, RankingResult result, IReadOnlyDictionary<string, int>? declaredOnlyJuntos = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var entries = result.Entries.ToDictionary(e => e.ProfileCode, StringComparer.Ordinal);
        var rows = input.Profiles
            .Select(p => (Profile: p, Entry: entries.GetValueOrDefault(p.Code)))
            .Select(x => (x.Profile, Won: x.Entry is not null && IsWinner(x.Entry.Outcome), Award: x.Entry?.Award ?? 0m))
            .ToList();
        var winners = rows.Where(r => r.Won).ToList();

        return new ResultsDashboard(
            rows.Count,
            winners.Count,
            winners.Sum(w => w.Award),
            GroupBy(rows, r => r.Profile.ProductionLine),
            GroupBy(rows, r => r.Profile.District),
            [
                Share(PriorityKind.WomenHeaded, rows, winners, g => g.WomenHeaded),
                Share(PriorityKind.Youth, rows, winners, g => g.Youth),
                Share(PriorityKind.Juntos, rows, winners, g => g.Juntos),
            ],
            declaredOnlyJuntos is null ? null : new HouseholdShare(PriorityKind.Juntos,
                rows.Sum(a => a.Profile.Group.Households), rows.Sum(a => declaredOnlyJuntos.GetValueOrDefault(a.Profile.Code)),
                winners.Sum(w => w.Profile.Group.Households), winners.Sum(w => declaredOnlyJuntos.GetValueOrDefault(w.Profile.Code))));
    }

    public static bool IsWinner(ResultOutcome outcome) => outcome is ResultOutcome.Funded or ResultOutcome.PartiallyFunded;

    /// <summary>part / whole as a percentage rounded to two decimals, half away from zero; null when whole is zero.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    private static List<DashboardRow> GroupBy(
        List<(ProfileFacts Profile, bool Won, decimal Award)> rows, Func<(ProfileFacts Profile, bool Won, decimal Award), string> label) =>
        rows.GroupBy(r => string.IsNullOrWhiteSpace(label(r)) ? "—" : label(r).Trim(), StringComparer.Ordinal)
            .Select(g => new DashboardRow(g.Key, g.Count(), g.Count(r => r.Won), g.Where(r => r.Won).Sum(r => r.Award)))
            .OrderByDescending(r => r.Applicants)
            .ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

    private static HouseholdShare Share(
        PriorityKind kind, List<(ProfileFacts Profile, bool Won, decimal Award)> applicants, List<(ProfileFacts Profile, bool Won, decimal Award)> winners,
        Func<GroupFacts, int> ofKind) =>
        new(kind,
            applicants.Sum(a => a.Profile.Group.Households), applicants.Sum(a => ofKind(a.Profile.Group)),
            winners.Sum(w => w.Profile.Group.Households), winners.Sum(w => ofKind(w.Profile.Group)));
}
