using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// Writes and reads the open results package as JSON (docs/results-package.md): snake_case names,
/// enums as snake_case strings, money and scores as strings with two decimals, times in UTC ISO
/// 8601, counts as JSON numbers. <see cref="Hash"/> is the SHA-256 of the RFC 8785 canonical JSON
/// of the package without its <c>hash</c> field.
/// </summary>
public static class ResultsPackageJson
{
    /// <summary>A package larger than this is refused unread (a contest of 20,000 profiles is well under a tenth of it).</summary>
    public const int MaxBytes = 200 * 1024 * 1024;

    /// <summary>The package nests six levels deep; anything much deeper is not a package.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Spanish names and explanations stay readable in the file; JSON needs no escaping of them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The package as indented JSON, its <c>hash</c> filled from its content (whatever <see cref="ResultsPackage.Hash"/> says).</summary>
    public static string Write(ResultsPackage package) => ToJson(package, includeHash: true).ToJsonString(Indented);

    public static void Write(ResultsPackage package, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Indented.Encoder });
        ToJson(package, includeHash: true).WriteTo(writer);
    }

    /// <summary>SHA-256, in lowercase hexadecimal, of the RFC 8785 canonical JSON of the package without its <c>hash</c> field.</summary>
    public static string Hash(ResultsPackage package) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(ToJson(package, includeHash: false))));

    /// <summary>The package with <see cref="ResultsPackage.Hash"/> set from its content.</summary>
    public static ResultsPackage WithHash(ResultsPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package with { Hash = Hash(package) };
    }

    /// <summary>Reads a package: the package, or every error found (each naming its JSON path), never an exception for bad input.</summary>
    public static ResultsPackageReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return TooLarge();
        }
        return ResultsPackageReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
    }

    public static ResultsPackageReadResult Read(Stream stream) => Read(stream, MaxBytes);

    internal static ResultsPackageReadResult Read(Stream stream, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        // One byte past the limit tells "too large" without reading the rest of an oversized file.
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1L - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return TooLarge(maxBytes);
            }
        }
        return ResultsPackageReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static ResultsPackageReadResult TooLarge(int maxBytes = MaxBytes) =>
        new(null, [$"$: the package is larger than {maxBytes / (1024.0 * 1024):0.##} MB, the most this reader accepts"]);

    internal static JsonObject ToJson(ResultsPackage package, bool includeHash)
    {
        ArgumentNullException.ThrowIfNull(package);
        var json = new JsonObject
        {
            ["format"] = package.Format,
            ["contest"] = Contest(package.Contest),
            ["rules"] = Rules(package.Rules, package.IsPreviousFormat),
            ["profiles"] = Array(package.Profiles, p => Profile(p, package.IsPreviousFormat)),
            ["scores"] = Array(package.Scores, Score),
            ["results"] = Results(package.Results),
        };
        if (includeHash)
        {
            json["hash"] = Hash(package);
        }
        return json;
    }

    private static JsonObject Contest(PublishedContest contest) => new()
    {
        ["code"] = contest.Code,
        ["title"] = contest.Title,
        ["publication_version"] = contest.PublicationVersion,
        ["published_at"] = PackageValues.Time(contest.PublishedAtUtc),
        ["correction_reason"] = contest.CorrectionReason,
    };

    private static JsonObject Rules(ResultsRules rules, bool previousFormat)
    {
        var json = RulesV1(rules);
        if (!previousFormat)
        {
            json["minimum_attendance_percent"] = rules.MinimumAttendancePercent is { } minimum ? PackageValues.Number(minimum) : null;
        }
        return json;
    }

    private static JsonObject RulesV1(ResultsRules rules) => new()
    {
        ["pass_mark"] = PackageValues.TwoDecimals(rules.PassMark, "rules.pass_mark"),
        ["aggregation"] = PackageValues.EnumName(rules.Aggregation),
        ["allocation"] = PackageValues.EnumName(rules.Allocation),
        ["partial_award_minimum_percent"] = rules.PartialAwardMinimumPercent is { } percent ? PackageValues.Number(percent) : null,
        ["roll_over_unspent_budget"] = rules.RollOverUnspentBudget,
        ["submission_deadline"] = PackageValues.Time(rules.SubmissionDeadlineUtc),
        ["stages"] = Array(rules.Stages, s => new JsonObject
        {
            ["code"] = s.Code,
            ["name"] = s.Name,
            ["weight"] = PackageValues.Number(s.Weight),
            ["required_scorecards"] = s.RequiredScorecards,
            ["criteria"] = Array(s.Criteria, c => new JsonObject
            {
                ["code"] = c.Code,
                ["name"] = c.Name,
                ["max_points"] = PackageValues.Number(c.MaxPoints),
                ["weight"] = PackageValues.Number(c.Weight),
            }),
        }),
        ["categories"] = Array(rules.Categories, c => new JsonObject
        {
            ["code"] = c.Code,
            ["name"] = c.Name,
            ["budget"] = PackageValues.TwoDecimals(c.Budget, $"the budget of category {c.Code}"),
            ["max_award"] = PackageValues.TwoDecimals(c.MaxAward, $"the maximum award of category {c.Code}"),
        }),
        ["priority_rules"] = Array(rules.PriorityRules, p => new JsonObject
        {
            ["kind"] = PackageValues.EnumName(p.Kind),
            ["threshold_percent"] = PackageValues.Number(p.ThresholdPercent),
            ["bonus_points"] = PackageValues.Number(p.BonusPoints),
        }),
        ["tie_breakers"] = Array(rules.TieBreakers, t => new JsonObject
        {
            ["kind"] = PackageValues.EnumName(t.Kind),
            ["stage_code"] = t.StageCode,
            ["criterion_code"] = t.CriterionCode,
        }),
    };

    private static JsonObject Profile(ProfileFacts p, bool previousFormat)
    {
        var json = ProfileV1(p);
        if (!previousFormat)
        {
            json["attendance"] = p.Attendance is { } a ? new JsonObject { ["households"] = a.Households, ["present"] = a.Present } : null;
        }
        return json;
    }

    private static JsonObject ProfileV1(ProfileFacts p) => new()
    {
        ["code"] = p.Code,
        ["category_code"] = p.CategoryCode,
        ["fund_request"] = PackageValues.TwoDecimals(p.FundRequest, $"the fund request of {p.Code}"),
        ["submitted_at"] = PackageValues.Time(p.SubmittedAtUtc),
        ["standing"] = PackageValues.EnumName(p.Standing),
        ["group"] = new JsonObject
        {
            ["households"] = p.Group.Households,
            ["women_headed"] = p.Group.WomenHeaded,
            ["youth"] = p.Group.Youth,
            ["juntos"] = p.Group.Juntos,
        },
        ["accepted_incomplete"] = Array(p.AcceptedIncomplete, a => new JsonObject
        {
            ["stage_code"] = a.StageCode,
            ["reason"] = a.Reason,
        }),
        ["group_name"] = p.GroupName,
        ["production_line"] = p.ProductionLine,
        ["district"] = p.District,
    };

    private static JsonObject Score(SubmittedScore s) => new()
    {
        ["profile_code"] = s.ProfileCode,
        ["stage_code"] = s.StageCode,
        ["juror_id"] = s.JurorId,
        ["points"] = Array(s.Points, c => new JsonObject
        {
            ["criterion_code"] = c.CriterionCode,
            ["points"] = PackageValues.Number(c.Points),
        }),
    };

    private static JsonObject Results(RankingResult results) => new()
    {
        ["categories"] = Array(results.Categories, c => new JsonObject
        {
            ["category_code"] = c.CategoryCode,
            ["budget"] = PackageValues.TwoDecimals(c.Budget, $"the results' budget of {c.CategoryCode}"),
            ["rolled_over_in"] = PackageValues.TwoDecimals(c.RolledOverIn, $"the results' rollover into {c.CategoryCode}"),
            ["used"] = PackageValues.TwoDecimals(c.Used, $"the results' used budget of {c.CategoryCode}"),
            ["left"] = PackageValues.TwoDecimals(c.Left, $"the results' budget left of {c.CategoryCode}"),
            ["ranked"] = c.Ranked,
            ["funded"] = c.Funded,
        }),
        ["entries"] = Array(results.Entries, Entry),
    };

    private static JsonObject Entry(ResultEntry e) => new()
    {
        ["profile_code"] = e.ProfileCode,
        ["category_code"] = e.CategoryCode,
        ["stages"] = Array(e.Stages, s => new JsonObject
        {
            ["stage_code"] = s.StageCode,
            ["score"] = Score(s.Score, $"{e.ProfileCode}'s score in stage {s.StageCode}"),
            ["scorecards"] = s.Scorecards,
            ["required"] = s.Required,
            ["accepted_incomplete"] = s.AcceptedIncomplete,
        }),
        ["evaluation_score"] = Score(e.EvaluationScore, $"{e.ProfileCode}'s evaluation score"),
        ["bonus"] = PackageValues.TwoDecimals(e.Bonus, $"{e.ProfileCode}'s bonus"),
        ["final_score"] = Score(e.FinalScore, $"{e.ProfileCode}'s final score"),
        ["passed"] = e.Passed,
        ["rank"] = e.Rank,
        ["waitlist_position"] = e.WaitlistPosition,
        ["outcome"] = PackageValues.EnumName(e.Outcome),
        ["award"] = PackageValues.TwoDecimals(e.Award, $"{e.ProfileCode}'s award"),
        ["explanation"] = e.Explanation,
        ["tie_break_note"] = e.TieBreakNote,
    };

    private static string? Score(decimal? value, string field) => value is { } v ? PackageValues.TwoDecimals(v, field) : null;

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> map)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(map(item));
        }
        return array;
    }
}
