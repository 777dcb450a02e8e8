using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = Instants.Now;

    [Fact]
    public void New_message_is_pending_and_due_at_once()
    {
        var message = new OutboxMessageBuilder(Now).To("  ana@foncodes.gob.pe ").About("  Resultados  ").Build();

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Now, message.NextAttemptAtUtc);
        Assert.True(message.IsDueAt(Now));
        Assert.Equal("ana@foncodes.gob.pe", message.To);
        Assert.Equal("Resultados", message.Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("Ana <ana@foncodes.gob.pe>")]
    [InlineData("ana@foncodes.gob.pe\r\nBcc: eve@example.com")]
    [InlineData("ana@foncodes.gob.pe, eve@example.com")]
    public void Message_to_a_bad_address_is_refused(string to)
    {
        Assert.Throws<ArgumentException>(() => new OutboxMessageBuilder().To(to).Build());
    }

    [Fact]
    public void Message_without_a_subject_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OutboxMessageBuilder().About(" ").Build());
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    [InlineData(6, 960)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(11, 3600)]
    [InlineData(1000, 3600)]
    public void Back_off_doubles_from_thirty_seconds_up_to_one_hour(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.BackOff(attempts));
    }

    [Fact]
    public void Failed_attempt_schedules_the_next_one_after_the_back_off()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.Claim(Guid.NewGuid(), Now);

        message.MarkFailed("550 mailbox unavailable", Now);

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("550 mailbox unavailable", message.LastError);
        Assert.Equal(Now.AddSeconds(30), message.NextAttemptAtUtc);
        Assert.Null(message.ClaimToken);
        Assert.Null(message.ClaimedUntilUtc);
        Assert.False(message.IsDueAt(Now.AddSeconds(30).AddTicks(-1)));
        Assert.True(message.IsDueAt(Now.AddSeconds(30)));
    }

    [Fact]
    public void Each_failure_waits_twice_as_long_as_the_one_before()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        var clock = Now;
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            message.MarkFailed("timeout", clock);
            waits.Add(message.NextAttemptAtUtc - clock);
            clock = message.NextAttemptAtUtc;
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)], waits);
    }

    [Fact]
    public void Message_gives_up_after_the_last_attempt()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            message.MarkFailed("timeout", Now);
            Assert.Equal(OutboxStatus.Pending, message.Status);
        }

        message.MarkFailed("timeout", Now);

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.False(message.IsDueAt(Now.AddYears(1)));
    }

    [Fact]
    public void Very_long_error_is_cut_to_two_thousand_characters()
    {
        var message = new OutboxMessageBuilder(Now).Build();

        message.MarkFailed(new string('x', 5000), Now);

        Assert.Equal(2000, message.LastError!.Length);
    }

    [Fact]
    public void Sent_message_is_no_longer_due()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.MarkFailed("timeout", Now);

        message.MarkSent(Now.AddMinutes(1));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(Now.AddMinutes(1), message.SentAtUtc);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
        Assert.False(message.IsDueAt(Now.AddYears(1)));
    }

    [Fact]
    public void Failed_message_can_be_queued_again_for_a_new_round()
    {
        var message = FailedMessage();
        var later = Now.AddDays(1);

        message.Requeue(later);

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(later, message.NextAttemptAtUtc);
        Assert.True(message.IsDueAt(later));
    }

    [Fact]
    public void Pending_message_cannot_be_queued_again()
    {
        var message = new OutboxMessageBuilder(Now).Build();

        Assert.Throws<InvalidOperationException>(() => message.Requeue(Now));
    }

    [Fact]
    public void Sent_message_cannot_be_queued_again()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.MarkSent(Now);

        Assert.Throws<InvalidOperationException>(() => message.Requeue(Now));
    }

    [Fact]
    public void Claim_holds_the_message_for_fifteen_minutes_longer_than_a_whole_batch()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        var token = Guid.NewGuid();

        message.Claim(token, Now);

        Assert.Equal(token, message.ClaimToken);
        Assert.Equal(Now + OutboxMessage.ClaimDuration, message.ClaimedUntilUtc);
        Assert.Equal(TimeSpan.FromMinutes(15), OutboxMessage.ClaimDuration);
        Assert.True(OutboxMessage.ClaimDuration > OutboxDispatcher.BatchSize * TimeSpan.FromSeconds(30));
        Assert.False(message.IsDueAt(Now.AddMinutes(15)));
        Assert.True(message.IsDueAt(Now.AddMinutes(15).AddTicks(1)));
    }

    [Fact]
    public void Claiming_a_message_that_is_not_due_yet_is_refused()
    {
        var message = new OutboxMessageBuilder(Now.AddMinutes(10)).Build();

        Assert.Throws<InvalidOperationException>(() => message.Claim(Guid.NewGuid(), Now));
        Assert.Null(message.ClaimToken);
    }

    [Fact]
    public void Claiming_a_message_already_claimed_is_refused()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.Claim(Guid.NewGuid(), Now);

        Assert.Throws<InvalidOperationException>(() => message.Claim(Guid.NewGuid(), Now.AddMinutes(1)));
    }

    [Fact]
    public void Claiming_a_message_in_its_back_off_is_refused()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.MarkFailed("timeout", Now);

        Assert.Throws<InvalidOperationException>(() => message.Claim(Guid.NewGuid(), Now.AddSeconds(29)));
    }

    [Fact]
    public void Claiming_a_sent_message_is_refused()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        message.MarkSent(Now);

        Assert.Throws<InvalidOperationException>(() => message.Claim(Guid.NewGuid(), Now.AddHours(1)));
    }

    private static OutboxMessage FailedMessage()
    {
        var message = new OutboxMessageBuilder(Now).Build();
        for (var attempt = 0; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            message.MarkFailed("timeout", Now);
        }
        return message;
    }
}
