namespace HakuWinay.Contests.Judging;

/// <summary>A juror (an account with the Juror role) appointed by an Admin to one stage of a contest.</summary>
public sealed class JurorAppointment
{
    private JurorAppointment() { }

    public JurorAppointment(int contestId, int contestStageId, string jurorUserId, string appointedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(appointedByUserId);
        ContestId = contestId;
        ContestStageId = contestStageId;
        JurorUserId = jurorUserId;
        AppointedByUserId = appointedByUserId;
        AppointedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    /// <summary>The stage's contest, kept here so "is this juror part of the contest" needs no join.</summary>
    public int ContestId { get; private set; }
    public int ContestStageId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public string AppointedByUserId { get; private set; } = "";
    public DateTime AppointedAtUtc { get; private set; }
}
