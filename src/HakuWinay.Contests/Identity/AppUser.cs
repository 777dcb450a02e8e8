using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Identity;

/// <summary>A person who signs in: administrator, juror, group representative or technician.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>Institution a juror represents on the CLAR (municipality, agency, producer organization).</summary>
    public string? Institution { get; set; }

    /// <summary>Ubigeo of the district where the person lives; used to flag possible conflicts of interest.</summary>
    public string? DistrictCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
