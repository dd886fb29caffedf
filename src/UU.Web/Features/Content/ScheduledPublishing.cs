using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using UU.Web.Data;
using UU.Web.Infrastructure;
using UU.Web.Features.Office;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Content;

/// <summary>
/// Publishes and unpublishes what editors scheduled. Each due item is claimed with one conditional UPDATE
/// before it is touched, so with several nodes running this job every change still happens exactly once.
/// </summary>
public sealed partial class ScheduledPublisher(UuDbContext db, ContentService content, TimeProvider clock, AuditTrail audit, ILogger<ScheduledPublisher> logger)
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
