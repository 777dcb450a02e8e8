using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Components.Pages.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Disbursements;

/// <summary>An open award page shows what others change meanwhile: another Admin's record, the sweep making a tranche due.</summary>
public sealed class AwardPageFreshnessTests : PortalComponentTestBase
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[512]];

    private static string StatusOf(IRenderedComponent<AwardPage> cut, int order) =>
        cut.Find($"[data-testid=tranche-{order}] [data-testid=tranche-status]").TextContent.Trim();

    [Fact]
    public async Task Tranche_one_turns_due_on_the_open_page_when_the_sweep_runs_after_the_agreement()
    {
        var award = (await AwardedDemo.PublishAsync(Portal))[0];
        string adminId;
        await using (var db = await Service<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        }
        SignInAs(adminId, AwardedDemo.AdminEmail, Roles.Admin);
        var cut = Render<AwardPage>(p => p.Add(c => c.AwardId, award.AwardId));
        cut.WaitForAssertion(() => Assert.Equal("Programado", StatusOf(cut, 1)));

        var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
        var recorded = await Service<AwardAdminService>().RecordAgreementAsync(new ActingUser(adminId, IsAdmin: true), award.AwardId, today,
            new UploadedFile("convenio.pdf", new MemoryStream(Pdf)));
        Assert.True(recorded.Succeeded, recorded.Outcome.ToString());
        // Recorded in another tab: this one shows the agreement, tranche 1 still waits for the sweep.
        cut.WaitForAssertion(() => Assert.Contains("convenio.pdf", cut.Find("[data-testid=agreement-recorded]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Programado", StatusOf(cut, 1));

        var swept = await Service<ExecutionSweepService>().SweepAsync();

        Assert.True(swept.TranchesMadeDue >= 1);
        cut.WaitForAssertion(() => Assert.Equal("Por pagar", StatusOf(cut, 1)));
    }
}
