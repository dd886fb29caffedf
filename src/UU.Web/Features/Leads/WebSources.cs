using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;
using UU.Scrapers.Sources;
using UU.Web.Data;

namespace UU.Web.Features.Leads;

/// <summary>The web lists coordinators added in the office, as sources the scrape runner can run.</summary>
public sealed class WebSourceCatalog(UuDbContext db) : IScrapeSourceCatalog
{
    public async Task<IReadOnlyList<ScrapeSourceEntry>> ListAsync(CancellationToken cancellationToken) =>
        (await db.WebSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(ToEntry).ToList();

    public static ScrapeSourceEntry ToEntry(WebSource source)
    {
        var url = new Uri(source.Url);
        var root = url.GetLeftPart(UriPartial.Authority) + "/";
        return new ScrapeSourceEntry(
            new WebListSource(source.Name, Definition(source), url.PathAndQuery.TrimStart('/'), source.EducationOnly),
            new SourceOptions { BaseUrl = root, Schedule = source.Schedule, Enabled = source.Enabled },
            BuiltIn: false);
    }

    public static WebListDefinition Definition(WebSource source) => new()
    {
        ItemSelector = source.ItemSelector,
        TitleSelector = source.TitleSelector,
        LinkSelector = source.LinkSelector,
        DateSelector = source.DateSelector,
        DeadlineSelector = source.DeadlineSelector,
        SummarySelector = source.SummarySelector,
    };
}

/// <summary>Checks a web source as a coordinator entered it; each problem names its field.</summary>
public static partial class WebSourceRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex NamePattern();

    public static Dictionary<string, string> Validate(WebSource source, IEnumerable<string> builtInNames, bool allowPrivateAddresses)
    {
        var errors = new Dictionary<string, string>();
        if (!NamePattern().IsMatch(source.Name ?? ""))
        {
            errors["Name"] = "2–40 lower-case letters, digits or hyphens, starting with a letter or digit";
        }
        else if (builtInNames.Contains(source.Name, StringComparer.OrdinalIgnoreCase))
        {
            errors["Name"] = $"'{source.Name}' is a built-in source's name";
        }
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || source.Url.Length > 1000)
        {
            errors["Url"] = "must be a whole http:// or https:// address (at most 1,000 characters)";
        }
        else if (!allowPrivateAddresses && UU.Scrapers.Fetching.NetworkGuard.PointsInward(url))
        {
            errors["Url"] = $"'{url.Host}' is not on the public internet (loopback, private or link-local); a web list source must be";
        }
        foreach (var (field, message) in WebSourceCatalog.Definition(source).Validate())
        {
            errors[field] = message;
        }
        foreach (var (field, value) in new[] { ("ItemSelector", source.ItemSelector), ("TitleSelector", source.TitleSelector), ("LinkSelector", source.LinkSelector), ("DateSelector", source.DateSelector), ("DeadlineSelector", source.DeadlineSelector), ("SummarySelector", source.SummarySelector) })
        {
            if (value is { Length: > 300 })
            {
                errors[field] = "at most 300 characters";
            }
        }
        if (!ScheduleValidator.IsCron(source.Schedule))
        {
            errors["Schedule"] = $"'{source.Schedule}' is not a Quartz cron expression (for example '0 30 6 * * ?' for 06:30 every day)";
        }
        return errors;
    }
}

/// <summary>
/// Keeps Quartz's scrape jobs in step with the sources: one cron job per enabled source, configured or added in the
/// office; jobs of sources that are gone or switched off are removed. Called at start and whenever a web source is saved.
/// </summary>
public sealed class SourceSchedule(ISchedulerFactory schedulers, Infrastructure.Scoped<ScrapeRunner> runners)
{
    public const string Group = "scrapers";

    public static JobKey KeyFor(string source) => new("scrape-" + source, Group);

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var sources = await runners.RunAsync(r => r.SourcesAsync(cancellationToken));
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var enabled = sources.Where(s => s.Runnable).ToList();
        var wanted = enabled.Select(s => KeyFor(s.Name)).ToHashSet();
        foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken)).Where(k => !wanted.Contains(k)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }
        foreach (var source in enabled)
        {
            var job = JobBuilder.Create<ScrapeJob>().WithIdentity(KeyFor(source.Name)).UsingJobData(ScrapeJob.SourceKey, source.Name).Build();
            await scheduler.ScheduleCronAsync(job, new TriggerKey("scrape-" + source.Name + "-trigger", Group), source.Options!.Schedule, cancellationToken);
        }
    }
}

public static class CronScheduling
{
    /// <summary>
    /// Schedules the job on a cron expression in Swedish time, unless the stored store already has it on that very
    /// expression: replacing an unchanged trigger at every start would forget a run missed while every node was down.
    /// A missed run fires once when a node is back, then the schedule goes on.
    /// </summary>
    public static async Task ScheduleCronAsync(this IScheduler scheduler, IJobDetail job, TriggerKey key, string expression, CancellationToken cancellationToken)
    {
        if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == expression && existing.TimeZone.Id == UU.Scrapers.SwedishTime.Zone.Id
            && existing.JobKey.Equals(job.Key) && await scheduler.Exists(job.Key, cancellationToken))
        {
            return;
        }
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job)
            .WithCronSchedule(expression, c => c.InTimeZone(UU.Scrapers.SwedishTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
