namespace HakuWinay.Contests.Contests;

/// <summary>
/// A reusable evaluation design (stages, criteria, pass mark) that a contest copies when it is
/// created. The contest keeps its own copy, so editing a template never changes a running contest.
/// </summary>
public sealed class EvaluationTemplate
{
    private readonly List<TemplateStage> _stages = [];

    private EvaluationTemplate() { }

    public EvaluationTemplate(string code, string name, string description, decimal passMark)
    {
        Code = code;
        Name = name;
        Description = description;
        PassMark = passMark;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal PassMark { get; private set; }
    public IReadOnlyList<TemplateStage> Stages => _stages;

    public TemplateStage AddStage(string code, string name, decimal weight, int jurorsPerProfile)
    {
        var stage = new TemplateStage(code, name, weight, jurorsPerProfile, _stages.Count + 1);
        _stages.Add(stage);
        return stage;
    }

    public void Describe(string name, string description, decimal passMark)
    {
        Name = name;
        Description = description;
        PassMark = passMark;
    }

    public void ClearStages() => _stages.Clear();
}

public sealed class TemplateStage
{
    private readonly List<TemplateCriterion> _criteria = [];

    private TemplateStage() { }

    internal TemplateStage(string code, string name, decimal weight, int jurorsPerProfile, int order)
    {
        Code = code;
        Name = name;
        Weight = weight;
        JurorsPerProfile = jurorsPerProfile;
        Order = order;
    }

    public int Id { get; private set; }
    public int EvaluationTemplateId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Weight { get; private set; }
    public int JurorsPerProfile { get; private set; }
    public int Order { get; private set; }
    public IReadOnlyList<TemplateCriterion> Criteria => _criteria;

    public void AddCriterion(string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight) =>
        _criteria.Add(new TemplateCriterion(code, name, rubricMarkdown, maxPoints, weight, _criteria.Count + 1));
}

public sealed class TemplateCriterion
{
    private TemplateCriterion() { }

    internal TemplateCriterion(string code, string name, string rubricMarkdown, decimal maxPoints, decimal weight, int order)
    {
        Code = code;
        Name = name;
        RubricMarkdown = rubricMarkdown;
        MaxPoints = maxPoints;
        Weight = weight;
        Order = order;
    }

    public int Id { get; private set; }
    public int TemplateStageId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RubricMarkdown { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public decimal Weight { get; private set; }
    public int Order { get; private set; }
}
