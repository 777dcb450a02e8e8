using System.Diagnostics;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// The alert rules docs/operations.md gives operators, as Prometheus reads them: promtool accepts the
/// block as written, each alert fires on the series it is meant for (and stays quiet on healthy ones)
/// in promtool's own rule unit tests, and every metric the rules name is one the portal exports.
/// </summary>
public sealed partial class AlertRulesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("haku-alerts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_documented_rules_pass_promtools_check()
    {
        var rules = await WriteRulesAsync();

        var (exitCode, output) = await PromtoolAsync("check", "rules", rules);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 6 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_alert_fires_on_its_trouble_and_not_on_a_healthy_portal()
    {
        await WriteRulesAsync();
        var tests = Path.Combine(_folder, "hakuwinay.test.yml");
        await File.WriteAllTextAsync(tests, UnitTests);

        var (exitCode, output) = await PromtoolAsync("test", "rules", tests);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_metric_the_rules_name_is_exported_by_the_portal()
    {
        var named = MetricName().Matches(RulesBlock()).Select(m => m.Value).Distinct().ToList();
        using var portal = new PortalFactory();
        using (var client = portal.CreateClient())
        {
            // One answered page, so the request-duration histogram has a sample.
            (await client.GetAsync("/contests")).EnsureSuccessStatusCode();
        }

        var scrape = await MetricsScrape.FromLoopbackAsync(portal);

        Assert.Contains("hakuwinay_outbox_messages", named);
        Assert.Contains("http_server_request_duration_seconds_bucket", named);
        Assert.All(named, metric => Assert.True(scrape.Has(metric), $"{metric} is named by an alert rule but not in the scrape:\n{scrape.Text}"));
    }

    /// <summary>The YAML block under the rules file's name in docs/operations.md, written where promtool reads it.</summary>
    private async Task<string> WriteRulesAsync()
    {
        var path = Path.Combine(_folder, "hakuwinay.yml");
        await File.WriteAllTextAsync(path, RulesBlock());
        return path;
    }

    private static string RulesBlock()
    {
        var operations = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var block = RulesInDocs().Match(operations);
        Assert.True(block.Success, "docs/operations.md has no ```yaml block beginning with # /etc/prometheus/rules/hakuwinay.yml");
        return block.Groups["rules"].Value;
    }

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(TestPrerequisites.Promtool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "HakuWinay.Contests.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException($"No HakuWinay.Contests.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"```yaml\n(?<rules># /etc/prometheus/rules/hakuwinay\.yml\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex RulesInDocs();

    [GeneratedRegex(@"\b(hakuwinay_[a-z_]+|http_server_[a-z_]+)\b")]
    private static partial Regex MetricName();

    /// <summary>
    /// promtool's rule unit tests: one minute per sample. The "whole database" gauges come from two
    /// copies reporting the same value, as docs/operations.md says they do, so the rules' max() holds.
    /// Each alert is checked before its "for" has passed (silent), after it (firing, with its
    /// summary), and on healthy series (silent).
    /// </summary>
    private const string UnitTests = """
        rule_files: [hakuwinay.yml]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'up{job="hakuwinay",instance="10.0.0.11:5001"}'
                values: '1 1 0x10'
              - series: 'up{job="hakuwinay",instance="10.0.0.12:5001"}'
                values: '1x12'
            alert_rule_test:
              - eval_time: 3m
                alertname: HakuWinayCopyDown
                exp_alerts: []
              - eval_time: 5m
                alertname: HakuWinayCopyDown
                exp_alerts:
                  - exp_labels: { severity: critical, job: hakuwinay, instance: "10.0.0.11:5001" }
                    exp_annotations: { summary: "Copy 10.0.0.11:5001 does not answer its /metrics" }

          - interval: 1m
            input_series:
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="given_up"}'
                values: '0 0 2x20'
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="b",state="given_up"}'
                values: '0 0 2x20'
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="failed"}'
                values: '3x40'
              - series: 'hakuwinay_jobs_failed{job="hakuwinay",instance="a"}'
                values: '0x5 1x20'
            alert_rule_test:
              - eval_time: 4m
                alertname: HakuWinayOutboxGivenUp
                exp_alerts: []
              - eval_time: 8m
                alertname: HakuWinayOutboxGivenUp
                exp_alerts:
                  - exp_labels: { severity: critical }
                    exp_annotations: { summary: "2 emails gave up after every attempt; retry them at /admin/outbox" }
              - eval_time: 20m
                alertname: HakuWinayOutboxFailing
                exp_alerts: []
              - eval_time: 35m
                alertname: HakuWinayOutboxFailing
                exp_alerts:
                  - exp_labels: { severity: warning }
                    exp_annotations: { summary: "3 emails failing and retrying for 30 minutes; check the SMTP settings" }
              - eval_time: 8m
                alertname: HakuWinayJobsFailed
                exp_alerts: []
              - eval_time: 12m
                alertname: HakuWinayJobsFailed
                exp_alerts:
                  - exp_labels: { severity: warning }
                    exp_annotations: { summary: "1 Hangfire jobs failed; see /admin/jobs" }

          - interval: 1m
            input_series:
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="pending"}'
                values: '1+1x60'
            alert_rule_test:
              - eval_time: 40m
                alertname: HakuWinayOutboxPendingGrowing
                exp_alerts:
                  - exp_labels: { severity: warning }
                    exp_annotations: { summary: "41 emails pending and growing; see /admin/jobs and the outbox dispatcher's log" }

          - interval: 1m
            input_series:
              # Emails waiting in a steady number are being sent as fast as they come: no alert.
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="pending"}'
                values: '5x60'
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="failed"}'
                values: '0x60'
              - series: 'hakuwinay_outbox_messages{job="hakuwinay",instance="a",state="given_up"}'
                values: '0x60'
              - series: 'hakuwinay_jobs_failed{job="hakuwinay",instance="a"}'
                values: '0x60'
              - series: 'up{job="hakuwinay",instance="10.0.0.11:5001"}'
                values: '1x60'
            alert_rule_test:
              - { eval_time: 40m, alertname: HakuWinayOutboxPendingGrowing, exp_alerts: [] }
              - { eval_time: 40m, alertname: HakuWinayOutboxFailing, exp_alerts: [] }
              - { eval_time: 40m, alertname: HakuWinayOutboxGivenUp, exp_alerts: [] }
              - { eval_time: 40m, alertname: HakuWinayJobsFailed, exp_alerts: [] }
              - { eval_time: 40m, alertname: HakuWinayCopyDown, exp_alerts: [] }

          - interval: 1m
            input_series:
              # Every request slower than 5 s: the 95th percentile is the top finite bucket's bound.
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="1"}'
                values: '0x30'
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="5"}'
                values: '0x30'
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="+Inf"}'
                values: '0+10x30'
            alert_rule_test:
              - eval_time: 6m
                alertname: HakuWinaySlowPages
                exp_alerts: []
              - eval_time: 20m
                alertname: HakuWinaySlowPages
                exp_alerts:
                  - exp_labels: { severity: warning }
                    exp_annotations: { summary: "95 % of requests take more than 5 s; read a slow trace (docs/operations.md)" }

          - interval: 1m
            input_series:
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="1"}'
                values: '0+10x30'
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="5"}'
                values: '0+10x30'
              - series: 'http_server_request_duration_seconds_bucket{job="hakuwinay",http_route="/contests/{code}",le="+Inf"}'
                values: '0+10x30'
            alert_rule_test:
              - { eval_time: 20m, alertname: HakuWinaySlowPages, exp_alerts: [] }
        """;
}
