using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Groups;

public enum LegalForm
{
    InformalGroup = 0,
    Association = 1,
}

/// <summary>
/// A producer group: 3 to 6 households organized around one production line. Its representative
/// signs in and acts for the group; a technician or admin may have registered it on its behalf.
/// </summary>
public sealed class ProducerGroup : IVersioned
{
    private readonly List<Household> _households = [];

    private ProducerGroup() { }

    public ProducerGroup(string name, LegalForm legalForm, string? ruc, int productionLineId, GroupLocation location, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (legalForm == LegalForm.Association && !Identifiers.IsValidRuc(ruc))
        {
            throw new ArgumentException("An association needs an 11-digit RUC.", nameof(ruc));
        }
        Name = name.Trim();
        LegalForm = legalForm;
        Ruc = legalForm == LegalForm.Association ? ruc : null;
        ProductionLineId = productionLineId;
        Location = location;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public LegalForm LegalForm { get; private set; }
    public string? Ruc { get; private set; }
    public int ProductionLineId { get; private set; }
    public GroupLocation Location { get; private set; } = null!;
    public string? RepresentativeUserId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string? VerifiedByUserId { get; private set; }
    public Guid Version { get; set; }
    public IReadOnlyList<Household> Households => _households;

    public bool IsVerified => VerifiedAtUtc is not null;

    public void AppointRepresentative(string userId) => RepresentativeUserId = userId;

    public Household AddHousehold(string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role)
    {
        if (!Identifiers.IsValidDni(dni))
        {
            throw new ArgumentException($"'{dni}' is not an 8-digit DNI.", nameof(dni));
        }
        if (_households.Any(h => h.Dni == dni))
        {
            throw new InvalidOperationException($"DNI {dni} is already a member of this group.");
        }
        var household = new Household(headFullName, dni, sex, birthYear, isJuntosUser, role);
        _households.Add(household);
        return household;
    }

    public void Verify(string adminUserId, DateTime nowUtc)
    {
        VerifiedAtUtc = nowUtc;
        VerifiedByUserId = adminUserId;
    }
}

public sealed record GroupLocation(string RegionCode, string ProvinceCode, string DistrictCode, string CentroPoblado);
