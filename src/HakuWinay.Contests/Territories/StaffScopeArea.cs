namespace HakuWinay.Contests.Territories;

/// <summary>
/// One area of a staff account's scope. An account with no row is national: every account that
/// existed before scopes reached everything, and keeps doing so until a national administrator
/// narrows it (docs/decisions/028).
/// </summary>
public sealed class StaffScopeArea
{
    private StaffScopeArea() { }

    public StaffScopeArea(string userId, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!StaffScope.IsArea(code))
        {
            throw new ArgumentException($"'{code}' is not a region, province or district code.", nameof(code));
        }
        UserId = userId;
        Code = code;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>A ubigeo of two, four or six digits.</summary>
    public string Code { get; private set; } = "";
}
