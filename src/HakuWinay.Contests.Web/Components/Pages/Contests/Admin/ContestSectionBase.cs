using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Contests.Admin;

/// <summary>
/// One section of the contest's setup form: it edits an input model built from the contest,
/// saves it through <see cref="ContestAdminService"/> against the version read, and puts every
/// refusal next to its field (or above the form when it belongs to no single field).
/// </summary>
public abstract class ContestSectionBase<TModel> : ComponentBase where TModel : class
{
    private Contest? _loadedFrom;

    [Inject]
    protected ContestAdminService Admin { get; set; } = default!;

    // Razor components get their own L from _Imports; the base class reads the same resources.
    [Inject]
    private IStringLocalizer<SharedResource> Texts { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public Contest Contest { get; set; } = default!;

    /// <summary>Raised after a save; the page reloads the contest.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    protected TModel Model { get; private set; } = default!;

    protected EditContext EditContext { get; private set; } = default!;

    protected ValidationMessageStore Messages { get; private set; } = default!;

    protected bool Busy { get; private set; }

    protected bool Conflict { get; private set; }

    protected bool SavedOk { get; private set; }

    protected abstract TModel Read(Contest contest);

    /// <summary>The form field a service violation belongs to; null puts it above the form.</summary>
    protected virtual FieldIdentifier? Locate(string field) => null;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_loadedFrom, Contest))
        {
            return;
        }
        _loadedFrom = Contest;
        Model = Read(Contest);
        EditContext = new EditContext(Model);
        Messages = new ValidationMessageStore(EditContext);
        EditContext.OnFieldChanged += (_, e) => Messages.Clear(e.FieldIdentifier);
        // The server's messages are about the last save; a new submit starts from the form's own checks,
        // or a message on a field no input is bound to (the eligible lines, a weights total) would block it forever.
        EditContext.OnValidationRequested += (_, _) => Messages.Clear();
    }

    /// <summary>Saves once at a time; the outcome decides what the admin sees.</summary>
    protected async Task SaveAsync(Func<string, Guid, Task<ServiceResult<Guid>>> save)
    {
        if (Busy)
        {
            return;
        }
        Busy = true;
        Conflict = SavedOk = false;
        Messages.Clear();
        try
        {
            var user = AuthenticationState is null ? null : (await AuthenticationState).User.UserId();
            var result = await save(user ?? "", Contest.Version);
            switch (result.Outcome)
            {
                case ServiceOutcome.Ok:
                    SavedOk = true;
                    await Saved.InvokeAsync();
                    break;
                case ServiceOutcome.Conflict:
                    Conflict = true;
                    break;
                default:
                    foreach (var violation in result.Violations)
                    {
                        Messages.Add(Locate(violation.Field) ?? new FieldIdentifier(Model, ""), RuleText.Describe(Texts, violation));
                    }
                    if (result.Outcome is not ServiceOutcome.Invalid)
                    {
                        Messages.Add(new FieldIdentifier(Model, ""), Texts["ContestAdmin.NotAllowed"]);
                    }
                    break;
            }
            EditContext.NotifyValidationStateChanged();
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Throws away the admin's edits and reads the contest again (after a conflict).</summary>
    protected async Task ReloadAsync()
    {
        Conflict = false;
        await Saved.InvokeAsync();
    }
}
