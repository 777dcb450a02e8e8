using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results;

/// <summary>
/// The Spanish wording of every result's explanation and tie-break note (rule 8). These texts are
/// the official wording of the published results and of the acta, the same in the portal and the
/// command-line tool whatever the reader's language, so they live here in the domain and not in
/// the portal's resources. Numbers with a dot and two decimals; money as "S/ 7,500.00"; times in Lima.
/// </summary>
internal static class ResultExplanations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Number(decimal value) => value.ToString("0.00", Invariant);

    /// <summary>The pass mark as the rules state it: "70", "72.5".</summary>
    public static string Mark(decimal passMark) => passMark.ToString("0.##", Invariant);

    public static string Time(DateTime utc) => LimaTime.ToLima(utc).ToString("dd/MM/yyyy HH:mm:ss", Invariant);

    /// <summary>"Etapas: Evaluación de campo 40.00, Presentación pública 38.50; bonificación 2.00; puntaje final 80.50."</summary>
    public static string Scores(IEnumerable<(string Stage, decimal? Score)> stages, decimal bonus, decimal? final)
    {
        var shown = string.Join(", ", stages.Select(s => $"{s.Stage} {(s.Score is { } score ? Number(score) : "sin fichas")}"));
        var finalText = final is { } f ? $"; puntaje final {Number(f)}" : "";
        return $"Etapas: {shown}; bonificación {Number(bonus)}{finalText}.";
    }

    /// <summary>A ranked profile: "Puntaje 78.50 ≥ 70; puesto 3 de 9 en negocio en idea; presupuesto restante … ≥ solicitado …: financiado con …."</summary>
    public static string Ranked(
        decimal evaluation, decimal passMark, int rank, int ranked, string category, decimal request, Allocation allocation,
        BudgetAllocationPolicy policy, decimal partialMinimumPercent)
    {
        var head = $"Puntaje {Number(evaluation)} ≥ {Mark(passMark)}; puesto {rank} de {ranked} en {category}";
        var remaining = Money.Format(allocation.Remaining);
        var asked = Money.Format(request);
        var minimum = Mark(partialMinimumPercent);
        var reason = allocation.Step switch
        {
            AllocationStep.Fits =>
                $"presupuesto restante {remaining} ≥ solicitado {asked}: financiado con {Money.Format(allocation.Award)}",
            AllocationStep.PartiallyFits =>
                $"presupuesto restante {remaining} < solicitado {asked}, y es al menos el {minimum} % de lo solicitado: " +
                $"financiado en parte con {Money.Format(allocation.Award)}",
            AllocationStep.BelowPartialMinimum =>
                $"presupuesto restante {remaining} < solicitado {asked}, y es menos del {minimum} % de lo solicitado: " +
                $"lista de espera, posición {allocation.WaitlistPosition}",
            AllocationStep.DoesNotFit =>
                $"presupuesto restante {remaining} < solicitado {asked}: lista de espera, posición {allocation.WaitlistPosition}",
            _ =>
                $"la asignación se detuvo en el puesto {allocation.StoppedAtRank}, el primero que no alcanzó presupuesto " +
                $"({PolicyName(policy)}): lista de espera, posición {allocation.WaitlistPosition}",
        };
        return $"{head}; {reason}.";
    }

    public static string Failed(decimal evaluation, decimal passMark, decimal bonus) =>
        bonus > 0
            ? $"Puntaje {Number(evaluation)} < {Mark(passMark)} (puntaje mínimo): desaprobado; la bonificación no cuenta para aprobar."
            : $"Puntaje {Number(evaluation)} < {Mark(passMark)} (puntaje mínimo): desaprobado.";

    /// <summary>"Calificación incompleta: la etapa Presentación pública tiene 2 de 3 fichas de calificación; no entra al orden de mérito."</summary>
    public static string Incomplete(IEnumerable<(string Stage, int Scorecards, int Required)> shortStages) =>
        "Calificación incompleta: " +
        string.Join("; ", shortStages.Select(s => $"la etapa {s.Stage} tiene {s.Scorecards} de {s.Required} fichas de calificación")) +
        "; no entra al orden de mérito.";

    public static string Accepted(string stage, int scorecards, int required, string reason) =>
        $"La etapa {stage} se calificó con {scorecards} de {required} fichas, aceptado por la administración: {reason}.";

    public const string Ineligible = "No apto: el perfil no pasó la revisión de elegibilidad y no fue calificado.";

    public const string Withdrawn = "Retirado: el grupo retiró su perfil y no fue calificado.";

    /// <summary>What a tie-breaker compares: "mayor puntaje en la etapa Presentación pública".</summary>
    public static string TieBreaker(TieBreakerKind kind, string? stage, string? criterion) => kind switch
    {
        TieBreakerKind.HigherStageScore => $"mayor puntaje en la etapa {stage}",
        TieBreakerKind.HigherCriterionMean => $"mayor promedio en el criterio {criterion} de la etapa {stage}",
        TieBreakerKind.HigherJuntosShare => "mayor proporción de hogares usuarios de Juntos",
        TieBreakerKind.HigherWomenHeadedShare => "mayor proporción de hogares con jefatura femenina",
        _ => "presentación más temprana",
    };

    /// <summary>A tie-breaker's value as it was compared: "80.00", "62.50 %", a Lima time.</summary>
    public static string TieValue(TieBreakerKind kind, decimal value, DateTime submittedAtUtc) => kind switch
    {
        TieBreakerKind.HigherJuntosShare or TieBreakerKind.HigherWomenHeadedShare => $"{Number(value)} %",
        TieBreakerKind.EarlierSubmission => Time(submittedAtUtc),
        _ => Number(value),
    };

    /// <summary>"Empate en 78.50 con AYA-002 (puesto 4); lo resolvió el desempate por mayor puntaje en la etapa …: 80.00 frente a 75.00."</summary>
    public static string TieBrokenBy(decimal final, string other, int otherRank, string tieBreaker, string mine, string theirs) =>
        $"Empate en {Number(final)} con {other} (puesto {otherRank}); lo resolvió el desempate por {tieBreaker}: {mine} frente a {theirs}.";

    public static string TieBySubmissionTime(decimal final, string other, int otherRank, DateTime mine, DateTime theirs) =>
        $"Empate en {Number(final)} con {other} (puesto {otherRank}) no resuelto por los criterios de desempate; " +
        $"se ordenó por hora de presentación: {Time(mine)} frente a {Time(theirs)}.";

    public static string TieByCode(decimal final, string other, int otherRank) =>
        $"Empate en {Number(final)} con {other} (puesto {otherRank}) no resuelto por los criterios de desempate " +
        "ni por la hora de presentación; se ordenó por código de perfil.";

    private static string PolicyName(BudgetAllocationPolicy policy) => policy == BudgetAllocationPolicy.PartialLast
        ? "asignación parcial al último que no alcanza"
        : "asignación en estricto orden de mérito";
}
