using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The reminder job as Hangfire resolves it in the portal: outside any request, links from <c>Portal:PublicUrl</c>.</summary>
public sealed class ScoringReminderJobTests : IDisposable
{
    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://concursos.test/" });

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_job_resolved_outside_a_request_emails_the_24_hour_reminder_once_with_the_portal_link()
    {
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        await DemoScorecards.AssignAsync(_portal, profile.Id, "jurado1@demo.hakuwinay.pe");
        var factory = _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stage = await db.Set<ContestStage>().SingleAsync(s => s.Code == "CAMPO" && db.Contests.Any(c => c.Id == s.ContestId && c.Code == "AYA-2026-01"));
            stage.ScheduleScoring(DateTime.UtcNow.AddHours(20), 15m);
            await db.SaveChangesAsync();
        }

        for (var run = 0; run < 2; run++)
        {
            await using var scope = _portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoringReminderJob>().RunAsync(CancellationToken.None);
        }

        await using var read = await factory.CreateDbContextAsync();
        var email = await read.Outbox.SingleAsync(m => m.Subject.StartsWith("Recordatorio"));
        Assert.Equal("jurado1@demo.hakuwinay.pe", email.To);
        Assert.Contains("https://concursos.test/juror/contests/1/scorecards", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(ScoringReminderKind.HoursBefore24, (await read.ScoringReminders.SingleAsync()).Kind);
    }
}
