namespace HakuWinay.Contests.Judging;

/// <summary>
/// One data row of a paper-score CSV, as read: <see cref="Row"/> is its row number as a
/// spreadsheet shows it (the header is row 1, so the first data row is row 2; a comment spanning
/// lines inside quotes stays one row). Text is trimmed; codes and email are as typed.
/// </summary>
/// <see cref="PresentDnis"/> is the optional attendance column: null when the row gives none.
public sealed record ScoreSheetCsvRow(
    int Row, string ProfileCode, string StageCode, string JurorEmail, string CriterionCode, decimal Points, string Comment,
    IReadOnlyList<string>? PresentDnis = null);

/// <summary>
/// A problem with a paper-score CSV. <see cref="Row"/> is the row it concerns (null for the file as a
/// whole: size, encoding); <see cref="Rule"/> is the key of its message and <see cref="Arguments"/>
/// fill it, as in <see cref="Profiles.RuleViolation"/>. The portal's resources hold the sentences (Spanish and
/// English), so the domain carries no UI text; the keys and their argument order are the contract.
/// </summary>
public sealed record ScoreSheetCsvError(int? Row, string Rule, params object[] Arguments)
{
    /// <summary>For logs and test output: "Row 7: Scoring.PointsAboveMaximum(12, 10, C2)".</summary>
    public override string ToString() =>
        $"{(Row is { } row ? $"Row {row}: " : "")}{Rule}({string.Join(", ", Arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)))})";
}

/// <summary>A parsed file: either every row, or the errors and no row at all.</summary>
public sealed class ScoreSheetCsvResult
{
    private ScoreSheetCsvResult(IReadOnlyList<ScoreSheetCsvRow> rows, IReadOnlyList<ScoreSheetCsvError> errors)
    {
        Rows = rows;
        Errors = errors;
    }

    public IReadOnlyList<ScoreSheetCsvRow> Rows { get; }
    public IReadOnlyList<ScoreSheetCsvError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    internal static ScoreSheetCsvResult Success(IReadOnlyList<ScoreSheetCsvRow> rows) => new(rows, []);

    internal static ScoreSheetCsvResult Failure(IReadOnlyList<ScoreSheetCsvError> errors) =>
        errors.Count > 0 ? new([], errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));

    internal static ScoreSheetCsvResult Failure(ScoreSheetCsvError error) => new([], [error]);
}

/// <summary>
/// The scores of one (profile, stage, juror) read from a valid sheet, with the codes and the email
/// as the contest spells them and the points in the stage's criterion order: ready for the importer
/// to save as a scorecard entered by the Admin on the juror's behalf. <see cref="FirstRow"/> is the
/// first row it came from.
/// </summary>
/// <see cref="PresentDnis"/>: the field attendance its rows give (the same on every row that gives one), or null.
public sealed record ScoreSheetCsvScorecard(
    int FirstRow, string ProfileCode, string StageCode, string JurorEmail, IReadOnlyList<CriterionPoints> Points,
    IReadOnlyList<string>? PresentDnis = null);

/// <summary>The outcome of <see cref="ScoreSheetCsv.Validate"/>: either every scorecard, or the errors and none.</summary>
public sealed class ScoreSheetCsvValidation
{
    private ScoreSheetCsvValidation(IReadOnlyList<ScoreSheetCsvScorecard> scorecards, IReadOnlyList<ScoreSheetCsvError> errors)
    {
        Scorecards = scorecards;
        Errors = errors;
    }

    public IReadOnlyList<ScoreSheetCsvScorecard> Scorecards { get; }
    public IReadOnlyList<ScoreSheetCsvError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    internal static ScoreSheetCsvValidation Success(IReadOnlyList<ScoreSheetCsvScorecard> scorecards) => new(scorecards, []);

    internal static ScoreSheetCsvValidation Failure(IReadOnlyList<ScoreSheetCsvError> errors) => new([], errors);
}
