using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:HakuWinay.Contests.Web.Components.Shared",
    Justification = "Components/Shared is Blazor's usual folder for shared components; no Visual Basic code uses them.")]

namespace HakuWinay.Contests.Web.Components.Shared;

/// <summary>Where <see cref="MarkdownEditor"/> shows its live preview.</summary>
public enum MarkdownPreviewMode
{
    /// <summary>Beside the text on wide screens; behind "Escribir" / "Vista previa" tabs on a phone.</summary>
    Responsive,

    /// <summary>Always behind the tabs, for narrow places such as a dialog or a side column.</summary>
    Tabs,

    /// <summary>No preview: the text box, its help line and its counter only.</summary>
    None,
}
