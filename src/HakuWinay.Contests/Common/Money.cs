using System.Globalization;

namespace HakuWinay.Contests.Common;

/// <summary>Formats amounts in soles the way Peruvian documents write them: "S/ 7,500.00".</summary>
public static class Money
{
    private static readonly NumberFormatInfo SolesFormat = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static string Format(decimal amount)
    {
        // Decide the sign on the amount as shown, so -0.004 reads "S/ 0.00", not "-S/ 0.00".
        var cents = Round(amount);
        return cents < 0
            ? "-S/ " + (-cents).ToString("N2", SolesFormat)
            : "S/ " + cents.ToString("N2", SolesFormat);
    }

    /// <summary>Rounds to cents, half away from zero, as every amount in the portal is.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
