using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Search;
using UU.Search.Indexing;
using UU.Web.Data;

namespace UU.Web.Features.Search;

public sealed class SearchSyncOptions
{
    public const string Section = "Search";

    /// <summary>How often each node looks for new journal entries.</summary>
    [System.ComponentModel.DataAnnotations.Range(20, 60_000)]
    public int JournalPollMilliseconds { get; set; } = 250;
}

/// <summary>
/// Keeps this node's index in step with the database: rebuilds it when it is new, healed, of an old schema or
/// behind a rebuild request, then applies every journal entry after the index's recorded position.
/// </summary>
public sealed partial class IndexSynchronizer(
    SearchIndex index,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore outputCache,
    Infrastructure.Scoped<UuDbContext, SearchDocuments> work,
    TimeProvider clock,
    IOptions<SearchSyncOptions> options,
    ILogger<IndexSynchronizer> logger)
{
    // REVIEW: ids from a sequence can commit out of order under concurrent writers (PostgreSQL); entries in a
    // short window behind the position are read again, and re-applying an entry is harmless (it re-reads the row).
    private const int OverlapEntries = 200;
    private static readonly TimeSpan OverlapAge = TimeSpan.FromSeconds(30);
    private readonly Dictionary<long, DateTimeOffset> _recentlyApplied = [];

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => work.RunAsync(async (db, documents) =>
    {
        var position = await db.IndexChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var watch = Stopwatch.StartNew();
        var count = await index.RebuildAsync(documents.AllAsync(cancellationToken), position, cancellationToken);
        LogRebuilt(logger, count, watch.ElapsedMilliseconds);
        return count;
    });

    /// <summary>Applies the journal entries the index has not seen; returns how many were applied.</summary>
    public Task<int> CatchUpAsync(CancellationToken cancellationToken) =>
        work.RunAsync((db, documents) => CatchUpAsync(db, documents, cancellationToken));

    private async Task<int> CatchUpAsync(UuDbContext db, SearchDocuments documents, CancellationToken cancellationToken)
    {
        var position = index.JournalPosition;
        var since = clock.GetUtcNow() - OverlapAge;
        var entries = await db.IndexChanges.AsNoTracking()
            .Where(c => c.Id > position || (c.Id > position - OverlapEntries && c.CreatedAt >= since))
            .OrderBy(c => c.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var stale in _recentlyApplied.Where(p => p.Value < since).Select(p => p.Key).ToList())
        {
            _recentlyApplied.Remove(stale);
        }
        entries = entries.Where(e => !_recentlyApplied.ContainsKey(e.Id)).ToList();
        if (entries.Count == 0)
        {
            return 0;
        }
        var last = Math.Max(position, entries[^1].Id);
        if (entries.Any(e => e.EntityType == "all" && e.Id > position))
        {
            await RebuildAsync(cancellationToken);
        }
        else
        {
            var moduleIds = entries.Where(e => e.EntityType == "module").Select(e => e.EntityId).ToHashSet();
            var courseIds = entries.Where(e => e.EntityType == "course").Select(e => e.EntityId).ToHashSet();
            var subjectIds = entries.Where(e => e.EntityType == "subject").Select(e => e.EntityId).ToList();
            if (subjectIds.Count > 0)
            {
                // A subject's name is part of its modules' and courses' documents.
                moduleIds.UnionWith(await db.Modules.Where(m => subjectIds.Contains(m.SubjectId)).Select(m => m.Id).ToListAsync(cancellationToken));
                courseIds.UnionWith(await db.Courses.Where(c => subjectIds.Contains(c.SubjectId)).Select(c => c.Id).ToListAsync(cancellationToken));
            }
            var modules = await documents.ModulesAsync(moduleIds, cancellationToken);
            var courses = await documents.CoursesAsync(courseIds, cancellationToken);
            var contentIds = entries.Where(e => e.EntityType == "content").Select(e => e.EntityId).ToHashSet();
            var content = await documents.ContentAsync(contentIds, cancellationToken);
            // A content item's key depends on its type, which a deleted item no longer has: remove both forms.
            var goneContent = contentIds.Except(content.Select(c => c.Id))
                .SelectMany(id => new[] { SearchDocument.DocumentKey(Content.ContentTypes.Story, id), SearchDocument.DocumentKey(Content.ContentTypes.Page, id) });
            // Whatever is no longer published (or no longer exists) leaves the index.
            var gone = moduleIds.Except(modules.Select(m => m.Id)).Select(id => SearchDocument.DocumentKey(SearchDocuments.ModuleType, id))
                .Concat(courseIds.Except(courses.Select(c => c.Id)).Select(id => SearchDocument.DocumentKey(SearchDocuments.CourseType, id)))
                .Concat(goneContent)
                .ToList();
            if (gone.Count > 0)
            {
                await index.DeleteAsync(gone, null, cancellationToken);
            }
            await index.UpsertAsync([.. modules, .. courses, .. content], last, cancellationToken);
        }
        // Whatever changed, the cached public pages of this node may show it: drop them.
        await outputCache.EvictByTagAsync(Infrastructure.PublicCache.Tag, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            _recentlyApplied[entry.Id] = now;
        }
        return entries.Count;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var rebuildPending = false;
        try
        {
            var newest = await work.RunAsync(async (db, _) => await db.IndexChanges.MaxAsync(c => (long?)c.Id, stoppingToken) ?? 0);
            // An index ahead of the journal belongs to another database (restored or recreated): rebuild it too.
            if (index.NeedsRebuild || index.JournalPosition > newest)
            {
                await RebuildAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The loop below tries again as it heals a faulted index; the site goes on serving meanwhile.
            LogStartRebuildFailed(logger, ex);
            rebuildPending = true;
        }
        var nextStorageCheck = TimeProvider.System.GetUtcNow();
        var nextHeal = nextStorageCheck;
        var healDelay = FirstHealDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = TimeProvider.System.GetUtcNow();
            if (now >= nextStorageCheck)
            {
                // A few file-system lookups; often enough to notice a deleted folder within seconds.
                try
                {
                    index.CheckStorage();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogCheckFailed(logger, ex);
                }
                nextStorageCheck = now + StorageCheckInterval;
            }
            if (index.Fault is not null || rebuildPending)
            {
                // The whole index comes again from the database, so the journal entries in between need no catch-up.
                if (now >= nextHeal)
                {
                    try
                    {
                        await RebuildAsync(stoppingToken);
                        await outputCache.EvictByTagAsync(Infrastructure.PublicCache.Tag, stoppingToken);
                        healDelay = FirstHealDelay;
                        rebuildPending = false;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        LogHealFailed(logger, ex, healDelay.TotalSeconds);
                        nextHeal = now + healDelay;
                        healDelay = TimeSpan.FromTicks(Math.Min(healDelay.Ticks * 2, LastHealDelay.Ticks));
                    }
                }
            }
            else
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogCatchUpFailed(logger, ex);
                }
            }
            try
            {
                // Pacing is wall-clock time on purpose: a test's fake clock must not stop the node from polling.
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.JournalPollMilliseconds), TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static readonly TimeSpan StorageCheckInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstHealDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LastHealDelay = TimeSpan.FromMinutes(1);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the search index's files failed; the next check is in 2 s")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index at start failed; it is tried again")]
    private static partial void LogStartRebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the faulted search index failed; the next try is in {Seconds} s")]
    private static partial void LogHealFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} documents in {Milliseconds} ms")]
    private static partial void LogRebuilt(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the index-change journal failed; it is retried on the next poll")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}

/// <summary>Runs the synchronizer for the life of the app, after the database is migrated.</summary>
public sealed class IndexSynchronizerService(IndexSynchronizer synchronizer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => synchronizer.RunAsync(stoppingToken);
}
