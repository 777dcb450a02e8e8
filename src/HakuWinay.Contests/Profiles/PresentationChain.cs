namespace HakuWinay.Contests.Profiles;

/// <summary>
/// The presentations of one business: a profile and the earlier profiles it was copied from,
/// linked by <see cref="BusinessProfile.PreviousPresentationId"/>. Pure: the caller supplies the
/// links of the group's profiles (a chain never leaves its group).
/// </summary>
public static class PresentationChain
{
    /// <summary>The Sierra Sur rule (DOMAIN.md): a rejected initiative may present again up to two more times, three in all.</summary>
    public const int MaxPresentations = 3;

    /// <summary>
    /// The chain ending at <paramref name="profileId"/>, oldest first and the profile itself last.
    /// A link to a profile outside <paramref name="previousOf"/> ends the chain there; a loop (which
    /// the portal never writes) is cut rather than followed for ever.
    /// </summary>
    public static IReadOnlyList<int> EndingAt(int profileId, IReadOnlyDictionary<int, int?> previousOf)
    {
        ArgumentNullException.ThrowIfNull(previousOf);
        var chain = new List<int> { profileId };
        var seen = new HashSet<int> { profileId };
        var current = profileId;
        while (previousOf.TryGetValue(current, out var previous) && previous is { } earlier && seen.Add(earlier))
        {
            chain.Add(earlier);
            current = earlier;
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>How many times the business of <paramref name="profileId"/> has been presented, this profile included.</summary>
    public static int Count(int profileId, IReadOnlyDictionary<int, int?> previousOf) => EndingAt(profileId, previousOf).Count;

    /// <summary>Whether one more presentation after <paramref name="presentationsSoFar"/> stays within <see cref="MaxPresentations"/>.</summary>
    public static bool AllowsAnother(int presentationsSoFar) => presentationsSoFar < MaxPresentations;
}
