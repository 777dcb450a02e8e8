using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Cli;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Seeding;

/// <summary>One portal started with the demo of every stage (Seed:DemoCycle=true).</summary>
public sealed class FullDemoPortal : IDisposable
{
    public PortalFactory Portal { get; } = new(FullDemo.Settings);

    public FullDemoPortal() => _ = Portal.Services;

    public IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    public void Dispose() => Portal.Dispose();
}

/// <summary>The demo of every stage: each story the README promises is there, seeded by the rules, and a second start adds nothing.</summary>
public sealed class FullDemoTests(FullDemoPortal demo) : IClassFixture<FullDemoPortal>
{
    [Fact]
    public async Task Seeding_again_changes_no_row_of_any_table_and_stores_no_file()
    {
        var before = await RowsAsync();
        var files = StoredFiles();

        await using (var scope = demo.Portal.Services.CreateAsyncScope())
        {
            var seeds = new SeedFolder(Path.Combine(AppContext.BaseDirectory, "seed-data"));
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seeds, loadDemo: true, new BootstrapAdminOptions(null, null), loadDemoCycle: true);
        }

        Assert.Equal(before, await RowsAsync());
        Assert.Equal(files, StoredFiles());
        Assert.True(before["Contests"] == 3 && before["Awards"] >= 4 && before["Expenses"] > 0, string.Join(", ", before));
    }

    [Fact]
    public async Task One_field_juror_has_one_field_scorecard_still_to_do_and_the_other_has_none()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var contest = await FullDemo.EvaluationContestAsync(db);
        var field = contest.Stages.Single(s => s.Code == "CAMPO").Id;
        var open = await db.Scorecards.Where(s => s.ContestStageId == field && s.Status != ScorecardStatus.Submitted).ToListAsync();

        var pending = Assert.Single(open);
        Assert.Equal(await FullDemo.UserIdAsync(db, FullDemo.PendingJurorEmail), pending.JurorUserId);
        Assert.Equal(2, await db.JurorAppointments.CountAsync(a => a.ContestStageId == field));
        Assert.True(contest.Timeline.SubmissionsCloseAtUtc < DateTime.UtcNow, "The call of the contest in evaluation should be closed.");
    }

    [Fact]
    public async Task The_public_stage_is_assigned_to_the_three_jurors_and_its_draw_is_not_made()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var contest = await FullDemo.EvaluationContestAsync(db);
        var stage = contest.Stages.Single(s => s.Code == "PUBLICA").Id;

        Assert.Equal(3, await db.JurorAppointments.CountAsync(a => a.ContestStageId == stage));
        Assert.Equal(3, await db.Scorecards.Where(s => s.ContestStageId == stage).Select(s => s.JurorUserId).Distinct().CountAsync());
        Assert.Equal(3, await db.ConflictDeclarations.CountAsync(d => d.ContestId == contest.Id));
        Assert.False(await db.LiveSessions.AnyAsync(s => s.ContestStageId == stage));
    }

    [Fact]
    public async Task Last_year_has_a_version_2_published_after_an_upheld_appeal_that_funds_its_group()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var contest = await FullDemo.LastYearContestAsync(db);
        var versions = await db.ResultsPublications.Where(p => p.ContestId == contest.Id).OrderBy(p => p.Version).Include(p => p.Entries).ToListAsync();
        var upheld = await db.Appeals.SingleAsync(a => a.ContestId == contest.Id && a.Status == AppealStatus.Upheld);

        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(await GroupOfAsync(db, FullDemo.UpheldEmail), upheld.ProducerGroupId);
        Assert.Equal(ResultOutcome.Failed, versions[0].Entries.Single(e => e.BusinessProfileId == upheld.BusinessProfileId).Outcome);
        Assert.Equal(ResultOutcome.Funded, versions[1].Entries.Single(e => e.BusinessProfileId == upheld.BusinessProfileId).Outcome);
        Assert.NotNull(upheld.AttachmentDisplayName);
        Assert.False(contest.CorrectionOpen);
    }

    [Fact]
    public async Task An_award_has_tranche_1_paid_spending_awaiting_review_a_visit_approved_and_tranche_2_due()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var award = await FullDemo.AwardOfAsync(db, FullDemo.TrancheTwoDueEmail);
        var first = award.Tranches.Single(t => t.Order == 1);
        var expenses = await db.Expenses.Where(e => e.AwardId == award.Id).ToListAsync();

        Assert.NotNull(award.AgreementFile);
        Assert.Equal(TrancheStatus.Paid, first.Status);
        Assert.Equal(TrancheStatus.Due, award.Tranches.Single(t => t.Order == 2).Status);
        Assert.Contains(award.Visits, v => v.Status == VisitStatus.Approved && v.Rating == VisitRating.Satisfactory);
        Assert.Contains(expenses, e => e.Status == ExpenseStatus.Submitted);
        Assert.True(expenses.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Amount) >= 0.7m * first.Amount);
    }

    [Fact]
    public async Task An_award_has_a_visit_due_this_week_for_the_demo_technician()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var visit = await FullDemo.VisitDueThisWeekAsync(db);
        var today = DateOnly.FromDateTime(Common.LimaTime.ToLima(DateTime.UtcNow));

        Assert.Equal(VisitStatus.Scheduled, visit.Status);
        Assert.Equal(await FullDemo.UserIdAsync(db, AwardedDemo.TechnicianEmail), visit.TechnicianUserId);
        Assert.InRange(visit.ScheduledOn!.Value, today, today.AddDays(6));
    }

    [Fact]
    public async Task The_execution_dashboard_shows_one_award_at_risk_for_both_reasons()
    {
        int contestId;
        int awardId;
        await using (var db = await demo.Factory.CreateDbContextAsync())
        {
            contestId = (await FullDemo.LastYearContestAsync(db)).Id;
            awardId = (await FullDemo.AwardOfAsync(db, FullDemo.AtRiskEmail)).Id;
        }

        await using var scope = demo.Portal.Services.CreateAsyncScope();
        var execution = await scope.ServiceProvider.GetRequiredService<ExecutionDashboardQueries>().ForContestAsync(contestId);

        var risk = Assert.Single(execution!.Dashboard.AtRisk);
        Assert.Equal(awardId, risk.AwardId);
        Assert.Equal(new[] { RiskKind.UnsatisfactoryVisit, RiskKind.TrancheNotAccounted }.Order(), risk.Reasons.Select(r => r.Kind).Order());
    }

    [Fact]
    public async Task An_award_is_closed_with_every_tranche_paid_and_every_visit_approved()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var award = await FullDemo.AwardOfAsync(db, FullDemo.ClosedEmail);

        Assert.Equal(AwardStatus.Closed, award.Status);
        Assert.NotNull(award.ClosedOn);
        Assert.All(award.Tranches, t => Assert.Equal(TrancheStatus.Paid, t.Status));
        Assert.All(award.Visits, v => Assert.Equal(VisitStatus.Approved, v.Status));
    }

    [Fact]
    public async Task A_group_not_funded_had_its_appeal_rejected()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var contest = await FullDemo.LastYearContestAsync(db);
        var group = await GroupOfAsync(db, FullDemo.RejectedEmail);
        var appeal = await db.Appeals.SingleAsync(a => a.ContestId == contest.Id && a.ProducerGroupId == group);
        var latest = await db.ResultsPublications.Where(p => p.ContestId == contest.Id).OrderByDescending(p => p.Version).Include(p => p.Entries).FirstAsync();

        Assert.Equal(AppealStatus.Rejected, appeal.Status);
        Assert.NotEqual(ResultOutcome.Funded, latest.Entries.Single(e => e.BusinessProfileId == appeal.BusinessProfileId).Outcome);
        Assert.False(await db.Awards.AnyAsync(a => a.ContestId == contest.Id && a.ProducerGroupId == group));
    }

    [Fact]
    public async Task Every_published_package_of_the_demo_passes_the_tools_verify()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var packages = await db.ResultsPublications.Select(p => new { p.Version, p.PackageJson }).ToListAsync();
        var folder = Directory.CreateTempSubdirectory("haku-demo-package-").FullName;
        try
        {
            Assert.Equal(2, packages.Count);
            foreach (var package in packages)
            {
                var path = Path.Combine(folder, $"v{package.Version}.json");
                await File.WriteAllTextAsync(path, package.PackageJson);
                using var output = new StringWriter();
                using var error = new StringWriter();

                var code = CliApp.Run(["verify", path], output, error);

                Assert.True(code == CliApp.Ok, $"v{package.Version}: {output}{error}");
                Assert.Equal("verified", output.ToString().Trim());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<int> GroupOfAsync(ContestsDbContext db, string email) =>
        db.ProducerGroups.Where(g => g.RepresentativeUserId == db.Users.Where(u => u.Email == email).Select(u => u.Id).Single()).Select(g => g.Id).SingleAsync();

    /// <summary>The rows of every table of the model, by table name.</summary>
    private async Task<SortedDictionary<string, long>> RowsAsync()
    {
        await using var db = await demo.Factory.CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return rows;
    }

    private List<string> StoredFiles() =>
        [.. Directory.EnumerateFiles(demo.Portal.Services.GetRequiredService<HakuWinay.Contests.Profiles.AttachmentStorage>().RootPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
