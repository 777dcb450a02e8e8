namespace HakuWinay.Contests.Profiles;

/// <summary>The written parts of a business profile, each Markdown with its own length limit.</summary>
public enum ProfileSection
{
    Title = 0,
    Summary = 1,
    BusinessAndProducts = 2,
    MarketAndClients = 3,
    ProductionProcess = 4,
    OrganizationAndRoles = 5,
    Sustainability = 6,
    Risks = 7,
}

public static class ProfileSections
{
    /// <summary>Character limits, generous for a phone keyboard yet short enough for a juror to read on paper.</summary>
    public static int MaxLength(ProfileSection section) => section switch
    {
        ProfileSection.Title => 150,
        ProfileSection.Summary => 1_500,
        _ => 4_000,
    };

    public static IReadOnlyList<ProfileSection> All { get; } = Enum.GetValues<ProfileSection>();
}
