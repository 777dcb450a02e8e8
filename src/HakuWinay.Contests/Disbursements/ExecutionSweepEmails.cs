using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Disbursements;

/// <summary>Someone the sweep writes to.</summary>
internal sealed record SweepRecipient(string UserId, string Email, string FullName)
{
    public string Greeting => FullName.Length > 0 ? FullName : Email;
}

/// <summary>Whose award an email is about: the profile, its group and its contest.</summary>
internal sealed record SweepAwardContext(int AwardId, int ContestId, string ContestCode, int ProfileId, string ProfileCode, string GroupName);

/// <summary>The execution sweep's emails, in Spanish Markdown.</summary>
internal static class ExecutionSweepEmails
{
    private static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    public static (string Subject, EmailMarkdown Body) TrancheDue(SweepRecipient admin, SweepAwardContext award, int order, decimal amount, TrancheDueCheck check, string link)
    {
        var why = check.AccountedPercent is { } accounted
            ? $"Se aprobó una visita de seguimiento satisfactoria y el grupo rindió cuentas del {accounted.ToString("0.##", Peru)} % del tramo anterior."
            : "El convenio firmado está registrado.";
        EmailMarkdown body = $"""
            Estimado(a) {admin.Greeting}:

            El **tramo {order}** del perfil **{award.ProfileCode}** del grupo **{award.GroupName}** (concurso {award.ContestCode}) cumple sus condiciones y está listo para el desembolso: **{Money.Format(amount)}**.

            {why}

            [Abrir el premio]({link:url})
            """;
        return ($"Tramo {order} por desembolsar: {award.ProfileCode} ({award.GroupName})", body);
    }

    public static (string Subject, EmailMarkdown Body) VisitReminder(SweepRecipient technician, SweepAwardContext award, int visitOrder, DateOnly visitOn, int daysLeft, string link)
    {
        var date = visitOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var when = EmailMarkdown.Trusted(daysLeft == 1 ? "**mañana**" : $"dentro de **{daysLeft} días**");
        EmailMarkdown body = $"""
            Estimado(a) {technician.Greeting}:

            Tiene programada la **visita de seguimiento {visitOrder}** al grupo **{award.GroupName}** (perfil {award.ProfileCode}, concurso {award.ContestCode}) para el **{date}**, {when}.

            Después de la visita, registre su informe en el portal: fecha, asistentes, avance por línea de inversión, ventas, empleos, fotos y observaciones.

            [Abrir la visita]({link:url})
            """;
        return ($"Recordatorio: visita de seguimiento el {date} ({award.ProfileCode})", body);
    }

    public static (string Subject, EmailMarkdown Body) VisitOverdue(SweepRecipient admin, SweepAwardContext award, int visitOrder, DateOnly visitOn, string? technicianName, string link)
    {
        var date = visitOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var who = string.IsNullOrEmpty(technicianName) ? "sin técnico asignado" : $"asignada a {technicianName}";
        EmailMarkdown body = $"""
            Estimado(a) {admin.Greeting}:

            La **visita de seguimiento {visitOrder}** al grupo **{award.GroupName}** (perfil {award.ProfileCode}, concurso {award.ContestCode}), {who}, estaba programada para el **{date}** y no tiene informe. Quedó marcada como **vencida**.

            Puede reprogramarla o pedir el informe al técnico.

            [Abrir el premio]({link:url})
            """;
        return ($"Visita vencida sin informe: {award.ProfileCode} ({award.GroupName})", body);
    }
}
