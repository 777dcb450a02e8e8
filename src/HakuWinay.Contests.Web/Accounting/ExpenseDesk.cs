using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Localization;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Accounting;

/// <summary>What a page shows after a post: done, or a message per field in the reader's language.</summary>
public sealed record ExpenseOutcome(bool Succeeded, IReadOnlyDictionary<string, string> Errors)
{
    public static ExpenseOutcome Ok { get; } = new(true, new Dictionary<string, string>());

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>
/// The pages' side of <see cref="ExpenseService"/>: an uploaded form file becomes an
/// <see cref="UploadedFile"/>, refusals become sentences next to their fields, and outcomes
/// without a field (not found, a conflict) a sentence on the form.
/// </summary>
public sealed class ExpenseDesk(ExpenseService service, IStringLocalizer<SharedResource> L)
{
    public const string FormField = "Form";

    public async Task<ExpenseOutcome> RecordAsync(ActingUser user, int awardId, int? trancheId, ExpenseInput input, IFormFile? receipt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (receipt is { Length: > AttachmentFile.MaxBytes })
        {
            return Refused("Receipt", L["Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024)]);
        }
        await using var content = receipt?.OpenReadStream();
        var recorded = await service.RecordAsync(user, awardId, trancheId, input, content is null ? null : new UploadedFile(receipt!.FileName, content), ct);
        return Outcome(recorded.Outcome, recorded.Violations);
    }

    public async Task<ExpenseOutcome> ApproveAsync(ActingUser admin, int expenseId, CancellationToken ct = default)
    {
        var approved = await service.ApproveAsync(admin, expenseId, ct);
        return Outcome(approved.Outcome, approved.Violations);
    }

    public async Task<ExpenseOutcome> RejectAsync(ActingUser admin, int expenseId, string? reason, CancellationToken ct = default)
    {
        var rejected = await service.RejectAsync(admin, expenseId, reason, ct);
        return Outcome(rejected.Outcome, rejected.Violations);
    }

    private ExpenseOutcome Outcome(ServiceOutcome outcome, IReadOnlyList<RuleViolation> violations) => outcome switch
    {
        ServiceOutcome.Ok => ExpenseOutcome.Ok,
        ServiceOutcome.Invalid => new ExpenseOutcome(false, violations.GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(v => RuleText.Describe(L, v))))),
        ServiceOutcome.Conflict => Refused(FormField, L["Expenses.Conflict"]),
        _ => Refused(FormField, L["Expenses.NotFound"]),
    };

    private static ExpenseOutcome Refused(string field, string message) => new(false, new Dictionary<string, string> { [field] = message });
}
