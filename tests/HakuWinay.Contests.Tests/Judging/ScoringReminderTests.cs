using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>The field stage has 9 scorecards among 4 jurors; its deadline is 72 hours away unless a test says otherwise.</summary>
public sealed class ScoringReminderTests : IAsyncLifetime
{
    private static readonly DateTime Deadline = Instants.Now.AddHours(72);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private ScoringTestData _t = null!;

    public async Task InitializeAsync()
    {
        _t = await ScoringTestData.CreateAsync(_time);
        await _t.SetDeadlineAsync(Deadline);
    }

    public async Task DisposeAsync() => await _t.Data.DisposeAsync();

    private void At(TimeSpan beforeDeadline) => _time.SetUtcNow(new DateTimeOffset(Deadline - beforeDeadline));

    private async Task<List<string>> RemindersAsync()
    {
        await using var db = _t.Data.Database.CreateDbContext();
        return await db.ScoringReminders.OrderBy(r => r.JurorUserId).ThenBy(r => r.Kind).Select(r => r.JurorUserId + ":" + (int)r.Kind).ToListAsync();
    }

    private async Task<List<string>> EmailsAsync()
    {
        await using var db = _t.Data.Database.CreateDbContext();
        return await db.Outbox.OrderBy(m => m.To).Select(m => m.To).ToListAsync();
    }

    [Theory]
    [InlineData(ScoringReminderKind.HoursBefore48, 48)]
    [InlineData(ScoringReminderKind.HoursBefore48, 24.01)]
    [InlineData(ScoringReminderKind.HoursBefore24, 24)]
    [InlineData(ScoringReminderKind.HoursBefore24, 0.01)]
    [InlineData(null, 48.01)]
    [InlineData(null, 0)]
    [InlineData(null, -1)]
    public void The_due_reminder_follows_the_hours_left(ScoringReminderKind? expected, double hoursLeft)
    {
        Assert.Equal(expected, ScoringReminder.DueAt(Deadline, Deadline - TimeSpan.FromHours(hoursLeft)));
        Assert.Null(ScoringReminder.DueAt(null, Deadline - TimeSpan.FromHours(hoursLeft)));
    }

    [Fact]
    public async Task Nothing_is_sent_before_48_hours_before_the_deadline()
    {
        At(TimeSpan.FromHours(49));

        Assert.Equal(0, await _t.Reminders.SendDueAsync());
        Assert.Empty(await EmailsAsync());
    }

    [Fact]
    public async Task Each_juror_with_pending_scorecards_gets_the_48_hour_reminder_once_even_when_the_job_runs_twice()
    {
        At(TimeSpan.FromHours(47));

        var first = await _t.Reminders.SendDueAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        var second = await _t.Reminders.SendDueAsync();

        Assert.Equal(4, first);
        Assert.Equal(0, second);
        Assert.Equal(["j1@t.pe", "j2@t.pe", "j3@t.pe", "j4@t.pe"], await EmailsAsync());
        Assert.Equal(["j1:48", "j2:48", "j3:48", "j4:48"], await RemindersAsync());
        Assert.Equal(1, _t.Judging.Signal.Count);
        await using var db = _t.Data.Database.CreateDbContext();
        var email = await db.Outbox.FirstAsync(m => m.To == "j1@t.pe");
        Assert.Contains(LimaTime.Format(Deadline), email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.test/juror/contests/{_t.Data.ContestId}/scorecards", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_runs_send_each_reminder_once()
    {
        At(TimeSpan.FromHours(30));

        var runs = await Task.WhenAll(_t.Reminders.SendDueAsync(), _t.Reminders.SendDueAsync());

        Assert.Equal(4, runs.Sum());
        Assert.Equal(4, (await EmailsAsync()).Count);
    }

    [Fact]
    public async Task The_24_hour_reminder_follows_the_48_hour_one_and_each_is_sent_once()
    {
        At(TimeSpan.FromHours(47));
        await _t.Reminders.SendDueAsync();

        At(TimeSpan.FromHours(23));
        var at23 = await _t.Reminders.SendDueAsync();
        At(TimeSpan.FromHours(2));
        var at2 = await _t.Reminders.SendDueAsync();

        Assert.Equal(4, at23);
        Assert.Equal(0, at2);
        Assert.Equal(8, (await EmailsAsync()).Count);
        Assert.Equal(["j1:24", "j1:48", "j2:24", "j2:48", "j3:24", "j3:48", "j4:24", "j4:48"], await RemindersAsync());
    }

    [Fact]
    public async Task A_portal_down_through_the_48_hour_window_sends_only_the_24_hour_reminder()
    {
        At(TimeSpan.FromHours(20));

        await _t.Reminders.SendDueAsync();

        Assert.Equal(["j1:24", "j2:24", "j3:24", "j4:24"], await RemindersAsync());
    }

    [Fact]
    public async Task A_juror_whose_scorecards_are_all_submitted_gets_no_reminder()
    {
        foreach (var scorecard in (await _t.Data.ScorecardsAsync(_t.Data.FieldStageId)).Where(s => s.JurorUserId == "j2"))
        {
            var submitted = await _t.Scoring.SubmitAsync(new ActingUser("j2"), scorecard.Id, scorecard.Version, [new("C1", 10m), new("C2", 5m)], null);
            Assert.True(submitted.Succeeded);
        }
        At(TimeSpan.FromHours(40));

        await _t.Reminders.SendDueAsync();

        Assert.DoesNotContain("j2@t.pe", await EmailsAsync());
        Assert.Equal(3, (await EmailsAsync()).Count);
    }

    [Fact]
    public async Task Nothing_is_sent_after_the_deadline_or_without_a_deadline()
    {
        await _t.SetDeadlineAsync(null);
        At(TimeSpan.FromHours(30));
        Assert.Equal(0, await _t.Reminders.SendDueAsync());

        await _t.SetDeadlineAsync(Deadline);
        At(TimeSpan.FromMinutes(-1));
        Assert.Equal(0, await _t.Reminders.SendDueAsync());
        Assert.Empty(await EmailsAsync());
    }
}
