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
    /// <summary>What the group declared: the household says it is a Juntos user.</summary>
    public bool IsJuntosUser { get; private set; }

    public HouseholdRole Role { get; private set; }

    /// <summary>
    /// The fact of the Juntos padrón at the last check (registration, submission, an
    /// administrator's re-check): the household's DNI is a titular of its current version. The
    /// priority bonus and the dashboards count this, not the declaration.
    /// </summary>
    public bool IsJuntosVerified { get; private set; }

    /// <summary>The project whose current padrón lists the household, among the projects of the group's district; null when none does.</summary>
    public string? RegistryProjectCode { get; private set; }

    /// <summary>When the household was last checked against the padrones; null when never.</summary>
    public DateTime? RegistryCheckedAtUtc { get; private set; }

    /// <summary>Declared a Juntos user but not found in the Juntos padrón: shown apart, never counted.</summary>
    public bool IsJuntosDeclaredOnly => IsJuntosUser && !IsJuntosVerified;

    /// <summary>Youth as the programme counts it: a head aged 18 to 29 in the given year.</summary>
    public bool IsYouthIn(int year) => IsYouth(BirthYear, year);

    public static bool IsYouth(int birthYear, int year) => year - birthYear is >= 18 and <= 29;

    /// <summary>Records what the padrones say of the household now (Registries/RegistryChecks).</summary>
    public void RecordRegistryCheck(string? projectCode, bool juntosVerified, DateTime nowUtc)
    {
        RegistryProjectCode = string.IsNullOrWhiteSpace(projectCode) ? null : projectCode;
        IsJuntosVerified = juntosVerified;
        RegistryCheckedAtUtc = nowUtc;
    }

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
        if (Dni != dni)
        {
            // Another person: what the padrones said of the previous DNI no longer holds.
            RegistryProjectCode = null;
            IsJuntosVerified = false;
            RegistryCheckedAtUtc = null;
        }
        HeadFullName = headFullName.Trim();
        Dni = dni;
        Sex = sex;
        BirthYear = birthYear;
        IsJuntosUser = isJuntosUser;
        Role = role;
    }
}
