namespace HakuWinay.Contests.Judging;

public enum ConflictKind
{
    Kinship = 0,
    SameCommunity = 1,
    BusinessInterest = 2,
    /// <summary>Anything else; a note must say what.</summary>
    Other = 3,
}

/// <summary>
/// A juror's conflict of interest with a producer group in one contest: declared by the juror or
/// recorded by an Admin. A conflicted juror is never assigned to the group's profiles.
/// </summary>
public sealed class ConflictOfInterest
{
    public const int MaxNoteLength = 500;

    private ConflictOfInterest() { }

    public ConflictOfInterest(int contestId, string jurorUserId, int producerGroupId, ConflictKind kind, string? note,
        string declaredByUserId, bool recordedByAdmin, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(declaredByUserId);
        if (CheckNote(kind, note) is { } problem)
        {
            throw new ArgumentException(problem, nameof(note));
        }
        ContestId = contestId;
        JurorUserId = jurorUserId;
        ProducerGroupId = producerGroupId;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DeclaredByUserId = declaredByUserId;
        RecordedByAdmin = recordedByAdmin;
        DeclaredAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public int ProducerGroupId { get; private set; }
    public ConflictKind Kind { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The juror themselves, or the Admin who recorded it.</summary>
    public string DeclaredByUserId { get; private set; } = "";
    public bool RecordedByAdmin { get; private set; }
    public DateTime DeclaredAtUtc { get; private set; }

    /// <summary>The rule's text key when the note does not fit the kind: Other needs a note; no note is too long.</summary>
    public static string? CheckNote(ConflictKind kind, string? note)
    {
        if (!Enum.IsDefined(kind))
        {
            return "Judging.ConflictKindUnknown";
        }
        if (kind == ConflictKind.Other && string.IsNullOrWhiteSpace(note))
        {
            return "Judging.OtherNeedsNote";
        }
        return (note?.Trim().Length ?? 0) > MaxNoteLength ? "Judging.NoteTooLong" : null;
    }
}

/// <summary>
/// A juror's declaration for a contest is done once they confirm their list of conflicts (which may
/// be empty). Until then the portal shows them no profile of the contest.
/// </summary>
public sealed class ConflictDeclaration
{
    private ConflictDeclaration() { }

    public ConflictDeclaration(int contestId, string jurorUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ContestId = contestId;
        JurorUserId = jurorUserId;
        ConfirmedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public DateTime ConfirmedAtUtc { get; private set; }

    /// <summary>Confirming again (after adding a conflict) records the latest confirmation.</summary>
    public void Reconfirm(DateTime nowUtc) => ConfirmedAtUtc = nowUtc;
}
