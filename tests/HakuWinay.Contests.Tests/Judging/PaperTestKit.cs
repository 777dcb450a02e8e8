using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// The paper services over a <see cref="JudgingTestData"/> contest (stages CAMPO and PUBLICA with
/// C1 of 20 points, weight 60, and C2 of 10, weight 40; whole points; 3 jurors per profile), the
/// events they publish, and the profile codes.
/// </summary>
internal sealed class PaperTestKit(JudgingTestData data, TimeProvider clock)
{
    public RecordingEvents Events { get; } = new();

    public JudgingServices Judging { get; } = new(data.Database, clock);

    public PaperSheetService Paper => new(data.Database, clock, Events);

    public ScoreSheetImportService Import => new(data.Database, clock, Events);

    public EvaluationQueries Evaluation => new(data.Database);

    public ScoringScheduleService Schedule => new(data.Database, clock);

    public static string Email(string juror) => $"{juror}@t.pe";

    public async Task<string[]> ProfileCodesAsync()
    {
        await using var db = data.Database.CreateDbContext();
        var codes = await db.BusinessProfiles.Where(p => data.ProfileIds.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Code!).ToListAsync();
        return [.. codes];
    }

    public async Task<Scorecard> ScorecardAsync(int profileId, string juror, int? stageId = null)
    {
        await using var db = data.Database.CreateDbContext();
        var stage = stageId ?? data.FieldStageId;
        return await db.Scorecards.Include(s => s.Points).SingleAsync(s => s.ContestStageId == stage && s.BusinessProfileId == profileId && s.JurorUserId == juror);
    }

    /// <summary>Appoints every juror to the field stage and assigns j1–j3 to every eligible profile by hand.</summary>
    public async Task AssignFirstThreeAsync()
    {
        await JudgingTestData.AppointAllAsync(Judging, data.FieldStageId);
        foreach (var profile in data.ProfileIds)
        {
            foreach (var juror in JudgingTestData.Jurors.Take(3))
            {
                Assert.True((await Judging.Assignment.AddAsync(JudgingTestData.Admin, data.FieldStageId, profile, juror)).Succeeded);
            }
        }
    }

    public async Task<ServiceResult<int>> EnterAsync(int profileId, string juror, decimal c1, decimal c2, string? overall = null)
    {
        var scorecard = await ScorecardAsync(profileId, juror);
        return await Paper.EnterAsync(JudgingTestData.Admin, scorecard.Id, scorecard.Version,
            [new CriterionPoints("C1", c1, "Bien"), new CriterionPoints("C2", c2)], overall);
    }

    internal sealed class RecordingEvents : IContestEvents
    {
        private readonly List<ContestEvent> _published = [];

        public IReadOnlyList<ContestEvent> Published
        {
            get
            {
                lock (_published)
                {
                    return [.. _published];
                }
            }
        }

        public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler) => throw new NotSupportedException();

        public void Publish(ContestEvent contestEvent)
        {
            lock (_published)
            {
                _published.Add(contestEvent);
            }
        }
    }
}
