using System.Collections.Frozen;
using System.Globalization;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// The Spanish (es-PE) texts of the sheet's and the scoring rules' message keys. Errors carry a key
/// and arguments, like <see cref="RuleViolation"/>, so moving these texts into the UI resources
/// later (for English) changes no rule: the keys and argument order below are the contract.
/// </summary>
public static class ScoreSheetCsvMessages
{
    private static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    private const string SaveAsCsvUtf8 =
        "En Excel use Archivo > Guardar como > «CSV UTF-8 (delimitado por comas) (*.csv)» y vuelva a subirlo.";

    public static FrozenDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        // The file as a whole
        ["ScoreSheet.FileTooLarge"] = "El archivo pesa más de {0} MB. Divídalo en archivos más pequeños.",
        ["ScoreSheet.Workbook"] = "El archivo es un libro de Excel, no un CSV. " + SaveAsCsvUtf8,
        ["ScoreSheet.UnreadableEncoding"] = "No se pudo leer el texto del archivo (su codificación no es UTF-8 ni Windows-1252). " + SaveAsCsvUtf8,
        ["ScoreSheet.Empty"] = "El archivo está vacío.",
        ["ScoreSheet.NoRows"] = "El archivo solo tiene la fila de encabezado: no hay puntajes que importar.",
        ["ScoreSheet.TooManyRows"] = "El archivo tiene más de {0:N0} filas de puntajes. Divídalo en varios archivos.",
        ["ScoreSheet.MoreErrors"] = "… y {0:N0} errores más. Corrija los anteriores y vuelva a subir el archivo.",
        // The form of a row
        ["ScoreSheet.UnclosedQuote"] = "unas comillas (\") se abren y no se cierran hasta el final del archivo.",
        ["ScoreSheet.HeaderMissingColumns"] = "al encabezado le faltan las columnas {0}. Debe tener: profile_code, stage_code, juror_email, criterion_code, points, comment.",
        ["ScoreSheet.HeaderUnknownColumns"] = "el encabezado tiene columnas que no corresponden: {0}.",
        ["ScoreSheet.HeaderRepeatedColumns"] = "el encabezado repite las columnas {0}.",
        ["ScoreSheet.WrongColumnCount"] = "tiene {0} columnas y deben ser {1} (¿un comentario con comas o punto y coma sin comillas?).",
        ["ScoreSheet.Required"] = "falta el valor de {0}.",
        ["ScoreSheet.TooLong"] = "el valor de {0} pasa de {1:N0} caracteres.",
        ["ScoreSheet.ControlCharacters"] = "el valor de {0} tiene caracteres de control no permitidos.",
        ["ScoreSheet.InvalidEmail"] = "«{0}» no es un correo electrónico válido.",
        ["ScoreSheet.PointsNotANumber"] = "el puntaje «{0}» no es un número (escriba, por ejemplo, 7 o 7.5).",
        ["ScoreSheet.PointsDecimalComma"] = "el puntaje «{0}» usa coma decimal en un archivo separado por comas; escriba 7.5 en lugar de 7,5.",
        // The row against the contest
        ["ScoreSheet.UnknownProfile"] = "no existe el perfil {0} en este concurso.",
        ["ScoreSheet.ProfileNotEligible"] = "el perfil {0} no es elegible para calificación.",
        ["ScoreSheet.UnknownStage"] = "no existe la etapa {0} en este concurso.",
        ["ScoreSheet.UnknownJuror"] = "no hay un jurado con el correo {0}.",
        ["ScoreSheet.JurorNotAppointed"] = "el jurado {0} no está designado para la etapa {1}.",
        ["ScoreSheet.JurorConflicted"] = "el jurado {0} tiene un conflicto de interés con el perfil {1}.",
        ["ScoreSheet.UnknownCriterion"] = "la etapa {1} no tiene el criterio {0}.",
        ["ScoreSheet.DuplicateRow"] = "repite la fila {0} (mismo perfil, etapa, jurado y criterio).",
        ["ScoreSheet.AlreadySubmitted"] = "la ficha del perfil {0}, etapa {1}, jurado {2} ya fue enviada; un administrador debe reabrirla antes de importarla.",
        ["ScoreSheet.MissingCriteria"] = "a la ficha del perfil {0}, etapa {1}, jurado {2} le faltan los criterios {3}.",
        // The scoring rules (ScoreRules)
        ["Scoring.PointsBelowZero"] = "el puntaje {0} del criterio {1} es menor que 0.",
        ["Scoring.PointsAboveMaximum"] = "el puntaje {0} supera el máximo {1} del criterio {2}.",
        ["Scoring.PointsNotWhole"] = "el puntaje {0} del criterio {1} debe ser un número entero.",
        ["Scoring.PointsNotHalf"] = "el puntaje {0} del criterio {1} debe ser entero o terminar en .5.",
        ["Scoring.PointsRequired"] = "falta el puntaje del criterio {0} ({1}).",
        ["Scoring.CriteriaMissing"] = "faltan los puntajes de los criterios {0}.",
        ["Scoring.UnknownCriterion"] = "la etapa no tiene el criterio {0}.",
        ["Scoring.DuplicateCriterion"] = "el criterio {0} tiene dos puntajes.",
        ["Scoring.CommentTooLong"] = "el comentario pasa de {0:N0} caracteres (criterio {1}).",
        ["Scoring.OverallCommentTooLong"] = "el comentario general pasa de {0:N0} caracteres.",
    }.ToFrozenDictionary();

    /// <summary>"Fila 7: el puntaje 12 supera el máximo 10 del criterio C2." (or the file-wide sentence when there is no row).</summary>
    public static string Spanish(ScoreSheetCsvError error)
    {
        var text = Format(error.Rule, error.Arguments);
        return error.Row is { } row ? $"Fila {row.ToString(Peru)}: {text}" : text;
    }

    /// <summary>A scoring rule's violation as a sentence, e.g. "El puntaje 12 supera el máximo 10 del criterio C2."</summary>
    public static string Spanish(RuleViolation violation)
    {
        var text = Format(violation.Rule, violation.Arguments);
        return text.Length == 0 ? text : char.ToUpper(text[0], Peru) + text[1..];
    }

    private static string Format(string rule, object[] arguments)
    {
        if (!Texts.TryGetValue(rule, out var text))
        {
            throw new ArgumentException($"No Spanish text for the message key {rule}.", nameof(rule));
        }
        var shown = arguments.Select(a => a is decimal d ? d.ToString("0.##########", Peru) : a).ToArray();
        return string.Format(Peru, text, shown);
    }
}
