using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.FollowUp;

/// <summary>Where a follow-up visit stands.</summary>
public enum VisitStatus
{
    /// <summary>Waiting for the first payment, from which its date is counted.</summary>
    Planned = 0,
    /// <summary>Has a date; the Technician is to visit and report.</summary>
    Scheduled = 1,
    /// <summary>Its date passed without a report.</summary>
    Overdue = 2,
    /// <summary>Reported; the Admin is to review it.</summary>
    Submitted = 3,
    /// <summary>The Admin sent the report back with comments; the Technician is to correct it.</summary>
    SentBack = 4,
    Approved = 5,
}

/// <summary>The Technician's overall judgement of the business at a visit.</summary>
public enum VisitRating
{
    Satisfactory = 0,
    NeedsImprovement = 1,
    Unsatisfactory = 2,
}

/// <summary>What a Technician reports of a visit.</summary>
/// <param name="VisitedOn">The Lima date of the visit; not in the future.</param>
/// <param name="MembersPresent">How many members of the group were present.</param>
/// <param name="SalesToDate">The group's sales since the business started, in soles.</param>
/// <param name="Jobs">The jobs the business gives.</param>
/// <param name="Observations">Markdown.</param>
/// <param name="Rating">The Technician's overall judgement.</param>
/// <param name="Progress">Progress per investment line.</param>
public sealed record VisitReport(
    DateOnly VisitedOn,
    int MembersPresent,
    decimal SalesToDate,
    int Jobs,
    string Observations,
    VisitRating Rating,
    IReadOnlyList<VisitLineProgressInput> Progress);

/// <summary>How far one investment line has come: a percentage and a short note.</summary>
public sealed record VisitLineProgressInput(int InvestmentLineId, int ProgressPercent, string? Note);

/// <summary>
/// One follow-up visit of an award, assigned to a Technician: dated from the first payment
/// (<see cref="DaysAfterFirstPayment"/>), reported by the Technician, reviewed by the Admin. An
/// approved satisfactory visit is what meets the condition of the next tranche.
/// </summary>
public sealed class AwardVisit : IVersioned
{
    public const int MaxObservationsLength = 20_000;
    public const int MaxCommentLength = 4_000;
    public const int MaxNoteLength = 500;
    public const int MaxMembers = 10_000;
    public const int MaxJobs = 10_000;
    public const decimal MaxSales = 100_000_000m;
    public const int MaxPhotos = 10;

    private readonly List<VisitLineProgress> _progress = [];
    private readonly List<VisitPhoto> _photos = [];

    private AwardVisit() { }

    public AwardVisit(int order, int daysAfterFirstPayment, string? technicianUserId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(daysAfterFirstPayment, 0);
        Order = order;
        DaysAfterFirstPayment = daysAfterFirstPayment;
        TechnicianUserId = string.IsNullOrWhiteSpace(technicianUserId) ? null : technicianUserId;
        Status = VisitStatus.Planned;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int AwardId { get; private set; }
    public int Order { get; private set; }
    public int DaysAfterFirstPayment { get; private set; }
    public string? TechnicianUserId { get; private set; }

    /// <summary>The Lima date the visit is due; null until the first payment.</summary>
    public DateOnly? ScheduledOn { get; private set; }
    public VisitStatus Status { get; private set; }

    public DateOnly? VisitedOn { get; private set; }
    public int? MembersPresent { get; private set; }
    public decimal? SalesToDate { get; private set; }
    public int? Jobs { get; private set; }
    public string? Observations { get; private set; }
    public VisitRating? Rating { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? SubmittedByUserId { get; private set; }

    /// <summary>The Admin's comments when sending the report back (kept after it is corrected).</summary>
    public string? ReviewComment { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }
    public string? ReviewedByUserId { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }

    /// <summary>When the visit was first found overdue; kept once it is reported.</summary>
    public DateTime? OverdueSinceUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<VisitLineProgress> Progress => _progress;
    public IReadOnlyList<VisitPhoto> Photos => _photos;

    /// <summary>Approved with the rating Satisfactory: what the next tranche waits for.</summary>
    public bool IsApprovedSatisfactory => Status == VisitStatus.Approved && Rating == VisitRating.Satisfactory;

    /// <summary>Whether the Technician may still write the report (not yet submitted, or sent back).</summary>
    public bool IsOpenForReport => Status is VisitStatus.Scheduled or VisitStatus.Overdue or VisitStatus.SentBack;

    /// <summary>Dates the visit from the first payment; a visit already dated keeps its date.</summary>
    internal void Schedule(DateOnly firstPaidOn, DateTime nowUtc)
    {
        if (Status != VisitStatus.Planned)
        {
            return;
        }
        ScheduledOn = firstPaidOn.AddDays(DaysAfterFirstPayment);
        Status = VisitStatus.Scheduled;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Moves an unreported visit to another date (the Admin's decision, e.g. a road cut off by rain).</summary>
    public void Reschedule(DateOnly scheduledOn, DateTime nowUtc)
    {
        if (Status is not (VisitStatus.Scheduled or VisitStatus.Overdue))
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: only a scheduled or overdue visit can be moved.");
        }
        ScheduledOn = scheduledOn;
        Status = VisitStatus.Scheduled;
        UpdatedAtUtc = nowUtc;
    }

    public void AssignTechnician(string technicianUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(technicianUserId);
        if (Status is VisitStatus.Approved)
        {
            throw new InvalidOperationException($"Visit {Order} is approved: its Technician no longer changes.");
        }
        TechnicianUserId = technicianUserId;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Marks a scheduled visit overdue when its date is before <paramref name="todayInLima"/>.
    /// Returns whether it changed: false for a visit already overdue, reported, or not yet due.
    /// </summary>
    public bool MarkOverdueIfLate(DateOnly todayInLima, DateTime nowUtc)
    {
        if (Status != VisitStatus.Scheduled || ScheduledOn is not { } date || date >= todayInLima)
        {
            return false;
        }
        Status = VisitStatus.Overdue;
        OverdueSinceUtc ??= nowUtc;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Files (or, after it was sent back, re-files) the report. Every investment line given must
    /// belong to <paramref name="investmentLineIds"/>, the award's plan.
    /// </summary>
    public void Submit(VisitReport report, IReadOnlyCollection<int> investmentLineIds, string userId, DateTime nowUtc, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(investmentLineIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!IsOpenForReport)
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: its report cannot be filed now.");
        }
        if (report.VisitedOn > todayInLima)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The visit date {report.VisitedOn:dd/MM/yyyy} is in the future."), nameof(report));
        }
        if (report.MembersPresent is < 0 or > MaxMembers)
        {
            throw new ArgumentException($"The members present must be between 0 and {MaxMembers}.", nameof(report));
        }
        if (report.Jobs is < 0 or > MaxJobs)
        {
            throw new ArgumentException($"The jobs must be between 0 and {MaxJobs}.", nameof(report));
        }
        if (report.SalesToDate < 0 || report.SalesToDate > MaxSales || Money.Round(report.SalesToDate) != report.SalesToDate)
        {
            throw new ArgumentException("The sales must be zero or more soles, in cents.", nameof(report));
        }
        if (!Enum.IsDefined(report.Rating))
        {
            throw new ArgumentException("Unknown rating.", nameof(report));
        }
        var observations = (report.Observations ?? "").Trim();
        if (observations.Length > MaxObservationsLength)
        {
            throw new ArgumentException($"The observations may have at most {MaxObservationsLength} characters.", nameof(report));
        }
        var progress = report.Progress ?? [];
        if (progress.Select(p => p.InvestmentLineId).Distinct().Count() != progress.Count)
        {
            throw new ArgumentException("An investment line is reported twice.", nameof(report));
        }
        foreach (var line in progress)
        {
            if (!investmentLineIds.Contains(line.InvestmentLineId))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Investment line {line.InvestmentLineId} is not in this award's plan."), nameof(report));
            }
            if (line.ProgressPercent is < 0 or > 100)
            {
                throw new ArgumentException("A line's progress is between 0 and 100%.", nameof(report));
            }
            if ((line.Note?.Trim().Length ?? 0) > MaxNoteLength)
            {
                throw new ArgumentException($"A line's note may have at most {MaxNoteLength} characters.", nameof(report));
            }
        }

        VisitedOn = report.VisitedOn;
        MembersPresent = report.MembersPresent;
        SalesToDate = report.SalesToDate;
        Jobs = report.Jobs;
        Observations = observations;
        Rating = report.Rating;
        _progress.Clear();
        _progress.AddRange(progress.Select(p => new VisitLineProgress(p.InvestmentLineId, p.ProgressPercent, p.Note?.Trim())));
        Status = VisitStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedByUserId = userId;
        UpdatedAtUtc = nowUtc;
    }

    public VisitPhoto AddPhoto(StoredFile file, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsOpenForReport)
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: photos cannot be added now.");
        }
        if (file.Kind == Profiles.AttachmentKind.Pdf)
        {
            throw new ArgumentException("A visit photo must be a JPEG or PNG image.", nameof(file));
        }
        if (_photos.Count >= MaxPhotos)
        {
            throw new InvalidOperationException($"A visit has at most {MaxPhotos} photos.");
        }
        var photo = new VisitPhoto(file, userId, nowUtc);
        _photos.Add(photo);
        UpdatedAtUtc = nowUtc;
        return photo;
    }

    public void RemovePhoto(int photoId, DateTime nowUtc)
    {
        if (!IsOpenForReport)
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: photos cannot be removed now.");
        }
        var photo = _photos.SingleOrDefault(p => p.Id == photoId) ?? throw new ArgumentException("Not a photo of this visit.", nameof(photoId));
        _photos.Remove(photo);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Approves a submitted report; approving it twice is refused.</summary>
    public void Approve(string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (Status != VisitStatus.Submitted)
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: only a submitted report can be approved.");
        }
        Status = VisitStatus.Approved;
        ReviewedAtUtc = nowUtc;
        ReviewedByUserId = adminUserId;
        ApprovedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Returns a submitted report to its Technician with comments (required).</summary>
    public void SendBack(string comment, string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (Status != VisitStatus.Submitted)
        {
            throw new InvalidOperationException($"Visit {Order} is {Status}: only a submitted report can be sent back.");
        }
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException("The comments for the Technician are required.", nameof(comment));
        }
        if (text.Length > MaxCommentLength)
        {
            throw new ArgumentException($"The comments may have at most {MaxCommentLength} characters.", nameof(comment));
        }
        Status = VisitStatus.SentBack;
        ReviewComment = text;
        ReviewedAtUtc = nowUtc;
        ReviewedByUserId = adminUserId;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>How far one investment line has come at a visit.</summary>
public sealed class VisitLineProgress
{
    private VisitLineProgress() { }

    internal VisitLineProgress(int investmentLineId, int progressPercent, string? note)
    {
        InvestmentLineId = investmentLineId;
        ProgressPercent = progressPercent;
        Note = string.IsNullOrEmpty(note) ? null : note;
    }

    public int Id { get; private set; }
    public int AwardVisitId { get; private set; }
    public int InvestmentLineId { get; private set; }
    public int ProgressPercent { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A photo taken at a visit (JPEG or PNG).</summary>
public sealed class VisitPhoto
{
    private VisitPhoto() { }

    internal VisitPhoto(StoredFile file, string uploadedByUserId, DateTime uploadedAtUtc)
    {
        File = file;
        UploadedByUserId = uploadedByUserId;
        UploadedAtUtc = uploadedAtUtc;
    }

    public int Id { get; private set; }
    public int AwardVisitId { get; private set; }
    public StoredFile File { get; private set; } = null!;
    public string UploadedByUserId { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
}
