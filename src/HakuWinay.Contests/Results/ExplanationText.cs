using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Results;

/// <summary>
/// The one character buffer (per thread) the explanations and tie-break notes are written into.
/// A ranking writes some thirty thousand of these texts; each becomes one exact-size string
/// (<see cref="ToString"/>) and nothing else: numbers, amounts and times are formatted straight
/// into the buffer with <c>TryFormat</c>, where interpolation and <c>Money.Format</c> made an
/// intermediate string each, and a <c>StringBuilder</c> copied its chunks once more.
/// </summary>
internal sealed class ExplanationText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The same format as <see cref="Money.Format"/>'s: "7,500.00".</summary>
    private static readonly NumberFormatInfo SolesFormat = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    [ThreadStatic]
    private static ExplanationText? _current;

    private char[] _chars = new char[512];
    private int _length;

    /// <summary>The thread's buffer, emptied. Each text is finished (<see cref="ToString"/>) before the next one starts.</summary>
    public static ExplanationText Start()
    {
        var text = _current ??= new ExplanationText();
        text._length = 0;
        return text;
    }

    public ExplanationText Append(string? value)
    {
        if (value is not null)
        {
            value.CopyTo(Room(value.Length));
            _length += value.Length;
        }
        return this;
    }

    public ExplanationText Append(char value)
    {
        Room(1)[0] = value;
        _length++;
        return this;
    }

    public ExplanationText Append(int value)
    {
        int written;
        while (!value.TryFormat(_chars.AsSpan(_length), out written, default, Invariant))
        {
            Grow();
        }
        _length += written;
        return this;
    }

    /// <summary>"78.50": as <c>{value:F2}</c> with the invariant culture.</summary>
    public ExplanationText AppendTwoDecimals(decimal value) => AppendFormatted(value, "F2", Invariant);

    /// <summary>"S/ 7,500.00", exactly as <see cref="Money.Format"/> writes it.</summary>
    public ExplanationText AppendMoney(decimal amount)
    {
        // Decide the sign on the amount as shown, so -0.004 reads "S/ 0.00", not "-S/ 0.00" (as Money.Format).
        var cents = Money.Round(amount);
        return cents < 0
            ? Append("-S/ ").AppendFormatted(-cents, "N2", SolesFormat)
            : Append("S/ ").AppendFormatted(cents, "N2", SolesFormat);
    }

    /// <summary>A UTC instant as a Lima time with seconds: "02/03/2026 10:15:00".</summary>
    public ExplanationText AppendLimaTime(DateTime utc)
    {
        var lima = LimaTime.ToLima(utc);
        int written;
        while (!lima.TryFormat(_chars.AsSpan(_length), out written, "dd/MM/yyyy HH:mm:ss", Invariant))
        {
            Grow();
        }
        _length += written;
        return this;
    }

    /// <summary>The text written since <see cref="Start"/>, as one string of exactly its length.</summary>
    public override string ToString() => new(_chars, 0, _length);

    private ExplanationText AppendFormatted(decimal value, string format, IFormatProvider provider)
    {
        int written;
        while (!value.TryFormat(_chars.AsSpan(_length), out written, format, provider))
        {
            Grow();
        }
        _length += written;
        return this;
    }

    private Span<char> Room(int needed)
    {
        while (_chars.Length - _length < needed)
        {
            Grow();
        }
        return _chars.AsSpan(_length, needed);
    }

    private void Grow() => Array.Resize(ref _chars, _chars.Length * 2);
}
