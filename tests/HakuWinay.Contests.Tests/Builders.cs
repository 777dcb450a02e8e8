using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Tests;

/// <summary>Fixed instants the tests start from, so a failure reads the same on every run.</summary>
internal static class Instants
{
    /// <summary>Monday 23 November 2026, 09:00 in Lima.</summary>
    public static readonly DateTime Now = new(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

    /// <summary>The UTC instant of a Lima wall-clock time.</summary>
    public static DateTime Lima(int year, int month, int day, int hour, int minute) =>
        LimaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}

/// <summary>
/// A contest whose timeline is laid out relative to an instant: by default the call opens a day
/// later and closes 30 days later, field evaluation follows, then the public session and results.
/// </summary>
internal sealed class ContestBuilder(DateTime nowUtc)
{
    private static int _sequence;

    private string _code = $"HW-TEST-{Interlocked.Increment(ref _sequence):D4}";
    private DateTime _opensAt = nowUtc.AddDays(1);
    private DateTime _closesAt = nowUtc.AddDays(30);
    private DateTime? _fieldStartsAt = nowUtc.AddDays(35);
    private DateTime? _fieldEndsAt = nowUtc.AddDays(45);
    private DateTime? _publicSessionAt = nowUtc.AddDays(50);
    private DateTime? _resultsAt = nowUtc.AddDays(50);
    private bool _published;
    private int? _eligibleLineId;
    private readonly List<(string Code, string Name, decimal Budget, decimal MaxAward)> _categories = [];

    public ContestBuilder() : this(Instants.Now) { }

    public ContestBuilder WithCode(string code)
    {
        _code = code;
        return this;
    }

    public ContestBuilder OpensAt(DateTime utc)
    {
        _opensAt = utc;
        return this;
    }

    public ContestBuilder ClosesAt(DateTime utc)
    {
        _closesAt = utc;
        return this;
    }

    /// <summary>A call that is already open at the builder's instant and closes <paramref name="closesIn"/> later.</summary>
    public ContestBuilder OpenFor(TimeSpan closesIn)
    {
        _opensAt = nowUtc.AddDays(-1);
        _closesAt = nowUtc + closesIn;
        return this;
    }

    public ContestBuilder WithoutEvaluationDates()
    {
        _fieldStartsAt = _fieldEndsAt = _publicSessionAt = _resultsAt = null;
        return this;
    }

    public ContestBuilder WithCategory(string code, decimal budget = 120_000m, decimal maxAward = 7_500m)
    {
        _categories.Add((code, $"Categoría {code}", budget, maxAward));
        return this;
    }

    /// <summary>Makes a production line eligible (it must exist in the database the contest is saved to).</summary>
    public ContestBuilder WithEligibleLine(int productionLineId)
    {
        _eligibleLineId = productionLineId;
        return this;
    }

    /// <summary>
    /// Published at the builder's instant (the clock then opens and closes it). Publishing needs a
    /// complete setup, so the builder adds what is missing: a category, bases, a two-stage evaluation,
    /// and an eligible production line (id 1 unless <see cref="WithEligibleLine"/> names one).
    /// </summary>
    public ContestBuilder Published()
    {
        _published = true;
        return this;
    }

    public ContestTimeline Timeline() =>
        new(_opensAt, _closesAt, _fieldStartsAt, _fieldEndsAt, _publicSessionAt, _resultsAt);

    public Contest Build()
    {
        var contest = new Contest(_code, "Concurso de negocios rurales inclusivos", "05", Timeline(), passMark: 70, nowUtc);
        foreach (var (code, name, budget, maxAward) in _categories)
        {
            contest.AddCategory(code, name, budget, maxAward);
        }
        if (_eligibleLineId is int line)
        {
            contest.MakeEligible(line);
        }
        if (_published)
        {
            MakePublishable(contest, _eligibleLineId ?? 1);
            contest.Publish(nowUtc);
        }
        return contest;
    }

    /// <summary>Fills in what a contest needs before it can be published, leaving what the test set.</summary>
    public static void MakePublishable(Contest contest, int eligibleLineId = 1)
    {
        if (contest.Categories.Count == 0)
        {
            contest.AddCategory("IDEA", "Negocio en idea", 120_000m, 7_500m);
        }
        if (contest.Stages.Count == 0)
        {
            foreach (var code in new[] { "CAMPO", "PUBLICA" })
            {
                var stage = contest.AddStage(code, $"Etapa {code}", 50, 3);
                contest.AddCriterion(stage, "C1", "Criterio uno", "Rúbrica", 20, 60);
                contest.AddCriterion(stage, "C2", "Criterio dos", "Rúbrica", 10, 40);
            }
        }
        if (contest.EligibleLines.Count == 0)
        {
            contest.MakeEligible(eligibleLineId);
        }
        if (string.IsNullOrWhiteSpace(contest.BasesMarkdown))
        {
            contest.WriteBases("# Bases\n\nBases del concurso.");
        }
    }
}

/// <summary>An evaluation template built stage by stage; each criterion gets 10 points and a rubric.</summary>
internal sealed class TemplateBuilder
{
    private readonly EvaluationTemplate _template;

    public TemplateBuilder(string code = "CLAR-TEST", decimal passMark = 70) =>
        _template = new EvaluationTemplate(code, "Plantilla de prueba", "Dos etapas", passMark);

    public TemplateBuilder WithStage(string code, decimal weight, int jurorsPerProfile, params (string Code, decimal Weight)[] criteria)
    {
        var stage = _template.AddStage(code, $"Etapa {code}", weight, jurorsPerProfile);
        foreach (var (criterionCode, criterionWeight) in criteria)
        {
            stage.AddCriterion(criterionCode, $"Criterio {criterionCode}", $"Rúbrica de **{criterionCode}**", 10, criterionWeight);
        }
        return this;
    }

    public EvaluationTemplate Build() => _template;
}

/// <summary>A producer group from Quinua (Huamanga, Ayacucho) with as many member households as asked.</summary>
internal sealed class GroupBuilder
{
    public static readonly GroupLocation Quinua = new("05", "0501", "050108", "Quinua");

    private string _name = "Asociación de criadores de cuyes Los Andes";
    private LegalForm _legalForm = LegalForm.InformalGroup;
    private string? _ruc;
    private int _households;

    public GroupBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public GroupBuilder AsAssociation(string? ruc)
    {
        _legalForm = LegalForm.Association;
        _ruc = ruc;
        return this;
    }

    public GroupBuilder AsInformalGroup(string? ruc = null)
    {
        _legalForm = LegalForm.InformalGroup;
        _ruc = ruc;
        return this;
    }

    public GroupBuilder WithHouseholds(int count)
    {
        _households = count;
        return this;
    }

    /// <summary>The DNI the builder gives its n-th household (1-based).</summary>
    public static string DniOf(int household) => $"4{household:D7}";

    public ProducerGroup Build()
    {
        var group = new ProducerGroup(_name, _legalForm, _ruc, productionLineId: 1, Quinua, Instants.Now);
        for (var i = 1; i <= _households; i++)
        {
            // Declared Juntos users here are also in the Juntos padrón (verified), as most are.
            group.AddHousehold(
                $"Integrante {i}", DniOf(i), i % 2 == 0 ? Sex.Male : Sex.Female, birthYear: 1980 + i,
                isJuntosUser: i % 3 == 0, i == 1 ? HouseholdRole.President : HouseholdRole.Member)
                .RecordRegistryCheck("PROY-1", juntosVerified: i % 3 == 0, Instants.Now);
        }
        return group;
    }
}

/// <summary>An outbox message queued at a given instant.</summary>
internal sealed class OutboxMessageBuilder(DateTime queuedAtUtc)
{
    private string _to = "grupo@demo.hakuwinay.pe";
    private string _subject = "Su perfil fue recibido";
    private string? _deduplicationKey;

    public OutboxMessageBuilder() : this(Instants.Now) { }

    public OutboxMessageBuilder To(string to)
    {
        _to = to;
        return this;
    }

    public OutboxMessageBuilder About(string subject)
    {
        _subject = subject;
        return this;
    }

    public OutboxMessageBuilder WithDeduplicationKey(string key)
    {
        _deduplicationKey = key;
        return this;
    }

    public OutboxMessage Build() =>
        new(_to, _subject, "Texto", "<p>Texto</p>", queuedAtUtc, _deduplicationKey);
}

/// <summary>Staff accounts of a territory: the user row and one scope row each (ADR 028).</summary>
internal static class ScopedStaff
{
    public static void Add(HakuWinay.Contests.Data.ContestsDbContext db, params (string UserId, string Area)[] accounts)
    {
        foreach (var (userId, area) in accounts)
        {
            db.Users.Add(new HakuWinay.Contests.Identity.AppUser { Id = userId, UserName = userId + "@t.pe", Email = userId + "@t.pe", FullName = "Staff " + area });
            db.StaffScopeAreas.Add(new HakuWinay.Contests.Territories.StaffScopeArea(userId, area));
        }
    }
}
