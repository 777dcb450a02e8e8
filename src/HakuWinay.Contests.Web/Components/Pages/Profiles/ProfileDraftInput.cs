using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Web.Components.Pages.Profiles;

/// <summary>
/// What the profile editor keeps when its circuit is evicted or paused: the sections typed since
/// the page opened, the expected results and the investment plan as they stand on screen.
/// </summary>
public sealed class ProfileDraftInput
{
    public Dictionary<ProfileSection, string?> Sections { get; set; } = [];

    public ExpectedResultsInput Expected { get; set; } = new();

    public List<InvestmentLineInput> Lines { get; set; } = [];
}
