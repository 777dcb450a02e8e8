using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Tests.Disbursements;

public sealed class AwardTrancheTests
{
    private static readonly DateTime Now = Instants.Now;
    private static readonly DateOnly Today = DateOnly.FromDateTime(LimaTime.ToLima(Now));

    private static AwardTranche NewTranche() => new(1, 5133.33m, TrancheTrigger.AgreementSigned, null, Now);

    private static AwardTranche Due()
    {
        var tranche = NewTranche();
        tranche.MakeDue(Now);
        return tranche;
    }

    /// <summary>A tranche in <paramref name="status"/>; one on hold is held from <paramref name="heldFrom"/>.</summary>
    private static AwardTranche In(TrancheStatus status, TrancheStatus heldFrom = TrancheStatus.Scheduled)
    {
        var tranche = NewTranche();
        switch (status)
        {
            case TrancheStatus.Due:
                tranche.MakeDue(Now);
                break;
            case TrancheStatus.Paid:
                tranche.MakeDue(Now);
                tranche.Pay(tranche.Amount, Today, "OP-123", Now, Today);
                break;
            case TrancheStatus.OnHold:
                if (heldFrom == TrancheStatus.Due)
                {
                    tranche.MakeDue(Now);
                }
                tranche.PutOnHold("Pending documents", Now);
                break;
            case TrancheStatus.Cancelled:
                tranche.Cancel("The group dissolved", Now);
                break;
        }
        return tranche;
    }

    /// <summary>The one method that moves a tranche to <paramref name="target"/> from where it is.</summary>
    private static void MoveTo(AwardTranche tranche, TrancheStatus target)
    {
        var later = Now.AddHours(1);
        switch (target)
        {
            case TrancheStatus.Scheduled:
                tranche.Release(later);
                break;
            case TrancheStatus.Due when tranche.Status == TrancheStatus.OnHold:
                tranche.Release(later);
                break;
            case TrancheStatus.Due:
                tranche.MakeDue(later);
                break;
            case TrancheStatus.Paid:
                tranche.Pay(tranche.Amount, Today, "OP-456", later, Today);
                break;
            case TrancheStatus.OnHold:
                tranche.PutOnHold("Observed by the CLAR", later);
                break;
            case TrancheStatus.Cancelled:
                tranche.Cancel("Contract rescinded", later);
                break;
        }
    }

    private static readonly HashSet<(TrancheStatus, TrancheStatus)> Allowed =
    [
        (TrancheStatus.Scheduled, TrancheStatus.Due),
        (TrancheStatus.Scheduled, TrancheStatus.OnHold),
        (TrancheStatus.Scheduled, TrancheStatus.Cancelled),
        (TrancheStatus.Due, TrancheStatus.Paid),
        (TrancheStatus.Due, TrancheStatus.OnHold),
        (TrancheStatus.Due, TrancheStatus.Cancelled),
        (TrancheStatus.OnHold, TrancheStatus.Scheduled),
        (TrancheStatus.OnHold, TrancheStatus.Due),
        (TrancheStatus.OnHold, TrancheStatus.Cancelled),
    ];

    public static TheoryData<TrancheStatus, TrancheStatus> AllPairs()
    {
        var data = new TheoryData<TrancheStatus, TrancheStatus>();
        foreach (var from in Enum.GetValues<TrancheStatus>())
        {
            foreach (var to in Enum.GetValues<TrancheStatus>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Transition_is_allowed_exactly_when_the_state_machine_allows_it(TrancheStatus from, TrancheStatus to)
    {
        // An on-hold tranche is released to where it was held from, so the pair OnHold→Due is
        // tried with a tranche held while due, every other OnHold pair with one held while scheduled.
        var tranche = In(from, heldFrom: to is TrancheStatus.Due or TrancheStatus.Paid ? TrancheStatus.Due : TrancheStatus.Scheduled);
        var updatedAt = tranche.UpdatedAtUtc;

        if (Allowed.Contains((from, to)))
        {
            MoveTo(tranche, to);
            Assert.Equal(to, tranche.Status);
            Assert.Equal(Now.AddHours(1), tranche.UpdatedAtUtc);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => MoveTo(tranche, to));
            Assert.Contains(from.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Contains(to.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Equal(from, tranche.Status);
            Assert.Equal(updatedAt, tranche.UpdatedAtUtc);
        }
    }

    [Fact]
    public void Release_returns_a_tranche_held_while_scheduled_to_scheduled()
    {
        var tranche = In(TrancheStatus.OnHold, heldFrom: TrancheStatus.Scheduled);

        tranche.Release(Now);

        Assert.Equal(TrancheStatus.Scheduled, tranche.Status);
        Assert.Null(tranche.HeldFromStatus);
    }

    [Fact]
    public void Release_returns_a_tranche_held_while_due_to_due()
    {
        var tranche = In(TrancheStatus.OnHold, heldFrom: TrancheStatus.Due);

        tranche.Release(Now);

        Assert.Equal(TrancheStatus.Due, tranche.Status);
    }

    [Fact]
    public void Paying_records_amount_date_and_reference()
    {
        var tranche = Due();

        tranche.Pay(5133.33m, Today, "  OP-000123  ", Now, Today);

        Assert.Equal(TrancheStatus.Paid, tranche.Status);
        Assert.Equal(5133.33m, tranche.PaidAmount);
        Assert.Equal(Today, tranche.PaidOnLimaDate);
        Assert.Equal("OP-000123", tranche.BankReference);
        Assert.Equal(Now, tranche.PaidAtUtc);
        Assert.Equal(0m, tranche.RemainingAmount);
    }

    [Fact]
    public void Payment_dated_tomorrow_in_Lima_is_refused_even_when_it_is_already_that_day_in_UTC()
    {
        // 02:00 UTC on 24 November is still 21:00 on 23 November in Lima.
        var nowUtc = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
        var todayInLima = DateOnly.FromDateTime(LimaTime.ToLima(nowUtc));
        var tranche = Due();

        var error = Assert.Throws<ArgumentException>(() => tranche.Pay(tranche.Amount, new DateOnly(2026, 11, 24), "OP-1", nowUtc, todayInLima));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrancheStatus.Due, tranche.Status);
        Assert.Null(tranche.PaidAmount);
        tranche.Pay(tranche.Amount, new DateOnly(2026, 11, 23), "OP-1", nowUtc, todayInLima);
        Assert.Equal(TrancheStatus.Paid, tranche.Status);
    }

    [Theory]
    [InlineData("0", "more than zero")]
    [InlineData("-5133.33", "more than zero")]
    [InlineData("5133.34", "more than the")]
    [InlineData("10000", "more than the")]
    [InlineData("2000", "paid whole")]
    public void Payment_of_another_amount_than_the_tranche_is_refused(string amount, string message)
    {
        var tranche = Due();

        var error = Assert.Throws<ArgumentException>(() =>
            tranche.Pay(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Today, "OP-1", Now, Today));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(TrancheStatus.Due, tranche.Status);
        Assert.Null(tranche.PaidAmount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Payment_without_a_bank_reference_is_refused(string? reference)
    {
        var tranche = Due();

        var error = Assert.Throws<ArgumentException>(() => tranche.Pay(tranche.Amount, Today, reference!, Now, Today));

        Assert.Contains("bank operation reference is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrancheStatus.Due, tranche.Status);
    }

    [Fact]
    public void Bank_reference_longer_than_100_characters_is_refused()
    {
        var tranche = Due();

        var error = Assert.Throws<ArgumentException>(() => tranche.Pay(tranche.Amount, Today, new string('7', 101), Now, Today));

        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrancheStatus.Due, tranche.Status);
    }

    [Fact]
    public void Paying_twice_is_refused_and_keeps_the_first_payment()
    {
        var tranche = Due();
        tranche.Pay(tranche.Amount, Today, "OP-1", Now, Today);

        var error = Assert.Throws<InvalidOperationException>(() => tranche.Pay(tranche.Amount, Today, "OP-2", Now.AddMinutes(1), Today));

        Assert.Contains("Paid", error.Message, StringComparison.Ordinal);
        Assert.Equal("OP-1", tranche.BankReference);
        Assert.Equal(Now, tranche.PaidAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Hold_and_cancel_without_a_reason_are_refused(string reason)
    {
        var tranche = Due();

        Assert.Throws<ArgumentException>(() => tranche.PutOnHold(reason, Now));
        Assert.Throws<ArgumentException>(() => tranche.Cancel(reason, Now));
        Assert.Equal(TrancheStatus.Due, tranche.Status);
    }

    [Fact]
    public void Reason_longer_than_1000_characters_is_refused()
    {
        var tranche = Due();

        var error = Assert.Throws<ArgumentException>(() => tranche.PutOnHold(new string('x', 1001), Now));

        Assert.Contains("at most 1000", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrancheStatus.Due, tranche.Status);
        Assert.Null(tranche.HoldReason);
    }

    [Fact]
    public void Second_tranche_requires_70_percent_accounted_by_default()
    {
        var tranche = new AwardTranche(2, 2200m, TrancheTrigger.FollowUpApprovedAndAccounted, null, Now);

        Assert.Equal(DisbursementTranche.DefaultRequiredAccountedPercent, tranche.RequiredAccountedPercent);
        Assert.Equal(TrancheStatus.Scheduled, tranche.Status);
    }
}
