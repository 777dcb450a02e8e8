using System.Collections.Concurrent;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// The judging test contest with the field stage assigned (seed 42, every juror appointed, every
/// declaration confirmed) and the scoring services over it. Field stage criteria: C1 of 20 points
/// (weight 60), C2 of 10 (weight 40); whole points.
/// </summary>
internal sealed class ScoringTestData(JudgingTestData data, JudgingServices judging, TimeProvider clock)
{
    public JudgingTestData Data { get; } = data;
    public JudgingServices Judging { get; } = judging;
    public RecordingEvents Events { get; } = new();
    public FakeScoringLinks Links { get; } = new();

    public ScoringService Scoring => new(Data.Database, clock, Judging.Signal, Links, Events);

    public ScoringQueries Queries => new(Data.Database);

    public ScoringReminderService Reminders => new(Data.Database, clock, Judging.Signal, Links);

    public static async Task<ScoringTestData> CreateAsync(TimeProvider clock)
    {
        var data = await JudgingTestData.CreateAsync();
        var judging = new JudgingServices(data.Database, clock);
        await JudgingTestData.AppointAllAsync(judging, data.FieldStageId);
        Assert.True((await judging.Assignment.RunAsync(JudgingTestData.Admin, data.FieldStageId, 42)).Succeeded);
        foreach (var juror in JudgingTestData.Jurors)
        {
            Assert.True((await judging.Conflicts.ConfirmAsync(juror, data.ContestId)).Succeeded);
        }
        return new ScoringTestData(data, judging, clock);
    }

    public async Task<Scorecard> ScorecardOfAsync(string juror, int? profileId = null) =>
        (await Data.ScorecardsAsync(Data.FieldStageId)).First(s => s.JurorUserId == juror && (profileId is null || s.BusinessProfileId == profileId));

    public async Task<Scorecard> ReloadAsync(int scorecardId)
    {
        await using var db = Data.Database.CreateDbContext();
        return await db.Scorecards.Include(s => s.Points).SingleAsync(s => s.Id == scorecardId);
    }

    public async Task SetDeadlineAsync(DateTime? deadlineUtc)
    {
        await using var db = Data.Database.CreateDbContext();
        var stage = await db.Set<ContestStage>().SingleAsync(s => s.Id == Data.FieldStageId);
        stage.ScheduleScoring(deadlineUtc, 20m);
        await db.SaveChangesAsync();
    }

    internal sealed class RecordingEvents : IContestEvents
    {
        public ConcurrentQueue<ContestEvent> Published { get; } = new();

        public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler) => throw new NotSupportedException();

        public void Publish(ContestEvent contestEvent) => Published.Enqueue(contestEvent);
    }

    internal sealed class FakeScoringLinks : IScoringLinks
    {
        public string Scorecard(int scorecardId) => $"https://portal.test/juror/scorecards/{scorecardId}";

        public string Scorecards(int contestId) => $"https://portal.test/juror/contests/{contestId}/scorecards";
    }
}
