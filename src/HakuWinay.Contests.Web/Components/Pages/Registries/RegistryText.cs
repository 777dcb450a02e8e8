using System.Globalization;
using HakuWinay.Contests.Registries;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Registries;

/// <summary>The sentences of a padrón's errors, from the resources ("Fila 7: el DNI … no tiene 8 dígitos").</summary>
internal static class RegistryText
{
    public static string Describe(IStringLocalizer localizer, RegistryError error)
    {
        var text = localizer[error.Rule];
        var sentence = text.ResourceNotFound ? error.Rule : string.Format(CultureInfo.CurrentCulture, text.Value, error.Arguments);
        return error.Row is { } row ? string.Format(CultureInfo.CurrentCulture, localizer["Registry.Row"], row, sentence) : sentence;
    }
}
