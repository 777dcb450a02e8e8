namespace HakuWinay.Contests.Web;

/// <summary>
/// Marker for the UI texts in Resources/SharedResource.resx (Spanish, the default) and
/// Resources/SharedResource.en.resx (English).
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be instantiable as a type argument.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
