using HakuWinay.Contests.Groups;

namespace HakuWinay.Contests.Web.Components.Pages.Groups;

public sealed record AdminGroupFilterOptions(IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Provinces, IReadOnlyList<Choice> Districts, IReadOnlyList<Choice> Lines);
