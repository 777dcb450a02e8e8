using Hangfire;
using Hangfire.Storage;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Jobs;

public sealed class ExecutionSweepScheduleTests
{
    [Theory]
    [InlineData("00:00:01", "*/1 * * * * *")]
    [InlineData("00:00:15", "*/15 * * * * *")]
    [InlineData("00:05:00", "*/5 * * * *")]
    [InlineData("00:30:00", "*/30 * * * *")]
    [InlineData("02:00:00", "0 */2 * * *")]
    [InlineData("1.00:00:00", "0 0 * * *")]
    public void An_interval_that_divides_its_unit_becomes_a_cron_expression(string interval, string cron)
    {
        Assert.Equal(cron, ExecutionSweepSchedule.Cron(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("00:00:07")]
    [InlineData("00:00:01.5")]
    [InlineData("00:07:00")]
    [InlineData("00:01:30")]
    [InlineData("05:00:00")]
    [InlineData("2.00:00:00")]
    public void An_interval_cron_cannot_repeat_evenly_is_refused_naming_the_setting(string interval)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExecutionSweepSchedule.Cron(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains(ExecutionSweepSchedule.Setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:10", 10)]
    [InlineData("00:05:00", 15)]
    public void Hangfire_polls_at_the_sweep_interval_when_it_is_shorter_than_its_15_seconds(string interval, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ExecutionSweepSchedule.Polling(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_portal_registers_the_sweep_every_5_minutes_by_default()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;

        Assert.Equal("*/5 * * * *", SweepCron(portal));
    }

    [Fact]
    public void The_portal_registers_the_sweep_at_the_configured_interval()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { [ExecutionSweepSchedule.Setting] = "00:00:10" });
        _ = portal.Services;

        Assert.Equal("*/10 * * * * *", SweepCron(portal));
    }

    [Fact]
    public void A_sweep_interval_that_is_not_a_time_span_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { [ExecutionSweepSchedule.Setting] = "cada cinco minutos" });

        var error = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains(ExecutionSweepSchedule.Setting, error.ToString(), StringComparison.Ordinal);
    }

    private static string SweepCron(PortalFactory portal)
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([ExecutionSweepJob.RecurringId]).Single().Cron;
    }
}
