using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Tests.Results.Package;

/// <summary>
/// Results inputs made by code, deterministic, for the package tests, the committed example
/// (docs/examples/results-package.example.json) and the benchmark (linked into it).
/// </summary>
internal static class ResultsSamples
{
    public static readonly DateTime Deadline = new(2026, 10, 31, 4, 59, 59, DateTimeKind.Utc);
    public static readonly DateTime PublishedAt = new(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

    /// <summary>Two stages of 50 (field, public session), three criteria each; two categories.</summary>
    public static ResultsRules Rules(int requiredScorecards = 3, decimal budget = 22_500m) => new(
        PassMark: 70m,
        Aggregation: ScoreAggregation.Mean,
        Allocation: BudgetAllocationPolicy.SkipToFit,
        PartialAwardMinimumPercent: null,
        RollOverUnspentBudget: true,
        SubmissionDeadlineUtc: Deadline,
        Stages:
        [
            new RankedStage("campo", "Evaluación de campo", 50m, requiredScorecards,
            [
                new RankedCriterion("asistencia", "Familias presentes", 10m, 30m),
                new RankedCriterion("gestion", "Capacidad de gestión", 10m, 40m),
                new RankedCriterion("coherencia", "Coherencia del plan", 10m, 30m),
            ]),
            new RankedStage("publica", "Presentación pública", 50m, requiredScorecards,
            [
                new RankedCriterion("claridad", "Claridad", 20m, 50m),
                new RankedCriterion("territorio", "Vínculo con el territorio", 20m, 25m),
                new RankedCriterion("participacion", "Participación de mujeres y jóvenes", 20m, 25m),
            ]),
        ],
        Categories:
        [
            new RankedCategory("idea", "Negocio en idea", budget, 7_500m),
            new RankedCategory("marcha", "Negocio en marcha", budget, 7_500m),
        ],
        PriorityRules: [new PriorityRule(PriorityKind.WomenHeaded, 50m, 2.5m), new PriorityRule(PriorityKind.Juntos, 60m, 2m)],
        TieBreakers:
        [
            new TieBreakerRule(TieBreakerKind.HigherStageScore, StageCode: "publica"),
            new TieBreakerRule(TieBreakerKind.HigherJuntosShare),
            new TieBreakerRule(TieBreakerKind.EarlierSubmission),
        ],
        MinimumAttendancePercent: 50m);

    /// <summary>The committed example: eight profiles of contest AYA-2026-01 scored by three jurors per stage.</summary>
    public static ResultsInput ExampleInput()
    {
        var rules = Rules();
        var profiles = new List<ProfileFacts>();
        var scores = new List<SubmittedScore>();
        // (category, request, women-headed of 5, Juntos of 5, field points per juror, public points per juror)
        (string Category, decimal Request, int Women, int Juntos, decimal[] Field, decimal[] Public, ProfileStanding Standing)[] plan =
        [
            ("idea", 7_500m, 3, 4, [9, 8, 8], [17, 16, 18], ProfileStanding.Eligible),
            ("idea", 7_500m, 2, 1, [7, 7.5m, 8], [15, 14, 16], ProfileStanding.Eligible),
            ("idea", 7_200m, 4, 2, [8, 8, 7], [16, 15, 15.5m], ProfileStanding.Eligible),
            ("idea", 7_500m, 1, 0, [6, 5, 6], [11, 12, 10], ProfileStanding.Eligible),
            ("idea", 7_000m, 2, 2, [7, 7, 7], [14, 14, 14], ProfileStanding.Eligible),
            ("marcha", 7_500m, 3, 3, [9, 9, 8.5m], [18, 17, 17], ProfileStanding.Eligible),
            ("marcha", 7_500m, 2, 4, [8, 7, 8], [15, 16, 15], ProfileStanding.Eligible),
            ("marcha", 6_800m, 1, 1, [0, 0, 0], [0, 0, 0], ProfileStanding.Ineligible),
        ];
        for (var i = 0; i < plan.Length; i++)
        {
            var p = plan[i];
            var code = $"AYA-2026-01-{i + 1:D3}";
            profiles.Add(new ProfileFacts(code, p.Category, p.Request, Deadline.AddDays(-20 + i).AddMinutes(37 * i), p.Standing,
                new GroupFacts(5, p.Women, 1 + (i % 2), p.Juntos), [],
                GroupName: $"Asociación de productores {Names[i]}", ProductionLine: Lines[i % Lines.Length], District: "Huamanga",
                Attendance: p.Standing == ProfileStanding.Eligible ? new FieldAttendance(5, 3 + (i % 3)) : null));
            if (p.Standing != ProfileStanding.Eligible)
            {
                continue;
            }
            for (var juror = 0; juror < 3; juror++)
            {
                scores.Add(Scorecard(rules.Stages[0], code, $"J{juror + 1}", p.Field[juror], juror));
                scores.Add(Scorecard(rules.Stages[1], code, $"J{juror + 4}", p.Public[juror], juror));
            }
        }
        return new ResultsInput(rules, profiles, scores);
    }

    /// <summary>The example as the portal would publish it: results computed by the rules, hash filled.</summary>
    public static ResultsPackage ExamplePackage()
    {
        var input = ExampleInput();
        return ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest("AYA-2026-01", "Concurso de perfiles de negocio Huamanga 2026", 1, PublishedAt, null),
            input.Rules, input.Profiles, input.Scores, Ranking.Compute(input)));
    }

    /// <summary>
    /// A large contest for the benchmark: <paramref name="profiles"/> profiles in 2 categories,
    /// 2 stages × 5 jurors × 6 criteria each, points drawn from a fixed seed.
    /// </summary>
    public static ResultsInput Large(int profiles, int seed = 20261123)
    {
        var random = new Random(seed);
        RankedStage Stage(string code, string name) => new(code, name, 50m, 5,
            [.. Enumerable.Range(1, 6).Select(c => new RankedCriterion($"{code}-c{c}", $"Criterio {c}", 10m, c <= 4 ? 15m : 20m))]);
        var rules = Rules(requiredScorecards: 5, budget: 600_000m) with { Stages = [Stage("campo", "Campo"), Stage("publica", "Pública")] };
        var facts = new List<ProfileFacts>(profiles);
        var scores = new List<SubmittedScore>(profiles * 10);
        for (var i = 0; i < profiles; i++)
        {
            var code = $"BEN-2026-{i + 1:D6}";
            facts.Add(new ProfileFacts(code, i % 2 == 0 ? "idea" : "marcha", 7_000m + (500m * random.Next(0, 2)),
                Deadline.AddMinutes(-random.Next(0, 60 * 24 * 30)), ProfileStanding.Eligible,
                new GroupFacts(5, random.Next(0, 6), random.Next(0, 6), random.Next(0, 6)), []));
            // A profile's quality, so scores cluster the way real juries' do.
            var quality = 4 + (random.NextDouble() * 6);
            foreach (var stage in rules.Stages)
            {
                for (var juror = 1; juror <= 5; juror++)
                {
                    var points = stage.Criteria
                        .Select(c => new CriterionScore(c.Code, Math.Clamp(Math.Round((decimal)(quality + (random.NextDouble() * 3) - 1.5) * 2) / 2, 0m, 10m)))
                        .ToList();
                    scores.Add(new SubmittedScore(code, stage.Code, $"{stage.Code}-J{juror}", points));
                }
            }
        }
        return new ResultsInput(rules, facts, scores);
    }

    private static readonly string[] Names = ["Sumaq Kawsay", "Wiñay Pacha", "Allin Mikuy", "Qori Sara", "Tinkuy", "Illariy", "Munay Tika", "Pukllay"];

    private static readonly string[] Lines = ["Cuyes", "Miel de abeja", "Granos andinos", "Lácteos"];

    /// <summary>A juror's scorecard: <paramref name="points"/> on every criterion, half a point less on one and more on the next (by juror).</summary>
    private static SubmittedScore Scorecard(RankedStage stage, string profile, string juror, decimal points, int variant)
    {
        var scored = stage.Criteria.Select((c, index) =>
        {
            var shift = index == variant % stage.Criteria.Count ? -0.5m : index == (variant + 1) % stage.Criteria.Count ? 0.5m : 0m;
            return new CriterionScore(c.Code, Math.Clamp(points + shift, 0m, c.MaxPoints));
        }).ToList();
        return new SubmittedScore(profile, stage.Code, juror, scored);
    }
}
