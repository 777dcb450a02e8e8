using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Profiles;

/// <summary>A complete draft: every section written and a plan of fund and counterpart lines.</summary>
internal sealed class ProfileBuilder
{
    private readonly List<(string Description, InvestmentCategory Category, decimal Quantity, decimal UnitCost, FinancedBy By)> _lines = [];
    private bool _sectionsWritten = true;

    public ProfileBuilder Line(InvestmentCategory category, decimal amount, FinancedBy by = FinancedBy.Fund)
    {
        _lines.Add(($"{category} {amount}", category, 1, amount, by));
        return this;
    }

    public ProfileBuilder Line(InvestmentCategory category, decimal quantity, decimal unitCost, FinancedBy by)
    {
        _lines.Add(($"{category} {quantity}×{unitCost}", category, quantity, unitCost, by));
        return this;
    }

    public ProfileBuilder WithoutSections()
    {
        _sectionsWritten = false;
        return this;
    }

    public BusinessProfile Build()
    {
        var profile = new BusinessProfile(contestId: 1, categoryId: 1, producerGroupId: 1, Instants.Now);
        if (_sectionsWritten)
        {
            foreach (var section in ProfileSections.All)
            {
                profile.WriteSection(section, $"Texto de {section}", Instants.Now);
            }
        }
        foreach (var line in _lines)
        {
            profile.AddLine(line.Description, line.Category, "unidad", line.Quantity, line.UnitCost, line.By, Instants.Now);
        }
        return profile;
    }
}
