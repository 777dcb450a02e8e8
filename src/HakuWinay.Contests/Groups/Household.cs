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
    private Household() { }

    internal Household(string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headFullName);
        HeadFullName = headFullName.Trim();
        Dni = dni;
        Sex = sex;
        BirthYear = birthYear;
        IsJuntosUser = isJuntosUser;
        Role = role;
    }

    public int Id { get; private set; }
    public int ProducerGroupId { get; private set; }
    public string HeadFullName { get; private set; } = "";
    public string Dni { get; private set; } = "";
    public Sex Sex { get; private set; }
    public int BirthYear { get; private set; }
    public bool IsJuntosUser { get; private set; }
    public HouseholdRole Role { get; private set; }

    /// <summary>Youth as the programme counts it: a head aged 18 to 29 in the given year.</summary>
    public bool IsYouthIn(int year) => year - BirthYear is >= 18 and <= 29;
}
