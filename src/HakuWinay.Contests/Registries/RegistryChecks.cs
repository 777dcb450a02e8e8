using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Registries;

/// <summary>How a member household stands against a project's padrón of the group's district.</summary>
public enum ProjectStanding
{
    NotChecked = 0,
    /// <summary>"usuario del proyecto X".</summary>
    UserOfProject = 1,
    /// <summary>"no figura en el padrón de ningún proyecto del distrito".</summary>
    NotInDistrictPadron = 2,
}

/// <summary>How a member household stands against the Juntos padrón.</summary>
public enum JuntosStanding
{
    NotChecked = 0,
    NotJuntos = 1,
    /// <summary>"verificado": its DNI is a titular of the current Juntos padrón (declared or not).</summary>
    Verified = 2,
    /// <summary>"declarado, no verificado": declared a Juntos user, not in the Juntos padrón.</summary>
    DeclaredNotVerified = 3,
}

/// <summary>The result of the checks for one member household.</summary>
public sealed record MemberCheck(string HeadFullName, string Dni, ProjectStanding Project, string? ProjectCode, JuntosStanding Juntos)
{
    public bool IsMismatch => Project == ProjectStanding.NotInDistrictPadron || Juntos == JuntosStanding.DeclaredNotVerified;

    /// <summary>The standing a household's stored check shows.</summary>
    public static MemberCheck Of(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (household.RegistryCheckedAtUtc is null)
        {
            return new(household.HeadFullName, household.Dni, ProjectStanding.NotChecked, null, JuntosStanding.NotChecked);
        }
        var project = household.RegistryProjectCode is null ? ProjectStanding.NotInDistrictPadron : ProjectStanding.UserOfProject;
        var juntos = household.IsJuntosVerified ? JuntosStanding.Verified
            : household.IsJuntosUser ? JuntosStanding.DeclaredNotVerified
            : JuntosStanding.NotJuntos;
        return new(household.HeadFullName, household.Dni, project, household.RegistryProjectCode, juntos);
    }
}

/// <summary>
/// Checks a group's member households against the current padrones: each household's DNI (its
/// head's, as the group lists it) among the DNIs of a project of the group's district (the
/// representative's or a member's), and among the titulares of the Juntos padrón. Run at
/// registration, on every change of the group, at submission and when an administrator asks;
/// the result is stored on each household, so the ranking and the dashboards read a fact, not a
/// declaration. Two queries for the whole group, never one per household.
/// </summary>
public static class RegistryChecks
{
    public static async Task ApplyAsync(ContestsDbContext db, ProducerGroup group, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(group);
        var dnis = group.Households.Select(h => h.Dni).Distinct().ToList();
        var district = group.Location.DistrictCode;
        var projects = await (from person in db.RegistryPeople
                              join import in db.RegistryImports on person.RegistryImportId equals import.Id
                              join project in db.RegistryProjects on import.RegistryProjectId equals project.Id
                              where import.IsCurrent && import.Kind == RegistryKind.ProjectHouseholds && dnis.Contains(person.Dni)
                                  && db.Set<RegistryProjectDistrict>().Any(d => d.RegistryProjectId == project.Id && d.DistrictCode == district)
                              select new { person.Dni, project.Code }).ToListAsync(ct);
        var juntos = await (from entry in db.JuntosEntries
                            join import in db.RegistryImports on entry.RegistryImportId equals import.Id
                            where import.IsCurrent && import.Kind == RegistryKind.Juntos && dnis.Contains(entry.Dni)
                            select entry.Dni).ToListAsync(ct);
        var projectOf = projects.GroupBy(p => p.Dni).ToDictionary(g => g.Key, g => g.Select(p => p.Code).Order(StringComparer.Ordinal).First());
        var verified = juntos.ToHashSet(StringComparer.Ordinal);
        foreach (var household in group.Households)
        {
            household.RecordRegistryCheck(projectOf.GetValueOrDefault(household.Dni), verified.Contains(household.Dni), nowUtc);
        }
    }
}
