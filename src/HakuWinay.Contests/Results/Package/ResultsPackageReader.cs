using System.Text.Json;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// Reads a package in two steps: its form (each field present, of its type, spelled as the writer
/// spells it), then, only when the form is right, its coherence (<see cref="ResultsPackageChecks"/>).
/// </summary>
internal static class ResultsPackageReader
{
    private static readonly string[] PackageFields = ["format", "contest", "rules", "profiles", "scores", "results", "hash"];
    private static readonly string[] ContestFields = ["code", "title", "publication_version", "published_at", "correction_reason"];
    private static readonly string[] RulesFieldsV1 =
    [
        "pass_mark", "aggregation", "allocation", "partial_award_minimum_percent", "roll_over_unspent_budget",
        "submission_deadline", "stages", "categories", "priority_rules", "tie_breakers",
    ];
    private static readonly string[] RulesFields = [.. RulesFieldsV1, "minimum_attendance_percent"];
    private static readonly string[] StageFields = ["code", "name", "weight", "required_scorecards", "criteria"];
    private static readonly string[] CriterionFields = ["code", "name", "max_points", "weight"];
    private static readonly string[] CategoryFields = ["code", "name", "budget", "max_award"];
    private static readonly string[] PriorityFields = ["kind", "threshold_percent", "bonus_points"];
    private static readonly string[] TieBreakerFields = ["kind", "stage_code", "criterion_code"];
    private static readonly string[] ProfileFieldsV1 =
    [
        "code", "category_code", "fund_request", "submitted_at", "standing", "group", "accepted_incomplete",
        "group_name", "production_line", "district",
    ];
    private static readonly string[] ProfileFields = [.. ProfileFieldsV1, "attendance"];
    private static readonly string[] AttendanceFields = ["households", "present"];
    private static readonly string[] GroupFields = ["households", "women_headed", "youth", "juntos"];
    private static readonly string[] AcceptanceFields = ["stage_code", "reason"];
    private static readonly string[] ScoreFields = ["profile_code", "stage_code", "juror_id", "points"];
    private static readonly string[] PointsFields = ["criterion_code", "points"];
    private static readonly string[] ResultsFields = ["categories", "entries"];
    private static readonly string[] CategoryOutcomeFields = ["category_code", "budget", "rolled_over_in", "used", "left", "ranked", "funded"];
    private static readonly string[] EntryFields =
    [
        "profile_code", "category_code", "stages", "evaluation_score", "bonus", "final_score", "passed", "rank",
        "waitlist_position", "outcome", "award", "explanation", "tie_break_note",
    ];
    private static readonly string[] StageResultFields = ["stage_code", "score", "scorecards", "required", "accepted_incomplete"];

    /// <summary>The field names of each object of the package (the current format), for the schema test and the documentation.</summary>
    internal static IReadOnlyDictionary<string, string[]> Fields { get; } = new Dictionary<string, string[]>
    {
        ["package"] = PackageFields, ["contest"] = ContestFields, ["rules"] = RulesFields, ["stage"] = StageFields,
        ["criterion"] = CriterionFields, ["category"] = CategoryFields, ["priority_rule"] = PriorityFields,
        ["tie_breaker"] = TieBreakerFields, ["profile"] = ProfileFields, ["group"] = GroupFields, ["attendance"] = AttendanceFields,
        ["accepted_incomplete"] = AcceptanceFields, ["score"] = ScoreFields, ["criterion_points"] = PointsFields,
        ["results"] = ResultsFields, ["category_outcome"] = CategoryOutcomeFields, ["entry"] = EntryFields,
        ["stage_result"] = StageResultFields,
    };

    public static ResultsPackageReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        var bytes = utf8.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        if (utf8.Span.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]).IsEmpty)
        {
            return Failed("$: the file is empty; a results package is a JSON object");
        }
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return Failed($"$: the file is not UTF-8 text (byte {FirstInvalidByte(utf8.Span) + 1} is not valid UTF-8)");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = ResultsPackageJson.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Failed($"$: not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1} of that line: {FirstSentence(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            return Failed(NotUnicode);
        }
        using (document)
        {
            var root = document.RootElement;
            try
            {
                var fields = new JsonFields();
                var current = true;
                if (root.ValueKind == JsonValueKind.Object && JsonFields.Field(root, "format") is { ValueKind: JsonValueKind.String } format
                    && !format.ValueEquals(ResultsPackage.FormatId))
                {
                    if (!format.ValueEquals(ResultsPackage.PreviousFormatId))
                    {
                        // Another format (or version): nothing else in it can be judged by this reader's rules.
                        return Failed($"$.format: {JsonFields.Describe(format)} is not a format this tool reads; it reads \"{ResultsPackage.FormatId}\" and \"{ResultsPackage.PreviousFormatId}\"");
                    }
                    // Version 1 (before field attendance): the same fields less the attendance ones, read and verified as published.
                    current = false;
                }
                var package = Package(fields, root, current);
                if (fields.ErrorCount == 0)
                {
                    ResultsPackageChecks.Check(package!, fields);
                }
                return fields.ErrorCount == 0 ? new(package, []) : new(null, fields.Errors);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to decode a name or text escaped as a lone surrogate ("\ud800").
                return Failed(NotUnicode);
            }
        }
    }

    private const string NotUnicode = "$: the file holds a text or a field name that is not valid Unicode (a lone surrogate such as \"\\ud800\")";

    private static ResultsPackageReadResult Failed(string error) => new(null, [error]);

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return 0;
        }
        catch (System.Text.DecoderFallbackException e)
        {
            return e.Index;
        }
    }

    /// <summary>System.Text.Json's message without its own "Path: … | LineNumber: …" suffix (this reader says where).</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static ResultsPackage? Package(JsonFields f, JsonElement root, bool current)
    {
        const string path = "$";
        if (!f.Object(root, path, "a results package", PackageFields))
        {
            return null;
        }
        var format = f.String(root, path, "format");
        var contest = Contest(f, JsonFields.Field(root, "contest"), "$.contest");
        var rules = Rules(f, JsonFields.Field(root, "rules"), "$.rules", current);
        var profiles = f.Array(root, path, "profiles", (e, p) => Profile(f, e, p, current));
        var scores = f.Array(root, path, "scores", (e, p) => Score(f, e, p));
        var results = Results(f, JsonFields.Field(root, "results"), "$.results");
        var hash = f.String(root, path, "hash");
        if (JsonFields.Field(root, "hash").ValueKind == JsonValueKind.String && !IsSha256Hex(hash))
        {
            f.Error("$.hash", $"\"{(hash.Length > 70 ? hash[..67] + "…" : hash)}\" is not a SHA-256 hash in lowercase hexadecimal (64 characters from 0-9 and a-f)");
        }
        return contest is null || rules is null || results is null
            ? null
            : new ResultsPackage(contest, rules, profiles!, scores!, results, hash) { Format = current ? ResultsPackage.FormatId : format };
    }

    private static bool IsSha256Hex(string hash) => hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static PublishedContest? Contest(JsonFields f, JsonElement e, string path)
    {
        if (!Present(f, e, path, "the contest", ContestFields))
        {
            return null;
        }
        return new PublishedContest(
            f.Code(e, path, "code"),
            f.String(e, path, "title"),
            f.Integer(e, path, "publication_version", minimum: 0),
            f.Time(e, path, "published_at"),
            f.NullableString(e, path, "correction_reason"));
    }

    private static ResultsRules? Rules(JsonFields f, JsonElement e, string path, bool current)
    {
        if (!Present(f, e, path, "the rules", current ? RulesFields : RulesFieldsV1))
        {
            return null;
        }
        return new ResultsRules(
            f.Score(e, path, "pass_mark"),
            f.Enum<ScoreAggregation>(e, path, "aggregation"),
            f.Enum<BudgetAllocationPolicy>(e, path, "allocation"),
            f.NullableNumber(e, path, "partial_award_minimum_percent"),
            f.Boolean(e, path, "roll_over_unspent_budget"),
            f.Time(e, path, "submission_deadline"),
            f.Array(e, path, "stages", (s, p) => Stage(f, s, p)),
            f.Array(e, path, "categories", (c, p) => !f.Object(c, p, "a category", CategoryFields) ? null! : new RankedCategory(
                f.Code(c, p, "code"), f.String(c, p, "name"), f.Amount(c, p, "budget"), f.Amount(c, p, "max_award"))),
            f.Array(e, path, "priority_rules", (r, p) => !f.Object(r, p, "a priority rule", PriorityFields) ? null! : new PriorityRule(
                f.Enum<PriorityKind>(r, p, "kind"), f.Number(r, p, "threshold_percent"), f.Number(r, p, "bonus_points"))),
            f.Array(e, path, "tie_breakers", (t, p) => !f.Object(t, p, "a tie-breaker", TieBreakerFields) ? null! : new TieBreakerRule(
                f.Enum<TieBreakerKind>(t, p, "kind"), f.NullableString(t, p, "stage_code"), f.NullableString(t, p, "criterion_code"))),
            current ? f.NullableNumber(e, path, "minimum_attendance_percent") : null);
    }

    private static RankedStage Stage(JsonFields f, JsonElement s, string p) =>
        !f.Object(s, p, "a stage", StageFields) ? null! : new RankedStage(
            f.Code(s, p, "code"), f.String(s, p, "name"), f.Number(s, p, "weight"), f.Integer(s, p, "required_scorecards", minimum: 1),
            f.Array(s, p, "criteria", (c, cp) => !f.Object(c, cp, "a criterion", CriterionFields) ? null! : new RankedCriterion(
                f.Code(c, cp, "code"), f.String(c, cp, "name"), f.Number(c, cp, "max_points"), f.Number(c, cp, "weight"))));

    private static ProfileFacts Profile(JsonFields f, JsonElement e, string p, bool current)
    {
        if (!f.Object(e, p, "a profile", current ? ProfileFields : ProfileFieldsV1))
        {
            return null!;
        }
        var group = JsonFields.Field(e, "group");
        var gp = p + ".group";
        var facts = Present(f, group, gp, "a group", GroupFields)
            ? new GroupFacts(f.Integer(group, gp, "households", 0), f.Integer(group, gp, "women_headed", 0), f.Integer(group, gp, "youth", 0), f.Integer(group, gp, "juntos", 0))
            : new GroupFacts(0, 0, 0, 0);
        return new ProfileFacts(
            f.Code(e, p, "code"),
            f.Code(e, p, "category_code"),
            f.Amount(e, p, "fund_request"),
            f.Time(e, p, "submitted_at"),
            f.Enum<ProfileStanding>(e, p, "standing"),
            facts,
            f.Array(e, p, "accepted_incomplete", (a, ap) => !f.Object(a, ap, "an accepted incomplete stage", AcceptanceFields) ? null! : new IncompleteAcceptance(
                f.Code(a, ap, "stage_code"), f.String(a, ap, "reason"))),
            f.String(e, p, "group_name"),
            f.String(e, p, "production_line"),
            f.String(e, p, "district"),
            current ? Attendance(f, e, p) : null);
    }

    /// <summary>A profile's field attendance (format 2): null, or the group's households and those present.</summary>
    private static FieldAttendance? Attendance(JsonFields f, JsonElement profile, string p)
    {
        var e = JsonFields.Field(profile, "attendance");
        var ap = p + ".attendance";
        return e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || !f.Object(e, ap, "a field attendance", AttendanceFields)
            ? null
            : new FieldAttendance(f.Integer(e, ap, "households", 0), f.Integer(e, ap, "present", 0));
    }

    private static SubmittedScore Score(JsonFields f, JsonElement e, string p) =>
        !f.Object(e, p, "a scorecard", ScoreFields) ? null! : new SubmittedScore(
            f.Code(e, p, "profile_code"), f.Code(e, p, "stage_code"), f.Code(e, p, "juror_id"),
            f.Array(e, p, "points", (c, cp) => !f.Object(c, cp, "a criterion's points", PointsFields) ? null! : new CriterionScore(
                f.Code(c, cp, "criterion_code"), f.Number(c, cp, "points"))));

    private static RankingResult? Results(JsonFields f, JsonElement e, string path)
    {
        if (!Present(f, e, path, "the results", ResultsFields))
        {
            return null;
        }
        return new RankingResult(
            f.Array(e, path, "categories", (c, p) => !f.Object(c, p, "a category's outcome", CategoryOutcomeFields) ? null! : new CategoryOutcome(
                f.Code(c, p, "category_code"), f.Amount(c, p, "budget"), f.Amount(c, p, "rolled_over_in"), f.Amount(c, p, "used"),
                f.Amount(c, p, "left"), f.Integer(c, p, "ranked", 0), f.Integer(c, p, "funded", 0))),
            f.Array(e, path, "entries", (x, p) => Entry(f, x, p)));
    }

    private static ResultEntry Entry(JsonFields f, JsonElement e, string p) =>
        !f.Object(e, p, "a result entry", EntryFields) ? null! : new ResultEntry(
            f.Code(e, p, "profile_code"),
            f.Code(e, p, "category_code"),
            f.Array(e, p, "stages", (s, sp) => !f.Object(s, sp, "a stage result", StageResultFields) ? null! : new StageResult(
                f.Code(s, sp, "stage_code"), f.NullableScore(s, sp, "score"), f.Integer(s, sp, "scorecards", 0),
                f.Integer(s, sp, "required", 0), f.Boolean(s, sp, "accepted_incomplete"))),
            f.NullableScore(e, p, "evaluation_score"),
            f.Score(e, p, "bonus"),
            f.NullableScore(e, p, "final_score"),
            f.Boolean(e, p, "passed"),
            f.NullableInteger(e, p, "rank", minimum: 1),
            f.NullableInteger(e, p, "waitlist_position", minimum: 1),
            f.Enum<ResultOutcome>(e, p, "outcome"),
            f.Amount(e, p, "award"),
            f.String(e, p, "explanation"),
            f.NullableString(e, p, "tie_break_note"));

    /// <summary>A nested object that must be there: missing is already reported by the parent; anything but an object is reported here.</summary>
    private static bool Present(JsonFields f, JsonElement e, string path, string what, string[] fields) =>
        e.ValueKind != JsonValueKind.Undefined && f.Object(e, path, what, fields);
}
