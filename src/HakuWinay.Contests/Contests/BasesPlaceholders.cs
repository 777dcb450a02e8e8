using System.Globalization;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Text;

namespace HakuWinay.Contests.Contests;

/// <summary>The bases with every placeholder filled, and the placeholders that name nothing.</summary>
public sealed record FilledBases(string Markdown, IReadOnlyList<string> Unknown);

/// <summary>
/// The figures a contest's bases quote (amounts, percentages, dates, limits, documents) come from
/// its settings through placeholders such as <c>{{contrapartida_minima}}</c>, filled each time the
/// bases are shown, so the text and the rules the portal checks can never disagree. Values are
/// formatted as Peruvian documents write them (S/ 7,500.00, 10 %, dates in Lima) and escaped before
/// the Markdown is rendered, so a setting's text cannot add markup. The list is in docs/bases.md.
/// </summary>
public static partial class BasesPlaceholders
{
    /// <summary>Shown for a date the timeline does not set yet.</summary>
    public const string NotSetYet = "por definir";

    /// <summary>Shown for an investment category without a cap.</summary>
    public const string NoCap = "sin tope";

    /// <summary>The placeholder name of each investment category, in the bases' language.</summary>
    public static IReadOnlyDictionary<InvestmentCategory, string> CategorySlugs { get; } = new Dictionary<InvestmentCategory, string>
    {
        [InvestmentCategory.Equipment] = "equipos",
        [InvestmentCategory.InputsAndMaterials] = "materiales_insumos",
        [InvestmentCategory.Infrastructure] = "infraestructura",
        [InvestmentCategory.TechnicalAssistance] = "asistencia_tecnica",
        [InvestmentCategory.Training] = "capacitacion",
        [InvestmentCategory.Other] = "otros",
    };

    // Anything between double braces is a placeholder, so a misspelt one ("{{ contra partida }}") is reported, never printed.
    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    public static FilledBases Fill(Contest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return Fill(contest.BasesMarkdown, ValuesOf(contest));
    }

    /// <summary>
    /// Replaces each known placeholder by its value, escaped for Markdown; an unknown one stays as
    /// written (escaped, so it shows literally) and is listed in <see cref="FilledBases.Unknown"/>.
    /// </summary>
    public static FilledBases Fill(string? markdown, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var unknown = new List<string>();
        var filled = Placeholder().Replace(markdown ?? "", match =>
        {
            var name = match.Groups[1].Value.Trim();
            if (values.TryGetValue(name, out var value))
            {
                return MarkdownRenderer.Escape(value);
            }
            if (!unknown.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                unknown.Add(name);
            }
            return MarkdownRenderer.Escape(match.Value);
        });
        return new FilledBases(filled, unknown);
    }

    /// <summary>The placeholders of <paramref name="markdown"/> that <paramref name="contest"/>'s settings do not fill.</summary>
    public static IReadOnlyList<string> UnknownIn(string? markdown, Contest contest) => Fill(markdown, ValuesOf(contest)).Unknown;

    /// <summary>Every placeholder the contest fills now, by name (case-insensitive), formatted for the bases.</summary>
    public static IReadOnlyDictionary<string, string> ValuesOf(Contest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["codigo"] = contest.Code,
            ["titulo"] = contest.Title,
            ["contrapartida_minima"] = Percent(contest.MinCounterpartPercent),
            ["hogares_minimo"] = Number(contest.MinHouseholds),
            ["hogares_maximo"] = Number(contest.MaxHouseholds),
            ["puntaje_minimo"] = Number(contest.PassMark),
            ["plazo_apelacion_dias"] = Number(contest.AppealWindowDays),
            ["presupuesto_total"] = Money.Format(contest.Categories.Sum(c => c.Budget)),
            ["apertura_convocatoria"] = LimaTime.Format(contest.Timeline.CallOpensAtUtc),
            ["cierre_convocatoria"] = LimaTime.Format(contest.Timeline.SubmissionsCloseAtUtc),
            ["inicio_evaluacion_campo"] = Date(contest.Timeline.FieldEvaluationStartsAtUtc),
            ["fin_evaluacion_campo"] = Date(contest.Timeline.FieldEvaluationEndsAtUtc),
            ["sesion_publica"] = DateAndTime(contest.Timeline.PublicSessionAtUtc),
            ["resultados"] = Date(contest.Timeline.ResultsAtUtc),
            ["tramos"] = ListOf(contest.Tranches.OrderBy(t => t.Order).Select(t => Percent(t.Percent)).ToList()),
            ["documentos_requeridos"] = ListOf(contest.DocumentSlots.Where(s => s.IsRequired).OrderBy(s => s.Order).Select(s => s.Name).ToList()),
        };
        foreach (var category in contest.Categories)
        {
            values[$"categoria.{category.Code}.nombre"] = category.Name;
            values[$"categoria.{category.Code}.presupuesto"] = Money.Format(category.Budget);
            values[$"categoria.{category.Code}.monto_maximo"] = Money.Format(category.MaxAward);
        }
        foreach (var (category, slug) in CategorySlugs)
        {
            var cap = contest.InvestmentCaps.SingleOrDefault(c => c.Category == category);
            values[$"tope.{slug}"] = cap is null ? NoCap : Percent(cap.MaxPercentOfFund);
        }
        foreach (var tranche in contest.Tranches)
        {
            values[$"tramo.{tranche.Order}"] = Percent(tranche.Percent);
            if (tranche.RequiredAccountedPercent is decimal accounted)
            {
                values[$"tramo.{tranche.Order}.rendicion"] = Percent(accounted);
            }
        }
        foreach (var stage in contest.Stages)
        {
            values[$"etapa.{stage.Code}.nombre"] = stage.Name;
            values[$"etapa.{stage.Code}.peso"] = Percent(stage.Weight);
        }
        return values;
    }

    /// <summary>"10 %", "7.5 %": the figure as the rules hold it, with the space Peruvian documents put before the sign.</summary>
    internal static string Percent(decimal value) => Number(value) + " %";

    private static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTime? utc) => utc is { } value ? LimaTime.FormatDate(value) : NotSetYet;

    private static string DateAndTime(DateTime? utc) => utc is { } value ? LimaTime.Format(value) : NotSetYet;

    /// <summary>"a", "a y b", "a, b y c"; "ninguno" when empty.</summary>
    private static string ListOf(List<string> items) => items.Count switch
    {
        0 => "ninguno",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " y " + items[^1],
    };
}
