using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using UU.Web.Data;

namespace UU.Web.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddHealthChecks().AddDbContextCheck<UuDbContext>("database").AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }

    /// <summary>
    /// GET /health: the overall status (Healthy, Degraded, Unhealthy) for anyone, such as a load balancer; the entry
    /// per part (database, search index, scheduler, scrapers, with their descriptions) only for a signed-in admin or
    /// a caller that sends Health:Token as "Authorization: Bearer …" or "X-Health-Token": the details name
    /// hosts, nodes and errors a stranger should not see.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                if (!await MaySeeDetailsAsync(context))
                {
                    await JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, cancellationToken: context.RequestAborted);
                    return;
                }
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

    private static async Task<bool> MaySeeDetailsAsync(HttpContext context)
    {
        var token = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value.Token;
        if (!string.IsNullOrEmpty(token))
        {
            var sent = context.Request.Headers["X-Health-Token"].ToString();
            var authorization = context.Request.Headers.Authorization.ToString();
            if (sent.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                sent = authorization["Bearer ".Length..].Trim();
            }
            if (sent.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(sent), System.Text.Encoding.UTF8.GetBytes(token)))
            {
                return true;
            }
        }
        // /health is outside the authorization of pages: read the office cookie here.
        var cookie = await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        return cookie.Succeeded && cookie.Principal.IsInRole(Accounts.Roles.Admin);
    }
}

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A secret that shows /health's details to monitoring (sent as a bearer token or X-Health-Token); empty: admins only.</summary>
    public string? Token { get; set; }
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
