using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using UU.Web.Data;
using UU.Web.Infrastructure;
using UU.Web.Features.Office;

namespace UU.Web.Features.Content;

/// <summary>
/// Publishes and unpublishes what editors scheduled. Each due item is claimed with one conditional UPDATE
/// before it is touched, so with several nodes running this job every change still happens exactly once.
/// </summary>
public sealed partial class ScheduledPublisher(UuDbContext db, ContentService content, TimeProvider clock, Audit audit, ILogger<ScheduledPublisher> logger)
{
    public async Task<(int Published, int Unpublished)> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int published = 0, unpublished = 0;
        var duePublish = await db.ContentItems.Where(c => c.PublishAt != null && c.PublishAt <= now).Select(c => new { c.Id, c.PublishAt }).ToListAsync(cancellationToken);
        foreach (var due in duePublish)
        {
            var claimed = await db.ContentItems.Where(c => c.Id == due.Id && c.PublishAt == due.PublishAt)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishAt, (DateTimeOffset?)null), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node took it
            }
            var item = await db.ContentItems.FirstAsync(c => c.Id == due.Id, cancellationToken);
            await content.PublishDraftAsync(item, cancellationToken);
            Version(item, now, "published by schedule");
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("content-published", item.Type, Id(item), "by schedule", email: "scheduler", cancellationToken: cancellationToken);
            LogPublished(logger, item.Id);
            published++;
        }
        var dueUnpublish = await db.ContentItems.Where(c => c.UnpublishAt != null && c.UnpublishAt <= now).Select(c => new { c.Id, c.UnpublishAt }).ToListAsync(cancellationToken);
        foreach (var due in dueUnpublish)
        {
            var claimed = await db.ContentItems.Where(c => c.Id == due.Id && c.UnpublishAt == due.UnpublishAt)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnpublishAt, (DateTimeOffset?)null), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var item = await db.ContentItems.FirstAsync(c => c.Id == due.Id, cancellationToken);
            item.State = ContentState.Unpublished;
            Version(item, now, "unpublished by schedule");
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("content-unpublished", item.Type, Id(item), "by schedule", email: "scheduler", cancellationToken: cancellationToken);
            unpublished++;
        }
        return (published, unpublished);
    }

    private void Version(ContentItem item, DateTimeOffset now, string what)
    {
        item.Version++;
        item.UpdatedAt = now;
        item.UpdatedBy = "scheduler";
        db.ContentVersions.Add(new ContentVersion { ContentItemId = item.Id, Number = item.Version, Json = item.DraftJson, Event = what, CreatedAt = now, CreatedBy = "scheduler" });
    }

    private static string Id(ContentItem item) => item.Id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content {Id} published by schedule")]
    private static partial void LogPublished(ILogger logger, int id);
}

[DisallowConcurrentExecution]
public sealed class ScheduledPublishingJob(ScheduledPublisher publisher) : IJob
{
    public static readonly JobKey Key = new("scheduled-publishing", "content");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await publisher.RunDueAsync(cancellationToken);
}

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often due publishes and unpublishes are looked for.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int PublishingIntervalSeconds { get; set; } = 30;
}

public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScheduledPublisher>();
        var interval = configuration.GetValue(SchedulingOptions.Section + ":PublishingIntervalSeconds", 30);
        var persistent = configuration.GetValue(SchedulingOptions.Section + ":PersistentStore", true);
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "UU";
                o.GenerateInstanceId = persistent && provider == DatabaseProvider.Postgres; // each node of a cluster its own id
            });
            if (persistent)
            {
                // Jobs, triggers and fire times live in the project's database, so a schedule survives a restart and
                // a run missed while every node was down is fired once when one comes back. On PostgreSQL the nodes
                // form a Quartz cluster: each trigger fires on one node, and a dead node's jobs are taken over.
                q.UsePersistentStore(s =>
                {
                    s.UseSystemTextJsonSerializer();
                    s.ProvisionSchema();
                    s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    if (provider == DatabaseProvider.Postgres)
                    {
                        s.UsePostgres(o => o.DataSourceFactory = sp => Npgsql.NpgsqlDataSource.Create(DataServiceCollectionExtensions.ConnectionString(sp)));
                        s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    }
                    else
                    {
                        s.UseSqlite(o => o.DataSourceFactory = sp => Microsoft.Data.Sqlite.SqliteFactory.Instance.CreateDataSource(DataServiceCollectionExtensions.ConnectionString(sp)));
                    }
                });
            }
            q.AddJob<ScheduledPublishingJob>(j => j.WithIdentity(ScheduledPublishingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduledPublishingJob.Key).WithIdentity("scheduled-publishing-trigger", "content")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, interval))).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
