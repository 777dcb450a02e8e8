using System.Security.Claims;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Account;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>
/// The juror's offline extras (docs/decisions/036, amendment): POST /api/field/conflicts (a conflict
/// of interest declared offline, under the id the device made, with the same security as
/// /api/field/scorecards) and GET /api/field/profiles/{profileId}/attachments/{attachmentId} (an
/// attachment saved on the device to read without signal, under the same check as the juror's
/// online download). Anonymous: 401; anything the user may not see: 404; never stored by a cache.
/// </summary>
internal static class FieldJurorEndpoints
{
    /// <summary>A declaration is a kind and a note of at most 500 characters: a few hundred bytes of JSON.</summary>
    public const int MaxConflictBytes = 8 * 1024;

    /// <summary>The texts of the confirmation step, the conflict form and the attachments, carried in the package with the others.</summary>
    internal static readonly string[] TextKeys =
    [
        "Scoring.SubmitYes", "Scoring.Cancel", "Scoring.Total",
        "Judging.Kind", "Judging.Kind.Kinship", "Judging.Kind.SameCommunity", "Judging.Kind.BusinessInterest", "Judging.Kind.Other",
        "Judging.Note", "Judging.NoteHint", "Judging.OtherNeedsNote", "Judging.NoteTooLong", "Judging.ConflictKindUnknown", "Judging.AlreadyDeclared",
        "Judging.GroupNotInContest",
        "FieldSync.DeclareConflict", "FieldSync.DeclareConflictSubmit", "FieldSync.ConflictConfirm", "FieldSync.ConflictDropsQueued",
        "FieldSync.WithdrawnForConflict", "FieldSync.ConflictItem", "FieldSync.ScorecardDropped",
        "FieldSync.Attachments", "FieldSync.SaveAttachment", "FieldSync.SaveAllAttachments", "FieldSync.AttachmentSaved", "FieldSync.AttachmentNotSaved",
        "FieldSync.AttachmentFailed", "FieldSync.OpenAttachment",
    ];

    public static void MapFieldJurorEndpoints(this WebApplication app)
    {
        var api = FieldPackageEndpoints.FieldApi(app, "/api/field");

        api.MapPost("/conflicts", async (HttpContext http, ClaimsPrincipal principal, [FromServices] IAntiforgery antiforgery, [FromServices] ConflictSync sync,
            [FromServices] IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            }
            if (!principal.IsInRole(Roles.Juror))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var (sent, refusal) = await LimitedJson.ReadAsync<SentConflict>(http.Request, MaxConflictBytes, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            if (sent!.ScorecardId <= 0 || sent.Kind is null)
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            }
            var result = await sync.DeclareAsync(principal.AsActingUser(), sent.Id, new OfflineConflict(sent.ScorecardId, KindOf(sent.Kind), sent.Note), ct);
            return FieldPackageEndpoints.Reply(result, texts);
        });

        api.MapGet("/profiles/{profileId:int}/attachments/{attachmentId:int}", async (int profileId, int attachmentId, ClaimsPrincipal principal, HttpContext http,
            [FromServices] AttachmentService attachments, [FromServices] JudgingQueries judging, CancellationToken ct) =>
        {
            if (!principal.IsInRole(Roles.Juror))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var found = await attachments.FindForJurorAsync(judging, principal.UserId()!, profileId, attachmentId, ct);
            return found.Succeeded
                ? PrivateFiles.Send(http, found.Value!.FilePath, found.Value.Attachment.ContentType, found.Value.Attachment.DownloadName)
                : Microsoft.AspNetCore.Http.Results.NotFound();
        });
    }

    /// <summary>The kind by its name (as the device sends it); anything else is a kind the service refuses with its own message.</summary>
    private static ConflictKind KindOf(string name) =>
        !int.TryParse(name, out _) && Enum.TryParse<ConflictKind>(name, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : (ConflictKind)(-1);

    /// <summary>The body of a send: the device's id for it, the scorecard it was declared from, the kind's name and the note.</summary>
    internal sealed record SentConflict(Guid Id, int ScorecardId, string? Kind, string? Note);
}
