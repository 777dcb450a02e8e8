using System.Globalization;
using System.Text;
using HakuWinay.Contests.Common;
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

    /// <summary>One buffer per thread for the explanations, so that twenty thousand of them allocate only their strings.</summary>
    [ThreadStatic]
    private static StringBuilder? _buffer;

    private static StringBuilder Buffer() => (_buffer ??= new StringBuilder(512)).Clear();

    public const string Ineligible = "No apto: el perfil no pasó la revisión de elegibilidad y no fue calificado.";

    public const string Withdrawn = "Retirado: el grupo retiró su perfil y no fue calificado.";

    /// <summary>
    /// A ranked profile: "Puntaje 78.50 ≥ 70; puesto 3 de 9 en negocio en idea; presupuesto restante
    /// S/ 22,500.00 ≥ solicitado S/ 7,500.00: financiado con S/ 7,500.00. Etapas: …".
    /// </summary>
    public static string Ranked(
        decimal evaluation, decimal passMark, int rank, int ranked, string category, decimal request, Allocation allocation,
        BudgetAllocationPolicy policy, decimal partialMinimumPercent, ScoreLine scores)
    {
        var text = Buffer();
        text.Append(Invariant, $"Puntaje {evaluation:F2} ≥ {Mark(passMark)}; puesto {rank} de {ranked} en {category}; ");
        var remaining = Money.Format(allocation.Remaining);
        var asked = Money.Format(request);
        _ = allocation.Step switch
        {
            AllocationStep.Fits =>
                text.Append(Invariant, $"presupuesto restante {remaining} ≥ solicitado {asked}: financiado con {asked}"),
            AllocationStep.PartiallyFits => text.Append(Invariant,
                $"presupuesto restante {remaining} < solicitado {asked}, y es al menos el {Mark(partialMinimumPercent)} % de lo solicitado: financiado en parte con {remaining}"),
            AllocationStep.BelowPartialMinimum => text.Append(Invariant,
                $"presupuesto restante {remaining} < solicitado {asked}, y es menos del {Mark(partialMinimumPercent)} % de lo solicitado: lista de espera, posición {allocation.WaitlistPosition}"),
            AllocationStep.DoesNotFit => text.Append(Invariant,
                $"presupuesto restante {remaining} < solicitado {asked}: lista de espera, posición {allocation.WaitlistPosition}"),
            _ => text.Append(Invariant,
                $"la asignación se detuvo en el puesto {allocation.StoppedAtRank}, el primero que no alcanzó presupuesto ({PolicyName(policy)}): lista de espera, posición {allocation.WaitlistPosition}"),
        };
        return AppendScores(text.Append(". "), scores).ToString();
    }

    /// <summary>"Puntaje 65.20 &lt; 70 (puntaje mínimo): desaprobado. Etapas: …".</summary>
    public static string Failed(decimal evaluation, decimal passMark, ScoreLine scores)
    {
        var text = Buffer();
        text.Append(Invariant, $"Puntaje {evaluation:F2} < {Mark(passMark)} (puntaje mínimo): desaprobado");
        text.Append(scores.Bonus > 0 ? "; la bonificación no cuenta para aprobar. " : ". ");
        return AppendScores(text, scores).ToString();
    }

    /// <summary>"Calificación incompleta: la etapa Presentación pública tiene 2 de 3 fichas de calificación; no entra al orden de mérito. Etapas: …".</summary>
    public static string Incomplete(IEnumerable<(string Stage, int Scorecards, int Required)> shortStages, ScoreLine scores)
    {
        var text = Buffer().Append("Calificación incompleta: ");
        var first = true;
        foreach (var (stage, scorecards, required) in shortStages)
        {
            text.Append(first ? "" : "; ").Append(Invariant, $"la etapa {stage} tiene {scorecards} de {required} fichas de calificación");
            first = false;
        }
        return AppendScores(text.Append("; no entra al orden de mérito. "), scores).ToString();
    }

    /// <summary>Appended for a stage an Admin accepted with fewer scorecards than required.</summary>
    public static string Accepted(string stage, int scorecards, int required, string reason) =>
        string.Create(Invariant, $"La etapa {stage} se calificó con {scorecards} de {required} fichas, aceptado por la administración: {reason}.");

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
    public static string TieBrokenBy(
        decimal final, string other, int otherRank, TieBreakerKind kind, string tieBreaker, (decimal Key, DateTime SubmittedAtUtc) mine, (decimal Key, DateTime SubmittedAtUtc) theirs)
    {
        var text = Buffer().Append(Invariant, $"Empate en {final:F2} con {other} (puesto {otherRank}); lo resolvió el desempate por {tieBreaker}: ");
        return AppendTieValue(AppendTieValue(text, kind, mine).Append(" frente a "), kind, theirs).Append('.').ToString();
    }

    public static string TieBySubmissionTime(decimal final, string other, int otherRank, DateTime mine, DateTime theirs) =>
        string.Create(Invariant,
            $"Empate en {final:F2} con {other} (puesto {otherRank}) no resuelto por los criterios de desempate; se ordenó por hora de presentación: {Time(mine)} frente a {Time(theirs)}.");

    public static string TieByCode(decimal final, string other, int otherRank) =>
        string.Create(Invariant,
            $"Empate en {final:F2} con {other} (puesto {otherRank}) no resuelto por los criterios de desempate ni por la hora de presentación; se ordenó por código de perfil.");

    /// <summary>"Etapas: Evaluación de campo 40.00, Presentación pública 38.50; bonificación 2.00; puntaje final 80.50."</summary>
    private static StringBuilder AppendScores(StringBuilder text, ScoreLine scores)
    {
        text.Append("Etapas: ");
        for (var s = 0; s < scores.Stages.Count; s++)
        {
            text.Append(s == 0 ? "" : ", ").Append(scores.StageNames[s]).Append(' ');
            _ = scores.Stages[s].Score is { } score ? text.Append(Invariant, $"{score:F2}") : text.Append("sin fichas");
        }
        text.Append(Invariant, $"; bonificación {scores.Bonus:F2}");
        _ = scores.Final is { } final ? text.Append(Invariant, $"; puntaje final {final:F2}.") : text.Append('.');
        return text;
    }

    private static StringBuilder AppendTieValue(StringBuilder text, TieBreakerKind kind, (decimal Key, DateTime SubmittedAtUtc) value) => kind switch
    {
        TieBreakerKind.HigherJuntosShare or TieBreakerKind.HigherWomenHeadedShare => text.Append(Invariant, $"{value.Key:F2} %"),
        TieBreakerKind.EarlierSubmission => text.Append(Time(value.SubmittedAtUtc)),
        _ => text.Append(Invariant, $"{value.Key:F2}"),
    };

    /// <summary>The pass mark or a percentage as the rules state it: "70", "72.5".</summary>
    private static string Mark(decimal value) => value.ToString("0.##", Invariant);

    private static string Time(DateTime utc) => LimaTime.ToLima(utc).ToString("dd/MM/yyyy HH:mm:ss", Invariant);

    private static string PolicyName(BudgetAllocationPolicy policy) => policy == BudgetAllocationPolicy.PartialLast
        ? "asignación parcial al último que no alcanza"
        : "asignación en estricto orden de mérito";
}
