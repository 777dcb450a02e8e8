namespace HakuWinay.Contests.Results.Package;

/// <summary>What re-checking a package found: every difference in plain English (none when it verifies), and what was recomputed.</summary>
public sealed record ResultsVerification(IReadOnlyList<string> Differences, RankingResult Recomputed, string ComputedHash)
{
    public bool Verified => Differences.Count == 0;
}

/// <summary>
/// Re-checks a package: recomputes its results from its own input with <see cref="Ranking.Compute"/>,
/// compares them with the published ones entry by entry, and recomputes its hash. Explanations and
/// tie-break notes are carried for readers and not compared: their wording may improve between
/// versions of the portal without changing any result.
/// </summary>
public static class ResultsVerifier
{
    /// <summary>Verifies; an input the rules refuse throws <see cref="ResultsInputException"/>.</summary>
    public static ResultsVerification Verify(ResultsPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var recomputed = Ranking.Compute(package.Input);
        var differences = new List<string>();
        CompareCategories(package.Results.Categories, recomputed.Categories, differences);
        CompareEntries(package.Results.Entries, recomputed.Entries, differences);
        var hash = ResultsPackageJson.Hash(package);
        if (!string.Equals(hash, package.Hash, StringComparison.Ordinal))
        {
            differences.Add($"hash: the package says {(package.Hash.Length == 0 ? "nothing" : package.Hash)}, its content hashes to {hash}");
        }
        return new ResultsVerification(differences, recomputed, hash);
    }

    private static void CompareCategories(IReadOnlyList<CategoryOutcome> published, IReadOnlyList<CategoryOutcome> recomputed, List<string> differences)
    {
        var byCode = ByCode(published, c => c.CategoryCode, "category ", differences);
        foreach (var expected in recomputed)
        {
            var who = $"category {expected.CategoryCode}";
            if (!byCode.Remove(expected.CategoryCode, out var actual))
            {
                differences.Add($"{who}: missing from the package's results");
                continue;
            }
            Compare(who, "budget", actual.Budget, expected.Budget, differences);
            Compare(who, "rolled_over_in", actual.RolledOverIn, expected.RolledOverIn, differences);
            Compare(who, "used", actual.Used, expected.Used, differences);
            Compare(who, "left", actual.Left, expected.Left, differences);
            Compare(who, "ranked", actual.Ranked, expected.Ranked, differences);
            Compare(who, "funded", actual.Funded, expected.Funded, differences);
        }
        foreach (var extra in byCode.Keys)
        {
            differences.Add($"category {extra}: in the package's results but not in the recomputed ones");
        }
    }

    private static void CompareEntries(IReadOnlyList<ResultEntry> published, IReadOnlyList<ResultEntry> recomputed, List<string> differences)
    {
        var byCode = ByCode(published, e => e.ProfileCode, "", differences);
        foreach (var expected in recomputed)
        {
            var who = expected.ProfileCode;
            if (!byCode.Remove(who, out var actual))
            {
                differences.Add($"{who}: missing from the package's results");
                continue;
            }
            Compare(who, "category_code", actual.CategoryCode, expected.CategoryCode, differences);
            Compare(who, "outcome", PackageValues.EnumName(actual.Outcome), PackageValues.EnumName(expected.Outcome), differences);
            Compare(who, "passed", actual.Passed ? "true" : "false", expected.Passed ? "true" : "false", differences);
            Compare(who, "rank", actual.Rank, expected.Rank, differences);
            Compare(who, "waitlist_position", actual.WaitlistPosition, expected.WaitlistPosition, differences);
            Compare(who, "evaluation_score", actual.EvaluationScore, expected.EvaluationScore, differences);
            Compare(who, "bonus", actual.Bonus, expected.Bonus, differences);
            Compare(who, "final_score", actual.FinalScore, expected.FinalScore, differences);
            Compare(who, "award", actual.Award, expected.Award, differences);
            CompareStages(who, actual.Stages, expected.Stages, differences);
        }
        foreach (var extra in byCode.Keys)
        {
            differences.Add($"{extra}: in the package's results but not in the recomputed ones");
        }
        if (differences.Count == 0)
        {
            // Same entries, same values: the order is what remains (the published tables follow it).
            for (var i = 0; i < published.Count; i++)
            {
                if (!string.Equals(published[i].ProfileCode, recomputed[i].ProfileCode, StringComparison.Ordinal))
                {
                    differences.Add($"results: entry {i + 1} is {published[i].ProfileCode} in the package, recomputed {recomputed[i].ProfileCode} (the entries are in another order)");
                    break;
                }
            }
        }
    }

    private static void CompareStages(string who, IReadOnlyList<StageResult> published, IReadOnlyList<StageResult> recomputed, List<string> differences)
    {
        var byCode = ByCode(published, s => s.StageCode, $"{who}: stage ", differences);
        foreach (var expected in recomputed)
        {
            if (!byCode.Remove(expected.StageCode, out var actual))
            {
                differences.Add($"{who}: stage {expected.StageCode} is missing from the package's entry");
                continue;
            }
            var what = $"stage {expected.StageCode}";
            Compare(who, what + " score", actual.Score, expected.Score, differences);
            Compare(who, what + " scorecards", actual.Scorecards, expected.Scorecards, differences);
            Compare(who, what + " required scorecards", actual.Required, expected.Required, differences);
            Compare(who, what + " accepted_incomplete", actual.AcceptedIncomplete ? "true" : "false", expected.AcceptedIncomplete ? "true" : "false", differences);
        }
        foreach (var extra in byCode.Keys)
        {
            differences.Add($"{who}: stage {extra} is in the package's entry but not in the recomputed one");
        }
    }

    /// <summary>The published items by code; a code listed twice is itself a difference (the first is compared).</summary>
    private static Dictionary<string, T> ByCode<T>(IReadOnlyList<T> published, Func<T, string> code, string prefix, List<string> differences)
    {
        var byCode = new Dictionary<string, T>(published.Count, StringComparer.Ordinal);
        foreach (var item in published)
        {
            if (!byCode.TryAdd(code(item), item))
            {
                differences.Add($"{prefix}{code(item)}: listed twice in the package's results");
            }
        }
        return byCode;
    }

    private static void Compare(string who, string what, decimal? published, decimal? recomputed, List<string> differences)
    {
        if (published != recomputed)
        {
            differences.Add($"{who}: {what} is {PackageValues.Show(published)} in the package, recomputed {PackageValues.Show(recomputed)}");
        }
    }

    private static void Compare(string who, string what, int? published, int? recomputed, List<string> differences)
    {
        if (published != recomputed)
        {
            differences.Add($"{who}: {what} is {published?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} in the package, recomputed {recomputed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
        }
    }

    private static void Compare(string who, string what, string published, string recomputed, List<string> differences)
    {
        if (!string.Equals(published, recomputed, StringComparison.Ordinal))
        {
            differences.Add($"{who}: {what} is {published} in the package, recomputed {recomputed}");
        }
    }
}
