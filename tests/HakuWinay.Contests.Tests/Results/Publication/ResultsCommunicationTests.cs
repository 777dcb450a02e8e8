using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>The appeal window and the sharing of comments stay editable after submissions, until results are published.</summary>
public sealed class ResultsCommunicationTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private ContestAdminService Admin => new(_data.Database, _data.Clock, _data.Signal);

    [Fact]
    public async Task The_window_is_editable_with_the_rules_locked_within_zero_to_thirty_days_and_frozen_once_published()
    {
        var contest = await _data.ContestAsync();
        Assert.True(contest.RulesLocked);
        Assert.Equal((3, true), (contest.AppealWindowDays, contest.ShareJurorCommentsWithGroups));

        var tooLong = await Admin.SaveResultsCommunicationAsync("admin", _data.ContestId, contest.Version, 31, true);
        var saved = await Admin.SaveResultsCommunicationAsync("admin", _data.ContestId, contest.Version, 5, false);
        await _data.PublishFirstAsync();
        var late = await Admin.SaveResultsCommunicationAsync("admin", _data.ContestId, (await _data.ContestAsync()).Version, 10, true);

        Assert.Equal("ContestRules.AppealWindowRange", Assert.Single(tooLong.Violations).Rule);
        Assert.True(saved.Succeeded);
        Assert.Equal("ContestRules.ResultsAlreadyPublished", Assert.Single(late.Violations).Rule);
        Assert.Equal((5, false), ((await _data.ContestAsync()).AppealWindowDays, (await _data.ContestAsync()).ShareJurorCommentsWithGroups));
    }
}
