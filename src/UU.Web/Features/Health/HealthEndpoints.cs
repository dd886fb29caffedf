using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using UU.Web.Data;

namespace UU.Web.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<UuDbContext>("database").AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }

    /// <summary>GET /health: overall status and one entry per part: database, search index, scheduler, scrapers.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                var body = new
                {
                    status = report.Status.ToString(),
                    durationMs = (int)report.TotalDuration.TotalMilliseconds,
                    checks = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description ?? e.Value.Exception?.Message,
                    }),
                };
                await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
            },
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}

/// <summary>Unhealthy when Quartz is not running (nothing scheduled would happen); the description says how it stores its jobs.</summary>
public sealed class SchedulerHealthCheck(Quartz.ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        var jobs = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).Count;
        var store = metadata.JobStoreClustered ? "persistent store, clustered" : metadata.JobStorePersistent ? "persistent store" : "in memory";
        var description = $"{store}; node {metadata.SchedulerInstanceId}; {jobs} jobs";
        return metadata.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Unhealthy("the scheduler is not running: " + description);
    }
}
