namespace HakuWinay.Contests.Contests;

/// <summary>The life of a contest, from the draft of its call to its archive.</summary>
public enum ContestStatus
{
    Draft = 0,
    Published = 1,
    Open = 2,
    Closed = 3,
    Evaluation = 4,
    ResultsPublished = 5,
    Execution = 6,
    Archived = 7,
}
