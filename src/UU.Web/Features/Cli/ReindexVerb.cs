using System.Diagnostics;
using UU.Web.Data;
using UU.Web.Features.Search;

namespace UU.Web.Features.Cli;

/// <summary>
/// <c>reindex</c>: asks every node to rebuild its index from the database (a journal entry), and rebuilds this
/// node's index at once when no running site holds it. Searches keep answering from the old index during a rebuild.
/// </summary>
/// <param name="localIndex">Opens this node's index, which throws when a running site holds it (see <see cref="CliSetup"/>).</param>
public sealed class ReindexVerb(UuDbContext db, TimeProvider clock, Func<IndexSynchronizer> localIndex)
{
    public async Task<int> RunAsync(CliConsole console, CancellationToken cancellationToken)
    {
        db.IndexChanges.Add(new IndexChange { EntityType = "all", CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        IndexSynchronizer synchronizer;
        try
        {
            synchronizer = localIndex();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("locked", StringComparison.Ordinal))
        {
            await console.WriteLineAsync("The index is in use by a running site; it (and every other node) rebuilds from the database within a second.");
            return 0;
        }
        var watch = Stopwatch.StartNew();
        var count = await console.WithProgressAsync("Rebuilding the search index from the database", _ => synchronizer.RebuildAsync(cancellationToken));
        await console.WriteLineAsync($"Rebuilt the search index: {count} documents in {watch.Elapsed.TotalSeconds:0.0} s. Other nodes rebuild from the journal.");
        return 0;
    }
}
