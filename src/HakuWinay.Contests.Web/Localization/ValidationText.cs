using System.Globalization;
using System.Resources;

namespace HakuWinay.Contests.Web.Localization;

/// <summary>
/// Validation messages for DataAnnotations on input models, read from the same resources as
/// every other UI text: <c>[Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]</c>.
/// Each message sits next to its field, so it needs no field name.
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Resources =
        new("HakuWinay.Contests.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Required => Get("Validation.Required");
    public static string Email => Get("Validation.Email");
    public static string TooLong => Get("Validation.TooLong");
    public static string Quantity => Get("Validation.Quantity");
    public static string OutOfRange => Get("Validation.OutOfRange");
    public static string Phone => Get("Validation.Phone");
    public static string PasswordsDiffer => Get("Validation.PasswordsDiffer");
    public static string Percent => Get("Validation.Percent");
    public static string Households => Get("Validation.Households");
    public static string DayList => Get("Validation.DayList");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
