namespace HakuWinay.Contests.Contests;

/// <summary>A step of the lifecycle the administrator takes by hand; opening and closing follow the clock.</summary>
public enum ContestTransition
{
    Publish,
    StartEvaluation,
    PublishResults,
    StartExecution,
    Archive,
}

/// <summary>What a deadline extension changed, for the audit log and the emails.</summary>
public sealed record DeadlineExtension(DateTime PreviousCloseUtc, DateTime NewCloseUtc, ContestStatus PreviousStatus, ContestStatus NewStatus, string Reason);

public sealed partial class Contest
{
    public const int MaxReasonLength = 1000;

    /// <summary>The manual step that may follow the current status, if any (Published and Open move by the clock).</summary>
    public ContestTransition? NextTransition => Status switch
    {
        ContestStatus.Draft => ContestTransition.Publish,
        ContestStatus.Closed => ContestTransition.StartEvaluation,
        ContestStatus.Evaluation => ContestTransition.PublishResults,
        ContestStatus.ResultsPublished => ContestTransition.StartExecution,
        ContestStatus.Execution => ContestTransition.Archive,
        _ => null,
    };

    /// <summary>Announces the call once nothing blocks it; from now on the clock opens and closes it.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (Status != ContestStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft contest can be published.");
        }
        if (Validate().Count > 0)
        {
            throw new InvalidOperationException($"Contest {Code} has problems that block its publication.");
        }
        Status = ContestStatus.Published;
        PublishedAtUtc = nowUtc;
        SyncWithClock(nowUtc);
    }

    /// <summary>Takes the manual step <paramref name="transition"/>; only the one that follows the current status is allowed.</summary>
    public void Advance(ContestTransition transition, DateTime nowUtc)
    {
        if (NextTransition != transition)
        {
            throw new InvalidOperationException($"Contest {Code} is {Status}: {transition} is not its next step.");
        }
        switch (transition)
        {
            case ContestTransition.Publish:
                Publish(nowUtc);
                return;
            case ContestTransition.StartEvaluation:
                // The clock may not have closed it yet in the database, but the deadline must have passed.
                if (nowUtc < Timeline.SubmissionsCloseAtUtc)
                {
                    throw new InvalidOperationException("Evaluation starts after the submissions deadline.");
                }
                Status = ContestStatus.Evaluation;
                return;
            case ContestTransition.PublishResults:
                Status = ContestStatus.ResultsPublished;
                return;
            case ContestTransition.StartExecution:
                Status = ContestStatus.Execution;
                return;
            case ContestTransition.Archive:
                Status = ContestStatus.Archived;
                return;
        }
    }

    /// <summary>Moves a published contest to Open or Closed as its timeline says. Returns true if it changed.</summary>
    public bool SyncWithClock(DateTime nowUtc)
    {
        var before = Status;
        if (Status == ContestStatus.Published && nowUtc >= Timeline.CallOpensAtUtc)
        {
            Status = ContestStatus.Open;
        }
        if (Status == ContestStatus.Open && nowUtc >= Timeline.SubmissionsCloseAtUtc)
        {
            Status = ContestStatus.Closed;
        }
        return Status != before;
    }

    /// <summary>Whether a submission made at <paramref name="nowUtc"/> is inside the call, whatever the stored status says.</summary>
    public bool AcceptsSubmissionsAt(DateTime nowUtc) =>
        Status is ContestStatus.Published or ContestStatus.Open
        && nowUtc >= Timeline.CallOpensAtUtc
        && nowUtc < Timeline.SubmissionsCloseAtUtc;

    /// <summary>Whether the deadline may be extended now: after publication and before the evaluation starts.</summary>
    public bool DeadlineExtendable => Status is ContestStatus.Published or ContestStatus.Open or ContestStatus.Closed;

    /// <summary>
    /// Moves the submissions deadline later, for a stated reason. The new deadline must be later
    /// than the current one and than now, and keep the timeline coherent; a closed call reopens.
    /// </summary>
    public DeadlineExtension ExtendDeadline(DateTime newCloseUtc, string reason, DateTime nowUtc)
    {
        if (!DeadlineExtendable)
        {
            throw ContestRuleException.Of("Contest", "ContestRules.ExtensionNotAllowed");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            throw ContestRuleException.Of("Reason", "ContestRules.ReasonRequired", MaxReasonLength);
        }
        if (newCloseUtc <= Timeline.SubmissionsCloseAtUtc || newCloseUtc <= nowUtc)
        {
            throw ContestRuleException.Of("NewDeadline", "ContestRules.ExtensionNotLater");
        }
        var timeline = Timeline with { SubmissionsCloseAtUtc = newCloseUtc };
        if (!timeline.IsCoherent)
        {
            throw ContestRuleException.Of("NewDeadline", "ContestRules.ExtensionAfterLaterDates");
        }
        var extension = new DeadlineExtension(Timeline.SubmissionsCloseAtUtc, newCloseUtc, Status, Status, reason.Trim());
        Timeline = timeline;
        if (Status == ContestStatus.Closed)
        {
            Status = nowUtc >= Timeline.CallOpensAtUtc ? ContestStatus.Open : ContestStatus.Published;
        }
        return extension with { NewStatus = Status };
    }
}
