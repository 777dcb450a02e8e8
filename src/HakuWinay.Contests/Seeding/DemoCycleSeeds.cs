namespace HakuWinay.Contests.Seeding;

// The shapes of seed-data/demo/demo-cycle.json: the two contests that show every stage of a
// contest beside the open one of demo.json (see docs/decisions/015-demo-of-every-stage.md).

/// <summary>The file: the contest in evaluation, last year's contest, and the profiles the groups present.</summary>
public sealed record DemoCycleSeed(DemoCycleContestSeed Evaluation, DemoCycleContestSeed LastYear, IReadOnlyList<DemoCycleProfileSeed> Profiles);

/// <summary>
/// One contest of the cycle. <see cref="CodeFormat"/> holds <c>{year}</c>, the Lima year of the
/// first start (minus <see cref="YearOffset"/>); the contest is found again on later starts by the
/// code's fixed suffix (<see cref="CodeSuffix"/>), so a start in another year adds nothing.
/// Dates are days from the first start (negative: in the past).
/// </summary>
public sealed record DemoCycleContestSeed(
    string CodeFormat, int YearOffset, string CodeSuffix, string Title, string BasesMarkdown,
    int CreatedDaysFromNow, int OpensDaysFromNow, int ClosesDaysFromNow, int FieldEvaluationStartsDaysFromNow,
    int FieldEvaluationEndsDaysFromNow, int PublicSessionDaysFromNow, int ResultsDaysFromNow,
    IReadOnlyList<string> EligibleProductionLineCodes, IReadOnlyList<string> GroupRepresentatives,
    IReadOnlyDictionary<string, int>? JurorsPerStage = null)
{
    public string CodeFor(int year) => CodeFormat.Replace("{year}", (year - YearOffset).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>A business profile a demo group presents to the cycle's contests (by its representative's email).</summary>
public sealed record DemoCycleProfileSeed(string RepresentativeEmail, DemoProfileSeed Profile);
