namespace HakuWinay.Contests.Results;

/// <summary>
/// The results input is incoherent: an unknown or duplicate code, missing points, weights that do
/// not sum to 100, a negative amount, a tie-breaker naming a stage or criterion the rules do not
/// have. The message names what is wrong, for the Admin or the command-line user to fix. It is an
/// <see cref="ArgumentException"/>: the input handed to <see cref="Ranking.Compute"/> is the argument at fault.
/// </summary>
public sealed class ResultsInputException : ArgumentException
{
    public ResultsInputException() { }

    public ResultsInputException(string message) : base(message) { }

    public ResultsInputException(string message, Exception innerException) : base(message, innerException) { }
}
