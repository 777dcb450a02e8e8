using HakuWinay.Contests.Identity;

namespace HakuWinay.Contests.Web.Account;

public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string Lockout = "/account/lockout";
    public const string Register = "/register";
    public const string SetPassword = "/account/set-password";
    public const string ConfirmEmail = "/account/confirm-email";
    public const string ForgotPassword = "/account/forgot-password";
    public const string Manage = "/account";

    /// <summary>Where a person lands after signing in: the dashboard of their first role.</summary>
    public static string DashboardFor(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Roles.Admin) ? "/admin"
            : set.Contains(Roles.Juror) ? "/juror"
            : set.Contains(Roles.Technician) ? "/technician"
            : set.Contains(Roles.Producer) ? "/producer"
            : "/";
    }
}
