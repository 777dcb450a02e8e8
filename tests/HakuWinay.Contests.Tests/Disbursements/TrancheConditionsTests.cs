using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Tests.Disbursements;

public sealed class TrancheConditionsTests
{
    private static TrancheConditionFacts Accounted(decimal approved, bool visit = true) =>
        new(AgreementSigned: true, PreviousTranchePaidAmount: 1000m, ApprovedExpensesSum: approved, SatisfactoryVisitApprovedAfterPreviousPayment: visit);

    private static TrancheDueCheck SecondTranche(TrancheConditionFacts facts, decimal? required = null) =>
        TrancheConditions.Check(TrancheTrigger.FollowUpApprovedAndAccounted, required, facts);

    [Fact]
    public void First_tranche_is_due_once_the_agreement_is_signed()
    {
        var check = TrancheConditions.Check(TrancheTrigger.AgreementSigned, null, new TrancheConditionFacts(AgreementSigned: true));

        Assert.True(check.IsDue);
        Assert.Null(check.NotDueReason);
    }

    [Fact]
    public void First_tranche_is_not_due_before_the_agreement_is_signed()
    {
        var check = TrancheConditions.Check(TrancheTrigger.AgreementSigned, null, new TrancheConditionFacts(AgreementSigned: false));

        Assert.False(check.IsDue);
        Assert.Equal(TrancheNotDueReason.AgreementNotSigned, check.NotDueReason);
    }

    [Fact]
    public void Second_tranche_is_not_due_without_a_signed_agreement()
    {
        var check = SecondTranche(Accounted(1000m) with { AgreementSigned = false });

        Assert.Equal(TrancheNotDueReason.AgreementNotSigned, check.NotDueReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public void Second_tranche_is_not_due_while_the_previous_one_is_unpaid(string? paid)
    {
        var facts = Accounted(700m) with
        {
            PreviousTranchePaidAmount = paid is null ? null : decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture),
        };

        var check = SecondTranche(facts);

        Assert.False(check.IsDue);
        Assert.Equal(TrancheNotDueReason.PreviousTrancheNotPaid, check.NotDueReason);
    }

    [Fact]
    public void Second_tranche_is_not_due_without_an_approved_satisfactory_visit_even_when_all_is_accounted()
    {
        var check = SecondTranche(Accounted(1000m, visit: false));

        Assert.False(check.IsDue);
        Assert.Equal(TrancheNotDueReason.NoSatisfactoryVisitApproved, check.NotDueReason);
        Assert.Equal(100m, check.AccountedPercent);
    }

    [Fact]
    public void Second_tranche_is_not_due_with_69_99_percent_accounted()
    {
        var check = SecondTranche(Accounted(699.90m));

        Assert.False(check.IsDue);
        Assert.Equal(TrancheNotDueReason.NotEnoughAccounted, check.NotDueReason);
        Assert.Equal(69.99m, check.AccountedPercent);
    }

    [Fact]
    public void Second_tranche_is_due_with_exactly_70_percent_accounted()
    {
        var check = SecondTranche(Accounted(700.00m));

        Assert.True(check.IsDue);
        Assert.Null(check.NotDueReason);
        Assert.Equal(70.00m, check.AccountedPercent);
    }

    [Fact]
    public void Second_tranche_of_an_awkward_award_is_due_at_70_percent_of_what_was_paid()
    {
        // 70% of S/ 5,133.33 is 3,593.331; S/ 3,593.33 accounted is 69.9999…%, shown as 70.00.
        var facts = new TrancheConditionFacts(true, 5133.33m, 3593.33m, true);

        Assert.Equal(70.00m, TrancheConditions.AccountedPercent(3593.33m, 5133.33m));
        Assert.True(SecondTranche(facts).IsDue);
        Assert.False(SecondTranche(facts with { ApprovedExpensesSum = 3592.33m }).IsDue);
    }

    [Fact]
    public void Contest_may_require_another_accounted_share()
    {
        // 799.90 of 1,000 is 79.99%; 799.99 would be 80.00% at two decimals.
        Assert.False(SecondTranche(Accounted(799.90m), required: 80m).IsDue);
        Assert.True(SecondTranche(Accounted(800m), required: 80m).IsDue);
    }

    [Fact]
    public void Tranche_entity_is_checked_with_its_own_required_share()
    {
        var tranche = new AwardTranche(2, 300m, TrancheTrigger.FollowUpApprovedAndAccounted, 90m, Instants.Now);

        Assert.Equal(TrancheNotDueReason.NotEnoughAccounted, TrancheConditions.Check(tranche, Accounted(899.90m)).NotDueReason);
        Assert.True(TrancheConditions.Check(tranche, Accounted(900m)).IsDue);
    }
}
