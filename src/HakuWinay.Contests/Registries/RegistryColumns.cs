namespace HakuWinay.Contests.Registries;

/// <summary>
/// Where each column of a padrón is in a file's header: matched by name in any order and case;
/// extra columns (the programme's own spreadsheets carry many) are ignored, a required one missing
/// or a column repeated is an error of the header row.
/// </summary>
internal sealed class RegistryColumns
{
    private readonly Dictionary<string, int> _index;

    private RegistryColumns(Dictionary<string, int> index) => _index = index;

    public static RegistryColumns? Locate(RegistryTable table, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<RegistryError> errors)
    {
        var names = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var known = required.Concat(optional).ToList();
        var missing = required.Where(c => !names.Contains(c)).ToList();
        var repeated = names.Where(known.Contains).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new RegistryError(table.HeaderRow, "Registry.MissingColumns", string.Join(", ", missing)));
        }
        if (repeated.Count > 0)
        {
            errors.Add(new RegistryError(table.HeaderRow, "Registry.RepeatedColumns", string.Join(", ", repeated)));
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new RegistryColumns(known.Where(names.Contains).ToDictionary(c => c, c => names.IndexOf(c)));
    }

    /// <summary>The trimmed cell of <paramref name="column"/>; empty when the column is absent or the row short.</summary>
    public string Cell(RegistryTableRow row, string column) =>
        _index.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";
}

/// <summary>Past this many errors the rest are only counted: a wrong file of 100,000 rows need not list them all.</summary>
internal sealed class RegistryErrorList
{
    public const int MaxListed = 200;

    private readonly List<RegistryError> _listed = [];

    public int Count { get; private set; }

    public void Add(RegistryError error)
    {
        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(error);
        }
    }

    public IReadOnlyList<RegistryError> ToList() =>
        Count > _listed.Count ? [.. _listed, new RegistryError(null, "Registry.MoreErrors", Count - _listed.Count)] : [.. _listed];
}
