using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class BusinessProfileTests
{
    private static readonly DateTime Deadline = Instants.Now.AddDays(10);

    private static BusinessProfile Draft() => new ProfileBuilder().Line(InvestmentCategory.Equipment, 5_000m).Build();

    [Fact]
    public void A_submitted_profile_gets_its_code_and_can_no_longer_be_edited()
    {
        var profile = Draft();

        profile.Submit("AYA-2026-01-017", Instants.Now);

        Assert.Equal(("AYA-2026-01-017", ProfileStatus.Submitted, Instants.Now), (profile.Code, profile.Status, profile.SubmittedAtUtc));
        Assert.Throws<InvalidOperationException>(() => profile.WriteSection(ProfileSection.Title, "Otro", Instants.Now));
        Assert.Throws<InvalidOperationException>(() => profile.AddLine("x", InvestmentCategory.Other, "u", 1, 1, FinancedBy.Fund, Instants.Now));
        Assert.Throws<InvalidOperationException>(() => profile.RemoveLine(profile.Lines[0].Id, Instants.Now));
        Assert.Throws<InvalidOperationException>(() => profile.Submit("AYA-2026-01-018", Instants.Now));
    }

    [Fact]
    public void A_section_over_its_limit_is_refused_not_cut()
    {
        var profile = Draft();
        var limit = ProfileSections.MaxLength(ProfileSection.Title);

        profile.WriteSection(ProfileSection.Title, new string('a', limit), Instants.Now);
        Assert.Throws<ArgumentException>(() => profile.WriteSection(ProfileSection.Title, new string('b', limit + 1), Instants.Now));

        Assert.Equal(new string('a', limit), profile.Title);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, -10)]
    [InlineData(1, 10.001)]
    [InlineData(2_000_000, 1)]
    [InlineData(1, 20_000_000)]
    public void Negative_absurd_or_sub_cent_amounts_are_refused(decimal quantity, decimal unitCost)
    {
        var profile = Draft();

        Assert.Throws<ArgumentOutOfRangeException>(() => profile.AddLine("Cuyes reproductores", InvestmentCategory.InputsAndMaterials, "unidad", quantity, unitCost, FinancedBy.Fund, Instants.Now));
        Assert.Single(profile.Lines);
    }

    [Fact]
    public void Withdrawal_needs_a_reason_and_happens_only_before_the_deadline()
    {
        var beforeDeadline = Draft();
        var atDeadline = Draft();
        beforeDeadline.Submit("C-001", Instants.Now);
        atDeadline.Submit("C-002", Instants.Now);

        Assert.Throws<ArgumentException>(() => beforeDeadline.Withdraw("  ", Instants.Now, Deadline));
        beforeDeadline.Withdraw("El grupo se disolvió", Deadline.AddTicks(-1), Deadline);
        Assert.Throws<InvalidOperationException>(() => atDeadline.Withdraw("Tarde", Deadline, Deadline));

        Assert.Equal((ProfileStatus.Withdrawn, "El grupo se disolvió"), (beforeDeadline.Status, beforeDeadline.WithdrawalReason));
        Assert.False(beforeDeadline.IsActive);
        Assert.Equal(ProfileStatus.Submitted, atDeadline.Status);
    }

    [Fact]
    public void Eligibility_is_decided_on_submitted_profiles_with_a_required_reason()
    {
        var draft = Draft();
        var submitted = Draft();
        submitted.Submit("C-003", Instants.Now);

        Assert.Throws<InvalidOperationException>(() => draft.DecideEligibility(true, "Cumple", "admin", Instants.Now));
        Assert.Throws<ArgumentException>(() => submitted.DecideEligibility(false, "", "admin", Instants.Now));
        submitted.DecideEligibility(false, "Menos de la mitad de los hogares presentes con DNI", "admin", Instants.Now);

        Assert.Equal(ProfileStatus.Ineligible, submitted.Status);
        Assert.Equal("admin", submitted.EligibilityDecidedByUserId);
    }

    [Fact]
    public void Expected_results_refuse_negative_values()
    {
        var profile = Draft();

        Assert.Throws<ArgumentOutOfRangeException>(() => profile.SetExpectedResults(-1m, 2, 5, Instants.Now));
        profile.SetExpectedResults(24_000.555m, 2, 5, Instants.Now);

        Assert.Equal(24_000.56m, profile.ExpectedSalesPerYear);
    }

    [Fact]
    public void Replacing_the_plan_changes_known_lines_adds_new_ones_and_drops_the_rest()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.Equipment, 5_000m).Line(InvestmentCategory.Training, 800m).Build();
        // Lines sent without an id are new, so every earlier line is dropped (the service test covers kept ids).
        var plan = new List<PlanLine>
        {
            new(null, "Jaulas", InvestmentCategory.Equipment, "unidad", 10, 450m, FinancedBy.Fund),
            new(null, "Galpón", InvestmentCategory.Infrastructure, "global", 1, 1_000m, FinancedBy.CounterpartInKind),
        };

        profile.ReplacePlan(plan, Instants.Now);

        Assert.Equal(["Jaulas", "Galpón"], profile.Lines.Select(l => l.Description));
        Assert.Equal((4_500m, 1_000m), (profile.Totals.FundRequest, profile.Totals.Counterpart));
    }

    [Fact]
    public void A_plan_with_one_bad_line_changes_nothing()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.Equipment, 5_000m).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => profile.ReplacePlan(
            [new(null, "Bien", InvestmentCategory.Equipment, "u", 1, 10m, FinancedBy.Fund), new(null, "Mal", InvestmentCategory.Equipment, "u", -1, 10m, FinancedBy.Fund)],
            Instants.Now));

        Assert.Equal(5_000m, Assert.Single(profile.Lines).Total);
    }

    [Fact]
    public void A_plan_naming_a_line_of_another_profile_is_refused()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.Equipment, 5_000m).Build();

        Assert.Throws<InvalidOperationException>(() => profile.ReplacePlan(
            [new(424242, "Ajena", InvestmentCategory.Equipment, "u", 1, 10m, FinancedBy.Fund)], Instants.Now));

        Assert.Single(profile.Lines);
    }
}
