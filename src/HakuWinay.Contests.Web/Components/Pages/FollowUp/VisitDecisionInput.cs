namespace HakuWinay.Contests.Web.Components.Pages.FollowUp;

/// <summary>The Admin's decision form: the version read and, to send back, the comments.</summary>
public sealed class VisitDecisionInput
{
    public string? Version { get; set; }

    public string? Comment { get; set; }
}
