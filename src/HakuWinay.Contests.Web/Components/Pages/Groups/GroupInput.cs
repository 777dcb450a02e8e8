using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Web.Localization;
using Microsoft.AspNetCore.Components.Forms;

namespace HakuWinay.Contests.Web.Components.Pages.Groups;

/// <summary>
/// What the group form posts: the group's details, its household rows and, for staff, the
/// assisted-registration fields. Household rows are checked by <see cref="GroupRules"/> on the
/// server, which names each failing cell; empty rows are ignored.
/// </summary>
public sealed class GroupInput
{
    /// <summary>Rows a new form starts with: the usual group has 3 to 6 households.</summary>
    public const int StartingRows = 5;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(ProducerGroup.MaxNameLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Name { get; set; } = "";

    public LegalForm LegalForm { get; set; }

    [StringLength(11, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Ruc { get; set; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int ProductionLineId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(6, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string DistrictCode { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(ProducerGroup.MaxCentroPobladoLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string CentroPoblado { get; set; } = "";

    public List<HouseholdInput> Households { get; set; } = [];

    /// <summary>Assisted registration only: the day the representative consented.</summary>
    public DateOnly? ConsentDate { get; set; }

    /// <summary>Assisted registration only, optional: a box left empty (a browser posts it as "") is no email, not an invalid one.</summary>
    [EmailAddress(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Email))]
    [StringLength(254, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? RepresentativeEmail
    {
        get => _representativeEmail;
        set => _representativeEmail = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private string? _representativeEmail;

    [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? RepresentativeFullName { get; set; }

    /// <summary>
    /// Staff only, optional: the representative's mobile as typed. Checked on the server by the /account
    /// rule (GroupRules.RepresentativeMobile), so it gets the same messages; empty is no mobile.
    /// </summary>
    public string? RepresentativeMobile { get; set; }

    /// <summary>The group's version the editor read (edit only).</summary>
    public Guid Version { get; set; }

    /// <summary>Which button was pressed: save (default), "add" a row, or "remove:N".</summary>
    public string? Command { get; set; }

    public static GroupInput Blank() => new() { Households = [.. Enumerable.Range(0, StartingRows).Select(_ => new HouseholdInput())] };

    public static GroupInput From(GroupDetails group) => new()
    {
        Name = group.Name, LegalForm = group.LegalForm, Ruc = group.Ruc, ProductionLineId = group.ProductionLineId,
        DistrictCode = group.DistrictCode, CentroPoblado = group.CentroPoblado, Version = group.Version,
        RepresentativeMobile = group.RepresentativeMobile is { } mobile ? HakuWinay.Contests.Notifications.Sms.MobileNumber.Display(mobile) : null,
        Households = [.. group.Households.Select(h => new HouseholdInput
        {
            Id = h.Id, HeadFullName = h.HeadFullName, Dni = h.Dni, Sex = h.Sex, BirthYear = h.BirthYear, IsJuntosUser = h.IsJuntosUser, Role = h.Role,
        })],
    };

    /// <summary>Rows the person filled in (a row with no name and no DNI is an unused row).</summary>
    public List<HouseholdInput> FilledRows() => [.. Households.Where(h => !h.IsEmpty)];

    public GroupData ToData(IReadOnlyList<HouseholdInput> rows) => new(
        Name ?? "", LegalForm, LegalForm == LegalForm.Association ? Ruc?.Trim() : null, ProductionLineId, DistrictCode ?? "", CentroPoblado ?? "",
        [.. rows.Select(h => new HouseholdData(h.Id, h.HeadFullName ?? "", h.Dni?.Trim() ?? "", h.Sex ?? (Sex)(-1), h.BirthYear ?? 0, h.IsJuntosUser, h.Role))],
        RepresentativeMobile);

    public AssistedRegistration ToAssisted() => new(
        ConsentDate ?? DateOnly.MaxValue, string.IsNullOrWhiteSpace(RepresentativeEmail) ? null : RepresentativeEmail.Trim(), RepresentativeFullName);

    /// <summary>Applies an "add" or "remove:N" command; false when the post was a save.</summary>
    public bool ApplyRowCommand()
    {
        if (Command == "add" && Households.Count < ProducerGroup.MaxHouseholds)
        {
            Households.Add(new HouseholdInput());
            return true;
        }
        if (Command?.StartsWith("remove:", StringComparison.Ordinal) == true
            && int.TryParse(Command.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < Households.Count)
        {
            Households.RemoveAt(index);
            return true;
        }
        return Command == "add";
    }

    /// <summary>The field a rule violation belongs to: "Households[2].Dni" is the DNI cell of the third filled row.</summary>
    public FieldIdentifier FieldOf(string field, IReadOnlyList<HouseholdInput> rows)
    {
        if (field.StartsWith("Households[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            if (close > 11 && int.TryParse(field.AsSpan(11, close - 11), System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < rows.Count && field.Length > close + 2)
            {
                return new FieldIdentifier(rows[index], field[(close + 2)..]);
            }
        }
        return new FieldIdentifier(this, field);
    }
}

public sealed class HouseholdInput
{
    public int? Id { get; set; }
    public string? HeadFullName { get; set; }
    public string? Dni { get; set; }
    public Sex? Sex { get; set; }
    public int? BirthYear { get; set; }
    public bool IsJuntosUser { get; set; }
    public HouseholdRole Role { get; set; }

    public bool IsEmpty => Id is null && string.IsNullOrWhiteSpace(HeadFullName) && string.IsNullOrWhiteSpace(Dni);
}
