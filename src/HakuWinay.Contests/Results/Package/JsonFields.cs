using System.Text.Json;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// Reads values out of a parsed JSON document, each at a JSON path, collecting one plain-English
/// error per wrong value instead of throwing, so a reader lists every problem of a file at once.
/// A getter that finds an error returns a default; the caller discards the result when any error
/// was found.
/// </summary>
internal sealed class JsonFields
{
    /// <summary>Past this many errors the rest are only counted.</summary>
    public const int MaxErrorsListed = 100;

    private readonly List<string> _errors = [];
    private int _unlisted;

    public int ErrorCount => _errors.Count + _unlisted;

    public IReadOnlyList<string> Errors =>
        _unlisted == 0 ? _errors : [.. _errors, $"… and {_unlisted} more errors"];

    public void Error(string path, string message)
    {
        if (_errors.Count < MaxErrorsListed)
        {
            _errors.Add($"{path}: {message}");
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>An object with exactly these fields: each missing and each unknown field is an error. False when it is not an object at all.</summary>
    public bool Object(JsonElement element, string path, string what, IReadOnlyList<string> fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"{Describe(element)} is not {what} (a JSON object)");
            return false;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Error($"{path}.{property.Name}", "the field occurs twice");
            }
            else if (!fields.Contains(property.Name))
            {
                Error($"{path}.{property.Name}", $"unknown field; {what} has the fields {string.Join(", ", fields)}");
            }
        }
        foreach (var field in fields)
        {
            if (!seen.Contains(field))
            {
                Error(path, $"the field \"{field}\" is missing");
            }
        }
        return true;
    }

    /// <summary>The field's value, or an Undefined element when it is missing (already reported by <see cref="Object"/>).</summary>
    public static JsonElement Field(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : default;

    public IReadOnlyList<T> Array<T>(JsonElement obj, string path, string name, Func<JsonElement, string, T> item)
    {
        var element = Field(obj, name);
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            return [];
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", $"{Describe(element)} is not a list (a JSON array)");
            return [];
        }
        var items = new List<T>(element.GetArrayLength());
        var index = 0;
        foreach (var value in element.EnumerateArray())
        {
            items.Add(item(value, $"{path}.{name}[{index}]"));
            index++;
        }
        return items;
    }

    public string String(JsonElement obj, string path, string name) => NullableString(obj, path, name, nullable: false) ?? "";

    public string? NullableString(JsonElement obj, string path, string name, bool nullable = true) =>
        StringOf(obj, path, name, nullable, out _,
            element => $"{Describe(element)} is not {(nullable ? "a text or null" : "a text")} (a JSON string)");

    /// <summary>A non-empty code (of a stage, a profile, ...).</summary>
    public string Code(JsonElement obj, string path, string name)
    {
        var value = NullableString(obj, path, name, nullable: false);
        if (value is not null && value.Trim().Length == 0)
        {
            Error($"{path}.{name}", "a code cannot be empty");
        }
        return value ?? "";
    }

    public int Integer(JsonElement obj, string path, string name, int minimum) => NullableInteger(obj, path, name, minimum, nullable: false) ?? 0;

    public int? NullableInteger(JsonElement obj, string path, string name, int minimum, bool nullable = true)
    {
        var element = Field(obj, name);
        if (element.ValueKind == JsonValueKind.Undefined || (nullable && element.ValueKind == JsonValueKind.Null))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            Error($"{path}.{name}", $"{Describe(element)} is not a whole number{(nullable ? " or null" : "")} (a JSON number such as {Math.Max(minimum, 1)})");
            return null;
        }
        if (value < minimum)
        {
            Error($"{path}.{name}", $"{value} is less than {minimum}");
            return null;
        }
        return value;
    }

    public bool Boolean(JsonElement obj, string path, string name)
    {
        var element = Field(obj, name);
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False or JsonValueKind.Undefined:
                return false;
            default:
                Error($"{path}.{name}", $"{Describe(element)} is not true or false");
                return false;
        }
    }

    public decimal Amount(JsonElement obj, string path, string name) =>
        TwoDecimals(obj, path, name, nullable: false, "an amount", PackageValues.AmountExample) ?? 0;

    public decimal Score(JsonElement obj, string path, string name) => NullableScore(obj, path, name, nullable: false) ?? 0;

    public decimal? NullableScore(JsonElement obj, string path, string name, bool nullable = true) =>
        TwoDecimals(obj, path, name, nullable, "a score", PackageValues.ScoreExample);

    public decimal Number(JsonElement obj, string path, string name) => NullableNumber(obj, path, name, nullable: false) ?? 0;

    public decimal? NullableNumber(JsonElement obj, string path, string name, bool nullable = true)
    {
        var text = Text(obj, path, name, nullable, out var element);
        if (text is null)
        {
            return null;
        }
        if (PackageValues.TryParseNumber(text, out var value))
        {
            return value;
        }
        Error($"{path}.{name}", PackageValues.IsNegative(text)
            ? $"{element.GetRawText()} is negative; it must be zero or more"
            : $"{Shown(element)} is not a number with a dot and at least two decimals, no trailing zero past the second, such as \"{PackageValues.NumberExample}\"{OrNull(nullable)}");
        return null;
    }

    public DateTime Time(JsonElement obj, string path, string name)
    {
        var text = Text(obj, path, name, nullable: false, out var element);
        if (text is null)
        {
            return default;
        }
        if (PackageValues.TryParseTime(text, out var value))
        {
            return value;
        }
        Error($"{path}.{name}", $"{Shown(element)} is not a UTC time such as \"{PackageValues.TimeExample}\" (ISO 8601, ending in Z)");
        return default;
    }

    public T Enum<T>(JsonElement obj, string path, string name) where T : struct, Enum
    {
        var text = Text(obj, path, name, nullable: false, out var element);
        if (text is null)
        {
            return default;
        }
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(PackageValues.EnumName(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        var known = string.Join(", ", System.Enum.GetValues<T>().Select(v => PackageValues.EnumName(v)));
        Error($"{path}.{name}", $"{Shown(element)} is not one of {known}");
        return default;
    }

    private decimal? TwoDecimals(JsonElement obj, string path, string name, bool nullable, string what, string example)
    {
        var text = Text(obj, path, name, nullable, out var element);
        if (text is null)
        {
            return null;
        }
        if (PackageValues.TryParseTwoDecimals(text, out var value))
        {
            return value;
        }
        Error($"{path}.{name}", PackageValues.IsNegative(text)
            ? $"{element.GetRawText()} is negative; {what} is zero or more"
            : $"{Shown(element)} is not {what} with two decimals such as \"{example}\"{OrNull(nullable)}");
        return null;
    }

    /// <summary>A value written as a JSON string (money, scores, numbers, times, enums); null when missing, null or wrong.</summary>
    private string? Text(JsonElement obj, string path, string name, bool nullable, out JsonElement element) =>
        StringOf(obj, path, name, nullable, out element,
            found => $"{Describe(found)} is not a JSON string; this value is written in quotes, such as \"{Example(name)}\"{OrNull(nullable)}");

    /// <summary>The field's string; null, with an error unless missing or an allowed null, otherwise. <paramref name="notAString"/> words the error for a value of another kind.</summary>
    private string? StringOf(JsonElement obj, string path, string name, bool nullable, out JsonElement element, Func<JsonElement, string> notAString)
    {
        element = Field(obj, name);
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Null when nullable:
                return null;
            case JsonValueKind.String:
                try
                {
                    return element.GetString();
                }
                catch (InvalidOperationException)
                {
                    Error($"{path}.{name}", "the text holds invalid UTF-16 (a lone surrogate)");
                    return null;
                }
            default:
                Error($"{path}.{name}", notAString(element));
                return null;
        }
    }

    private static string Example(string name) => name switch
    {
        "published_at" or "submitted_at" or "submission_deadline" => PackageValues.TimeExample,
        "fund_request" or "budget" or "max_award" or "award" or "used" or "left" or "rolled_over_in" => PackageValues.AmountExample,
        "score" or "evaluation_score" or "final_score" or "pass_mark" or "bonus" => PackageValues.ScoreExample,
        _ => PackageValues.NumberExample,
    };

    private static string OrNull(bool nullable) => nullable ? ", or null" : "";

    /// <summary>A value as it stands in the file, shortened: a message quotes it, it does not reproduce a megabyte.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Undefined => "nothing",
        _ => Shown(element),
    };

    private static string Shown(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "…";
    }
}
