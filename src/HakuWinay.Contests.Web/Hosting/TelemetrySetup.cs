using HakuWinay.Contests.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// OpenTelemetry for the operators (docs/decisions/023-telemetry.md): metrics for Prometheus at
/// <c>/metrics</c>, open only to <see cref="TelemetryMetricsAccess"/>, and traces sent by OTLP
/// when an endpoint is configured.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string Section = "Telemetry";
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string OtlpProtocolKey = "Telemetry:OtlpProtocol";
    /// <summary>The standard variable, honoured as the OpenTelemetry SDK documents it when Telemetry:OtlpEndpoint is empty.</summary>
    public const string StandardOtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        IConfiguration configuration = builder.Configuration;
        services.AddSingleton(TelemetryMetricsAccess.From(configuration));
        services.AddSingleton(new TelemetryGaugeSettings(TelemetryGaugeSettings.Interval(configuration)));
        services.AddSingleton<TelemetryGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryGauges>());
        services.AddScoped<CircuitHandler, TelemetryCircuitHandler>();

        var otlp = OtlpTarget.From(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("HakuWinay.Contests", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalMeters.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                // Only configured scrapers reach /metrics, so a fresh answer each time costs little and never shows a stale count.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(otlp.Configure));
        }
    }

    /// <summary>Maps <c>/metrics</c>: the Prometheus text to allowed addresses or the token's bearer, the portal's 404 to anyone else.</summary>
    public static void MapPortalTelemetry(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<TelemetryMetricsAccess>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(next => context =>
        {
            if (access.Allows(context))
            {
                return next(context);
            }
            // The same answer as for any address the portal does not have: the public learns nothing.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }), optionsName: null);
    }

    /// <summary>Operators' and load balancers' own requests: not traced, answered on any Host and over plain HTTP.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(DeploymentSetup.HealthPath) || path.StartsWithSegments(MetricsPath);

    /// <summary>Where traces go: <c>Telemetry:OtlpEndpoint</c> (with <c>Telemetry:OtlpProtocol</c>) or the standard OTEL_EXPORTER_OTLP_* variables.</summary>
    private sealed record OtlpTarget(Uri? Endpoint, OtlpExportProtocol Protocol)
    {
        public static OtlpTarget? From(IConfiguration configuration)
        {
            var protocol = configuration[OtlpProtocolKey] switch
            {
                null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                "grpc" => OtlpExportProtocol.Grpc,
                var other => throw new InvalidOperationException($"{OtlpProtocolKey}: '{other}' is not http/protobuf or grpc."),
            };
            if (configuration[OtlpEndpointKey] is { Length: > 0 } value)
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
                {
                    throw new InvalidOperationException($"{OtlpEndpointKey}: '{value}' is not an http:// or https:// address such as http://collector:4318.");
                }
                return new OtlpTarget(endpoint, protocol);
            }
            // The SDK reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS itself.
            return configuration[StandardOtlpEndpointKey] is { Length: > 0 } ? new OtlpTarget(null, protocol) : null;
        }

        public void Configure(OtlpExporterOptions options)
        {
            if (Endpoint is null)
            {
                return;
            }
            options.Protocol = Protocol;
            // Given in code, an HTTP endpoint is used as it is: the signal's path is added here, as the variable would have it.
            options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf && Endpoint.AbsolutePath.TrimEnd('/').Length == 0
                ? new Uri(Endpoint, "v1/traces")
                : Endpoint;
        }
    }
}
