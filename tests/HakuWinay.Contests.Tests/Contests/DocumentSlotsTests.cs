using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Profiles;

namespace HakuWinay.Contests.Tests.Contests;

/// <summary>The documents a contest requires: how the administrator sets them, and the submission rule they make.</summary>
public sealed class DocumentSlotsTests
{
    private const int CuyLine = 7;

    private static DocumentSlotSettings Slot(string name, bool required = true, string? description = null) => new(null, name, description, required, PdfOnly: true);

    private static SubmissionRules Rules(params RequiredDocument[] documents) => new(
        7_500m, 10m, new Dictionary<InvestmentCategory, decimal>(), 3, 6, new HashSet<int> { CuyLine }, documents);

    private static IReadOnlyList<RuleViolation> Check(SubmissionRules rules, params int[] filledSlots)
    {
        var profile = new ProfileBuilder()
            .Line(InvestmentCategory.Equipment, 4_500m)
            .Line(InvestmentCategory.InputsAndMaterials, 1_000m, FinancedBy.CounterpartCash).Build();
        return ProfileRules.CheckSubmission(profile, rules, new SubmissionContext(4, CuyLine, CallOpen: true, filledSlots.ToHashSet()));
    }

    private static readonly RequiredDocument Acta = new(1, "Acta de asamblea");
    private static readonly RequiredDocument Compromiso = new(2, "Compromiso de contrapartida");

    [Fact]
    public void A_profile_with_every_required_document_passes() => Assert.Empty(Check(Rules(Acta, Compromiso), 1, 2));

    [Fact]
    public void A_missing_document_is_refused_by_name_beside_the_attachments()
    {
        var violation = Assert.Single(Check(Rules(Acta, Compromiso), 1));

        Assert.Equal(("Attachments", "Rules.DocumentsMissing"), (violation.Field, violation.Rule));
        Assert.Equal(["Compromiso de contrapartida"], violation.Arguments);
    }

    [Fact]
    public void With_no_document_every_missing_one_is_listed_in_the_contest_s_order()
    {
        var violation = Assert.Single(Check(Rules(Acta, Compromiso)));

        Assert.Equal(["Acta de asamblea, Compromiso de contrapartida"], violation.Arguments);
    }

    [Fact]
    public void A_slot_that_is_not_required_never_blocks_a_submission()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").WithEligibleLine(CuyLine).Build();
        contest.SetDocumentSlots([Slot("Fotos del local", required: false)]);

        var rules = contest.SubmissionRulesFor(contest.Categories[0]);

        Assert.Empty(rules.RequiredDocuments!);
        Assert.Empty(Check(rules));
    }

    [Fact]
    public void The_contest_s_required_slots_become_the_rules_required_documents_in_order()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").Build();
        contest.SetDocumentSlots([Slot("Compromiso de contrapartida"), Slot("Fotos", required: false), Slot("Acta de asamblea")]);

        var rules = contest.SubmissionRulesFor(contest.Categories[0]);

        Assert.Equal(["Compromiso de contrapartida", "Acta de asamblea"], rules.RequiredDocuments!.Select(d => d.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_slot_without_a_name_is_refused_next_to_it(string name)
    {
        var contest = new ContestBuilder().Build();

        var refused = Assert.Throws<ContestRuleException>(() => contest.SetDocumentSlots([Slot("Acta"), Slot(name)]));

        Assert.Equal(("DocumentSlot.2.Name", "ContestRules.Required"), (refused.Violation.Field, refused.Violation.Rule));
        Assert.Empty(contest.DocumentSlots);
    }

    [Fact]
    public void A_name_or_description_over_its_limit_is_refused_not_cut()
    {
        var contest = new ContestBuilder().Build();

        var longName = Assert.Throws<ContestRuleException>(() => contest.SetDocumentSlots([Slot(new string('a', ContestDocumentSlot.MaxNameLength + 1))]));
        var longDescription = Assert.Throws<ContestRuleException>(() =>
            contest.SetDocumentSlots([Slot("Acta", description: new string('d', ContestDocumentSlot.MaxDescriptionLength + 1))]));

        Assert.Equal(("DocumentSlot.1.Name", "ContestRules.TooLong"), (longName.Violation.Field, longName.Violation.Rule));
        Assert.Equal(("DocumentSlot.1.Description", "ContestRules.TooLong"), (longDescription.Violation.Field, longDescription.Violation.Rule));
        contest.SetDocumentSlots([Slot(new string('a', ContestDocumentSlot.MaxNameLength))]);
        Assert.Single(contest.DocumentSlots);
    }

    [Fact]
    public void Two_slots_with_the_same_name_ignoring_case_and_spaces_are_refused()
    {
        var contest = new ContestBuilder().Build();

        var refused = Assert.Throws<ContestRuleException>(() => contest.SetDocumentSlots([Slot("Acta de asamblea"), Slot("  ACTA DE ASAMBLEA ")]));

        Assert.Equal(("DocumentSlot.2.Name", "ContestRules.DuplicateName"), (refused.Violation.Field, refused.Violation.Rule));
    }

    [Fact]
    public void More_slots_than_the_limit_are_refused()
    {
        var contest = new ContestBuilder().Build();

        var refused = Assert.Throws<ContestRuleException>(() =>
            contest.SetDocumentSlots(Enumerable.Range(1, Contest.MaxDocumentSlots + 1).Select(i => Slot($"Documento {i}")).ToList()));

        Assert.Equal("ContestRules.TooManyDocumentSlots", refused.Violation.Rule);
    }

    [Fact]
    public void Once_the_call_is_published_the_slots_no_longer_change()
    {
        var contest = new ContestBuilder().Published().Build();

        var refused = Assert.Throws<ContestRuleException>(() => contest.SetDocumentSlots([Slot("Acta")]));

        Assert.Equal("ContestRules.DocumentSlotsFixed", refused.Violation.Rule);
        Assert.False(contest.DocumentSlotsEditable);
    }

    [Fact]
    public void A_copy_of_a_contest_asks_for_the_same_documents()
    {
        var source = new ContestBuilder().Build();
        source.SetDocumentSlots([Slot("Acta de asamblea", description: "Firmada"), Slot("Fotos", required: false)]);

        var copy = Contest.CloneOf(source, "COPIA-01", "Copia", source.Timeline, Instants.Now);

        Assert.Equal([("Acta de asamblea", "Firmada", true), ("Fotos", (string?)null, false)],
            copy.DocumentSlots.Select(s => (s.Name, s.Description, s.IsRequired)));
    }
}
