using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Groups;

public enum Sex
{
    Female = 0,
    Male = 1,
}

public enum HouseholdRole
{
    Member = 0,
    President = 1,
    Treasurer = 2,
}

/// <summary>A member household of a producer group, identified by the DNI of its head.</summary>
public sealed class Household
{
    public const int MaxNameLength = 200;
    public const int MinBirthYear = 1900;
    public const int MaxBirthYear = 2100;

    private Household() { }

    internal Household(string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role) =>
        Change(headFullName, dni, sex, birthYear, isJuntosUser, role);

    public int Id { get; private set; }
    public int ProducerGroupId { get; private set; }
    public string HeadFullName { get; private set; } = "";
    public string Dni { get; private set; } = "";
    public Sex Sex { get; private set; }
    public int BirthYear { get; private set; }
    public bool IsJuntosUser { get; private set; }
    public HouseholdRole Role { get; private set; }

    /// <summary>Youth as the programme counts it: a head aged 18 to 29 in the given year.</summary>
    public bool IsYouthIn(int year) => IsYouth(BirthYear, year);

    public static bool IsYouth(int birthYear, int year) => year - birthYear is >= 18 and <= 29;

    /// <summary>Changes the household; the group checks that its DNI and role stay unique within it.</summary>
    internal void Change(string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headFullName);
        if (headFullName.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"A name has at most {MaxNameLength} characters.", nameof(headFullName));
        }
        if (!Identifiers.IsValidDni(dni))
        {
            throw new ArgumentException($"'{dni}' is not an 8-digit DNI.", nameof(dni));
        }
        if (birthYear is < MinBirthYear or > MaxBirthYear)
        {
            throw new ArgumentOutOfRangeException(nameof(birthYear), $"A birth year is between {MinBirthYear} and {MaxBirthYear}.");
        }
        if (!Enum.IsDefined(sex) || !Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), "Unknown sex or role.");
        }
        HeadFullName = headFullName.Trim();
        Dni = dni;
        Sex = sex;
        BirthYear = birthYear;
        IsJuntosUser = isJuntosUser;
        Role = role;
    }
}
