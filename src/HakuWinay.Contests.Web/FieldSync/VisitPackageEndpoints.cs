using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>
/// The Technician's offline visit reports (docs/decisions/036, "Visit reports"): GET /api/field/visits
/// (their open visits) and POST /api/field/visits/{visitId}/report (multipart: id, version, report
/// JSON, photos). Same rules as the scorecard send: 401 anonymous, 404 what is not theirs,
/// antiforgery header, size limit (413), malformed (400), no-store answers.
/// </summary>
internal static class VisitPackageEndpoints
{
    /// <summary>A photo resized on the device (1600 px edge, JPEG 0.8) is well under 1.5 MB.</summary>
    public const int MaxPhotoBytes = 1536 * 1024;

    /// <summary>The report's JSON: observations at their longest are ~80 KB (every character escaped, ~120 KB).</summary>
    public const int MaxReportJsonLength = 128 * 1024;

    /// <summary>The report's JSON plus every photo at its largest.</summary>
    public const long MaxReportBytes = MaxReportJsonLength + (long)AwardVisit.MaxPhotos * MaxPhotoBytes;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static void MapVisitPackageEndpoints(this WebApplication app)
    {
        var api = FieldPackageEndpoints.FieldApi(app, "/api/field/visits");

        api.MapGet("", async (ClaimsPrincipal principal, VisitPackageQueries packages, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        {
            if (!principal.IsInRole(Roles.Technician))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var package = await packages.TechnicianPackageAsync(principal.AsActingUser(), ct);
            return package.Succeeded
                ? Microsoft.AspNetCore.Http.Results.Json(Of(package.Value!, principal.UserId()!, texts))
                : Microsoft.AspNetCore.Http.Results.NotFound();
        });

        api.MapPost("/{visitId:int}/report", async (int visitId, HttpContext http, ClaimsPrincipal principal, [FromServices] IAntiforgery antiforgery,
            [FromServices] VisitSyncService sync, [FromServices] IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        {
            if (http.Request.ContentLength > MaxReportBytes)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxReportBytes;
            }
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            }
            if (!principal.IsInRole(Roles.Technician))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            if (!http.Request.HasFormContentType)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxReportBytes, ValueLengthLimit = MaxReportJsonLength }, ct);
            }
            catch (InvalidDataException)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            catch (BadHttpRequestException e)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(e.StatusCode);
            }
            // ReadFormAsync let a longer multipart field through despite ValueLengthLimit (tried): the report is checked here.
            if (form["report"].ToString().Length > MaxReportJsonLength)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            SentReport? sent;
            try
            {
                sent = JsonSerializer.Deserialize<SentReport>(form["report"].ToString(), Json);
            }
            catch (JsonException)
            {
                sent = null;
            }
            if (sent is null || !Guid.TryParse(form["id"], out var id) || !Guid.TryParse(form["version"], out var version)
                || !DateOnly.TryParseExact(sent.VisitedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var visitedOn)
                || !TryParseRating(sent.Rating, out var rating) || sent.Progress?.Any(p => p is null) == true)
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            }
            var photos = new List<OfflinePhoto>();
            foreach (var file in form.Files.Where(f => f.Name == "photos"))
            {
                if (file.Length > MaxPhotoBytes)
                {
                    return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                }
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                photos.Add(new OfflinePhoto(file.FileName, buffer.ToArray()));
            }
            var report = new VisitReport(visitedOn, sent.MembersPresent, sent.SalesToDate, sent.Jobs, sent.Observations ?? "", rating,
                (sent.Progress ?? []).Select(p => new VisitLineProgressInput(p.InvestmentLineId, p.ProgressPercent, p.Note)).ToList());
            var result = await sync.SubmitVisitReportAsync(principal.AsActingUser(), id, new OfflineVisitReport(visitId, version, report), photos, ct);
            return FieldPackageEndpoints.Reply(result, texts);
        });
    }

    private static object Of(TechnicianFieldPackage package, string owner, IStringLocalizer<SharedResource> texts) => new
    {
        format = FieldPackageJson.Format,
        kind = "visits",
        owner,
        culture = CultureInfo.CurrentUICulture.Name,
        preparedAtUtc = package.PreparedAtUtc,
        validUntilUtc = package.ValidUntilUtc,
        validUntil = LimaTime.Format(package.ValidUntilUtc),
        limits = new
        {
            maxMembers = AwardVisit.MaxMembers, maxJobs = AwardVisit.MaxJobs, maxSales = AwardVisit.MaxSales, maxPhotos = AwardVisit.MaxPhotos,
            maxObservations = AwardVisit.MaxObservationsLength, maxNote = AwardVisit.MaxNoteLength,
        },
        visits = package.Visits.Select(v => new
        {
            id = v.VisitId,
            order = v.Order,
            status = v.Status.ToString(),
            scheduledOn = v.ScheduledOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            version = v.Version,
            group = v.GroupName,
            centroPoblado = v.CentroPoblado,
            profileCode = v.ProfileCode,
            profileTitle = v.ProfileTitle,
            contest = v.ContestTitle,
            reviewComment = v.ReviewComment,
            lines = v.Lines.Select(l => new { id = l.Id, description = l.Description, total = Money.Format(l.Total) }),
            photos = v.Photos.Count,
        }),
        texts = TextKeys.ToDictionary(k => k, k => texts[k].Value),
    };

    internal static readonly string[] TextKeys =
    [
        "Visits.VisitedOn", "Visits.MembersPresent", "Visits.SalesToDate", "Visits.Jobs", "Visits.Rating", "Visits.Observations", "Visits.Progress",
        "Visits.Note", "Visits.Photos", "Visits.Submit", "Visits.FutureDate", "Visits.MembersRange", "Visits.JobsRange", "Visits.SalesInvalid",
        "Visits.RatingUnknown", "Visits.ObservationsTooLong", "Visits.ProgressRange", "Visits.NoteTooLong", "Visits.TooManyPhotos",
        "FieldSync.VisitSubmittedElsewhere", "FieldSync.VisitApprovedMeanwhile", "FieldSync.VisitUnassigned", "FieldSync.ChangedElsewhere",
        "FieldSync.Queued", "FieldSync.Sent", "FieldSync.Refused", "FieldSync.Discard", "FieldSync.DiscardConfirm", "FieldSync.SyncNow",
        "Visits.Rating.Satisfactory", "Visits.Rating.NeedsImprovement", "Visits.Rating.Unsatisfactory", "Visits.Number", "Visits.Percent",
        "Visits.DueOn", "Visits.NotDatedYet", "Visits.Status.Scheduled", "Visits.Status.Overdue", "Visits.Status.SentBack",
        "Validation.NotANumber", "Validation.NotADate", "Files.ImageOnly", "Scoring.Cancel", "FieldSync.Back", "FieldSync.Pending", "FieldSync.SignInToSend",
        "FieldSync.NotAvailable", "FieldSync.Expired", "FieldSync.Online", "FieldSync.Offline", "FieldSync.ValidUntil",
        "FieldSync.VisitsTitle", "FieldSync.VisitsNone", "FieldSync.VisitToReport", "FieldSync.ConfirmVisit", "FieldSync.VisitSummary",
        "FieldSync.PhotoAdd", "FieldSync.PhotoRemove", "FieldSync.PhotoBusy", "FieldSync.PhotosAlready", "FieldSync.VisitNotOpen", "FieldSync.VisitItem", "FieldSync.PhotosTooLarge", "Visits.ReviewTitle",
    ];

    /// <summary>
    /// A rating by its exact name only: Enum.TryParse would also take "7" (no rating) or
    /// "Satisfactory,Unsatisfactory" (two at once, read as their bitwise sum).
    /// </summary>
    private static bool TryParseRating(string? sent, out VisitRating rating)
    {
        rating = default;
        return sent is not null && Enum.GetNames<VisitRating>().Contains(sent, StringComparer.Ordinal) && Enum.TryParse(sent, out rating);
    }

    internal sealed record SentReport(string? VisitedOn, int MembersPresent, decimal SalesToDate, int Jobs, string? Observations, string? Rating,
        List<SentProgress>? Progress);

    internal sealed record SentProgress(int InvestmentLineId, int ProgressPercent, string? Note);
}
