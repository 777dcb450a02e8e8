using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Contests;

/// <summary>
/// A document the contest's bases ask every profile for (the acta de asamblea approving the
/// business, the counterpart commitment): the group uploads it into this slot by name, and a
/// required slot left empty blocks the submission (<see cref="ProfileRules.CheckSubmission"/>).
/// </summary>
public sealed class ContestDocumentSlot
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 500;

    private ContestDocumentSlot() { }

    internal ContestDocumentSlot(string name, string? description, bool isRequired, bool pdfOnly, int order)
    {
        Revise(name, description, isRequired, pdfOnly);
        Order = order;
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int Order { get; internal set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public bool IsRequired { get; private set; }

    /// <summary>Whether only a PDF fits the slot (a signed document); otherwise a PDF or a photo (JPEG, PNG).</summary>
    public bool PdfOnly { get; private set; }

    internal void Revise(string name, string? description, bool isRequired, bool pdfOnly)
    {
        Name = name;
        Description = description;
        IsRequired = isRequired;
        PdfOnly = pdfOnly;
    }
}

/// <summary>A document slot as the administrator's form sends it; with an Id it revises that slot.</summary>
public sealed record DocumentSlotSettings(int? Id, string Name, string? Description, bool IsRequired, bool PdfOnly);

// The documents a profile must carry. Groups upload into the slots from the day the call is
// published, so the slots change only while the contest is a draft, like the call's own dates.
public sealed partial class Contest
{
    /// <summary>Half of a profile's files, so a group always has room for its own quotations and photos.</summary>
    public const int MaxDocumentSlots = AttachmentFile.MaxPerProfile / 2;

    private readonly List<ContestDocumentSlot> _documentSlots = [];

    public IReadOnlyList<ContestDocumentSlot> DocumentSlots => _documentSlots;

    /// <summary>Whether the document slots may still change: only in a draft.</summary>
    public bool DocumentSlotsEditable => Status == ContestStatus.Draft;

    /// <summary>
    /// Sets the slots in this order: an item with an <see cref="DocumentSlotSettings.Id"/> revises
    /// that slot, one without adds a slot, a slot left out is removed. Names are required, at most
    /// <see cref="ContestDocumentSlot.MaxNameLength"/> characters and distinct (ignoring case).
    /// </summary>
    public void SetDocumentSlots(IReadOnlyList<DocumentSlotSettings> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        EnsureNotArchived();
        if (!DocumentSlotsEditable)
        {
            throw ContestRuleException.Of("DocumentSlots", "ContestRules.DocumentSlotsFixed");
        }
        if (slots.Count > MaxDocumentSlots)
        {
            throw ContestRuleException.Of("DocumentSlots", "ContestRules.TooManyDocumentSlots", MaxDocumentSlots);
        }
        var checkedSlots = slots.Select((s, i) => (Input: s, Name: CheckedName(s.Name, ContestDocumentSlot.MaxNameLength, $"DocumentSlot.{i + 1}.Name"),
            Description: CheckedDescription(s.Description, i))).ToList();
        var repeated = checkedSlots.Select((s, i) => (s.Name, Index: i))
            .GroupBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw ContestRuleException.Of($"DocumentSlot.{repeated.Last().Index + 1}.Name", "ContestRules.DuplicateName", repeated.Key);
        }
        var kept = slots.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        if (kept.Any(id => _documentSlots.All(s => s.Id != id)))
        {
            throw ContestRuleException.Of("DocumentSlots", "ContestRules.ChangedElsewhere");
        }
        _documentSlots.RemoveAll(s => !kept.Contains(s.Id));
        var order = new List<ContestDocumentSlot>();
        foreach (var (input, name, description) in checkedSlots)
        {
            if (input.Id is int id)
            {
                var slot = _documentSlots.Single(s => s.Id == id);
                slot.Revise(name, description, input.IsRequired, input.PdfOnly);
                order.Add(slot);
            }
            else
            {
                var slot = new ContestDocumentSlot(name, description, input.IsRequired, input.PdfOnly, 0);
                _documentSlots.Add(slot);
                order.Add(slot);
            }
        }
        Reorder(_documentSlots, order, (s, n) => s.Order = n);
    }

    private static string? CheckedDescription(string? description, int index)
    {
        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return text.Length <= ContestDocumentSlot.MaxDescriptionLength ? text
            : throw ContestRuleException.Of($"DocumentSlot.{index + 1}.Description", "ContestRules.TooLong", ContestDocumentSlot.MaxDescriptionLength);
    }

    /// <summary>The required documents, for the submission rules.</summary>
    private List<RequiredDocument> RequiredDocuments() =>
        _documentSlots.Where(s => s.IsRequired).OrderBy(s => s.Order).Select(s => new RequiredDocument(s.Id, s.Name)).ToList();
}
