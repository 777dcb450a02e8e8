namespace HakuWinay.Contests.Contests;

/// <summary>
/// What a contest decides about its results once they are published: how long groups may appeal,
/// whether they read the jurors' comments, and the correction that unfreezes scores and rules
/// (docs/decisions/012-results-publication.md).
/// </summary>
public sealed partial class Contest
{
    public const int DefaultAppealWindowDays = 3;
    public const int MaxAppealWindowDays = 30;

    /// <summary>Days after the latest publication during which a group may file an appeal (0..30).</summary>
    public int AppealWindowDays { get; private set; } = DefaultAppealWindowDays;

    /// <summary>Whether the result emails carry the jurors' comments (anonymized as "Jurado 1/2/…").</summary>
    public bool ShareJurorCommentsWithGroups { get; private set; } = true;

    /// <summary>Set while a correction of published results is open: scores and eligibility may change again until the next publication.</summary>
    public DateTime? CorrectionOpenedAtUtc { get; private set; }
    public string? CorrectionReason { get; private set; }

    /// <summary>The appeal whose upholding opened the correction, if one did.</summary>
    public int? CorrectionAppealId { get; private set; }

    public bool CorrectionOpen => CorrectionOpenedAtUtc is not null;

    /// <summary>Whether at least one version of the results was published.</summary>
    public bool ResultsPublished => Status is ContestStatus.ResultsPublished or ContestStatus.Execution or ContestStatus.Archived;

    /// <summary>
    /// Scores and the outcome-deciding rules are frozen once results are published, except while a
    /// correction is open.
    /// </summary>
    public bool ResultsFrozen => ResultsPublished && !CorrectionOpen;

    /// <summary>The appeal window and whether comments are shared; editable until results are published.</summary>
    public void SetResultsCommunication(int appealWindowDays, bool shareJurorComments)
    {
        EnsureNotArchived();
        if (ResultsPublished)
        {
            throw ContestRuleException.Of("AppealWindowDays", "ContestRules.ResultsAlreadyPublished");
        }
        if (appealWindowDays is < 0 or > MaxAppealWindowDays)
        {
            throw ContestRuleException.Of("AppealWindowDays", "ContestRules.AppealWindowRange", MaxAppealWindowDays);
        }
        AppealWindowDays = appealWindowDays;
        ShareJurorCommentsWithGroups = shareJurorComments;
    }

    /// <summary>Opens a correction of the published results, for a stated reason (required, at most 1000 characters).</summary>
    public void OpenCorrection(string reason, DateTime nowUtc, int? appealId = null)
    {
        EnsureNotArchived();
        if (!ResultsPublished)
        {
            throw ContestRuleException.Of("Correction", "ContestRules.NoResultsToCorrect");
        }
        if (CorrectionOpen)
        {
            throw ContestRuleException.Of("Correction", "ContestRules.CorrectionAlreadyOpen");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            throw ContestRuleException.Of("Reason", "ContestRules.ReasonRequired", MaxReasonLength);
        }
        CorrectionOpenedAtUtc = nowUtc;
        CorrectionReason = reason.Trim();
        CorrectionAppealId = appealId;
    }

    /// <summary>
    /// Records a publication of results: the first one moves the contest from Evaluation to
    /// ResultsPublished; a later one (a correction) closes the open correction.
    /// </summary>
    public void RecordResultsPublication(DateTime nowUtc)
    {
        if (!ResultsPublished)
        {
            Advance(ContestTransition.PublishResults, nowUtc);
            return;
        }
        if (!CorrectionOpen)
        {
            throw new InvalidOperationException($"Contest {Code}: a new version of the results needs an open correction.");
        }
        CorrectionOpenedAtUtc = null;
        CorrectionReason = null;
        CorrectionAppealId = null;
    }
}
