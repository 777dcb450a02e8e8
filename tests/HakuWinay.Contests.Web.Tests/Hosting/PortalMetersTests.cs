using System.Diagnostics.Metrics;
using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Tests.Judging;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// The portal's own meters as a scraper sees them. The counters are process-wide (one static meter), and
/// other test classes submit too, so a count is checked to have grown by at least what this test did.
/// </summary>
public sealed class PortalMetersTests : IDisposable
{
    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["RateLimits:AccountFormPostsPerMinute"] = "2" });

    public void Dispose() => _portal.Dispose();

    private IDbContextFactory<ContestsDbContext> Factory => _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    [Fact]
    public async Task A_submitted_profile_and_a_submitted_scorecard_show_in_the_scraped_counters()
    {
        var before = await MetricsScrape.FromLoopbackAsync(_portal);
        var profile = await DemoProfiles.CreateAsync(_portal, DemoProfiles.GroupA, submit: true);
        var scorecard = await DemoScorecards.AssignAsync(_portal, profile.Id, "jurado1@demo.hakuwinay.pe");
        await SubmitAsync("jurado1@demo.hakuwinay.pe", scorecard);

        var after = await MetricsScrape.FromLoopbackAsync(_portal);

        Assert.True(after.Sum("hakuwinay_profiles_submitted_total") >= before.Sum("hakuwinay_profiles_submitted_total") + 1, after.Text);
        Assert.True(after.Sum("hakuwinay_scorecards_submitted_total", "channel=\"tablet\"") >= before.Sum("hakuwinay_scorecards_submitted_total", "channel=\"tablet\"") + 1, after.Text);
        Assert.True(after.Sum("hakuwinay_contest_events_published_total", "change=\"ScorecardSubmitted\"") >= 1, after.Text);
        Assert.Contains("contest_id=\"", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_gauge_counts_a_message_that_failed_and_one_that_gave_up()
    {
        var gauges = _portal.Services.GetRequiredService<TelemetryGauges>();
        using var listener = new GaugeListener(gauges.Meter, "hakuwinay.outbox.messages");
        await gauges.RefreshAsync();
        var before = listener.Read();

        await using (var db = await Factory.CreateDbContextAsync())
        {
            // Dated a day ahead, so the dispatcher, which sends what is due, leaves both alone.
            var tomorrow = DateTime.UtcNow.AddDays(1);
            var retrying = new OutboxMessage("uno@correo.pe", "Asunto", "Texto", "<p>Texto</p>", tomorrow);
            retrying.MarkFailed("SMTP 451", tomorrow);
            var givenUp = new OutboxMessage("dos@correo.pe", "Asunto", "Texto", "<p>Texto</p>", tomorrow);
            for (var attempt = 0; attempt < OutboxMessage.MaxAttempts; attempt++)
            {
                givenUp.MarkFailed("SMTP 550", tomorrow);
            }
            db.Outbox.AddRange(retrying, givenUp);
            await db.SaveChangesAsync();
        }
        await gauges.RefreshAsync();
        var after = listener.Read();

        Assert.Equal(before.GetValueOrDefault("failed") + 1, after["failed"]);
        Assert.Equal(before.GetValueOrDefault("given_up") + 1, after["given_up"]);
        Assert.True(after.ContainsKey("pending"));
        // The scrape shows the gauge by state. Its value is not compared: every portal in this test
        // process has its own gauges under the same meter name, and the exporter may read another's.
        var scrape = await MetricsScrape.FromLoopbackAsync(_portal);
        Assert.Contains("hakuwinay_outbox_messages{otel_scope_name=\"HakuWinay.Contests\",state=\"given_up\"}", scrape.Text, StringComparison.Ordinal);
        Assert.True(scrape.Has("hakuwinay_tranches_due") && scrape.Has("hakuwinay_jobs_failed"), scrape.Text);
    }

    [Fact]
    public async Task Sign_in_failures_are_counted_by_reason_and_rate_limit_refusals_by_limit_without_the_email()
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await MetricsScrape.FromLoopbackAsync(_portal);

        using (await SignIn.PostLoginAsync(client, "grupo1@demo.hakuwinay.pe", "not-the-password")) { }
        using (await SignIn.PostLoginAsync(client, "nadie@demo.hakuwinay.pe", "not-the-password")) { }
        using var refused = await SignIn.PostLoginAsync(client, "grupo1@demo.hakuwinay.pe", "not-the-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        var after = await MetricsScrape.FromLoopbackAsync(_portal);
        Assert.True(after.Sum("hakuwinay_sign_in_failures_total", "reason=\"wrong_password\"") >= before.Sum("hakuwinay_sign_in_failures_total", "reason=\"wrong_password\"") + 1, after.Text);
        Assert.True(after.Sum("hakuwinay_sign_in_failures_total", "reason=\"unknown_account\"") >= before.Sum("hakuwinay_sign_in_failures_total", "reason=\"unknown_account\"") + 1, after.Text);
        Assert.True(after.Sum("hakuwinay_rate_limit_refusals_total", "limit=\"account-forms\"") >= before.Sum("hakuwinay_rate_limit_refusals_total", "limit=\"account-forms\"") + 1, after.Text);
        Assert.DoesNotContain("@demo.hakuwinay.pe", after.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Open_circuits_go_up_when_one_opens_and_down_when_it_closes()
    {
        using var listener = new CounterListener("hakuwinay.circuits.open");
        var handler = new TelemetryCircuitHandler();

        await handler.OnCircuitOpenedAsync(null!, default);
        await handler.OnCircuitClosedAsync(null!, default);

        Assert.Equal([1L, -1L], listener.Changes);
        using var scope = _portal.Services.CreateScope();
        Assert.Contains(scope.ServiceProvider.GetServices<CircuitHandler>(), h => h is TelemetryCircuitHandler);
    }

    private async Task SubmitAsync(string jurorEmail, int scorecardId)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var scoring = scope.ServiceProvider.GetRequiredService<ScoringService>();
        var juror = new ActingUser(await DemoScorecards.UserIdAsync(Factory, jurorEmail));
        var view = (await scoring.OpenAsync(juror, scorecardId)).Value!;
        var entries = view.Design.Criteria.Select(c => new CriterionPoints(c.Code, c.MaxPoints, "Bien sustentado")).ToList();
        var submitted = await scoring.SubmitAsync(juror, scorecardId, view.Version, entries, "Comentario general");
        Assert.True(submitted.Succeeded, submitted.Outcome + string.Join(",", submitted.Violations.Select(v => v.Rule)));
    }

    /// <summary>The values of one portal's gauge by its <c>state</c> tag, read on demand.</summary>
    private sealed class GaugeListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _values = [];

        public GaugeListener(Meter meter, string name)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "state")
                    {
                        _values[(string)tag.Value!] = value;
                    }
                }
            });
            _listener.Start();
        }

        public Dictionary<string, long> Read()
        {
            _values.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<string, long>(_values);
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The changes recorded on one of the static meter's instruments from this thread (other tests' circuits run elsewhere).</summary>
    private sealed class CounterListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly int _thread = Environment.CurrentManagedThreadId;

        public CounterListener(string name)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMeters.MeterName && instrument.Name == name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                if (Environment.CurrentManagedThreadId == _thread)
                {
                    lock (Changes)
                    {
                        Changes.Add(value);
                    }
                }
            });
            _listener.Start();
        }

        public List<long> Changes { get; } = [];

        public void Dispose() => _listener.Dispose();
    }
}
