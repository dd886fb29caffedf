using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Leads;

public static class LeadSetup
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddSingleton<IValidatorStore, DbValidatorStore>(); // before AddScrapers, whose in-memory store is only a fallback
        services.AddScrapers();
        // Raw snapshots live in the data folder unless Scrapers:SnapshotPath says otherwise.
        services.AddOptions<ScraperOptions>().Configure<DataPaths>((o, paths) =>
        {
            if (string.IsNullOrWhiteSpace(o.SnapshotPath))
            {
                o.SnapshotPath = paths.Folder("snapshots");
            }
        });
        services.AddScoped<IScrapeSink, LeadSink>();
        services.AddScoped<LeadList>();
        services.AddScoped<LeadMatcher>();
        services.AddScoped<LeadMerger>();
        services.AddScoped<LeadWorkflow>();
        services.AddScoped<WebSourceService>();
        services.AddScoped<IScrapeSourceCatalog, WebSourceCatalog>();
        services.AddSingleton<SourceSchedule>();
        services.AddScoped<LeasedScrapeRunner>();
        services.AddTransient<ScrapeJob>();
        services.AddScoped<LeadDigest>();
        services.AddTransient<LeadDigestJob>();
        services.AddOptions<LeadOptions>().BindConfiguration(LeadOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeadOptions>, LeadOptionsValidator>();
        services.AddHostedService<ScrapeScheduler>();
        // A wrong schedule stops the start with the key that holds it.
        services.AddSingleton<IValidateOptions<ScraperOptions>, ScheduleValidator>();
        services.AddHealthChecks().AddCheck<ScraperHealthCheck>("scrapers");
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            // Subject contact persons work the leads they hold; the sources stay with the coordinators.
            o.Conventions.AuthorizeFolder("/Leads/Office", Policies.LeadWorkers);
            o.Conventions.AuthorizePage("/Leads/Office/LeadSources", Policies.Coordinators);
        });
        return services;
    }
}

/// <summary>Every enabled source's schedule must be a valid Quartz cron expression; the message names the key.</summary>
public sealed class ScheduleValidator : IValidateOptions<ScraperOptions>
{
    public ValidateOptionsResult Validate(string? name, ScraperOptions options)
    {
        var bad = options.Sources.Where(s => s.Value.Enabled && !IsCron(s.Value.Schedule)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(bad.Select(b => $"Scrapers:Sources:{b.Key}:Schedule '{b.Value.Schedule}' is not a valid Quartz cron expression."));
    }

    internal static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Degraded when a source's latest run is marked failing (it errs, went silent, or lost fields).</summary>
/// <remarks>Health checks are created in a scope of their own for each run, so the DbContext comes by constructor.</remarks>
public sealed class ScraperHealthCheck(UuDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latest = await db.LatestRunsAsync(cancellationToken);
        var failing = latest.Where(r => r.Failing).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{latest.Count} sources have run")
            : HealthCheckResult.Degraded("failing: " + string.Join("; ", failing.Select(r => $"{r.Source} ({r.FailingReason})")));
    }
}

public static class ScrapeRunQueries
{
    /// <summary>Each source's latest run (the one that says whether it is failing now).</summary>
    public static Task<List<ScrapeRun>> LatestRunsAsync(this UuDbContext db, CancellationToken cancellationToken) =>
        db.ScrapeRuns.AsNoTracking().GroupBy(r => r.Source).Select(g => g.OrderByDescending(r => r.Id).First()).ToListAsync(cancellationToken);
}
