using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Groups;

/// <summary>
/// What a registration or edit form sends: the group's details and its households; from staff, also
/// the representative's mobile as typed (empty for none), which a representative's own form never sends.
/// </summary>
public sealed record GroupData(
    string Name, LegalForm LegalForm, string? Ruc, int ProductionLineId, string DistrictCode, string CentroPoblado,
    IReadOnlyList<HouseholdData> Households, string? RepresentativeMobile = null);

/// <summary>A household as the form sends it; <see cref="Id"/> is null for a new one.</summary>
public sealed record HouseholdData(int? Id, string HeadFullName, string Dni, Sex Sex, int BirthYear, bool IsJuntosUser, HouseholdRole Role);

/// <summary>A technician's or admin's registration on a group's behalf.</summary>
public sealed record AssistedRegistration(DateOnly ConsentDate, string? RepresentativeEmail, string? RepresentativeFullName);

/// <summary>
/// The checks a group's form must pass, as plain C# so each failure names its field
/// (<c>Name</c>, <c>Ruc</c>, <c>Households[2].Dni</c>) and the page shows it there.
/// The entities throw on the same conditions; these rules say it kindly first.
/// </summary>
public static class GroupRules
{
    /// <summary>Oldest and youngest plausible head of household, in years.</summary>
    public const int MaxHeadAge = 110;
    public const int MinHeadAge = 14;

    public static IReadOnlyList<RuleViolation> Check(GroupData data, int currentYear)
    {
        var violations = new List<RuleViolation>();
        CheckText(violations, nameof(GroupData.Name), data.Name, ProducerGroup.MaxNameLength);
        if (data.LegalForm == LegalForm.Association && !Identifiers.IsValidRuc(data.Ruc?.Trim()))
        {
            violations.Add(new("Ruc", "Groups.RucInvalid"));
        }
        if (!Enum.IsDefined(data.LegalForm))
        {
            violations.Add(new("LegalForm", "Validation.Required"));
        }
        if (!Catalog.UbigeoCode.IsDistrict(data.DistrictCode))
        {
            violations.Add(new("DistrictCode", "Validation.Required"));
        }
        CheckText(violations, nameof(GroupData.CentroPoblado), data.CentroPoblado, ProducerGroup.MaxCentroPobladoLength);
        if (data.Households.Count == 0)
        {
            violations.Add(new("Households", "Groups.NoHouseholds"));
        }
        if (data.Households.Count > ProducerGroup.MaxHouseholds)
        {
            violations.Add(new("Households", "Groups.TooManyHouseholds", ProducerGroup.MaxHouseholds));
        }
        for (var i = 0; i < data.Households.Count; i++)
        {
            CheckHousehold(violations, data.Households, i, currentYear);
        }
        return violations;
    }

    /// <summary>A consent date is required, and cannot be after today in Lima.</summary>
    public static IReadOnlyList<RuleViolation> CheckAssisted(AssistedRegistration assisted, DateTime nowUtc)
    {
        var violations = new List<RuleViolation>();
        if (!ProducerGroup.IsPlausibleConsentDate(assisted.ConsentDate, nowUtc))
        {
            violations.Add(new("ConsentDate", assisted.ConsentDate > DateOnly.FromDateTime(LimaTime.ToLima(nowUtc)) ? "Groups.ConsentInFuture" : "Groups.ConsentImplausible"));
        }
        if (!string.IsNullOrWhiteSpace(assisted.RepresentativeEmail) && !EmailAddress.IsValid(assisted.RepresentativeEmail.Trim()))
        {
            violations.Add(new("RepresentativeEmail", "Validation.Email"));
        }
        if (!string.IsNullOrWhiteSpace(assisted.RepresentativeEmail))
        {
            CheckText(violations, "RepresentativeFullName", assisted.RepresentativeFullName, ProducerGroup.MaxNameLength);
        }
        return violations;
    }

    /// <summary>
    /// The representative's mobile as staff typed it: empty is no mobile; anything else must be a
    /// Peruvian mobile, checked by the rule /account uses, and is returned in E.164.
    /// </summary>
    public static (string? E164, RuleViolation? Violation) RepresentativeMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }
        var (e164, error) = Notifications.Sms.MobileNumber.Normalize(input);
        return error is null ? (e164, null) : (null, new RuleViolation(nameof(GroupData.RepresentativeMobile), error));
    }

    private static void CheckHousehold(List<RuleViolation> violations, IReadOnlyList<HouseholdData> all, int index, int currentYear)
    {
        var household = all[index];
        var prefix = $"Households[{index}].";
        CheckText(violations, prefix + nameof(HouseholdData.HeadFullName), household.HeadFullName, Household.MaxNameLength);
        var dni = household.Dni?.Trim();
        if (!Identifiers.IsValidDni(dni))
        {
            violations.Add(new(prefix + nameof(HouseholdData.Dni), "Groups.DniInvalid"));
        }
        else if (all.Take(index).Any(h => h.Dni?.Trim() == dni))
        {
            violations.Add(new(prefix + nameof(HouseholdData.Dni), "Groups.DniRepeated"));
        }
        var age = currentYear - household.BirthYear;
        if (age is < MinHeadAge or > MaxHeadAge)
        {
            violations.Add(new(prefix + nameof(HouseholdData.BirthYear), "Groups.BirthYearOutOfRange", currentYear - MaxHeadAge, currentYear - MinHeadAge));
        }
        if (!Enum.IsDefined(household.Sex))
        {
            violations.Add(new(prefix + nameof(HouseholdData.Sex), "Validation.Required"));
        }
        if (!Enum.IsDefined(household.Role))
        {
            violations.Add(new(prefix + nameof(HouseholdData.Role), "Validation.Required"));
        }
        else if (household.Role != HouseholdRole.Member && all.Take(index).Any(h => h.Role == household.Role))
        {
            violations.Add(new(prefix + nameof(HouseholdData.Role), household.Role == HouseholdRole.President ? "Groups.SecondPresident" : "Groups.SecondTreasurer"));
        }
    }

    private static void CheckText(List<RuleViolation> violations, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new(field, "Validation.Required"));
        }
        else if (value.Trim().Length > maxLength)
        {
            violations.Add(new(field, "Groups.TooLong", maxLength));
        }
    }
}
