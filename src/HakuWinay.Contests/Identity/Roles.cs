namespace HakuWinay.Contests.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Juror = "Juror";
    public const string Producer = "Producer";
    public const string Technician = "Technician";

    public static IReadOnlyList<string> All { get; } = [Admin, Juror, Producer, Technician];
}
