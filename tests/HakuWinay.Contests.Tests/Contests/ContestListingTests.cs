using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestListingTests
{
    [Fact]
    public void Filters_are_read_from_the_query_string_words()
    {
        var filter = ContestIndexFilter.Parse("2026", "05", "Results", "2");

        Assert.Equal((2026, "05", ContestPhase.Results, 2), (filter.Year, filter.RegionCode, filter.Phase, filter.Page));
        Assert.Empty(filter.Rejected);
    }

    [Fact]
    public void No_filter_means_every_contest_on_the_first_page()
    {
        var filter = ContestIndexFilter.Parse(null, "", null, null);

        Assert.Equal((null, null, null, 1), (filter.Year, filter.RegionCode, filter.Phase, filter.Page));
        Assert.Empty(filter.Rejected);
    }

    [Theory]
    [InlineData("abc", null, null, null, "year")]
    [InlineData("26", null, null, null, "year")]
    [InlineData("１２３４", null, null, null, "year")]
    [InlineData("99999999999999999999", null, null, null, "year")]
    [InlineData(null, "' OR 1=1--", null, null, "region")]
    [InlineData(null, "<script>", null, null, "region")]
    [InlineData(null, "0123456789ABCDEF", null, null, "region")]
    [InlineData(null, null, "closed", null, "status")]
    [InlineData(null, null, null, "0", "page")]
    [InlineData(null, null, null, "-1", "page")]
    [InlineData(null, null, null, "99999", "page")]
    public void A_value_not_understood_is_dropped_and_named(string? year, string? region, string? status, string? page, string rejected)
    {
        var filter = ContestIndexFilter.Parse(year, region, status, page);

        Assert.Equal([rejected], filter.Rejected);
        Assert.Equal((null, null, null, 1), (filter.Year, filter.RegionCode, filter.Phase, filter.Page));
    }

    [Fact]
    public void An_announced_call_before_its_deadline_is_open_and_after_it_is_in_evaluation()
    {
        var contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(5)).Published().Build();

        Assert.Equal(ContestPhase.Open, ContestPhases.Of(contest, Instants.Now));
        Assert.Equal(ContestPhase.Evaluation, ContestPhases.Of(contest, Instants.Now.AddDays(6)));
    }

    [Fact]
    public void The_year_is_the_Lima_year_the_call_opens()
    {
        // 1 January 2027 at 03:00 UTC is still 31 December 2026 in Lima.
        var contest = new ContestBuilder().OpensAt(new DateTime(2027, 1, 1, 3, 0, 0, DateTimeKind.Utc)).ClosesAt(new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc))
            .WithoutEvaluationDates().Build();

        Assert.Equal(2026, ContestPhases.YearOf(contest));
    }

    [Theory]
    [InlineData(ContestPhase.Open, "open")]
    [InlineData(ContestPhase.Evaluation, "evaluation")]
    [InlineData(ContestPhase.Results, "results")]
    public void Each_phase_has_the_word_its_links_use_and_reads_back(ContestPhase phase, string word)
    {
        Assert.Equal(word, ContestIndexFilter.StatusWord(phase));
        Assert.Equal(phase, ContestIndexFilter.Parse(null, null, word, null).Phase);
    }
}
