using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// What the demo cycle's stories share: the demo's people (administrator, jurors, technician,
/// representatives and their groups), a clock that the story moves through the past, and the
/// domain's own services running on that clock.
/// </summary>
/// <remarks>
/// The services are the ones the pages use, created with
/// <see cref="ActivatorUtilities.CreateInstance(IServiceProvider, Type, object[])"/> so that
/// everything comes from the container except three things: the <see cref="TimeProvider"/> (the
/// story's clock, so a call made "on day -300" is checked against that day's rules exactly as it
/// would have been then), and the outbox and sweep signals, which are quiet while seeding runs
/// before Hangfire serves (the emails are queued in the outbox all the same, and one signal is
/// given at the end; the story runs the sweep itself where the programme's sweeper would have).
/// </remarks>
internal sealed class DemoCycleStory
{
    public const string TemplateCode = "CLAR-DOS-ETAPAS";

    private readonly IServiceProvider _services;
    private readonly Dictionary<Type, object> _made = [];
    private readonly QuietOutbox _outbox = new();
    private readonly QuietSweep _sweep = new();

    private DemoCycleStory(IServiceProvider services, IDbContextFactory<ContestsDbContext> dbFactory, DateTime nowUtc)
    {
        _services = services;
        Db = dbFactory;
        NowUtc = nowUtc;
        Today = DateOnly.FromDateTime(LimaTime.ToLima(nowUtc));
        Clock = new StoryClock(nowUtc);
    }

    public IDbContextFactory<ContestsDbContext> Db { get; }

    /// <summary>The real instant of the first start; every date of the cycle counts from its Lima day.</summary>
    public DateTime NowUtc { get; }

    public DateOnly Today { get; }

    public StoryClock Clock { get; }

    public ActingUser Admin { get; private set; } = null!;

    public ActingUser Technician { get; private set; } = null!;

    /// <summary>jurado1, jurado2, jurado3, in that order.</summary>
    public IReadOnlyList<string> Jurors { get; private set; } = [];

    private Dictionary<string, (string UserId, int GroupId)> Representatives { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<DemoCycleStory> StartAsync(IServiceProvider services, IDbContextFactory<ContestsDbContext> dbFactory, DemoSeed demo, DateTime nowUtc, CancellationToken ct)
    {
        var story = new DemoCycleStory(services, dbFactory, nowUtc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = demo.Users.Select(u => u.Email).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        string Of(string role) => users[demo.Users.Where(u => u.Role == role).Select(u => u.Email).Order(StringComparer.Ordinal).First()];
        story.Admin = new ActingUser(Of(Roles.Admin), IsAdmin: true);
        story.Technician = new ActingUser(Of(Roles.Technician), IsTechnician: true);
        story.Jurors = demo.Users.Where(u => u.Role == Roles.Juror).Select(u => u.Email).Order(StringComparer.Ordinal).Select(e => users[e]).ToList();
        var groups = await db.ProducerGroups.Where(g => g.RepresentativeUserId != null).Select(g => new { g.Id, g.RepresentativeUserId }).ToListAsync(ct);
        foreach (var (email, id) in users)
        {
            if (groups.FirstOrDefault(g => g.RepresentativeUserId == id) is { } group)
            {
                story.Representatives[email] = (id, group.Id);
            }
        }
        return story;
    }

    /// <summary>The representative of the group whose account is <paramref name="email"/>, acting for it.</summary>
    public (ActingUser User, int GroupId) Group(string email) =>
        Representatives.TryGetValue(email, out var r) ? (new ActingUser(r.UserId), r.GroupId)
            : throw new InvalidOperationException($"Demo cycle: no group is represented by {email}.");

    /// <summary>The representative of group <paramref name="groupId"/>, acting for it.</summary>
    public ActingUser RepresentativeOf(int groupId) =>
        new(Representatives.Values.Single(r => r.GroupId == groupId).UserId);

    /// <summary>A domain service on the story's clock (see the remarks of this class).</summary>
    public T Service<T>() where T : class
    {
        if (!_made.TryGetValue(typeof(T), out var service))
        {
            var wanted = typeof(T).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();
            var given = new object[] { Clock, _outbox, _sweep }.Where(a => wanted.Any(w => w.IsInstanceOfType(a))).ToArray();
            service = ActivatorUtilities.CreateInstance<T>(_services, given);
            _made[typeof(T)] = service;
        }
        return (T)service;
    }

    /// <summary>Moves the story's clock to <paramref name="hour"/>:00 in Lima, <paramref name="day"/> days from the first start.</summary>
    public void At(int day, int hour = 10) => Clock.Set(Instant(day, hour));

    /// <summary>Brings the story's clock back to the real instant of the first start.</summary>
    public void AtNow() => Clock.Set(NowUtc);

    public DateOnly Day(int day) => Today.AddDays(day);

    public DateTime Instant(int day, int hour, int minute = 0) =>
        new DateTimeOffset(Day(day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(-5)).UtcDateTime;

    /// <summary>Tells the outbox once that the story queued emails.</summary>
    public void Finish() => _services.GetService<IOutboxSignal>()?.MessagesQueued();

    /// <summary>The value of a service call that must succeed; a refusal is a broken demo, named with its rules.</summary>
    public static T Ok<T>(ServiceResult<T> result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo cycle: {what} was refused ({result.Outcome}: {string.Join(", ", result.Violations.Select(v => v.Rule))}).");
        }
        return result.Value!;
    }

    /// <summary>Creates a contest from the CLAR template as the administrator does on /admin/contests/new, sets it up and publishes it.</summary>
    public async Task<int> CreateContestAsync(DemoCycleContestSeed seed, string code, CancellationToken ct)
    {
        At(seed.CreatedDaysFromNow, 9);
        var timeline = new ContestTimeline(
            Instant(seed.OpensDaysFromNow, 0), Instant(seed.ClosesDaysFromNow, 17, 59),
            Instant(seed.FieldEvaluationStartsDaysFromNow, 8), Instant(seed.FieldEvaluationEndsDaysFromNow, 17),
            Instant(seed.PublicSessionDaysFromNow, 9), Instant(seed.ResultsDaysFromNow, 18));
        var contests = Service<ContestAdminService>();
        var id = Ok(await contests.CreateAsync(Admin.UserId, new NewContest(code, seed.Title, "05", timeline, TemplateCode, null), ct), $"creating {code}");
        var settings = contests;
        var version = await VersionAsync(id, ct);
        version = Ok(await settings.SaveGeneralAsync(Admin.UserId, id, version, new GeneralSettings(code, seed.Title, "05", "0501", null, seed.BasesMarkdown), ct), $"{code} general settings");
        await using (var db = await Db.CreateDbContextAsync(ct))
        {
            var lines = await db.ProductionLines.Where(l => seed.EligibleProductionLineCodes.Contains(l.Code)).Select(l => l.Id).ToListAsync(ct);
            version = Ok(await settings.SaveEligibilityAsync(Admin.UserId, id, version,
                new EligibilitySettings(lines, 3, 6, 10m, new Dictionary<InvestmentCategory, decimal> { [InvestmentCategory.TechnicalAssistance] = 40m }), ct), $"{code} eligibility");
            version = Ok(await settings.SaveChecklistAsync(Admin.UserId, id, version,
                [new ChecklistItemSettings(null, "Al menos la mitad de los hogares socios presentes en la verificación, con su DNI"),
                 new ChecklistItemSettings(null, "Compromiso de contrapartida firmado por los socios")], ct), $"{code} checklist");
            if (seed.JurorsPerStage is { } jurors)
            {
                var contest = await db.Contests.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.Criteria).SingleAsync(c => c.Id == id, ct);
                var stages = contest.Stages.OrderBy(s => s.Order).Select(s => new StageSettings(s.Id, s.Code, s.Name, s.Weight,
                    jurors.TryGetValue(s.Code, out var n) ? n : s.JurorsPerProfile,
                    s.Criteria.OrderBy(c => c.Order).Select(c => new CriterionSettings(c.Id, c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight)).ToList())).ToList();
                version = Ok(await settings.SaveStagesAsync(Admin.UserId, id, version, new StagesSettings(contest.PassMark, stages), ct), $"{code} stages");
            }
        }
        Ok(await contests.PublishAsync(Admin.UserId, id, version, ct), $"publishing {code}");
        return id;
    }

    /// <summary>A group's representative applies as on /contests/{code}/apply: draft, sections, plan, submission. Returns the profile's id.</summary>
    public async Task<int> ApplyAsync(int contestId, string representativeEmail, DemoProfileSeed seed, CancellationToken ct)
    {
        var (user, groupId) = Group(representativeEmail);
        int categoryId;
        await using (var db = await Db.CreateDbContextAsync(ct))
        {
            categoryId = await db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.Categories).Where(c => c.Code == seed.CategoryCode).Select(c => c.Id).SingleAsync(ct);
        }
        var profiles = Service<ProfileService>();
        var id = Ok(await profiles.StartDraftAsync(user, groupId, contestId, categoryId, ct), $"the draft of {representativeEmail}");
        var version = Ok(await profiles.EditDraftAsync(user, id, await ProfileVersionAsync(id, ct), (profile, now) =>
        {
            foreach (var (section, markdown) in seed.Sections)
            {
                profile.WriteSection(Enum.Parse<ProfileSection>(section), markdown, now);
            }
            profile.SetExpectedResults(seed.ExpectedSalesPerYear, seed.ExpectedJobs, seed.HouseholdsBenefiting, now);
        }, ct), $"the sections of {representativeEmail}");
        var plan = Ok(await profiles.ReplacePlanAsync(user, id, version, seed.Lines
            .Select(l => new PlanLine(null, l.Description, Enum.Parse<InvestmentCategory>(l.Category), l.Unit, l.Quantity, l.UnitCost, Enum.Parse<FinancedBy>(l.FinancedBy)))
            .ToList(), ct), $"the plan of {representativeEmail}");
        Ok(await profiles.SubmitAsync(user, id, plan.Version, ct), $"the submission of {representativeEmail}");
        return id;
    }

    /// <summary>The administrator's eligibility review (/admin/profiles/{id}/eligibility): every checklist item met.</summary>
    public async Task DeclareEligibleAsync(int profileId, CancellationToken ct)
    {
        List<int> items;
        await using (var db = await Db.CreateDbContextAsync(ct))
        {
            var contestId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.ContestId).SingleAsync(ct);
            items = await db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.EligibilityChecklist).Select(i => i.Id).ToListAsync(ct);
        }
        Ok(await Service<EligibilityService>().DecideAsync(Admin.UserId, profileId, await ProfileVersionAsync(profileId, ct), true,
            "Cumple las condiciones de las bases: hogares verificados con su DNI y contrapartida firmada.",
            items.Select(i => new ChecklistAnswer(i, true)).ToList(), ct), $"the eligibility of profile {profileId}");
    }

    /// <summary>The call closes by the clock, the administrator starts the evaluation, appoints the jurors, and each juror confirms their declaration of conflicts.</summary>
    public async Task StartEvaluationAsync(int contestId, IReadOnlyDictionary<string, IReadOnlyList<string>> jurorsByStage, CancellationToken ct)
    {
        await Service<ContestClock>().SyncAsync(ct);
        Ok(await Service<ContestAdminService>().AdvanceAsync(Admin.UserId, contestId, await VersionAsync(contestId, ct), ContestTransition.StartEvaluation, ct), $"starting the evaluation of contest {contestId}");
        var stages = await StagesAsync(contestId, ct);
        foreach (var (stageCode, jurors) in jurorsByStage)
        {
            foreach (var juror in jurors)
            {
                Ok(await Service<JurorService>().AppointAsync(Admin, stages[stageCode], juror, ct), $"appointing a juror to {stageCode}");
            }
        }
        foreach (var juror in jurorsByStage.Values.SelectMany(j => j).Distinct())
        {
            Ok(await Service<ConflictService>().ConfirmAsync(juror, contestId, ct), "a juror's declaration of conflicts");
        }
    }

    /// <summary>The administrator's automatic assignment of a stage (/admin/contests/{id}/assignment).</summary>
    public async Task AssignAsync(int stageId, int seed, CancellationToken ct) =>
        Ok(await Service<AssignmentService>().RunAsync(Admin, stageId, seed, ct), $"assigning stage {stageId}");

    /// <summary>The points a juror gives at <paramref name="share"/> of each criterion's maximum (whole points).</summary>
    public static List<CriterionPoints> Points(IEnumerable<(string Code, decimal MaxPoints)> criteria, decimal share, string? comment = null) =>
        criteria.Select(c => new CriterionPoints(c.Code, Math.Clamp(Math.Round(c.MaxPoints * share, MidpointRounding.AwayFromZero), 0, c.MaxPoints), comment)).ToList();

    /// <summary>A stage's scorecards with their profile's group, juror, version and the stage's criteria.</summary>
    public async Task<List<DemoScorecard>> ScorecardsAsync(int stageId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        var criteria = await db.Set<ContestCriterion>().Where(c => c.ContestStageId == stageId).OrderBy(c => c.Order)
            .Select(c => new { c.Code, c.MaxPoints }).ToListAsync(ct);
        var cards = await (from s in db.Scorecards
                           join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                           where s.ContestStageId == stageId && s.Status != ScorecardStatus.Excluded
                           orderby p.Code, s.JurorUserId
                           select new { s.Id, s.Version, s.JurorUserId, p.ProducerGroupId }).ToListAsync(ct);
        var list = criteria.Select(c => (c.Code, c.MaxPoints)).ToList();
        return cards.Select(c => new DemoScorecard(c.Id, c.Version, c.JurorUserId, c.ProducerGroupId, list)).ToList();
    }

    /// <summary>
    /// The field attendance a demo juror records: every member household but the last one by DNI
    /// (groups of four or more), so each demo profile is well above the 50 % minimum.
    /// </summary>
    public async Task<IReadOnlyList<string>> PresentAsync(int groupId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        var dnis = (await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleAsync(g => g.Id == groupId, ct)).Households.Select(h => h.Dni).ToList();
        var sorted = dnis.Order(StringComparer.Ordinal).ToList();
        return sorted.Count >= 4 ? sorted[..^1] : sorted;
    }

    public async Task<Dictionary<string, int>> StagesAsync(int contestId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        return await db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.Stages).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
    }

    public async Task<Guid> VersionAsync(int contestId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        return await db.Contests.Where(c => c.Id == contestId).Select(c => c.Version).SingleAsync(ct);
    }

    public async Task<Guid> ScorecardVersionAsync(int scorecardId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        return await db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Version).SingleAsync(ct);
    }

    private async Task<Guid> ProfileVersionAsync(int profileId, CancellationToken ct)
    {
        await using var db = await Db.CreateDbContextAsync(ct);
        return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Version).SingleAsync(ct);
    }

    /// <summary>A code of the demo's own year, such as "OP-2025-0412", for bank references and receipts.</summary>
    public string Reference(string prefix, int day, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Day(day).Year}-{number:D6}");

    /// <summary>A clock the story sets; time does not pass by itself.</summary>
    internal sealed class StoryClock(DateTime startUtc) : TimeProvider
    {
        private DateTimeOffset _now = new(startUtc, TimeSpan.Zero);

        public void Set(DateTime utc) => _now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private sealed class QuietOutbox : IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }

    private sealed class QuietSweep : IExecutionSweepTrigger
    {
        public void SweepSoon()
        {
        }
    }
}

/// <summary>One scorecard as the story fills it.</summary>
internal sealed record DemoScorecard(int Id, Guid Version, string JurorUserId, int GroupId, IReadOnlyList<(string Code, decimal MaxPoints)> Criteria);
