using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Groups;

public enum LegalForm
{
    InformalGroup = 0,
    Association = 1,
}

/// <summary>
/// A producer group: usually 3 to 6 households organized around one production line. Its
/// representative account signs in and acts for the group; its president and treasurer
/// households are its legal representatives. A technician or admin may have registered it on
/// its behalf, with the representative's consent.
/// </summary>
public sealed class ProducerGroup : IVersioned
{
    public const int MaxNameLength = 200;
    public const int MaxCentroPobladoLength = 120;

    /// <summary>A sanity bound, far above any contest's group size; it stops runaway forms.</summary>
    public const int MaxHouseholds = 30;

    private readonly List<Household> _households = [];

    private ProducerGroup() { }

    public ProducerGroup(string name, LegalForm legalForm, string? ruc, int productionLineId, GroupLocation location, DateTime createdAtUtc)
    {
        SetDetails(name, legalForm, ruc, productionLineId, location);
        CreatedAtUtc = createdAtUtc;
        UpdatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public LegalForm LegalForm { get; private set; }
    public string? Ruc { get; private set; }
    public int ProductionLineId { get; private set; }
    public GroupLocation Location { get; private set; } = null!;

    /// <summary>The account that signs in for the group; null while staff act for a group without one.</summary>
    public string? RepresentativeUserId { get; private set; }

    /// <summary>
    /// The representative's mobile (E.164) as staff recorded it, for a group whose representative has
    /// no account: until an account exists, the group's SMS go here (docs/decisions/037).
    /// </summary>
    public string? RepresentativeMobile { get; private set; }

    /// <summary>Who registered the group: its representative, or the staff member who assisted.</summary>
    public string? RegisteredByUserId { get; private set; }

    /// <summary>True when a technician or admin registered the group on its behalf.</summary>
    public bool IsAssistedRegistration { get; private set; }

    /// <summary>The day (in Lima) the representative agreed to an assisted registration.</summary>
    public DateOnly? RepresentativeConsentDate { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string? VerifiedByUserId { get; private set; }
    public Guid Version { get; set; }

    /// <summary>Counts changes, so a household edit also updates (and version-checks) the group row.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<Household> Households => _households;

    public bool IsVerified => VerifiedAtUtc is not null;

    /// <summary>A group's representative acts for it; technicians and admins may act on its behalf.</summary>
    public bool MayBeEditedBy(ActingUser user) => user.IsStaff || (RepresentativeUserId is not null && RepresentativeUserId == user.UserId);

    public void AppointRepresentative(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        RepresentativeUserId = userId;
    }

    /// <summary>Gives a group that staff act for (or whose invitation lapsed) its representative account, later.</summary>
    public void InviteRepresentative(string userId, DateTime nowUtc)
    {
        AppointRepresentative(userId);
        Touch(nowUtc);
    }

    /// <summary>Sets the representative's mobile, already normalised by <see cref="Notifications.Sms.MobileNumber.Normalize"/>; null removes it.</summary>
    public void ChangeRepresentativeMobile(string? mobileE164, DateTime nowUtc)
    {
        if (mobileE164 is not null && !Notifications.Sms.MobileNumber.IsE164(mobileE164))
        {
            throw new ArgumentException($"'{mobileE164}' is not a Peruvian mobile in E.164 form.", nameof(mobileE164));
        }
        if (mobileE164 == RepresentativeMobile)
        {
            return;
        }
        RepresentativeMobile = mobileE164;
        Touch(nowUtc);
    }

    /// <summary>Records that the representative registered the group themselves.</summary>
    public void RecordSelfRegistration(string representativeUserId)
    {
        AppointRepresentative(representativeUserId);
        RegisteredByUserId = representativeUserId;
        IsAssistedRegistration = false;
        RepresentativeConsentDate = null;
    }

    /// <summary>
    /// Records that a technician or admin registered the group on its behalf, on the day the
    /// representative consented. The consent cannot be dated after today in Lima.
    /// </summary>
    public void RecordAssistedRegistration(string staffUserId, DateOnly consentDate, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffUserId);
        if (!IsPlausibleConsentDate(consentDate, nowUtc))
        {
            throw new ArgumentOutOfRangeException(nameof(consentDate), "The consent date must be a real day, not after today in Lima.");
        }
        RegisteredByUserId = staffUserId;
        IsAssistedRegistration = true;
        RepresentativeConsentDate = consentDate;
    }

    /// <summary>A consent date no later than today in Lima and no earlier than the programme's start.</summary>
    public static bool IsPlausibleConsentDate(DateOnly consentDate, DateTime nowUtc) =>
        consentDate <= DateOnly.FromDateTime(LimaTime.ToLima(nowUtc)) && consentDate.Year >= 2012;

    /// <summary>Changes the group's name, legal form, line and place; an association keeps a valid RUC.</summary>
    public void ChangeDetails(string name, LegalForm legalForm, string? ruc, int productionLineId, GroupLocation location, DateTime nowUtc)
    {
        SetDetails(name, legalForm, ruc, productionLineId, location);
        Touch(nowUtc);
    }

    public Household AddHousehold(string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role)
    {
        if (_households.Count >= MaxHouseholds)
        {
            throw new InvalidOperationException($"A group has at most {MaxHouseholds} households.");
        }
        EnsureDniIsFree(dni, except: null);
        EnsureRoleIsFree(role, except: null);
        var household = new Household(headFullName, dni, sex, birthYear, isJuntosUser, role);
        _households.Add(household);
        Revision++;
        return household;
    }

    public void ChangeHousehold(int householdId, string headFullName, string dni, Sex sex, int birthYear, bool isJuntosUser, HouseholdRole role, DateTime nowUtc)
    {
        var household = FindHousehold(householdId);
        EnsureDniIsFree(dni, except: household);
        EnsureRoleIsFree(role, except: household);
        household.Change(headFullName, dni, sex, birthYear, isJuntosUser, role);
        Touch(nowUtc);
    }

    public void RemoveHousehold(int householdId, DateTime nowUtc)
    {
        _households.Remove(FindHousehold(householdId));
        Touch(nowUtc);
    }

    /// <summary>
    /// Makes the households match what the form sends: known ids are changed, new ones added, the
    /// rest removed. The whole list is checked first (DNIs and the president and treasurer unique),
    /// so a refusal changes nothing, and a DNI or role may move between households in one save.
    /// </summary>
    public void ReplaceHouseholds(IReadOnlyList<HouseholdData> households, DateTime nowUtc)
    {
        if (households.Count > MaxHouseholds)
        {
            throw new InvalidOperationException($"A group has at most {MaxHouseholds} households.");
        }
        var unknown = households.FirstOrDefault(h => h.Id is { } id && _households.All(existing => existing.Id != id));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Household {unknown.Id} is not part of this group.");
        }
        var repeatedDni = households.GroupBy(h => h.Dni).FirstOrDefault(g => g.Count() > 1);
        if (repeatedDni is not null)
        {
            throw new InvalidOperationException($"DNI {repeatedDni.Key} is already a member of this group.");
        }
        var repeatedRole = households.Where(h => h.Role != HouseholdRole.Member).GroupBy(h => h.Role).FirstOrDefault(g => g.Count() > 1);
        if (repeatedRole is not null)
        {
            throw new InvalidOperationException($"The group already has a {repeatedRole.Key}.");
        }
        // Validate every household before touching any.
        var validated = households.Select(h => (h.Id, Household: new Household(h.HeadFullName, h.Dni, h.Sex, h.BirthYear, h.IsJuntosUser, h.Role))).ToList();
        var kept = validated.Where(v => v.Id is not null).Select(v => v.Id!.Value).ToHashSet();
        _households.RemoveAll(h => !kept.Contains(h.Id));
        foreach (var (id, household) in validated)
        {
            if (id is { } existingId)
            {
                _households.Single(h => h.Id == existingId)
                    .Change(household.HeadFullName, household.Dni, household.Sex, household.BirthYear, household.IsJuntosUser, household.Role);
            }
            else
            {
                _households.Add(household);
            }
        }
        Touch(nowUtc);
    }

    public void Verify(string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        VerifiedAtUtc = nowUtc;
        VerifiedByUserId = adminUserId;
        Touch(nowUtc);
    }

    /// <summary>Sends a verified group back to the administrator after someone other than an admin changed it.</summary>
    public void ReturnToPendingVerification(DateTime nowUtc)
    {
        VerifiedAtUtc = null;
        VerifiedByUserId = null;
        Touch(nowUtc);
    }

    /// <summary>Marks the group changed now; every change goes through here so the version check sees it.</summary>
    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Revision++;
    }

    private void SetDetails(string name, LegalForm legalForm, string? ruc, int productionLineId, GroupLocation location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(location);
        if (name.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"A group name has at most {MaxNameLength} characters.", nameof(name));
        }
        if (!Enum.IsDefined(legalForm))
        {
            throw new ArgumentOutOfRangeException(nameof(legalForm));
        }
        if (legalForm == LegalForm.Association && !Identifiers.IsValidRuc(ruc))
        {
            throw new ArgumentException("An association needs an 11-digit RUC.", nameof(ruc));
        }
        Name = name.Trim();
        LegalForm = legalForm;
        Ruc = legalForm == LegalForm.Association ? ruc : null;
        ProductionLineId = productionLineId;
        Location = location;
    }

    private void EnsureDniIsFree(string dni, Household? except)
    {
        if (_households.Any(h => h != except && h.Dni == dni))
        {
            throw new InvalidOperationException($"DNI {dni} is already a member of this group.");
        }
    }

    private void EnsureRoleIsFree(HouseholdRole role, Household? except)
    {
        if (role != HouseholdRole.Member && _households.Any(h => h != except && h.Role == role))
        {
            throw new InvalidOperationException($"The group already has a {role}.");
        }
    }

    private Household FindHousehold(int householdId) =>
        _households.SingleOrDefault(h => h.Id == householdId)
        ?? throw new InvalidOperationException($"Household {householdId} is not part of this group.");
}

/// <summary>
/// Where the group works: a district of INEI's catalog (its region and province are the first two
/// and four digits of its ubigeo) and the centro poblado (village) within it.
/// </summary>
public sealed record GroupLocation
{
    public GroupLocation(string regionCode, string provinceCode, string districtCode, string centroPoblado)
    {
        if (!Catalog.UbigeoCode.IsDistrict(districtCode) || provinceCode != districtCode[..4] || regionCode != districtCode[..2])
        {
            throw new ArgumentException($"'{regionCode}/{provinceCode}/{districtCode}' is not a consistent ubigeo.", nameof(districtCode));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(centroPoblado);
        if (centroPoblado.Trim().Length > ProducerGroup.MaxCentroPobladoLength)
        {
            throw new ArgumentException($"A centro poblado has at most {ProducerGroup.MaxCentroPobladoLength} characters.", nameof(centroPoblado));
        }
        RegionCode = regionCode;
        ProvinceCode = provinceCode;
        DistrictCode = districtCode;
        CentroPoblado = centroPoblado.Trim();
    }

    public string RegionCode { get; }
    public string ProvinceCode { get; }
    public string DistrictCode { get; }
    public string CentroPoblado { get; }

    /// <summary>The location of a district given by its six-digit ubigeo.</summary>
    public static GroupLocation InDistrict(string districtCode, string centroPoblado) =>
        Catalog.UbigeoCode.IsDistrict(districtCode)
            ? new(districtCode[..2], districtCode[..4], districtCode, centroPoblado)
            : throw new ArgumentException($"'{districtCode}' is not a six-digit ubigeo.", nameof(districtCode));
}
