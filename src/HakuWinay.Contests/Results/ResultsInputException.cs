namespace HakuWinay.Contests.Results;

/// <summary>The results input is incoherent (an unknown code, a duplicate, weights that do not sum to 100…); the message names what is wrong.</summary>
public sealed class ResultsInputException : Exception
{
    public ResultsInputException() { }

    public ResultsInputException(string message) : base(message) { }

    public ResultsInputException(string message, Exception innerException) : base(message, innerException) { }
}
