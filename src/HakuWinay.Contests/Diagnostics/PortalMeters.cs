using System.Diagnostics.Metrics;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Diagnostics;

/// <summary>
/// The portal's own counters, incremented where the thing happens and after it was committed
/// (docs/decisions/023-telemetry.md). One static <see cref="Meter"/>, so the services that count
/// need no new constructor parameter; the gauges that read the database live in the web project.
/// Tags carry ids and fixed words only, never a name, an email or a DNI.
/// </summary>
public static class PortalMeters
{
    public const string MeterName = "HakuWinay.Contests";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ProfilesSubmittedCounter = Meter.CreateCounter<long>(
        "hakuwinay.profiles.submitted", "{profile}", "Business profiles submitted by their groups.");

    private static readonly Counter<long> ScorecardsSubmittedCounter = Meter.CreateCounter<long>(
        "hakuwinay.scorecards.submitted", "{scorecard}", "Scorecards submitted: by a juror (tablet), entered from paper (paper) or imported from a CSV (import).");

    private static readonly Counter<long> ContestEventsPublishedCounter = Meter.CreateCounter<long>(
        "hakuwinay.contest_events.published", "{event}", "Changes told to the live screens (session console, projector, tablets, dashboards).");

    private static readonly UpDownCounter<long> CircuitsOpenCounter = Meter.CreateUpDownCounter<long>(
        "hakuwinay.circuits.open", "{circuit}", "Interactive Blazor circuits open on this copy of the portal.");

    private static readonly Counter<long> SignInFailuresCounter = Meter.CreateCounter<long>(
        "hakuwinay.sign_in.failures", "{attempt}", "Refused sign-ins: unknown_account, wrong_password, locked_out or not_allowed.");

    private static readonly Counter<long> RateLimitRefusalsCounter = Meter.CreateCounter<long>(
        "hakuwinay.rate_limit.refusals", "{request}", "Account form posts refused with 429 by the per-address rate limit.");

    public static void ProfileSubmitted(int contestId) =>
        ProfilesSubmittedCounter.Add(1, Contest(contestId));

    /// <summary>Scorecards submitted through <paramref name="channel"/>: <c>tablet</c>, <c>paper</c> or <c>import</c>.</summary>
    public static void ScorecardsSubmitted(int contestId, string channel, int count = 1)
    {
        if (count > 0)
        {
            ScorecardsSubmittedCounter.Add(count, Contest(contestId), new KeyValuePair<string, object?>("channel", channel));
        }
    }

    public static void ContestEventPublished(ContestChange change) =>
        ContestEventsPublishedCounter.Add(1, new KeyValuePair<string, object?>("change", change.ToString()));

    public static void CircuitOpened() => CircuitsOpenCounter.Add(1);

    public static void CircuitClosed() => CircuitsOpenCounter.Add(-1);

    /// <summary>A refused sign-in, by <paramref name="reason"/>: <c>unknown_account</c>, <c>wrong_password</c>, <c>locked_out</c> or <c>not_allowed</c>; never the email tried.</summary>
    public static void SignInFailed(string reason) =>
        SignInFailuresCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A refusal by one of the portal's few rate limits (<paramref name="limit"/>: account-forms, public-downloads, uploads…).</summary>
    public static void RateLimitRefused(string limit) =>
        RateLimitRefusalsCounter.Add(1, new KeyValuePair<string, object?>("limit", limit));

    private static KeyValuePair<string, object?> Contest(int contestId) => new("contest_id", contestId);
}
