using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Registries;

/// <summary>A user household of a project's padrón, in one version: its representative and where it lives.</summary>
public sealed class RegistryHousehold
{
    public const int MaxNameLength = 200;
    public const int MaxCentroPobladoLength = 120;

    private RegistryHousehold() { }

    internal RegistryHousehold(int importId, PadronHouseholdRow row)
    {
        RegistryImportId = importId;
        RepresentativeDni = row.RepresentativeDni;
        FullName = row.FullName;
        Sex = row.Sex;
        BirthDate = row.BirthDate;
        CentroPoblado = row.CentroPoblado;
        DistrictCode = row.DistrictCode;
    }

    public int Id { get; private set; }
    public int RegistryImportId { get; private set; }
    public string RepresentativeDni { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public Sex? Sex { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string CentroPoblado { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
}

/// <summary>
/// Every DNI a version of a project's padrón holds, the representative's and the members', so a
/// group's household is found by one indexed look-up whichever of them heads it in the group.
/// </summary>
public sealed class RegistryPerson
{
    private RegistryPerson() { }

    internal RegistryPerson(int importId, string dni, string householdDni, string districtCode)
    {
        RegistryImportId = importId;
        Dni = dni;
        HouseholdDni = householdDni;
        DistrictCode = districtCode;
    }

    public int Id { get; private set; }
    public int RegistryImportId { get; private set; }
    public string Dni { get; private set; } = "";

    /// <summary>The DNI of the representative of the household the person belongs to.</summary>
    public string HouseholdDni { get; private set; } = "";

    public string DistrictCode { get; private set; } = "";
}

/// <summary>A Juntos beneficiary household of one version of the Juntos padrón: its titular's DNI, district and period.</summary>
public sealed class JuntosEntry
{
    public const int MaxPeriodLength = 7;

    private JuntosEntry() { }

    internal JuntosEntry(int importId, JuntosRow row)
    {
        RegistryImportId = importId;
        Dni = row.Dni;
        DistrictCode = row.DistrictCode;
        Period = row.Period;
    }

    public int Id { get; private set; }
    public int RegistryImportId { get; private set; }
    public string Dni { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";

    /// <summary>The month of the padrón the row comes from, "yyyy-MM".</summary>
    public string Period { get; private set; } = "";
}
