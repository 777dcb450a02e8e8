namespace HakuWinay.Contests.Judging;

/// <summary>
/// The addresses scoring emails link to (a scorecard, a juror's list of scorecards). The web
/// project implements it: the domain does not know the portal's address.
/// </summary>
public interface IScoringLinks
{
    string Scorecard(int scorecardId);

    string Scorecards(int contestId);
}
