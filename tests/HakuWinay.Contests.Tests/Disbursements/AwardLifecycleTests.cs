using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using static HakuWinay.Contests.Tests.Disbursements.AwardBuilder;

namespace HakuWinay.Contests.Tests.Disbursements;

public sealed class AwardLifecycleTests
{
    [Fact]
    public void A_new_award_splits_by_the_plan_and_plans_its_visits_without_dates()
    {
        var award = New(7_333.33m);

        Assert.Equal([5_133.33m, 2_200.00m], award.Tranches.Select(t => t.Amount));
        Assert.All(award.Tranches, t => Assert.Equal(TrancheStatus.Scheduled, t.Status));
        Assert.Equal([30, 90, 180], award.Visits.Select(v => v.DaysAfterFirstPayment));
        Assert.All(award.Visits, v => Assert.Equal((VisitStatus.Planned, (DateOnly?)null, "tech-1"), (v.Status, v.ScheduledOn, v.TechnicianUserId)));
    }

    [Fact]
    public void A_three_tranche_plan_adds_up_to_the_award()
    {
        var award = New(10_000.01m, [new(40m, TrancheTrigger.AgreementSigned), new(30m, TrancheTrigger.FollowUpApprovedAndAccounted), new(30m, TrancheTrigger.FollowUpApprovedAndAccounted)]);

        Assert.Equal(10_000.01m, award.Tranches.Sum(t => t.Amount));
        Assert.Equal(3, award.Tranches.Count);
    }

    [Fact]
    public void The_agreement_may_not_be_signed_in_the_future()
    {
        var award = New();

        Assert.Throws<ArgumentException>(() => award.RecordAgreement(Today.AddDays(1), Pdf(), "admin-1", Now, Today));
        Assert.Null(award.AgreementSignedOn);
    }

    [Fact]
    public void The_signed_agreement_must_be_a_pdf()
    {
        var award = New();

        Assert.Throws<ArgumentException>(() => award.RecordAgreement(Today, Jpeg(), "admin-1", Now, Today));
        Assert.Null(award.AgreementFile);
    }

    [Fact]
    public void The_agreement_can_be_recorded_again_until_the_first_payment_and_not_after()
    {
        var award = Signed(signedOn: Today.AddDays(-10));
        award.RecordAgreement(Today.AddDays(-9), Pdf("corregido.pdf"), "admin-1", Now, Today);
        Assert.Equal(Today.AddDays(-9), award.AgreementSignedOn);

        var paid = FirstPaid();
        Assert.Throws<InvalidOperationException>(() => paid.RecordAgreement(Today, Pdf(), "admin-1", Now, Today));
    }

    [Fact]
    public void The_first_payment_dates_every_visit_from_its_own_date()
    {
        var paidOn = Today.AddDays(-5);
        var award = FirstPaid(paidOn: paidOn);

        Assert.Equal([paidOn.AddDays(30), paidOn.AddDays(90), paidOn.AddDays(180)], award.Visits.Select(v => v.ScheduledOn!.Value));
        Assert.All(award.Visits, v => Assert.Equal(VisitStatus.Scheduled, v.Status));
        Assert.Equal(paidOn, award.FirstPaidOn);
        Assert.Equal(5_133.33m, award.PaidAmount);
    }

    [Fact]
    public void A_payment_dated_before_the_agreement_is_refused_and_nothing_is_paid()
    {
        var award = Signed(signedOn: Today.AddDays(-3));
        var first = award.Tranches[0];
        first.MakeDue(Now);

        Assert.Throws<ArgumentException>(() => award.Pay(first.Id, first.Amount, Today.AddDays(-4), "OP-1", null, "admin-1", Now, Today));
        Assert.Equal(TrancheStatus.Due, first.Status);
        Assert.All(award.Visits, v => Assert.Null(v.ScheduledOn));
    }

    [Fact]
    public void The_same_tranche_cannot_be_paid_twice()
    {
        var award = FirstPaid();
        var first = award.Tranches[0];

        Assert.Throws<InvalidOperationException>(() => award.Pay(first.Id, first.Amount, Today, "OP-2", null, "admin-1", Now, Today));
        Assert.Equal("OP-0001", first.BankReference);
        Assert.Equal(5_133.33m, award.PaidAmount);
    }

    [Fact]
    public void A_payment_of_an_unknown_tranche_is_refused()
    {
        var award = Signed();

        Assert.Throws<ArgumentException>(() => award.Pay(999, 1m, Today, "OP-1", null, "admin-1", Now, Today));
    }

    [Fact]
    public void A_correction_before_any_payment_re_splits_the_tranches_and_keeps_their_state()
    {
        var award = Signed(10_000m);
        award.Tranches[0].MakeDue(Now);

        Assert.True(award.FollowCorrection(2, 7_333.33m, Contest.DefaultTranches, Now));

        Assert.Equal((7_333.33m, 2), (award.Amount, award.PublicationVersion));
        Assert.Equal([5_133.33m, 2_200.00m], award.Tranches.Select(t => t.Amount));
        Assert.Equal(TrancheStatus.Due, award.Tranches[0].Status);
        Assert.False(award.HasUnresolvedCorrection);
    }

    [Fact]
    public void A_correction_that_no_longer_funds_an_unpaid_award_cancels_it()
    {
        var award = Signed();

        Assert.True(award.FollowCorrection(2, 0m, Contest.DefaultTranches, Now));

        Assert.Equal(AwardStatus.Cancelled, award.Status);
        Assert.All(award.Tranches, t => Assert.Equal(TrancheStatus.Cancelled, t.Status));
        Assert.Contains("versión 2", award.CancellationReason, StringComparison.Ordinal);
        Assert.True(award.CancelledByCorrection);
    }

    [Fact]
    public void An_admins_cancellation_is_not_a_corrections_and_a_later_correction_leaves_it_alone()
    {
        var award = Signed();
        award.Cancel("Renuncia del grupo", Now);

        Assert.False(award.FollowCorrection(2, 5_000m, Contest.DefaultTranches, Now));

        Assert.Equal((AwardStatus.Cancelled, false, "Renuncia del grupo"), (award.Status, award.CancelledByCorrection, award.CancellationReason));
    }

    [Fact]
    public void A_correction_of_a_paid_award_changes_nothing_and_is_flagged_until_resolved()
    {
        var award = FirstPaid(10_000m);

        Assert.True(award.FollowCorrection(2, 8_000m, Contest.DefaultTranches, Now));

        Assert.Equal(10_000m, award.Amount);
        Assert.Equal([7_000m, 3_000m], award.Tranches.Select(t => t.Amount));
        Assert.Equal((2, 8_000m), (award.CorrectionVersion!.Value, award.CorrectionAmount!.Value));
        Assert.True(award.HasUnresolvedCorrection);
        Assert.Throws<ArgumentException>(() => award.ResolveCorrection(" ", "admin-1", Now));

        award.ResolveCorrection("Adenda firmada: el segundo tramo se reduce.", "admin-1", Now);

        Assert.False(award.HasUnresolvedCorrection);
        Assert.Throws<InvalidOperationException>(() => award.ResolveCorrection("Otra vez", "admin-1", Now));
    }

    [Fact]
    public void A_correction_that_keeps_the_amount_changes_nothing()
    {
        var award = FirstPaid(10_000m);

        Assert.False(award.FollowCorrection(2, 10_000m, Contest.DefaultTranches, Now));
        Assert.False(award.HasUnresolvedCorrection);
        Assert.Equal(2, award.PublicationVersion);
    }

    [Fact]
    public void An_award_with_a_payment_cannot_be_cancelled()
    {
        var award = FirstPaid();

        Assert.Throws<InvalidOperationException>(() => award.Cancel("Renuncia del grupo", Now));
        Assert.Equal(AwardStatus.Active, award.Status);
    }

    [Fact]
    public void A_new_award_cannot_be_closed_for_every_missing_condition()
    {
        var award = New();

        Assert.Equal([AwardClosureBlocker.TranchesUnpaid, AwardClosureBlocker.LastVisitNotApproved],
            award.ClosureBlockers(approvedExpenses: 0m, expensesAwaitingReview: false));
        Assert.Equal([AwardClosureBlocker.TranchesUnpaid, AwardClosureBlocker.SpendingNotAccounted, AwardClosureBlocker.LastVisitNotApproved],
            award.ClosureBlockers(approvedExpenses: 0m, expensesAwaitingReview: true));
        Assert.Throws<InvalidOperationException>(() => award.Close(Today, "", 0m, false, "admin-1", Now, Today));
    }

    [Fact]
    public void An_award_closes_when_every_tranche_is_paid_spending_accounted_and_the_last_visit_approved()
    {
        var award = FullyExecuted(out var paid);

        Assert.Equal([AwardClosureBlocker.SpendingNotAccounted], award.ClosureBlockers(paid - 0.01m, false));
        Assert.Equal([AwardClosureBlocker.SpendingNotAccounted], award.ClosureBlockers(paid, expensesAwaitingReview: true));
        Assert.Empty(award.ClosureBlockers(paid, false));
        Assert.Throws<ArgumentException>(() => award.Close(Today.AddDays(1), "", paid, false, "admin-1", Now, Today));

        award.Close(Today, "Negocio en marcha.", paid, false, "admin-1", Now, Today);

        Assert.Equal((AwardStatus.Closed, Today), (award.Status, award.ClosedOn!.Value));
        Assert.Equal([AwardClosureBlocker.NotActive], award.ClosureBlockers(paid, false));
    }

    [Fact]
    public void An_unresolved_correction_keeps_the_award_open()
    {
        var award = FullyExecuted(out var paid);
        award.FollowCorrection(2, 1_000m, Contest.DefaultTranches, Now);

        Assert.Equal([AwardClosureBlocker.CorrectionUnresolved], award.ClosureBlockers(paid, false));
    }

    private static Award FullyExecuted(out decimal paid)
    {
        var award = FirstPaid(10_000m, Today.AddDays(-200));
        var second = award.Tranches[1];
        second.MakeDue(Now);
        award.Pay(second.Id, second.Amount, Today.AddDays(-100), "OP-0002", null, "admin-1", Now, Today);
        foreach (var visit in award.Visits)
        {
            visit.Submit(new VisitReport(Today.AddDays(-1), 12, 1_500m, 3, "Todo en orden.", VisitRating.Satisfactory, []), [], "tech-1", Now, Today);
            visit.Approve("admin-1", Now);
        }
        paid = award.PaidAmount;
        Assert.Equal(10_000m, paid);
        return award;
    }
}
