namespace HakuWinay.Contests.Judging;

/// <summary>
/// Checks parsed sheet rows against the contest: the profile, stage, juror and criterion exist;
/// the profile is eligible; the juror is appointed to the stage and has no conflict with the
/// profile; the points are in range and on the contest's step; no row repeats another; no
/// scorecard it fills is already submitted; and every (profile, stage, juror) has every criterion
/// of its stage, since a sheet is a submission.
/// </summary>
internal sealed class ScoreSheetCsvValidator
{
    private static readonly StringComparer Ignoring = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, ScoreSheetCsvContext.Profile> _profiles;
    private readonly Dictionary<string, StageFacts> _stages;
    private readonly Dictionary<string, string> _jurors;
    private readonly HashSet<(string Stage, string Juror)> _appointments;
    private readonly HashSet<(string Juror, string Profile)> _conflicts;
    private readonly HashSet<(string Profile, string Stage, string Juror)> _submitted;

    public ScoreSheetCsvValidator(ScoreSheetCsvContext context)
    {
        _profiles = Lookup(context.Profiles, p => p.Code);
        _stages = Lookup(context.Stages.Select(s => new StageFacts(s)), s => s.Stage.Code);
        _jurors = Lookup(context.JurorEmails, e => e.Trim());
        _appointments = [.. context.Appointments.Select(a => (Key(a.StageCode), Key(a.JurorEmail)))];
        _conflicts = [.. context.Conflicts.Select(c => (Key(c.JurorEmail), Key(c.ProfileCode)))];
        _submitted = [.. context.SubmittedScorecards.Select(s => (Key(s.ProfileCode), Key(s.StageCode), Key(s.JurorEmail)))];
    }

    public ScoreSheetCsvValidation Validate(IReadOnlyList<ScoreSheetCsvRow> rows)
    {
        var errors = new ScoreSheetCsv.ErrorList();
        var firstRowOf = new Dictionary<(string, string, string, string), int>();
        var sheets = new Dictionary<(string Profile, string Stage, string Juror), Sheet>();
        foreach (var row in rows)
        {
            var profile = CheckProfile(row, errors);
            var stage = _stages.GetValueOrDefault(row.StageCode);
            if (stage is null)
            {
                errors.Add(new(row.Row, "ScoreSheet.UnknownStage", Shorten(row.StageCode)));
            }
            var juror = CheckJuror(row, stage, profile, errors);
            var criterion = stage is null ? null : CheckCriterion(row, stage, errors);

            var key = (Key(row.ProfileCode), Key(row.StageCode), Key(row.JurorEmail), Key(row.CriterionCode));
            if (!firstRowOf.TryAdd(key, row.Row))
            {
                errors.Add(new(row.Row, "ScoreSheet.DuplicateRow", firstRowOf[key]));
                continue;
            }
            var sheetKey = (key.Item1, key.Item2, key.Item3);
            if (!sheets.TryGetValue(sheetKey, out var sheet))
            {
                sheet = new Sheet(row.Row, profile?.Code ?? row.ProfileCode, stage, juror ?? row.JurorEmail);
                sheets.Add(sheetKey, sheet);
                if (_submitted.Contains(sheetKey))
                {
                    errors.Add(new(row.Row, "ScoreSheet.AlreadySubmitted", sheet.ProfileCode, stage?.Stage.Code ?? row.StageCode, sheet.JurorEmail));
                }
            }
            if (criterion is not null)
            {
                sheet.Points[criterion.Code] = new CriterionPoints(criterion.Code, row.Points, row.Comment);
            }
            CheckAttendance(row, stage, profile, sheet, errors);
        }
        foreach (var sheet in sheets.Values.Where(s => s.Stage is not null))
        {
            var missing = sheet.Stage!.Stage.Criteria.Where(c => !sheet.Points.ContainsKey(c.Code)).Select(c => c.Code).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new(sheet.FirstRow, "ScoreSheet.MissingCriteria",
                    sheet.ProfileCode, sheet.Stage.Stage.Code, sheet.JurorEmail, string.Join(", ", missing)));
            }
        }
        if (errors.Count > 0)
        {
            return ScoreSheetCsvValidation.Failure([.. errors.ToList().OrderBy(e => e.Row ?? int.MaxValue)]);
        }
        return ScoreSheetCsvValidation.Success([.. sheets.Values.Select(s => new ScoreSheetCsvScorecard(
            s.FirstRow, s.ProfileCode, s.Stage!.Stage.Code, s.JurorEmail,
            [.. s.Stage.Stage.Criteria.Select(c => s.Points[c.Code])], s.PresentDnis))]);
    }

    /// <summary>
    /// A row's attendance: only on a stage that records it, each DNI of a member household of the
    /// profile's group, and the same list on every row of the sheet that gives one.
    /// </summary>
    private static void CheckAttendance(ScoreSheetCsvRow row, StageFacts? stage, ScoreSheetCsvContext.Profile? profile, Sheet sheet, ScoreSheetCsv.ErrorList errors)
    {
        if (row.PresentDnis is not { } present || stage is null)
        {
            return;
        }
        if (!stage.Stage.RecordsAttendance)
        {
            errors.Add(new(row.Row, "ScoreSheet.AttendanceNotFieldStage", stage.Stage.Code));
            return;
        }
        if (profile is not null)
        {
            var members = profile.MemberDnis ?? [];
            foreach (var dni in present.Where(d => !members.Contains(d, StringComparer.Ordinal)))
            {
                errors.Add(new(row.Row, "ScoreSheet.AttendanceNotAMember", dni, profile.Code));
            }
        }
        if (sheet.PresentDnis is null)
        {
            sheet.PresentDnis = present;
        }
        else if (!sheet.PresentDnis.SequenceEqual(present, StringComparer.Ordinal))
        {
            errors.Add(new(row.Row, "ScoreSheet.AttendanceDiffers", sheet.ProfileCode, stage.Stage.Code, sheet.JurorEmail));
        }
    }

    private ScoreSheetCsvContext.Profile? CheckProfile(ScoreSheetCsvRow row, ScoreSheetCsv.ErrorList errors)
    {
        var profile = _profiles.GetValueOrDefault(row.ProfileCode);
        if (profile is null)
        {
            errors.Add(new(row.Row, "ScoreSheet.UnknownProfile", Shorten(row.ProfileCode)));
        }
        else if (!profile.Eligible)
        {
            errors.Add(new(row.Row, "ScoreSheet.ProfileNotEligible", profile.Code));
        }
        return profile;
    }

    /// <summary>The juror's email as the portal spells it, or null when the portal has no such juror.</summary>
    private string? CheckJuror(ScoreSheetCsvRow row, StageFacts? stage, ScoreSheetCsvContext.Profile? profile, ScoreSheetCsv.ErrorList errors)
    {
        var juror = _jurors.GetValueOrDefault(row.JurorEmail);
        if (juror is null)
        {
            errors.Add(new(row.Row, "ScoreSheet.UnknownJuror", Shorten(row.JurorEmail)));
            return null;
        }
        if (stage is not null && !_appointments.Contains((Key(stage.Stage.Code), Key(juror))))
        {
            errors.Add(new(row.Row, "ScoreSheet.JurorNotAppointed", juror, stage.Stage.Code));
        }
        if (profile is not null && _conflicts.Contains((Key(juror), Key(profile.Code))))
        {
            errors.Add(new(row.Row, "ScoreSheet.JurorConflicted", juror, profile.Code));
        }
        return juror;
    }

    private static ScoringCriterion? CheckCriterion(ScoreSheetCsvRow row, StageFacts stage, ScoreSheetCsv.ErrorList errors)
    {
        var criterion = stage.Criteria.GetValueOrDefault(row.CriterionCode);
        if (criterion is null)
        {
            errors.Add(new(row.Row, "ScoreSheet.UnknownCriterion", Shorten(row.CriterionCode), stage.Stage.Code));
            return null;
        }
        if (ScoreRules.CheckPoints(criterion, row.Points, stage.Stage.Granularity) is { } violation)
        {
            errors.Add(new(row.Row, violation.Rule, violation.Arguments));
        }
        return criterion;
    }

    private static string Key(string value) => value.Trim().ToUpperInvariant();

    private static string Shorten(string value) => ScoreSheetCsv.Shorten(value);

    private static Dictionary<string, T> Lookup<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var lookup = new Dictionary<string, T>(Ignoring);
        foreach (var item in items)
        {
            lookup.TryAdd(key(item).Trim(), item);
        }
        return lookup;
    }

    private sealed class StageFacts(ScoreSheetCsvContext.Stage stage)
    {
        public ScoreSheetCsvContext.Stage Stage { get; } = stage;
        public Dictionary<string, ScoringCriterion> Criteria { get; } = Lookup(stage.Criteria, c => c.Code);
    }

    private sealed class Sheet(int firstRow, string profileCode, StageFacts? stage, string jurorEmail)
    {
        public int FirstRow { get; } = firstRow;
        public string ProfileCode { get; } = profileCode;
        public StageFacts? Stage { get; } = stage;
        public string JurorEmail { get; } = jurorEmail;
        public Dictionary<string, CriterionPoints> Points { get; } = new(Ignoring);
        public IReadOnlyList<string>? PresentDnis { get; set; }
    }
}
