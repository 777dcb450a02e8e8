using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>
/// A contest's results input, small by default: pass mark 70; two stages of weight 50 needing one
/// scorecard each, each with one criterion "Q" of 100 points and weight 100 (so a juror's points
/// are their stage total); one category "IDEA" (negocio en idea) with S/ 100,000.00; the mean;
/// SkipToFit; no priority rules, no tie-breakers. Profiles are submitted one minute apart in the
/// order they are added, from 1 March 2026 09:00 in Lima.
/// </summary>
internal sealed class ResultsBuilder
{
    public const string Field = "FIELD";
    public const string Public = "PUBLIC";
    public const string Idea = "IDEA";
    public const string Running = "RUN";

    public static readonly DateTime FirstSubmission = Instants.Lima(2026, 3, 1, 9, 0);

    private readonly List<RankedStage> _stages = [];
    private readonly List<RankedCategory> _categories = [];
    private readonly List<PriorityRule> _priorities = [];
    private readonly List<TieBreakerRule> _tieBreakers = [];
    private readonly List<ProfileFacts> _profiles = [];
    private readonly List<SubmittedScore> _scores = [];
    private decimal _passMark = 70m;
    private ScoreAggregation _aggregation = ScoreAggregation.Mean;
    private BudgetAllocationPolicy _policy = BudgetAllocationPolicy.SkipToFit;
    private decimal? _partialMinimum;
    private bool _rollOver;

    public static RankedCriterion Criterion(string code, decimal maxPoints, decimal weight) => new(code, $"Criterio {code}", maxPoints, weight);

    public ResultsBuilder PassMark(decimal passMark)
    {
        _passMark = passMark;
        return this;
    }

    public ResultsBuilder Aggregation(ScoreAggregation aggregation)
    {
        _aggregation = aggregation;
        return this;
    }

    public ResultsBuilder Policy(BudgetAllocationPolicy policy, decimal? partialMinimumPercent = null)
    {
        _policy = policy;
        _partialMinimum = partialMinimumPercent;
        return this;
    }

    public ResultsBuilder RollOver()
    {
        _rollOver = true;
        return this;
    }

    /// <summary>Adds a stage; the first call replaces the two default stages. Without criteria, one "Q" of 100 points.</summary>
    public ResultsBuilder Stage(string code, decimal weight, int required = 1, params RankedCriterion[] criteria)
    {
        _stages.Add(new RankedStage(code, StageName(code), weight, required, criteria.Length == 0 ? [Criterion("Q", 100, 100)] : criteria));
        return this;
    }

    /// <summary>Adds a category; the first call replaces the default one.</summary>
    public ResultsBuilder Category(string code, decimal budget, string? name = null, decimal maxAward = 20_000m)
    {
        _categories.Add(new RankedCategory(code, name ?? CategoryName(code), budget, maxAward));
        return this;
    }

    /// <summary>The budget of the default category.</summary>
    public ResultsBuilder Budget(decimal budget) => Category(Idea, budget);

    public ResultsBuilder Priority(PriorityKind kind, decimal thresholdPercent, decimal points)
    {
        _priorities.Add(new PriorityRule(kind, thresholdPercent, points));
        return this;
    }

    public ResultsBuilder TieBreaker(TieBreakerKind kind, string? stage = null, string? criterion = null)
    {
        _tieBreakers.Add(new TieBreakerRule(kind, stage, criterion));
        return this;
    }

    public ResultsBuilder Profile(
        string code, decimal request = 7_500m, string category = Idea, DateTime? submittedAtUtc = null,
        ProfileStanding standing = ProfileStanding.Eligible, GroupFacts? group = null, params IncompleteAcceptance[] accepted)
    {
        _profiles.Add(new ProfileFacts(
            code, category, request, submittedAtUtc ?? FirstSubmission.AddMinutes(_profiles.Count), standing,
            group ?? new GroupFacts(5, 0, 0, 0), accepted, $"Grupo {code}", "Cuyes", "Chumbivilcas"));
        return this;
    }

    /// <summary>One scorecard by <paramref name="juror"/>, points per criterion code.</summary>
    public ResultsBuilder Score(string profile, string stage, string juror, params (string Criterion, decimal Points)[] points)
    {
        _scores.Add(new SubmittedScore(profile, stage, juror, [.. points.Select(p => new CriterionScore(p.Criterion, p.Points))]));
        return this;
    }

    /// <summary>For one-criterion stages: one scorecard per juror with these stage totals.</summary>
    public ResultsBuilder Totals(string profile, string stage, params decimal[] jurorTotals)
    {
        for (var j = 0; j < jurorTotals.Length; j++)
        {
            Score(profile, stage, $"J{j + 1}", ("Q", jurorTotals[j]));
        }
        return this;
    }

    /// <summary>A profile scored by one juror per default stage: <paramref name="field"/> and <paramref name="publicSession"/>.</summary>
    public ResultsBuilder Scored(string profile, decimal field, decimal publicSession) =>
        Totals(profile, Field, field).Totals(profile, Public, publicSession);

    /// <summary>A profile whose evaluation score is <paramref name="evaluation"/> (both stages scored the same).</summary>
    public ResultsBuilder Scored(string profile, decimal evaluation) => Scored(profile, evaluation, evaluation);

    public ResultsInput Build() => new(
        new ResultsRules(
            _passMark, _aggregation, _policy, _partialMinimum, _rollOver, FirstSubmission.AddDays(-1),
            _stages.Count > 0 ? [.. _stages] : [new(Field, StageName(Field), 50, 1, [Criterion("Q", 100, 100)]), new(Public, StageName(Public), 50, 1, [Criterion("Q", 100, 100)])],
            _categories.Count > 0 ? [.. _categories] : [new(Idea, CategoryName(Idea), 100_000m, 20_000m)],
            [.. _priorities], [.. _tieBreakers]),
        [.. _profiles], [.. _scores]);

    public RankingResult Rank() => Ranking.Compute(Build());

    private static string StageName(string code) => code switch
    {
        Field => "Evaluación de campo",
        Public => "Presentación pública",
        _ => $"Etapa {code}",
    };

    private static string CategoryName(string code) => code switch
    {
        Idea => "negocio en idea",
        Running => "negocio en marcha",
        _ => $"categoría {code}",
    };
}

internal static class RankingResultExtensions
{
    public static ResultEntry Entry(this RankingResult result, string profileCode) => result.Entries.Single(e => e.ProfileCode == profileCode);

    public static CategoryOutcome Category(this RankingResult result, string categoryCode) => result.Categories.Single(c => c.CategoryCode == categoryCode);

    /// <summary>The codes of a category's ranked profiles, best first.</summary>
    public static string[] Ranked(this RankingResult result, string categoryCode = ResultsBuilder.Idea) =>
        [.. result.Entries.Where(e => e.CategoryCode == categoryCode && e.Rank is not null).OrderBy(e => e.Rank).Select(e => e.ProfileCode)];
}
