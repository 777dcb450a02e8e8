namespace HakuWinay.Contests.Catalog;

/// <summary>A production line groups form around (cuyes, trout, honey...). Reference data from seed-data/.</summary>
public sealed class ProductionLine
{
    private ProductionLine() { }

    public ProductionLine(string code, string name, string nameEn)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    public void Rename(string name, string nameEn)
    {
        Name = name;
        NameEn = nameEn;
    }
}
