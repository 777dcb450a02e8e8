using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Web.PublicResults;

namespace HakuWinay.Contests.Web.Tests.Results;

/// <summary>Hand-made results of a small contest: two categories, two stages, five profiles, two published versions.</summary>
internal static class ResultsSamples
{
    public static readonly DateTime Deadline = new(2026, 11, 20, 23, 0, 0, DateTimeKind.Utc);

    /// <summary>Version 2, published 2 Dec 2026 10:30 in Lima (15:30 UTC), correcting version 1.</summary>
    public static readonly PublicationInfo Version2 = new(2, new DateTime(2026, 12, 2, 15, 30, 0, DateTimeKind.Utc), new string('a', 64), "Se corrigió el puntaje de campo del perfil AYA-2026-01-003 tras su reclamo.");

    public static readonly PublicationInfo Version1 = new(1, new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc), new string('b', 64), null);

    public static ResultsContest Contest { get; } = new(1, "AYA-2026-01", "Concurso de negocios rurales Huamanga 2026", "Ayacucho", "Huamanga", "Tambillo");

    public static ResultsInput Input { get; } = new(
        new ResultsRules(70m, ScoreAggregation.Mean, BudgetAllocationPolicy.SkipToFit, null, false, Deadline,
            [
                new RankedStage("CAMPO", "Evaluación de campo", 50m, 1, [new RankedCriterion("C1", "Gestión", 100m, 100m)]),
                new RankedStage("PUBLICA", "Presentación pública", 50m, 1, [new RankedCriterion("P1", "Claridad", 100m, 100m)]),
            ],
            [new RankedCategory("IDEA", "Negocio en idea", 15_000m, 7_500m), new RankedCategory("MARCHA", "Negocio en marcha", 20_000m, 10_000m)],
            [new PriorityRule(PriorityKind.Juntos, 50m, 2m)], []),
        [
            Profile("AYA-2026-01-001", "IDEA", "Warmi Kallpa", "Cuyes", "Tambillo"),
            Profile("AYA-2026-01-002", "IDEA", "Qori Quinua", "Granos andinos", "Quinua"),
            Profile("AYA-2026-01-003", "IDEA", "Yuraq Rumi", "Lácteos", "Tambillo"),
            Profile("AYA-2026-01-004", "IDEA", "Maki Ruraq", "Textiles", "Acocro", ProfileStanding.Withdrawn),
            Profile("AYA-2026-01-005", "MARCHA", "Challwa", "Truchas", "Vinchos"),
        ],
        [
            new SubmittedScore("AYA-2026-01-001", "CAMPO", "J1", [new CriterionScore("C1", 80m)]),
            new SubmittedScore("AYA-2026-01-001", "PUBLICA", "J2", [new CriterionScore("P1", 90m)]),
        ]);

    public static RankingResult Result { get; } = new(
        [new CategoryOutcome("IDEA", 15_000m, 0m, 7_500m, 7_500m, 2, 1), new CategoryOutcome("MARCHA", 20_000m, 7_500m, 0m, 27_500m, 0, 0)],
        [
            // Listed out of order on purpose: the page orders by rank, not by the result's order.
            Entry("AYA-2026-01-002", "IDEA", 2, ResultOutcome.Waitlisted, 0m, 76.5m, waitlist: 1, note: "Empate con AYA-2026-01-001 a 76.50; lo decidió la mayor proporción de hogares Juntos."),
            Entry("AYA-2026-01-001", "IDEA", 1, ResultOutcome.Funded, 7_500m, 85m, explanation: "Puntaje 85.00 ≥ 70; puesto 1 de 2 en negocio en idea; presupuesto restante S/ 15,000.00 ≥ solicitado S/ 7,500.00"),
            Entry("AYA-2026-01-003", "IDEA", null, ResultOutcome.Failed, 0m, 65.25m),
            Entry("AYA-2026-01-004", "IDEA", null, ResultOutcome.Withdrawn, 0m, null),
            Entry("AYA-2026-01-005", "MARCHA", null, ResultOutcome.Incomplete, 0m, null),
        ]);

    public static ShownResults Published(IReadOnlyList<StageJurors>? jurors = null) =>
        new(Contest, Version2, [Version2, Version1], Input, Result, jurors);

    public static ShownResults Preview() =>
        new(Contest, new PublicationInfo(0, Version1.PublishedAtUtc, new string('c', 64), null), [], Input, Result,
            [new StageJurors("CAMPO", "Evaluación de campo", ["Rosa Huamán"]), new StageJurors("PUBLICA", "Presentación pública", [])]);

    private static ProfileFacts Profile(string code, string category, string group, string line, string district, ProfileStanding standing = ProfileStanding.Eligible) =>
        new(code, category, 7_500m, Deadline.AddDays(-3), standing, new GroupFacts(4, 2, 1, 2), [], group, line, district);

    private static ResultEntry Entry(string code, string category, int? rank, ResultOutcome outcome, decimal award, decimal? score,
        int? waitlist = null, string? note = null, string? explanation = null) =>
        new(code, category,
            score is null ? [] : [new StageResult("CAMPO", score + 1m, 1, 1, false), new StageResult("PUBLICA", score - 1m, 1, 1, false)],
            score, rank is null ? 0m : 2m, score is null ? null : Math.Min(100m, score.Value + (rank is null ? 0m : 2m)), rank is not null, rank, waitlist, outcome, award,
            explanation ?? $"Explicación de {code}", note);
}
