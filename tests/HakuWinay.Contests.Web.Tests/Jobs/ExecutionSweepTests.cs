using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Jobs;

/// <summary>The execution sweep with a fake clock: what it makes due, whom it emails, once, on which Lima day.</summary>
public sealed class ExecutionSweepTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly StartDay = new(2026, 11, 20);

    [Fact]
    public async Task A_signed_agreement_makes_tranche_1_due_once_and_each_admin_is_emailed_once_over_two_sweeps()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var before = await scenario.SweepAsync();
        await scenario.RecordAgreementAsync(scenario.First.AwardId, StartDay);

        var first = await scenario.SweepAsync();
        var second = await scenario.SweepAsync();

        Assert.Equal(0, before.TranchesMadeDue);
        Assert.Equal(new SweepSummary(1, 0, 0), first);
        Assert.Equal(new SweepSummary(0, 0, 0), second);
        Assert.Equal(1, scenario.Signal.Calls);
        var tranche = await scenario.TrancheAsync(scenario.First.AwardId, 1);
        Assert.Equal((TrancheStatus.Due, Start.UtcDateTime), (tranche.Status, tranche.DueAtUtc!.Value));
        Assert.Equal(TrancheStatus.Scheduled, (await scenario.TrancheAsync(scenario.First.AwardId, 2)).Status);
        var emails = await scenario.EmailsAsync("tranche-due:");
        Assert.Equal(await scenario.AdminEmailsAsync(), emails.Select(m => m.To).Order());
        Assert.All(emails, m =>
        {
            Assert.StartsWith("Tramo 1 por desembolsar: " + scenario.First.ProfileCode, m.Subject, StringComparison.Ordinal);
            Assert.Contains($"https://portal.test/admin/awards/{scenario.First.AwardId}", m.TextBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Two_sweeps_at_the_same_instant_make_each_tranche_due_once_with_one_email_per_admin()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        foreach (var award in scenario.Awards)
        {
            await scenario.RecordAgreementAsync(award.AwardId, StartDay);
        }

        var both = await Task.WhenAll(Task.Run(() => scenario.NewSweep().SweepAsync()), Task.Run(() => scenario.NewSweep().SweepAsync()));

        Assert.Equal(scenario.Awards.Count, both.Sum(s => s.TranchesMadeDue));
        var emails = await scenario.EmailsAsync("tranche-due:");
        Assert.Equal(scenario.Awards.Count * scenario.AdminIds.Count, emails.Count);
        Assert.Equal(emails.Count, emails.Select(m => m.DeduplicationKey).Distinct().Count());
        foreach (var award in scenario.Awards)
        {
            Assert.Equal(TrancheStatus.Due, (await scenario.TrancheAsync(award.AwardId, 1)).Status);
        }
    }

    [Fact]
    public async Task Tranche_2_waits_for_an_approved_satisfactory_visit_and_70_percent_of_tranche_1_accounted()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = scenario.First.AwardId;
        await scenario.RecordAgreementAsync(award, StartDay);
        await scenario.SweepAsync();
        await scenario.PayAsync(award, 1, StartDay);
        var paid = (await scenario.TrancheAsync(award, 1)).PaidAmount!.Value;
        var seventy = Common.Money.Round(paid * 0.70m);
        var justUnder = Common.Money.Round(paid * 0.6999m);
        Assert.Equal(69.99m, TrancheConditions.AccountedPercent(justUnder, paid));
        Assert.Equal(70m, TrancheConditions.AccountedPercent(seventy, paid));
        scenario.SetLimaTime(2026, 12, 20, 10);

        await scenario.ApproveExpenseAsync(award, 1, justUnder);
        var accountedWithoutVisit = await scenario.SweepAsync();
        await scenario.FileVisitAsync(award, 1, new DateOnly(2026, 12, 20), VisitRating.Satisfactory, approve: true);
        var visitAndJustUnder = await scenario.SweepAsync();
        var stillScheduled = (await scenario.TrancheAsync(award, 2)).Status;
        await scenario.ApproveExpenseAsync(award, 1, seventy - justUnder);
        var visitAndSeventy = await scenario.SweepAsync();
        var again = await scenario.SweepAsync();

        Assert.Equal(0, accountedWithoutVisit.TranchesMadeDue);
        Assert.Equal(0, visitAndJustUnder.TranchesMadeDue);
        Assert.Equal(TrancheStatus.Scheduled, stillScheduled);
        Assert.Equal(1, visitAndSeventy.TranchesMadeDue);
        Assert.Equal(0, again.TranchesMadeDue);
        Assert.Equal(TrancheStatus.Due, (await scenario.TrancheAsync(award, 2)).Status);
        var emails = await scenario.EmailsAsync($"tranche-due:{(await scenario.TrancheAsync(award, 2)).Id}:");
        Assert.Equal(scenario.AdminIds.Count, emails.Count);
        Assert.All(emails, m => Assert.Contains("70 %", m.TextBody, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(VisitRating.NeedsImprovement, true)]
    [InlineData(VisitRating.Unsatisfactory, true)]
    [InlineData(VisitRating.Satisfactory, false)]
    public async Task A_visit_not_approved_as_satisfactory_keeps_tranche_2_scheduled_even_when_everything_is_accounted(VisitRating rating, bool approve)
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = await PaidAndAccountedAsync(scenario);
        await scenario.FileVisitAsync(award, 1, StartDay, rating, approve);

        var summary = await scenario.SweepAsync();

        Assert.Equal(0, summary.TranchesMadeDue);
        Assert.Equal(TrancheStatus.Scheduled, (await scenario.TrancheAsync(award, 2)).Status);
    }

    [Fact]
    public async Task A_satisfactory_visit_from_before_the_payment_does_not_count_for_tranche_2()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = await PaidAndAccountedAsync(scenario);
        await scenario.FileVisitAsync(award, 1, StartDay.AddDays(-1), VisitRating.Satisfactory, approve: true);

        var summary = await scenario.SweepAsync();

        Assert.Equal(0, summary.TranchesMadeDue);
        // The Admin's award page and the group's page read the condition as the sweep does.
        var (admin, group) = await PagesReadTranche2Async(scenario, award);
        Assert.Equal(TrancheNotDueReason.NoSatisfactoryVisitApproved, admin.NotDueReason);
        Assert.Equal(TrancheNotDueReason.NoSatisfactoryVisitApproved, group.NotDueReason);
    }

    [Fact]
    public async Task A_satisfactory_visit_from_after_the_payment_meets_the_condition_on_the_sweep_and_on_both_pages_alike()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = await PaidAndAccountedAsync(scenario);
        scenario.SetLimaTime(2026, 12, 20, 10);
        await scenario.FileVisitAsync(award, 1, new DateOnly(2026, 12, 20), VisitRating.Satisfactory, approve: true);

        var (admin, group) = await PagesReadTranche2Async(scenario, award);
        var summary = await scenario.SweepAsync();

        Assert.True(admin.IsDue);
        Assert.True(group.IsDue);
        Assert.Equal(1, summary.TranchesMadeDue);
    }

    /// <summary>The first award signed five days before the start, tranche 1 paid on the start day and all of it accounted and approved.</summary>
    private static async Task<int> PaidAndAccountedAsync(SweepScenario scenario)
    {
        var award = scenario.First.AwardId;
        await scenario.RecordAgreementAsync(award, StartDay.AddDays(-5));
        await scenario.SweepAsync();
        await scenario.PayAsync(award, 1, StartDay);
        await scenario.ApproveExpenseAsync(award, 1, (await scenario.TrancheAsync(award, 1)).PaidAmount!.Value);
        return award;
    }

    /// <summary>What the Admin's award page and the group's page say of tranche 2 now.</summary>
    private static async Task<(TrancheDueCheck Admin, TrancheDueCheck Group)> PagesReadTranche2Async(SweepScenario scenario, int award)
    {
        using var scope = scenario.Portal.Services.CreateScope();
        var adminView = await scope.ServiceProvider.GetRequiredService<AwardQueries>().AwardAsync(award);
        var groupView = await scope.ServiceProvider.GetRequiredService<ExpenseQueries>()
            .AccountsAsync(new Common.ActingUser(scenario.AdminIds[0], IsAdmin: true), award);
        return (adminView!.Tranches.Single(t => t.Order == 2).Conditions, groupView!.Tranches.Single(t => t.Order == 2).Check!);
    }

    [Fact]
    public async Task The_technician_is_reminded_7_days_and_1_day_before_the_visit_on_Lima_days_once_each()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = scenario.First.AwardId;
        await scenario.RecordAgreementAsync(award, StartDay);
        await scenario.SweepAsync();
        await scenario.PayAsync(award, 1, StartDay);
        await scenario.RescheduleVisitAsync(award, 1, new DateOnly(2026, 12, 10));
        var visit = await scenario.VisitAsync(award, 1);
        var key = $"visit-reminder:{visit.Id}:";

        scenario.SetLimaTime(2026, 12, 2, 23, 59);
        var dayBeforeWindow = await scenario.SweepAsync();
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));
        var weekBefore = await scenario.SweepAsync();
        var weekBeforeAgain = await scenario.SweepAsync();
        scenario.SetLimaTime(2026, 12, 8, 23, 59);
        var twoDaysBefore = await scenario.SweepAsync();
        var afterWeek = (await scenario.EmailsAsync(key)).Count;
        scenario.SetLimaTime(2026, 12, 9);
        var dayBefore = await scenario.SweepAsync();
        scenario.SetLimaTime(2026, 12, 9, 18);
        var dayBeforeAgain = await scenario.SweepAsync();

        Assert.Equal(0, dayBeforeWindow.VisitRemindersQueued);
        Assert.Equal(1, weekBefore.VisitRemindersQueued);
        Assert.Equal(0, weekBeforeAgain.VisitRemindersQueued);
        Assert.Equal(0, twoDaysBefore.VisitRemindersQueued);
        Assert.Equal(1, afterWeek);
        Assert.Equal(1, dayBefore.VisitRemindersQueued);
        Assert.Equal(0, dayBeforeAgain.VisitRemindersQueued);
        var emails = await scenario.EmailsAsync(key);
        Assert.Equal([key + "2026-12-10:7", key + "2026-12-10:1"], emails.Select(m => m.DeduplicationKey));
        Assert.All(emails, m =>
        {
            Assert.Equal(AwardedDemo.TechnicianEmail, m.To);
            Assert.Contains("10/12/2026", m.Subject, StringComparison.Ordinal);
            Assert.Contains($"https://portal.test/technician/visits/{visit.Id}", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Contains("dentro de 7 días", emails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("mañana", emails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_moved_to_another_date_is_reminded_again_for_the_new_date()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = scenario.First.AwardId;
        await scenario.RecordAgreementAsync(award, StartDay);
        await scenario.SweepAsync();
        await scenario.PayAsync(award, 1, StartDay);
        await scenario.RescheduleVisitAsync(award, 1, new DateOnly(2026, 12, 10));
        scenario.SetLimaTime(2026, 12, 4, 9);
        var first = await scenario.SweepAsync();

        await scenario.RescheduleVisitAsync(award, 1, new DateOnly(2026, 12, 11));
        var moved = await scenario.SweepAsync();

        Assert.Equal(1, first.VisitRemindersQueued);
        Assert.Equal(1, moved.VisitRemindersQueued);
        var visit = await scenario.VisitAsync(award, 1);
        Assert.Equal(2, (await scenario.EmailsAsync($"visit-reminder:{visit.Id}:")).Count);
    }

    [Fact]
    public async Task An_unreported_visit_is_marked_overdue_on_the_first_Lima_day_after_its_date_and_the_admins_are_emailed_once()
    {
        using var scenario = await SweepScenario.StartAsync(Start);
        var award = scenario.First.AwardId;
        await scenario.RecordAgreementAsync(award, StartDay);
        await scenario.SweepAsync();
        await scenario.PayAsync(award, 1, StartDay);
        await scenario.RescheduleVisitAsync(award, 1, new DateOnly(2026, 12, 10));

        scenario.SetLimaTime(2026, 12, 10, 23, 59);
        var lastMinuteOfTheDay = await scenario.SweepAsync();
        var onTheDay = (await scenario.VisitAsync(award, 1)).Status;
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 5, 0, 0, TimeSpan.Zero));
        var nextDay = await scenario.SweepAsync();
        scenario.SetLimaTime(2026, 12, 12, 8);
        var later = await scenario.SweepAsync();

        Assert.Equal(0, lastMinuteOfTheDay.VisitsMarkedOverdue);
        Assert.Equal(VisitStatus.Scheduled, onTheDay);
        Assert.Equal(1, nextDay.VisitsMarkedOverdue);
        Assert.Equal(0, later.VisitsMarkedOverdue);
        var visit = await scenario.VisitAsync(award, 1);
        Assert.Equal((VisitStatus.Overdue, new DateTime(2026, 12, 11, 5, 0, 0, DateTimeKind.Utc)), (visit.Status, visit.OverdueSinceUtc!.Value));
        var emails = await scenario.EmailsAsync($"visit-overdue:{visit.Id}:");
        Assert.Equal(await scenario.AdminEmailsAsync(), emails.Select(m => m.To).Order());
        Assert.All(emails, m => Assert.Contains("10/12/2026", m.TextBody, StringComparison.Ordinal));
    }
}
