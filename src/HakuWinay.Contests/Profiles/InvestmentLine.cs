using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Profiles;

/// <summary>What an investment line buys (DOMAIN.md: about 60% materials and equipment, 40% technical assistance).</summary>
public enum InvestmentCategory
{
    Equipment = 0,
    InputsAndMaterials = 1,
    Infrastructure = 2,
    TechnicalAssistance = 3,
    Training = 4,
    Other = 5,
}

/// <summary>Who pays for a line: the competitive fund, or the group's counterpart in cash or in kind.</summary>
public enum FinancedBy
{
    Fund = 0,
    CounterpartCash = 1,
    CounterpartInKind = 2,
}

/// <summary>One line of a profile's investment plan. Its total is quantity × unit cost, rounded to cents.</summary>
public sealed class InvestmentLine
{
    public const int MaxDescriptionLength = 300;
    public const decimal MaxQuantity = 1_000_000m;
    public const decimal MaxUnitCost = 10_000_000m;

    private InvestmentLine() { }

    internal InvestmentLine(string description, InvestmentCategory category, string unit, decimal quantity, decimal unitCost, FinancedBy financedBy)
    {
        Change(description, category, unit, quantity, unitCost, financedBy);
    }

    public int Id { get; private set; }
    public int BusinessProfileId { get; private set; }
    public string Description { get; private set; } = "";
    public InvestmentCategory Category { get; private set; }
    public string Unit { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitCost { get; private set; }
    public FinancedBy FinancedBy { get; private set; }

    public decimal Total => Money.Round(Quantity * UnitCost);

    public bool IsCounterpart => FinancedBy != FinancedBy.Fund;

    internal void Change(string description, InvestmentCategory category, string unit, decimal quantity, decimal unitCost, FinancedBy financedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (description.Length > MaxDescriptionLength)
        {
            throw new ArgumentException($"A line description has at most {MaxDescriptionLength} characters.", nameof(description));
        }
        if (quantity <= 0 || quantity > MaxQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"The quantity must be above 0 and at most {MaxQuantity}.");
        }
        if (unitCost < 0 || unitCost > MaxUnitCost || decimal.Round(unitCost, 2) != unitCost)
        {
            throw new ArgumentOutOfRangeException(nameof(unitCost), unitCost, $"The unit cost must be between 0 and {MaxUnitCost} soles, in cents.");
        }
        if (!Enum.IsDefined(category) || !Enum.IsDefined(financedBy))
        {
            throw new ArgumentOutOfRangeException(nameof(category), "Unknown category or financing.");
        }
        Description = description.Trim();
        Category = category;
        Unit = unit.Trim();
        Quantity = quantity;
        UnitCost = unitCost;
        FinancedBy = financedBy;
    }
}

/// <summary>A line as the plan editor sends it; <see cref="LineId"/> is null for a new line.</summary>
public sealed record PlanLine(int? LineId, string Description, InvestmentCategory Category, string Unit, decimal Quantity, decimal UnitCost, FinancedBy FinancedBy);
