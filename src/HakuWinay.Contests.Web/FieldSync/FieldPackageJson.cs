using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.Profiles;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>
/// The package as the device stores it: plain data and the texts to show it with. Profile sections
/// travel as their Markdown text and the page shows them as text, never as HTML.
/// </summary>
internal static class FieldPackageJson
{
    public const int Format = 1;

    public static object Of(JurorFieldPackage package, string ownerUserId, IStringLocalizer<SharedResource> texts)
    {
        var design = package.Scorecards.Count > 0 ? package.Scorecards[0].Design : null;
        return new
        {
            format = Format,
            kind = "juror",
            owner = ownerUserId,
            culture = CultureInfo.CurrentUICulture.Name,
            contest = new { id = package.ContestId, code = package.ContestCode, title = package.ContestTitle },
            stage = new
            {
                id = package.StageId,
                name = package.StageName,
                deadline = package.ScoringDeadlineUtc is { } deadline ? LimaTime.Format(deadline) : null,
                granularity = design?.Granularity == ScoreGranularity.HalfPoints ? "half" : "whole",
                minimumAttendancePercent = design?.MinimumAttendancePercent ?? 0m,
                criteria = (design?.Criteria ?? []).Select(c => new { code = c.Code, name = c.Name, rubric = c.RubricMarkdown, maxPoints = c.MaxPoints, weight = c.Weight }),
            },
            preparedAtUtc = package.PreparedAtUtc,
            validUntilUtc = package.ValidUntilUtc,
            validUntil = LimaTime.Format(package.ValidUntilUtc),
            scorecards = package.Scorecards.Select(s => new
            {
                id = s.Id,
                version = s.Version,
                status = s.Status.ToString(),
                editable = s.IsEditable,
                profile = new
                {
                    id = s.Profile.Id,
                    code = s.Profile.Code,
                    title = s.Profile.Sections.GetValueOrDefault(ProfileSection.Title, ""),
                    group = s.Profile.GroupName,
                    category = s.Profile.CategoryName,
                    productionLine = s.Profile.ProductionLine,
                    sections = ProfileSections.All.Where(x => x != ProfileSection.Title)
                        .Select(x => new { title = texts[$"Section.{x}"].Value, text = s.Profile.Sections.GetValueOrDefault(x, "") }),
                    expected = new
                    {
                        sales = s.Profile.ExpectedSalesPerYear is { } sales ? Money.Format(sales) : "—",
                        jobs = s.Profile.ExpectedJobs?.ToString(CultureInfo.CurrentCulture) ?? "—",
                        households = s.Profile.HouseholdsBenefiting?.ToString(CultureInfo.CurrentCulture) ?? "—",
                    },
                    plan = s.Profile.Lines.Select(l => new
                    {
                        description = l.Description,
                        quantity = l.Quantity.ToString("0.##", CultureInfo.CurrentCulture),
                        unit = l.Unit,
                        unitCost = Money.Format(l.UnitCost),
                        total = Money.Format(l.Quantity * l.UnitCost),
                    }),
                    // Listed, not included: the juror saves each on the device on request (docs/decisions/036, amendment).
                    attachments = s.Profile.Attachments.Select(a => new
                    {
                        id = a.Id,
                        name = a.DisplayName,
                        sizeBytes = a.SizeBytes,
                        type = AttachmentFile.ContentType(a.Kind),
                        url = $"/api/field/profiles/{s.Profile.Id.ToString(CultureInfo.InvariantCulture)}/attachments/{a.Id.ToString(CultureInfo.InvariantCulture)}",
                    }),
                },
                recordsAttendance = s.RecordsAttendance,
                members = (s.Members ?? []).Select(m => new { dni = m.Dni, name = m.HeadFullName }),
                presentDnis = s.PresentDnis,
                entries = s.Entries.Select(e => new { code = e.CriterionCode, points = e.Points, comment = e.Comment }),
                overallComment = s.OverallComment,
            }),
            texts = FieldPackageEndpoints.TextKeys.Concat(FieldJurorEndpoints.TextKeys).ToDictionary(k => k, k => texts[k].Value),
        };
    }
}
