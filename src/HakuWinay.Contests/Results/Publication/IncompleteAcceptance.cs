namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// An Admin accepted that a profile is ranked in a stage with fewer submitted scorecards than the
/// stage requires (rule 5), for a recorded reason. Revoked (the row removed, the audit log keeps
/// it) only before the results are published. Its contract twin, what the rules read, is
/// <see cref="Results.IncompleteAcceptance"/>.
/// </summary>
public sealed class IncompleteAcceptance
{
    public const int MaxReasonLength = 1000;

    private IncompleteAcceptance() { }

    public IncompleteAcceptance(int contestId, int businessProfileId, int contestStageId, string reason, string acceptedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(acceptedByUserId);
        reason = reason.Trim();
        if (reason.Length > MaxReasonLength)
        {
            throw new ArgumentException($"A reason has at most {MaxReasonLength} characters.", nameof(reason));
        }
        ContestId = contestId;
        BusinessProfileId = businessProfileId;
        ContestStageId = contestStageId;
        Reason = reason;
        AcceptedByUserId = acceptedByUserId;
        AcceptedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int BusinessProfileId { get; private set; }
    public int ContestStageId { get; private set; }
    public string Reason { get; private set; } = "";
    public string AcceptedByUserId { get; private set; } = "";
    public DateTime AcceptedAtUtc { get; private set; }
}
