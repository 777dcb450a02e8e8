using HakuWinay.Contests.FollowUp;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>What a Technician types into a visit's report form.</summary>
public sealed record VisitReportEntry(string VisitedOn, string Members, string Jobs, string Sales, string FirstLineProgress, string Observations,
    VisitRating Rating = VisitRating.Satisfactory);

/// <summary>The Technician's visit page as a journey fills it: from the visit list to the report filed for review.</summary>
public static class VisitReportForm
{
    /// <summary>Opens the visit from /technician/visits, adds a photo, fills the report and submits it; waits until it is filed.</summary>
    public static async Task FileAsync(IPage technician, KestrelPortal portal, int visitId, FilePayload photo, VisitReportEntry report)
    {
        await technician.GotoAsync("/technician/visits");
        await technician.Locator($"a[href='technician/visits/{visitId}']").ClickAsync();
        await Expect(technician).ToHaveURLAsync(portal.Url($"/technician/visits/{visitId}"));
        var upload = technician.Locator("input[type=file]");
        await Expect(upload).ToBeEnabledAsync();
        await upload.SetInputFilesAsync(photo);
        await Expect(technician.Locator("img[src*='/photos/']")).ToHaveCountAsync(1);
        await technician.Locator("#visited-on").FillAsync(report.VisitedOn);
        await technician.Locator("#members").FillAsync(report.Members);
        await technician.Locator("#jobs").FillAsync(report.Jobs);
        await technician.Locator("#sales").FillAsync(report.Sales);
        await technician.Locator("#rating").SelectOptionAsync(report.Rating.ToString());
        await technician.GetByTestId("visit-line").First.Locator("input[inputmode=numeric]").FillAsync(report.FirstLineProgress);
        await technician.GetByTestId("visit-report-form").Locator("textarea").FillAsync(report.Observations);
        await technician.GetByTestId("submit-visit").ClickAsync();
        await Expect(technician.GetByTestId("visit-filed")).ToContainTextAsync("espera la revisión");
    }
}
