using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HakuWinay.Contests.Judging;

/// <summary>Which reminder before a stage's scoring deadline: the one 48 hours before, or the one 24 hours before.</summary>
public enum ScoringReminderKind
{
    HoursBefore48 = 48,
    HoursBefore24 = 24,
}

/// <summary>
/// The record that a juror was reminded of a stage's pending scorecards. Its unique index (stage,
/// juror, kind) is what makes each reminder go out once: the row and the email are saved in one
/// transaction, so a second run, a restart or a concurrent run finds the row or fails to insert it.
/// </summary>
public sealed class ScoringReminder
{
    private ScoringReminder() { }

    public ScoringReminder(int contestStageId, string jurorUserId, ScoringReminderKind kind, int pendingScorecards, DateTime sentAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurorUserId);
        ContestStageId = contestStageId;
        JurorUserId = jurorUserId;
        Kind = kind;
        PendingScorecards = pendingScorecards;
        SentAtUtc = sentAtUtc;
    }

    public int Id { get; private set; }
    public int ContestStageId { get; private set; }
    public string JurorUserId { get; private set; } = "";
    public ScoringReminderKind Kind { get; private set; }

    /// <summary>How many scorecards were pending when the reminder was queued.</summary>
    public int PendingScorecards { get; private set; }
    public DateTime SentAtUtc { get; private set; }

    /// <summary>
    /// The reminder due at <paramref name="nowUtc"/> for a deadline, or null. The 48-hour reminder is due
    /// from 48 hours before the deadline until 24 hours before it; the 24-hour one from then until the
    /// deadline. A portal down through the whole 48-hour window sends only the 24-hour one; nothing
    /// is sent once the deadline passed, nor without a deadline.
    /// </summary>
    public static ScoringReminderKind? DueAt(DateTime? deadlineUtc, DateTime nowUtc)
    {
        if (deadlineUtc is not { } deadline || nowUtc >= deadline)
        {
            return null;
        }
        var left = deadline - nowUtc;
        return left <= TimeSpan.FromHours(24) ? ScoringReminderKind.HoursBefore24
            : left <= TimeSpan.FromHours(48) ? ScoringReminderKind.HoursBefore48
            : null;
    }
}

internal sealed class ScoringReminderConfiguration : IEntityTypeConfiguration<ScoringReminder>
{
    public void Configure(EntityTypeBuilder<ScoringReminder> builder)
    {
        builder.Property(r => r.JurorUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Kind).HasConversion<int>();
        builder.HasOne<Contests.ContestStage>().WithMany().HasForeignKey(r => r.ContestStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(r => r.JurorUserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => new { r.ContestStageId, r.JurorUserId, r.Kind }).IsUnique();
    }
}
