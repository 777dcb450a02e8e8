namespace HakuWinay.Contests.Results;

/// <summary>
/// The results rules (issue 5, rules 1–8): scores to stage and evaluation scores, bonus, ranking
/// within each category, budget allocation and an explained outcome per profile. Pure.
/// </summary>
public static class Ranking
{
    /// <summary>Ranks and allocates a contest; throws <see cref="ResultsInputException"/> when the input is incoherent.</summary>
    public static RankingResult Compute(ResultsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        throw new NotImplementedException("Ranking.Compute is being written.");
    }
}
