using Microsoft.EntityFrameworkCore;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Content;

/// <summary>
/// Publishes and unpublishes what editors scheduled. Each due item is claimed with one conditional UPDATE
/// before it is touched, so with several nodes running this job every change still happens exactly once.
/// </summary>
public sealed partial class ScheduledPublisher(UuDbContext db, DocumentVersioning<ContentItem, ContentVersion, ContentFields> versioning, TimeProvider clock, ILogger<ScheduledPublisher> logger)
{
    private const string Scheduler = "scheduler";

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
            if (Done(await versioning.PublishAsync(item, "published by schedule", Scheduler, cancellationToken), item.Id))
            {
                LogPublished(logger, item.Id);
                published++;
            }
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
            if (Done(await versioning.UnpublishAsync(item, "unpublished by schedule", Scheduler, cancellationToken), item.Id))
            {
                unpublished++;
            }
        }
        return (published, unpublished);
    }

    /// <summary>An editor saving in the very moment the schedule fires wins; the scheduled change is dropped and logged.</summary>
    private bool Done(VersionOutcome<ContentItem, ContentFields> outcome, int id)
    {
        if (!outcome.Succeeded)
        {
            LogDropped(logger, id);
        }
        return outcome.Succeeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content {Id} published by schedule")]
    private static partial void LogPublished(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled change of content {Id} dropped: an editor changed it at the same moment")]
    private static partial void LogDropped(ILogger logger, int id);
}

[DisallowConcurrentExecution]
public sealed class ScheduledPublishingJob(ScheduledPublisher publisher) : IJob
{
    public static readonly JobKey Key = new("scheduled-publishing", "content");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await publisher.RunDueAsync(cancellationToken);
}
