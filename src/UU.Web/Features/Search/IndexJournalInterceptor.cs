using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UU.Web.Data;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Search;

/// <summary>
/// Writes an <see cref="IndexChange"/> for every saved change to searchable content, whichever feature made it
/// (import, office, seed, tests), so no code path can forget to keep the search index in step. Changes to
/// existing rows are journalled in the same SaveChanges; new rows, whose ids exist only after the insert, right
/// after it (inside the caller's transaction when there is one).
/// </summary>
public sealed class IndexJournalInterceptor(TimeProvider clock, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore outputCache) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Changed = new();
    private static readonly ConditionalWeakTable<DbContext, List<EntityEntry>> PendingInserts = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Journal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Journal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (JournalInserts(eventData.Context))
        {
            eventData.Context!.SaveChanges();
        }
        EvictPublicPages(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (JournalInserts(eventData.Context))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
        }
        await EvictPublicPages(eventData.Context);
        return result;
    }

    /// <summary>This node's cached public pages go at once; other nodes drop theirs when they read the journal.</summary>
    private ValueTask EvictPublicPages(DbContext? context)
    {
        if (context is null || !Changed.TryGetValue(context, out _))
        {
            return ValueTask.CompletedTask;
        }
        Changed.Remove(context);
        return outputCache.EvictByTagAsync(Infrastructure.PublicCache.Tag, CancellationToken.None);
    }

    private void Journal(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var changes = new HashSet<(string, int)>();
        var inserts = new List<EntityEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Module or Course or Subject or Content.ContentItem when entry.State == EntityState.Added:
                    inserts.Add(entry);
                    break;
                case Module module:
                    changes.Add(("module", module.Id));
                    break;
                case Course course:
                    changes.Add(("course", course.Id));
                    break;
                case Subject subject:
                    changes.Add(("subject", subject.Id));
                    break;
                case Content.ContentItem item:
                    changes.Add(("content", item.Id));
                    break;
                case ModuleCourse link when entry.State != EntityState.Added || link.ModuleId > 0:
                    changes.Add(("module", link.ModuleId));
                    break;
                case ModuleTheme tag when entry.State != EntityState.Added || tag.ModuleId > 0:
                    changes.Add(("module", tag.ModuleId));
                    break;
            }
        }
        foreach (var (type, id) in changes.Where(c => c.Item2 > 0))
        {
            context.Set<IndexChange>().Add(new IndexChange { EntityType = type, EntityId = id, CreatedAt = now });
        }
        if (changes.Count > 0 || inserts.Count > 0)
        {
            Changed.AddOrUpdate(context, true);
        }
        if (inserts.Count > 0)
        {
            PendingInserts.AddOrUpdate(context, inserts);
        }
    }

    private bool JournalInserts(DbContext? context)
    {
        if (context is null || !PendingInserts.TryGetValue(context, out var inserts))
        {
            return false;
        }
        PendingInserts.Remove(context);
        var now = clock.GetUtcNow();
        foreach (var entry in inserts)
        {
            var (type, id) = entry.Entity switch
            {
                Module m => ("module", m.Id),
                Course c => ("course", c.Id),
                Subject s => ("subject", s.Id),
                Content.ContentItem c => ("content", c.Id),
                _ => ("", 0),
            };
            if (id > 0)
            {
                context.Set<IndexChange>().Add(new IndexChange { EntityType = type, EntityId = id, CreatedAt = now });
            }
        }
        return true;
    }
}
