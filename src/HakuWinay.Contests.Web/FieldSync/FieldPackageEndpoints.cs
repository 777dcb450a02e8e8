using System.Globalization;
using System.Security.Claims;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Account;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>
/// The JSON the offline field page works from (docs/decisions/036-offline-field-work.md):
/// GET /api/field/session (who is signed in, and an antiforgery token for the sends), GET
/// /api/field/contests/{id} (the juror's field package), POST /api/field/scorecards (one offline
/// scorecard, under the id the device made). Anonymous: 401; anything the user may not see: 404.
/// Every answer is private and never stored by a cache.
/// </summary>
internal static class FieldPackageEndpoints
{
    /// <summary>A scorecard with every comment at its longest is about 40 KB of JSON; anything much larger is not one.</summary>
    public const int MaxScorecardBytes = 64 * 1024;

    /// <summary>The texts the offline page shows, in the culture of the request that prepared it: the same messages as online.</summary>
    internal static readonly string[] TextKeys =
    [
        "Scoring.PointsAboveMaximum", "Scoring.PointsBelowZero", "Scoring.PointsNotHalf", "Scoring.PointsNotWhole", "Scoring.PointsRequired",
        "Scoring.CommentTooLong", "Scoring.OverallCommentTooLong", "Scoring.CriteriaMissing", "Scoring.AlreadySubmitted", "Scoring.Locked",
        "Scoring.DeadlinePassed", "Scoring.Comment", "Scoring.OverallComment", "Scoring.Points", "Scoring.CriterionHint", "Scoring.Deadline",
        "Scoring.NoDeadline", "Results.Frozen",
        "Attendance.Title", "Attendance.Hint", "Attendance.Nobody", "Attendance.NotAMember", "Attendance.NotADni", "Attendance.Repeated",
        "Attendance.NotRecorded", "Attendance.Share", "Attendance.BelowMinimum", "Attendance.NotFieldStage",
        "Section.Summary", "Section.BusinessAndProducts", "Plan.Title", "Expected.Title", "Expected.Sales", "Expected.Jobs", "Expected.Households",
        "FieldSync.Title", "FieldSync.Stored", "FieldSync.ValidUntil", "FieldSync.Score", "FieldSync.Submit", "FieldSync.Queued", "FieldSync.Sent",
        "FieldSync.Refused", "FieldSync.Discard", "FieldSync.DiscardConfirm", "FieldSync.Pending", "FieldSync.Offline", "FieldSync.Online",
        "FieldSync.SyncNow", "FieldSync.SignInToSend", "FieldSync.Expired", "FieldSync.AlreadySubmittedOnline", "FieldSync.Back",
        "FieldSync.ConfirmSubmit", "FieldSync.Fix", "FieldSync.Profile", "FieldSync.Members",
        "FieldSync.SubmittedElsewhere", "FieldSync.EnteredFromPaper", "FieldSync.ChangedElsewhere", "FieldSync.NotAJuror", "FieldSync.Excluded",
        "FieldSync.ProfileWithdrawn", "FieldSync.ProfileNotEligible", "FieldSync.Unappointed", "FieldSync.ConflictOfInterest",
        "FieldSync.NotAvailable", "FieldSync.IdReused", "FieldSync.BadId",
    ];

    /// <summary>
    /// A group of the field API (docs/decisions/036) as every one of them is guarded: rate-limited,
    /// answered no-store, 401 when signed out, and a status is the answer (no HTML page re-executed in
    /// its place: a POST re-executed would hit the pages' antiforgery).
    /// </summary>
    internal static RouteGroupBuilder FieldApi(WebApplication app, string prefix)
    {
        var api = app.MapGroup(prefix).RequireRateLimiting(RateLimits.FieldSync);
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return context.HttpContext.User.UserId() is null ? Microsoft.AspNetCore.Http.Results.Unauthorized() : await next(context);
        });
        return api;
    }

    public static void MapFieldPackageEndpoints(this WebApplication app)
    {
        var api = FieldPackageEndpoints.FieldApi(app, "/api/field");

        api.MapGet("/session", (ClaimsPrincipal principal, HttpContext http, IAntiforgery antiforgery) => Microsoft.AspNetCore.Http.Results.Json(new
        {
            userId = principal.UserId(),
            roles = Roles.All.Where(principal.IsInRole).ToList(),
            token = antiforgery.GetAndStoreTokens(http).RequestToken,
        }));

        api.MapGet("/contests/{contestId:int}", async (int contestId, ClaimsPrincipal principal, FieldPackageQueries packages,
            IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        {
            if (!principal.IsInRole(Roles.Juror))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var package = await packages.JurorPackageAsync(principal.AsActingUser(), contestId, ct);
            return package.Succeeded
                ? Microsoft.AspNetCore.Http.Results.Json(FieldPackageJson.Of(package.Value!, principal.UserId()!, texts))
                : Microsoft.AspNetCore.Http.Results.NotFound();
        });

        // Every parameter is a service or the context: the body is read by LimitedJson, within its size.
        api.MapPost("/scorecards", async (HttpContext http, ClaimsPrincipal principal, [FromServices] IAntiforgery antiforgery, [FromServices] FieldSyncService sync,
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
            var (sent, refusal) = await LimitedJson.ReadAsync<SentScorecard>(http.Request, MaxScorecardBytes, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            if (sent!.Scorecard is null || sent.Entries is null)
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            }
            var item = new OfflineScorecard(sent.ScorecardId, sent.Version,
                sent.Entries.Select(e => new CriterionPoints(e.Code ?? "", e.Points, e.Comment)).ToList(), sent.OverallComment, sent.PresentDnis);
            var result = await sync.SubmitScorecardAsync(principal.AsActingUser(), sent.Id, item, ct);
            return Reply(result, texts);
        });
    }

    /// <summary>What every device send answers: the answer (accepted or refused, with messages), 409 while being applied, 422 with messages, or 404.</summary>
    internal static IResult Reply(ServiceResult<DeviceAnswer> result, IStringLocalizer<SharedResource> texts) => result.Outcome switch
    {
        ServiceOutcome.Ok => Microsoft.AspNetCore.Http.Results.Json(Answer(result.Value!, texts)),
        ServiceOutcome.Conflict => Microsoft.AspNetCore.Http.Results.Conflict(),
        ServiceOutcome.Invalid => Microsoft.AspNetCore.Http.Results.UnprocessableEntity(new
        {
            rules = result.Violations.Select(v => v.Rule).ToList(),
            messages = result.Violations.Select(v => Message(v, texts)).ToList(),
        }),
        _ => Microsoft.AspNetCore.Http.Results.NotFound(),
    };

    private static object Answer(DeviceAnswer answer, IStringLocalizer<SharedResource> texts) => new
    {
        id = answer.Id,
        state = answer.State == DeviceSubmissionState.Accepted ? "accepted" : "refused",
        receivedAtUtc = answer.ReceivedAtUtc,
        rules = answer.Refusals.Select(r => r.Rule).ToList(),
        messages = answer.Refusals.Select(r => Message(r, texts)).ToList(),
    };

    internal static string Message(RuleViolation violation, IStringLocalizer<SharedResource> texts) =>
        string.Format(CultureInfo.CurrentCulture, texts[violation.Rule].Value, violation.Arguments);

    /// <summary>The body of a send: the device's id for it, and the scorecard as the juror submitted it offline.</summary>
    internal sealed record SentScorecard(Guid Id, int ScorecardId, Guid Version, List<SentEntry>? Entries, string? OverallComment, List<string>? PresentDnis)
    {
        /// <summary>Present when the body named a scorecard at all (an id of 0 is no scorecard).</summary>
        public object? Scorecard => ScorecardId > 0 ? this : null;
    }

    internal sealed record SentEntry(string? Code, decimal? Points, string? Comment);
}
