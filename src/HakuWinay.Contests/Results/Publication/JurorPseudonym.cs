namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// The pseudonymous id a juror carries in a contest's results package ("J01", "J02", …). Given
/// by order of the juror's first appointment in the contest when the juror first appears in a
/// publication, and stored, so a later version (a correction) names every juror the same way even
/// if appointments changed in between (docs/decisions/012-results-publication.md).
/// </summary>
public sealed class JurorPseudonym
{
    private JurorPseudonym() { }

    public JurorPseudonym(int contestId, string jurorUserId, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ContestId = contestId;
        JurorUserId = jurorUserId;
        Number = number;
    }

    public int ContestId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public int Number { get; private set; }

    public string Pseudonym => Format(Number);

    public static string Format(int number) => "J" + number.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
