using HakuWinay.Contests.Results;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>
/// What a group sees on its appeal page: its result in the latest publication (with the jurors'
/// comments, anonymized, when the contest shares them), until when it may appeal, and its appeal
/// once filed, with the decision when there is one.
/// </summary>
public sealed record AppealPageView(
    int ProfileId,
    string GroupName,
    ResultsContest Contest,
    PublicationInfo Publication,
    ResultEntry Entry,
    string CategoryName,
    IReadOnlyList<(string Code, string Name)> Stages,
    IReadOnlyList<JurorComment> Comments,
    DateTime WindowEndsUtc,
    bool WindowOpen,
    AppealSummary? Appeal);

/// <summary>A juror's comment as the group reads it: "Jurado 1", never the juror's name.</summary>
public sealed record JurorComment(string Juror, string StageName, string? CriterionName, string Text);

/// <summary>A filed appeal: what the group wrote, its status and, once decided, the decision and its reason.</summary>
public sealed record AppealSummary(DateTime FiledAtUtc, string Status, string Text, string? AttachmentName, string? Decision, DateTime? DecidedAtUtc);

/// <summary>The outcome of filing an appeal: null on success, otherwise the message to show beside the form.</summary>
public sealed record AppealFiling(bool Succeeded, string? Field, string? Message)
{
    public static AppealFiling Ok { get; } = new(true, null, null);

    public static AppealFiling Refused(string field, string message) => new(false, field, message);
}
