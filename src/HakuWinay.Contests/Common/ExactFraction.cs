using System.Numerics;

namespace HakuWinay.Contests.Common;

/// <summary>
/// An exact rational number (a <see cref="BigInteger"/> numerator over a positive denominator,
/// kept in lowest terms), for the score arithmetic that must not round before its single rounding
/// to two decimals (issue 17; <c>docs/results.md</c>, "Exact arithmetic"). A <c>decimal</c>
/// division rounds near its 28th digit, so terms such as 1/3 + 2/3 can add up to 0.999…; a fraction
/// cannot. Every <c>decimal</c> is a fraction (its digits over a power of ten), so converting one
/// in loses nothing.
/// </summary>
public readonly struct ExactFraction : IEquatable<ExactFraction>, IComparable<ExactFraction>
{
    private static readonly BigInteger[] PowersOfTen = [.. Enumerable.Range(0, 29).Select(e => BigInteger.Pow(10, e))];

    private static readonly BigInteger MaxDecimal = new(decimal.MaxValue);

    private readonly BigInteger _denominator;

    private ExactFraction(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    public static ExactFraction Zero => new(BigInteger.Zero, BigInteger.One);

    public BigInteger Numerator { get; }

    /// <summary>Always above zero (1 for the default value, which is zero).</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>The fraction numerator / denominator in lowest terms; the denominator must not be zero.</summary>
    public static ExactFraction Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction's denominator cannot be zero.");
        }
        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne || gcd.IsZero ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    /// <summary>The decimal's exact value: its 96-bit digits over ten to its scale.</summary>
    public static ExactFraction From(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return Of(bits[3] < 0 ? -digits : digits, PowersOfTen[scale]);
    }

    public static implicit operator ExactFraction(decimal value) => From(value);

    public static ExactFraction operator +(ExactFraction a, ExactFraction b) =>
        a.Denominator == b.Denominator
            ? Of(a.Numerator + b.Numerator, a.Denominator)
            : Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static ExactFraction operator -(ExactFraction a, ExactFraction b) => a + new ExactFraction(-b.Numerator, b.Denominator);

    public static ExactFraction operator *(ExactFraction a, ExactFraction b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static ExactFraction operator /(ExactFraction a, ExactFraction b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(ExactFraction a, ExactFraction b) => a.Equals(b);

    public static bool operator !=(ExactFraction a, ExactFraction b) => !a.Equals(b);

    public static bool operator <(ExactFraction a, ExactFraction b) => a.CompareTo(b) < 0;

    public static bool operator >(ExactFraction a, ExactFraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(ExactFraction a, ExactFraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ExactFraction a, ExactFraction b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// The single rounding of the results rules: to <paramref name="decimals"/> decimals, half away
    /// from zero (70.005 → 70.01, −0.005 → −0.01), always written with that many decimals.
    /// </summary>
    public decimal Round(int decimals = 2) => ToDecimal(RoundedMagnitude(decimals), decimals);

    /// <summary>|value| × 10^decimals rounded half up: floor((2·|n|·10^d + den) / (2·den)).</summary>
    private BigInteger RoundedMagnitude(int decimals) =>
        ((2 * BigInteger.Abs(Numerator) * PowersOfTen[decimals]) + Denominator) / (2 * Denominator);

    /// <summary>The decimal with digits <paramref name="magnitude"/>, this fraction's sign, and that many decimals.</summary>
    private decimal ToDecimal(BigInteger magnitude, int decimals)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits((decimal)magnitude, bits);
        return new decimal(bits[0], bits[1], bits[2], Numerator.Sign < 0 && !magnitude.IsZero, (byte)decimals);
    }

    /// <summary>The nearest <c>decimal</c> (for showing a value that is rounded again when written; never for a rule).</summary>
    public decimal ToDecimal()
    {
        var whole = BigInteger.Abs(Numerator) / Denominator;
        var digits = whole.IsZero ? 0 : (int)Math.Floor(BigInteger.Log10(whole)) + 1;
        for (var decimals = Math.Clamp(29 - digits, 0, 28); ; decimals--)
        {
            var rounded = RoundedMagnitude(decimals);
            if (rounded <= MaxDecimal || decimals == 0)
            {
                // Dividing by 1.000… drops the trailing zeros: 80.000… is written 80, 1/3 keeps its digits.
                return ToDecimal(rounded, decimals) / 1.0000000000000000000000000000m;
            }
        }
    }

    public int CompareTo(ExactFraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(ExactFraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is ExactFraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
