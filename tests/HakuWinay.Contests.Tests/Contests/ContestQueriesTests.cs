using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestQueriesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = _database.CreateDbContext();
        db.ProductionLines.Add(new HakuWinay.Contests.Catalog.ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs"));
        await db.SaveChangesAsync();
        var open = new ContestBuilder().WithCode("PUB-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(5)).Published().Build();
        open.CapInvestment(InvestmentCategory.TechnicalAssistance, 40m);
        db.Contests.AddRange(open, new ContestBuilder().WithCode("DRAFT-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(5)).Build());
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContestQueries Queries() => new(_database, _time);

    [Fact]
    public async Task A_published_contest_is_public_with_its_rules()
    {
        var details = await Queries().FindPublicAsync("PUB-01");

        Assert.NotNull(details);
        Assert.Equal(ContestStatus.Open, details.Summary.Status);
        Assert.Equal(40m, details.InvestmentCaps[InvestmentCategory.TechnicalAssistance]);
        Assert.Equal((3, 6), (details.MinHouseholds, details.MaxHouseholds));
    }

    [Theory]
    [InlineData("DRAFT-01")]
    [InlineData("NOPE")]
    [InlineData("")]
    public async Task A_draft_or_unknown_contest_is_not_public(string code) => Assert.Null(await Queries().FindPublicAsync(code));

    [Fact]
    public async Task Only_announced_or_open_calls_are_listed_as_open()
    {
        var open = await Queries().ListOpenAsync();

        Assert.Equal(["PUB-01"], open.Select(c => c.Code));
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_no_longer_listed_even_before_the_clock_job_ran()
    {
        _time.Advance(TimeSpan.FromDays(6));

        Assert.Empty(await Queries().ListOpenAsync());
    }
}
