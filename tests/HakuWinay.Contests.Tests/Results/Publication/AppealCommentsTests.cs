using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>The jurors' comments a group reads on its appeal page: submitted scorecards only, jurors by number, only when the contest shares them.</summary>
public sealed class AppealCommentsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("haku-appeal-comments-").FullName;
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private AppealQueries Queries => new(_data.Database, new AttachmentStorage(_folder), _data.Clock);

    [Fact]
    public async Task After_publication_each_comment_names_its_stage_and_criterion_and_the_juror_only_by_number()
    {
        await _data.PublishFirstAsync();

        var quinua = await Queries.JurorCommentsAsync(_data.ContestId, _data.ProfileIds[0]);
        var acocro = await Queries.JurorCommentsAsync(_data.ContestId, _data.ProfileIds[1]);

        Assert.Equal(
            [new AppealJurorComment(1, "Etapa CAMPO", "Criterio uno", "Buen plan"), new AppealJurorComment(1, "Etapa PUBLICA", "Criterio uno", "Buen plan")],
            quinua);
        Assert.Empty(acocro);
    }

    [Fact]
    public async Task Comments_come_stage_by_stage_then_juror_by_juror_with_overall_comments_and_never_from_a_draft()
    {
        await _data.ScoreAsync("j2", _data.FieldStageId, _data.ProfileIds[0], 18, 9, "Falta el galpón");
        await _data.ScoreAsync("j1", _data.FieldStageId, _data.ProfileIds[0], 18, 9, "Buen plan");
        await _data.ScoreAsync("j3", _data.FieldStageId, _data.ProfileIds[0], 18, 9, "Borrador", submit: false);
        await SubmitWithOverallCommentAsync("j1", _data.PublicStageId, "Plan claro.");

        var comments = await Queries.JurorCommentsAsync(_data.ContestId, _data.ProfileIds[0]);

        Assert.Equal(
            [
                new AppealJurorComment(1, "Etapa CAMPO", "Criterio uno", "Buen plan"),
                new AppealJurorComment(2, "Etapa CAMPO", "Criterio uno", "Falta el galpón"),
                new AppealJurorComment(1, "Etapa PUBLICA", null, "Plan claro."),
            ],
            comments);
    }

    [Fact]
    public async Task A_contest_that_does_not_share_comments_shows_none()
    {
        await _data.ScoreAllAsync();
        await _data.WithDbAsync(async db =>
        {
            (await db.Contests.SingleAsync(c => c.Id == _data.ContestId)).SetResultsCommunication(Contest.DefaultAppealWindowDays, shareJurorComments: false);
            return await db.SaveChangesAsync();
        });

        Assert.Empty(await Queries.JurorCommentsAsync(_data.ContestId, _data.ProfileIds[0]));
    }

    private Task<int> SubmitWithOverallCommentAsync(string juror, int stageId, string overall) => _data.WithDbAsync(async db =>
    {
        var criteria = await db.Set<ContestCriterion>().Where(c => c.ContestStageId == stageId).OrderBy(c => c.Order).ToListAsync();
        var now = _data.Clock.GetUtcNow().UtcDateTime;
        var scorecard = new Scorecard(stageId, _data.ProfileIds[0], juror, "admin", Instants.Now);
        scorecard.Record(new Dictionary<int, (decimal?, string?)> { [criteria[0].Id] = (18, null), [criteria[1].Id] = (9, null) }, overall, now);
        scorecard.Submit(now);
        db.Scorecards.Add(scorecard);
        return await db.SaveChangesAsync();
    });
}
