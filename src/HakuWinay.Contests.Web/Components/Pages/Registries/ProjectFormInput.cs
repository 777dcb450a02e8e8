using System.ComponentModel.DataAnnotations;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Web.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Registries;

/// <summary>What the project form binds to; the service's <see cref="RegistryProjectRules"/> decide, these only spare a round trip.</summary>
public sealed class ProjectFormInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(RegistryProject.MaxCodeLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [StringLength(RegistryProject.MaxNameLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string Name { get; set; } = "";

    [StringLength(RegistryProject.MaxNecLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Nec { get; set; }

    public List<string> Districts { get; set; } = [];

    public static ProjectFormInput From(ProjectInput project) =>
        new() { Code = project.Code, Name = project.Name, Nec = project.NecName, Districts = [.. project.DistrictCodes] };

    public ProjectInput ToInput() => new(Code, Name, Nec, [.. Districts]);
}
