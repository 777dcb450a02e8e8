using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.FollowUp;

/// <summary>The visit report form; the service checks the rules again and turns it into a <see cref="VisitReport"/>.</summary>
public sealed class VisitReportInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateOnly? VisitedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int? MembersPresent { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public decimal? SalesToDate { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int? Jobs { get; set; }

    public VisitRating Rating { get; set; } = VisitRating.Satisfactory;

    public string? Observations { get; set; }

    public List<LineProgressInput> Lines { get; set; } = [];

    public static VisitReportInput From(VisitDetail visit) => new()
    {
        VisitedOn = visit.VisitedOn,
        MembersPresent = visit.MembersPresent,
        SalesToDate = visit.SalesToDate,
        Jobs = visit.Jobs,
        Rating = visit.Rating ?? VisitRating.Satisfactory,
        Observations = visit.Observations,
        Lines = visit.Lines.Select(l => new LineProgressInput
        {
            InvestmentLineId = l.Id,
            Description = l.Description,
            ProgressPercent = visit.Progress.GetValueOrDefault(l.Id)?.ProgressPercent ?? 0,
            Note = visit.Progress.GetValueOrDefault(l.Id)?.Note,
        }).ToList(),
    };

    public VisitReport ToReport() => new(VisitedOn!.Value, MembersPresent!.Value, SalesToDate!.Value, Jobs!.Value, Observations ?? "", Rating,
        Lines.Select(l => new VisitLineProgressInput(l.InvestmentLineId, l.ProgressPercent, l.Note)).ToList());

    public sealed class LineProgressInput
    {
        public int InvestmentLineId { get; set; }

        public string Description { get; set; } = "";

        [Range(0, 100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Percent))]
        public int ProgressPercent { get; set; }

        [StringLength(AwardVisit.MaxNoteLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
        public string? Note { get; set; }
    }
}
