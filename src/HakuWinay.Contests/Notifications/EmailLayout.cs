using System.Net;

namespace HakuWinay.Contests.Notifications;

/// <summary>The plain HTML frame every email wears; inline styles because mail clients ignore stylesheets.</summary>
internal static class EmailLayout
{
    public static string Wrap(string subject, string bodyHtml) =>
        $"""
        <!DOCTYPE html>
        <html lang="es"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
        <body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:600px;margin:0 auto;padding:16px">
        <p style="font-size:13px;color:#2e6b30;font-weight:bold;margin:0 0 12px">Haku Wiñay · Concursos</p>
        {bodyHtml}
        <hr style="border:none;border-top:1px solid #ddd;margin:24px 0 8px">
        <p style="font-size:12px;color:#666">Mensaje automático del portal de concursos de Haku Wiñay (FONCODES). No responda a este correo.</p>
        </body></html>
        """;
}
