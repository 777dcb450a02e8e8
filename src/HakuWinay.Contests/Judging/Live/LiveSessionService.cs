using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging.Live;

/// <summary>What the Admin's console does to a running session, one button each.</summary>
public enum LiveCommand
{
    Advance,
    Back,
    StartTimer,
    ResetTimer,
    Reveal,
    End,
}

/// <summary>
/// The Admin's changes to a stage's live session. Every change names the version the console
/// showed: two admins pressing "next" on the same screen advance once, the second is told the
/// session changed. Every change is audited and, once saved, told to the open screens.
/// </summary>
public sealed class LiveSessionService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents events,
    IOutboxSignal? outboxSignal = null, IPortalAddress? address = null)
{
    /// <summary>
    /// Draws (or, before the first presenter starts, draws again) the presentation order of the
    /// stage's eligible profiles with the seed; creates the session on the first draw.
    /// </summary>
    public async Task<ServiceResult<LiveSession>> DrawAsync(ActingUser admin, int stageId, int seed, int minutes, Guid? version, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Forbidden);
        }
        if (seed is < 0 or > LiveSession.MaxSeed)
        {
            return ServiceResult<LiveSession>.Invalid("Seed", "Judging.SeedRange", LiveSession.MaxSeed);
        }
        if (minutes is < 1 or > LiveSession.MaxPresentationMinutes)
        {
            return ServiceResult<LiveSession>.Invalid("Minutes", "Live.MinutesRange", LiveSession.MaxPresentationMinutes);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<ContestStage>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.NotFound);
        }
        var session = await db.LiveSessions.SingleOrDefaultAsync(s => s.ContestStageId == stageId, ct);
        if (session is not null && session.Version != version)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Conflict);
        }
        if (session?.IsStarted == true)
        {
            return ServiceResult<LiveSession>.Invalid("Seed", "Live.AlreadyStarted");
        }
        var profiles = await db.BusinessProfiles.Where(p => p.ContestId == stage.ContestId && p.Status == ProfileStatus.Eligible)
            .Select(p => p.Id).ToListAsync(ct);
        if (profiles.Count == 0)
        {
            return ServiceResult<LiveSession>.Invalid("Seed", "Live.NoEligibleProfiles");
        }
        var redraw = session is not null;
        if (session is null)
        {
            session = new LiveSession(stage.ContestId, stageId);
            db.LiveSessions.Add(session);
        }
        var before = redraw ? new { session.Seed, Order = session.Order, session.DrawnAtUtc } : null;
        var now = clock.GetUtcNow().UtcDateTime;
        session.SetPresentationMinutes(minutes);
        session.Draw(seed, profiles, admin.UserId, now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, redraw ? "live.redrawn" : "live.drawn", nameof(LiveSession), Key(stageId), stage.ContestId,
            before: before, after: new { Stage = stage.Code, Seed = seed, Order = session.Order, Minutes = minutes }));
        return await SaveAsync(db, session, ct);
    }

    /// <summary>One press of a console button on the session as the console last showed it.</summary>
    public async Task<ServiceResult<LiveSession>> ApplyAsync(ActingUser admin, int sessionId, Guid version, LiveCommand command, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.LiveSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.NotFound);
        }
        if (session.Version != version)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Conflict);
        }
        if (Refusal(session, command) is { } rule)
        {
            return ServiceResult<LiveSession>.Invalid("Session", rule);
        }
        if (command == LiveCommand.Advance && !session.IsStarted
            && await db.LiveSessions.AnyAsync(s => s.ContestId == session.ContestId && s.Id != session.Id && s.StartedAtUtc != null && s.EndedAtUtc == null, ct))
        {
            return ServiceResult<LiveSession>.Invalid("Session", "Live.OtherSessionRunning");
        }
        var before = new { session.CurrentPosition, ProfileId = session.CurrentProfileId, session.TimerStartedAtUtc, session.ScoreRevealed };
        var now = clock.GetUtcNow().UtcDateTime;
        var starting = command == LiveCommand.Advance && !session.IsStarted;
        switch (command)
        {
            case LiveCommand.Advance: session.Advance(now); break;
            case LiveCommand.Back: session.Back(); break;
            case LiveCommand.StartTimer: session.StartTimer(now); break;
            case LiveCommand.ResetTimer: session.ResetTimer(); break;
            case LiveCommand.Reveal: session.Reveal(); break;
            case LiveCommand.End: session.End(now); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown live command.");
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "live." + command.ToString().ToLowerInvariant(), nameof(LiveSession), Key(session.ContestStageId),
            session.ContestId, session.CurrentProfileId ?? before.ProfileId, before,
            new { session.CurrentPosition, ProfileId = session.CurrentProfileId, session.TimerStartedAtUtc, session.ScoreRevealed, session.EndedAtUtc }));
        var called = starting && await CallJurorsAsync(db, session, now, ct);
        var saved = await SaveAsync(db, session, ct);
        if (called && saved.Succeeded)
        {
            outboxSignal?.MessagesQueued();
        }
        return saved;
    }

    /// <summary>
    /// The call to the stage's jurors when its session starts: by SMS or email as each chose, once per
    /// session (keyed by it), with a short link to their live scoring page.
    /// </summary>
    private async Task<bool> CallJurorsAsync(ContestsDbContext db, LiveSession session, DateTime now, CancellationToken ct)
    {
        var stage = await (from s in db.Set<ContestStage>()
                           join c in db.Contests on s.ContestId equals c.Id
                           where s.Id == session.ContestStageId
                           select new { s.Name, c.Code, c.Title }).SingleAsync(ct);
        var jurorIds = await db.JurorAppointments.Where(a => a.ContestStageId == session.ContestStageId)
            .Select(a => a.JurorUserId).Distinct().ToListAsync(ct);
        var recipients = await Recipients.UsersAsync(db, jurorIds, ct);
        var path = $"/juror/contests/{Key(session.ContestId)}/live";
        var queued = false;
        foreach (var (userId, recipient) in recipients.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Text.EmailMarkdown body = $"""
                Empezó la sesión pública de la etapa **{stage.Name}** del concurso **{stage.Title}** ({stage.Code}).

                Ingrese al portal para calificar a cada grupo cuando termine su presentación.
                """;
            var sms = recipient.WantsSms ? SmsTexts.LiveSessionCall(stage.Code, stage.Name, ShortLinks.Create(db, address, path, now)) : "";
            queued |= await NotificationOutbox.NotifyAsync(db, recipient, $"Sesión pública en curso: {stage.Code}", body, sms, now,
                $"live-call:{Key(session.Id)}:{userId}", ct);
        }
        return queued;
    }

    /// <summary>Changes the minutes each profile has to present; the running timer counts with the new time.</summary>
    public async Task<ServiceResult<LiveSession>> SetMinutesAsync(ActingUser admin, int sessionId, Guid version, int minutes, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Forbidden);
        }
        if (minutes is < 1 or > LiveSession.MaxPresentationMinutes)
        {
            return ServiceResult<LiveSession>.Invalid("Minutes", "Live.MinutesRange", LiveSession.MaxPresentationMinutes);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.LiveSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.NotFound);
        }
        if (session.Version != version)
        {
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Conflict);
        }
        if (session.IsEnded)
        {
            return ServiceResult<LiveSession>.Invalid("Minutes", "Live.Ended");
        }
        var before = session.PresentationMinutes;
        session.SetPresentationMinutes(minutes);
        db.AuditLog.Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, admin.UserId, "live.minutes", nameof(LiveSession), Key(session.ContestStageId),
            session.ContestId, before: new { Minutes = before }, after: new { Minutes = minutes }));
        return await SaveAsync(db, session, ct);
    }

    /// <summary>Why the command cannot apply to the session as it is, or null when it can.</summary>
    public static string? Refusal(LiveSession session, LiveCommand command)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsEnded)
        {
            return "Live.Ended";
        }
        return command switch
        {
            LiveCommand.Advance when !session.IsDrawn => "Live.NotDrawn",
            LiveCommand.Advance when !session.HasNext => "Live.NoNext",
            LiveCommand.Back when !session.HasPrevious => "Live.NoPrevious",
            LiveCommand.StartTimer or LiveCommand.ResetTimer or LiveCommand.Reveal when !session.IsRunning => "Live.NotRunning",
            LiveCommand.End when !session.IsDrawn => "Live.NotDrawn",
            _ => null,
        };
    }

    private async Task<ServiceResult<LiveSession>> SaveAsync(ContestsDbContext db, LiveSession session, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin's change of the same session (its version, or the one-per-stage index) was saved first.
            return ServiceResult<LiveSession>.Fail(ServiceOutcome.Conflict);
        }
        events.Publish(new ContestEvent(session.ContestId, ContestChange.LiveSessionChanged, session.ContestStageId, session.CurrentProfileId));
        return ServiceResult<LiveSession>.Ok(session);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
