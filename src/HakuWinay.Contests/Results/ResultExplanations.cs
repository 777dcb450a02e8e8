using System.Globalization;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results;

/// <summary>A profile's scores as an explanation shows them: each stage's score, the bonus, the final score.</summary>
internal readonly record struct ScoreLine(IReadOnlyList<string> StageNames, IReadOnlyList<StageResult> Stages, decimal Bonus, decimal? Final);

/// <summary>
/// The Spanish wording of every result's explanation and tie-break note (rule 8). These texts are
/// the official wording of the published results and of the acta, the same in the portal and the
/// command-line tool whatever the reader's language, so they live here in the domain and not in
/// the portal's resources. Numbers with a dot and two decimals ("F2" is "0.00" for the two-decimal
/// values shown, and quicker); money as "S/ 7,500.00"; times in Lima.
/// </summary>
internal static class ResultExplanations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string Ineligible = "No apto: el perfil no pasó la revisión de elegibilidad y no fue calificado.";

    public const string Withdrawn = "Retirado: el grupo retiró su perfil y no fue calificado.";

    // The texts below are written into the thread's ExplanationText (see there why); the caller
    // starts it, may append more (an accepted incomplete stage), and turns it into the string.

    /// <summary>
    /// A ranked profile: "Puntaje 78.50 ≥ 70; puesto 3 de 9 en negocio en idea; presupuesto restante
    /// S/ 22,500.00 ≥ solicitado S/ 7,500.00: financiado con S/ 7,500.00. Etapas: …".
    /// <paramref name="passMark"/> and <paramref name="partialMinimumPercent"/> come written by <see cref="Mark"/>
    /// (once per ranking, not once per profile).
    /// </summary>
    public static void Ranked(
        ExplanationText text, decimal evaluation, string passMark, int rank, int ranked, string category, decimal request, Allocation allocation,
        BudgetAllocationPolicy policy, string partialMinimumPercent, ScoreLine scores)
    {
        text.Append("Puntaje ").AppendTwoDecimals(evaluation).Append(" ≥ ").Append(passMark)
            .Append("; puesto ").Append(rank).Append(" de ").Append(ranked).Append(" en ").Append(category).Append("; ");
        _ = allocation.Step switch
        {
            AllocationStep.Fits => text.Append("presupuesto restante ").AppendMoney(allocation.Remaining)
                .Append(" ≥ solicitado ").AppendMoney(request).Append(": financiado con ").AppendMoney(request),
            AllocationStep.PartiallyFits => text.Append("presupuesto restante ").AppendMoney(allocation.Remaining)
                .Append(" < solicitado ").AppendMoney(request).Append(", y es al menos el ").Append(partialMinimumPercent)
                .Append(" % de lo solicitado: financiado en parte con ").AppendMoney(allocation.Remaining),
            AllocationStep.BelowPartialMinimum => text.Append("presupuesto restante ").AppendMoney(allocation.Remaining)
                .Append(" < solicitado ").AppendMoney(request).Append(", y es menos del ").Append(partialMinimumPercent)
                .Append(" % de lo solicitado: lista de espera, posición ").Append(allocation.WaitlistPosition.GetValueOrDefault()),
            AllocationStep.DoesNotFit => text.Append("presupuesto restante ").AppendMoney(allocation.Remaining)
                .Append(" < solicitado ").AppendMoney(request).Append(": lista de espera, posición ").Append(allocation.WaitlistPosition.GetValueOrDefault()),
            _ => text.Append("la asignación se detuvo en el puesto ").Append(allocation.StoppedAtRank.GetValueOrDefault())
                .Append(", el primero que no alcanzó presupuesto (").Append(PolicyName(policy)).Append("): lista de espera, posición ")
                .Append(allocation.WaitlistPosition.GetValueOrDefault()),
        };
        AppendScores(text.Append(". "), scores);
    }

    /// <summary>"Puntaje 65.20 &lt; 70 (puntaje mínimo): desaprobado. Etapas: …" (<paramref name="passMark"/> as <see cref="Ranked"/>'s).</summary>
    public static void Failed(ExplanationText text, decimal evaluation, string passMark, ScoreLine scores)
    {
        text.Append("Puntaje ").AppendTwoDecimals(evaluation).Append(" < ").Append(passMark).Append(" (puntaje mínimo): desaprobado");
        text.Append(scores.Bonus > 0 ? "; la bonificación no cuenta para aprobar. " : ". ");
        AppendScores(text, scores);
    }

    /// <summary>
    /// "Descalificado: asistieron 2 de 5 familias socias (40.00 %) a la evaluación de campo, menos del
    /// 50 % exigido; no entra al orden de mérito. Etapas: …" (issue 17; <paramref name="minimum"/> as <see cref="Mark"/> writes it).
    /// </summary>
    public static void Disqualified(ExplanationText text, FieldAttendance attendance, string minimum, ScoreLine scores)
    {
        var share = attendance.Households == 0 ? 0m : Common.ExactFraction.Of(attendance.Present * 100, attendance.Households).Round(2);
        text.Append("Descalificado: asistieron ").Append(attendance.Present).Append(" de ").Append(attendance.Households)
            .Append(" familias socias (").AppendTwoDecimals(share).Append(" %) a la evaluación de campo, menos del ").Append(minimum)
            .Append(" % exigido; no entra al orden de mérito. ");
        AppendScores(text, scores);
    }

    /// <summary>"Calificación incompleta: la etapa Presentación pública tiene 2 de 3 fichas de calificación; no entra al orden de mérito. Etapas: …".</summary>
    public static void Incomplete(ExplanationText text, IReadOnlyList<string> stageNames, IReadOnlyList<StageResult> stages, ScoreLine scores)
    {
        text.Append("Calificación incompleta: ");
        var first = true;
        for (var s = 0; s < stages.Count; s++)
        {
            // The stages that make a profile Incomplete (rule 5): no scorecard, or fewer than required and not accepted.
            var result = stages[s];
            if (result.Scorecards == 0 || (result.Scorecards < result.Required && !result.AcceptedIncomplete))
            {
                text.Append(first ? "" : "; ").Append("la etapa ").Append(stageNames[s]).Append(" tiene ").Append(result.Scorecards)
                    .Append(" de ").Append(result.Required).Append(" fichas de calificación");
                first = false;
            }
        }
        AppendScores(text.Append("; no entra al orden de mérito. "), scores);
    }

    /// <summary>Appended (after a space) for a stage an Admin accepted with fewer scorecards than required.</summary>
    public static void Accepted(ExplanationText text, string stage, int scorecards, int required, string reason) =>
        text.Append("La etapa ").Append(stage).Append(" se calificó con ").Append(scorecards).Append(" de ").Append(required)
            .Append(" fichas, aceptado por la administración: ").Append(reason).Append('.');

    /// <summary>What a tie-breaker compares: "mayor puntaje en la etapa Presentación pública".</summary>
    public static string TieBreaker(TieBreakerKind kind, string? stage, string? criterion) => kind switch
    {
        TieBreakerKind.HigherStageScore => $"mayor puntaje en la etapa {stage}",
        TieBreakerKind.HigherCriterionMean => $"mayor promedio en el criterio {criterion} de la etapa {stage}",
        TieBreakerKind.HigherJuntosShare => "mayor proporción de hogares usuarios de Juntos",
        TieBreakerKind.HigherWomenHeadedShare => "mayor proporción de hogares con jefatura femenina",
        _ => "presentación más temprana",
    };

    /// <summary>
    /// "Empate en 78.50 con AYA-002 (puesto 4); lo resolvió el desempate por mayor puntaje en la etapa …: 80.00 frente a 75.00."
    /// Each value as it was compared: "80.00", "62.50 %", or a Lima time for the earlier submission.
    /// </summary>
    public static void TieBrokenBy(
        ExplanationText text, decimal final, string other, int otherRank, TieBreakerKind kind, string tieBreaker,
        (decimal Key, DateTime SubmittedAtUtc) mine, (decimal Key, DateTime SubmittedAtUtc) theirs)
    {
        text.Append("Empate en ").AppendTwoDecimals(final).Append(" con ").Append(other).Append(" (puesto ").Append(otherRank)
            .Append("); lo resolvió el desempate por ").Append(tieBreaker).Append(": ");
        AppendTieValue(AppendTieValue(text, kind, mine).Append(" frente a "), kind, theirs).Append('.');
    }

    public static void TieBySubmissionTime(ExplanationText text, decimal final, string other, int otherRank, DateTime mine, DateTime theirs) =>
        text.Append("Empate en ").AppendTwoDecimals(final).Append(" con ").Append(other).Append(" (puesto ").Append(otherRank)
            .Append(") no resuelto por los criterios de desempate; se ordenó por hora de presentación: ")
            .AppendLimaTime(mine).Append(" frente a ").AppendLimaTime(theirs).Append('.');

    public static void TieByCode(ExplanationText text, decimal final, string other, int otherRank) =>
        text.Append("Empate en ").AppendTwoDecimals(final).Append(" con ").Append(other).Append(" (puesto ").Append(otherRank)
            .Append(") no resuelto por los criterios de desempate ni por la hora de presentación; se ordenó por código de perfil.");

    /// <summary>The pass mark or a percentage as the rules state it: "70", "72.5".</summary>
    public static string Mark(decimal value) => value.ToString("0.##", Invariant);

    /// <summary>"Etapas: Evaluación de campo 40.00, Presentación pública 38.50; bonificación 2.00; puntaje final 80.50."</summary>
    private static void AppendScores(ExplanationText text, ScoreLine scores)
    {
        text.Append("Etapas: ");
        for (var s = 0; s < scores.Stages.Count; s++)
        {
            text.Append(s == 0 ? "" : ", ").Append(scores.StageNames[s]).Append(' ');
            _ = scores.Stages[s].Score is { } score ? text.AppendTwoDecimals(score) : text.Append("sin fichas");
        }
        text.Append("; bonificación ").AppendTwoDecimals(scores.Bonus);
        _ = scores.Final is { } final ? text.Append("; puntaje final ").AppendTwoDecimals(final).Append('.') : text.Append('.');
    }

    private static ExplanationText AppendTieValue(ExplanationText text, TieBreakerKind kind, (decimal Key, DateTime SubmittedAtUtc) value) => kind switch
    {
        TieBreakerKind.HigherJuntosShare or TieBreakerKind.HigherWomenHeadedShare => text.AppendTwoDecimals(value.Key).Append(" %"),
        TieBreakerKind.EarlierSubmission => text.AppendLimaTime(value.SubmittedAtUtc),
        _ => text.AppendTwoDecimals(value.Key),
    };

    private static string PolicyName(BudgetAllocationPolicy policy) => policy == BudgetAllocationPolicy.PartialLast
        ? "asignación parcial al último que no alcanza"
        : "asignación en estricto orden de mérito";
}
