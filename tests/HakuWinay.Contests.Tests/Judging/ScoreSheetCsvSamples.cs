using System.Globalization;
using System.Text;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>
/// Sheets and contests for the CSV tests and the benchmark (which links this file).
/// The small contest: profiles AYA-2026-01-001…003 eligible and 009 not; stage CAMPO (C1 and C2
/// of 10 points, C3 of 5) and stage PUBLICA (P1 of 20, P2 of 30), half points; jurors 1 to 3
/// appointed to both, juror 4 to CAMPO only, juror 2 conflicted with 002, and juror 3's CAMPO
/// scorecard for 003 already submitted.
/// </summary>
public static class ScoreSheetCsvSamples
{
    public const string Header = "profile_code,stage_code,juror_email,criterion_code,points,comment";

    public static string Juror(int n) => $"jurado{n}@demo.hakuwinay.pe";

    public static ScoreSheetCsvContext Contest(ScoreGranularity granularity = ScoreGranularity.HalfPoints) => new(
        Profiles: [new("AYA-2026-01-001", true), new("AYA-2026-01-002", true), new("AYA-2026-01-003", true), new("AYA-2026-01-009", false)],
        Stages:
        [
            new("CAMPO", granularity, [new("C1", "Participación", 10m, 40m), new("C2", "Gestión", 10m, 35m), new("C3", "Coherencia", 5m, 25m)]),
            new("PUBLICA", granularity, [new("P1", "Claridad", 20m, 50m), new("P2", "Vínculo con el territorio", 30m, 50m)]),
        ],
        JurorEmails: [Juror(1), Juror(2), Juror(3), Juror(4)],
        Appointments:
        [
            new("CAMPO", Juror(1)), new("CAMPO", Juror(2)), new("CAMPO", Juror(3)), new("CAMPO", Juror(4)),
            new("PUBLICA", Juror(1)), new("PUBLICA", Juror(2)), new("PUBLICA", Juror(3)),
        ],
        Conflicts: [new(Juror(2), "AYA-2026-01-002")],
        SubmittedScorecards: [new("AYA-2026-01-003", "CAMPO", Juror(3))]);

    /// <summary>Juror 1's complete CAMPO sheet for profile 001: rows 2 to 4.</summary>
    public static string CompleteSheet(string lineBreak = "\r\n") => string.Join(lineBreak,
        Header,
        $"AYA-2026-01-001,CAMPO,{Juror(1)},C1,7.5,Participan 9 de 12 familias",
        $"AYA-2026-01-001,CAMPO,{Juror(1)},C2,8,",
        $"AYA-2026-01-001,CAMPO,{Juror(1)},C3,4,\"Plan realista, con contrapartida\"") + lineBreak;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// A valid sheet of <paramref name="profiles"/> × 4 jurors × 5 criteria rows (500 profiles make
    /// 10,000 rows), with plain, quoted and accented comments, and the contest it fits.
    /// </summary>
    public static (byte[] File, ScoreSheetCsvContext Contest) Large(int profiles)
    {
        string[] criteria = ["C1", "C2", "C3", "C4", "C5"];
        string[] comments = ["", "Buen manejo de registros", "\"Familias de Ñahui y Huamán, todas presentes\"", "=faltan datos", "\"Dijo: \"\"vendemos en la feria\"\"\""];
        var text = new StringBuilder(Header).Append("\r\n");
        var codes = Enumerable.Range(1, profiles).Select(p => $"AYA-2026-01-{p.ToString("D4", CultureInfo.InvariantCulture)}").ToList();
        var row = 0;
        foreach (var code in codes)
        {
            for (var juror = 1; juror <= 4; juror++)
            {
                foreach (var criterion in criteria)
                {
                    var points = (row % 21 / 2m).ToString(CultureInfo.InvariantCulture);
                    text.Append(CultureInfo.InvariantCulture, $"{code},CAMPO,{Juror(juror)},{criterion},{points},{comments[row % comments.Length]}\r\n");
                    row++;
                }
            }
        }
        var contest = new ScoreSheetCsvContext(
            Profiles: [.. codes.Select(c => new ScoreSheetCsvContext.Profile(c, true))],
            Stages: [new("CAMPO", ScoreGranularity.HalfPoints, [.. criteria.Select(c => new ScoringCriterion(c, "Criterio " + c, 10m, 20m))])],
            JurorEmails: [.. Enumerable.Range(1, 4).Select(Juror)],
            Appointments: [.. Enumerable.Range(1, 4).Select(j => new ScoreSheetCsvContext.Appointment("CAMPO", Juror(j)))],
            Conflicts: [],
            SubmittedScorecards: []);
        return (Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), contest);
    }
}
