using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Account;

/// <summary>Identity's refusals (taken email, weak password) in the person's language, with the field they concern.</summary>
internal static class IdentityErrorText
{
    public static (string Field, string Text) Describe(IStringLocalizer localizer, IdentityError error, IdentityOptions options)
    {
        var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
            : error.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? "Email"
            : "";
        var text = localizer[$"Identity.{error.Code}"];
        return (field, text.ResourceNotFound
            ? localizer["Identity.Other"]
            : string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, options.Password.RequiredLength, options.Password.RequiredUniqueChars));
    }
}
