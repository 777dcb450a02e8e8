using HakuWinay.Contests.Common;
using HakuWinay.Contests.Web.Localization;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Disbursements;

/// <summary>The sentences an award form shows for a refused change: each rule's text, a conflict, or not allowed.</summary>
public static class AwardFeedback
{
    public static IReadOnlyList<string> Messages<T>(IStringLocalizer localizer, ServiceResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => [],
            ServiceOutcome.Invalid => result.Violations.Select(v => RuleText.Describe(localizer, v)).ToList(),
            ServiceOutcome.Conflict => [localizer["Awards.Conflict"]],
            _ => [localizer["Awards.NotAllowed"]],
        };
    }
}

/// <summary>
/// A file picked in an award form, held in memory (at most 10 MB) until the form is sent, so the
/// service checks and stores it with the rest of the form in one step.
/// </summary>
public sealed class HeldUpload
{
    private byte[]? _bytes;

    public string? FileName { get; private set; }

    public bool HasFile => _bytes is not null;

    /// <summary>The <see cref="Components.Shared.FileUpload"/> callback: reads the file with progress.</summary>
    public async Task<string?> TakeAsync(string name, Stream content, IProgress<long> progress)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(progress);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            progress.Report(buffer.Length);
        }
        _bytes = buffer.ToArray();
        FileName = name;
        return null;
    }

    public UploadedFile? ToUploadedFile() => _bytes is null ? null : new UploadedFile(FileName, new MemoryStream(_bytes, writable: false));

    public void Clear()
    {
        _bytes = null;
        FileName = null;
    }
}
