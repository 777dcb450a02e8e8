using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>
/// The SMS the portal sends, in Spanish, each a single GSM-7 SMS (160) for ordinary values and never
/// more than <see cref="OutboxMessage.MaxSmsParts"/> parts: free text (names, codes) is clipped, the
/// link is a short one, and á í ó ú are folded by the outbox (<see cref="SmsLength.ToGsm7"/>).
/// Each ends with the short link to the page where the person acts or reads the detail.
/// </summary>
public static class SmsTexts
{
    private const string Brand = "Haku Wiñay";
    private const int Code = 24;
    private const int Name = 40;

    public static string EligibilityDecided(string profileCode, bool eligible, string link) =>
        $"{Brand}: su perfil {Clip(profileCode, Code)} fue declarado {(eligible ? "ELEGIBLE y pasa al jurado" : "NO ELEGIBLE")}. Motivo: {link}";

    public static string ResultsPublished(string contestCode, string profileCode, string outcome, decimal award, string link) =>
        $"{Brand}: resultados del concurso {Clip(contestCode, Code)}. Perfil {Clip(profileCode, Code)}: {outcome}"
        + (award > 0 ? $", {Money.Format(award)}" : "") + $". Detalle: {link}";

    public static string TranchePaid(int order, string profileCode, decimal amount, string link) =>
        $"{Brand}: se pago el tramo {N(order)} de su premio (perfil {Clip(profileCode, Code)}): {Money.Format(amount)}. Vea: {link}";

    public static string ExpenseReviewed(string supplier, string documentNumber, bool accepted, string link) =>
        $"{Brand}: su gasto {Clip(documentNumber, Code)} de {Clip(supplier, Name)} fue {(accepted ? "aprobado" : "observado, corrijalo")}. Vea: {link}";

    public static string VisitReminder(int order, string group, DateOnly on, int daysLeft, string link) =>
        $"{Brand}: visita {N(order)} a {Clip(group, Name)} el {on.ToString("dd/MM", CultureInfo.InvariantCulture)}"
        + (daysLeft <= 0 ? " (hoy)" : $" (en {N(daysLeft)} dias)") + $". Informe: {link}";

    public static string ScoringReminder(string contestCode, int pending, DateTime closesLima, string link) =>
        $"{Brand}: tiene {N(pending)} fichas por calificar en {Clip(contestCode, Code)}; cierra el {closesLima.ToString("dd/MM HH:mm", CultureInfo.InvariantCulture)}. {link}";

    public static string LiveSessionCall(string contestCode, string stageName, string link) =>
        $"{Brand}: empezo la sesion publica ({Clip(stageName, Name)}) del concurso {Clip(contestCode, Code)}. Ingrese para calificar: {link}";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value cut to <paramref name="max"/> characters with an ellipsis of three dots (GSM-7 has no "…").</summary>
    public static string Clip(string value, int max)
    {
        var text = string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= max ? text : text[..(max - 3)].TrimEnd() + "...";
    }
}
