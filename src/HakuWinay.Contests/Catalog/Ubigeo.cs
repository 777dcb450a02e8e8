namespace HakuWinay.Contests.Catalog;

// INEI's ubigeo: a region is two digits, a province four, a district six; each code starts with
// its parent's. The codes are the keys, so a location is stored as plain strings everywhere.

public sealed class Region
{
    private Region() { }
    public Region(string code, string name) { Code = code; Name = name; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public void Rename(string name) => Name = name;
}

public sealed class Province
{
    private Province() { }
    public Province(string code, string name) { Code = code; Name = name; }
    public string Code { get; private set; } = "";
    public string RegionCode => Code[..2];
    public string Name { get; private set; } = "";
    public void Rename(string name) => Name = name;
}

public sealed class District
{
    private District() { }
    public District(string code, string name) { Code = code; Name = name; }
    public string Code { get; private set; } = "";
    public string ProvinceCode => Code[..4];
    public string Name { get; private set; } = "";
    public void Rename(string name) => Name = name;
}

public static class UbigeoCode
{
    public static bool IsRegion(string? code) => IsDigits(code, 2);
    public static bool IsProvince(string? code) => IsDigits(code, 4);
    public static bool IsDistrict(string? code) => IsDigits(code, 6);

    private static bool IsDigits(string? code, int length) =>
        code is not null && code.Length == length && code.All(char.IsAsciiDigit);
}
