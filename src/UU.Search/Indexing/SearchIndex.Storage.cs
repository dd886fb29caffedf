using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace UU.Search.Indexing;

/// <summary>
/// What the index does when its storage fails while the site runs: a write that cannot reach the disk (full, read
/// only) or files that went away (the folder deleted) mark it faulted. Searches go on against the readers still
/// open, writes are refused, and the host rebuilds the index from the database (<see cref="Fault"/>) until
/// one rebuild succeeds.
/// </summary>
public sealed partial class SearchIndex
{
    private volatile string? _fault;

    /// <summary>Why the index is faulted, or null.</summary>
    public string? Fault => _fault;

    /// <summary>Looks for the folder and every file of the index's current state; marks the index faulted when one is missing.</summary>
    public bool CheckStorage()
    {
        if (_disposed == 1 || _rebuilding)
        {
            return false;
        }
        if (StorageMissing())
        {
            _fault ??= "the index's files are missing from " + _options.IndexPath;
            LogFaulted(_logger, null, _fault);
            return true;
        }
        return false;
    }

    private bool StorageMissing()
    {
        if (!System.IO.Directory.Exists(_options.IndexPath))
        {
            return true;
        }
        var searchers = _searchers;
        var searcher = searchers.Acquire();
        try
        {
            // segments_N of a reader that was never committed may not exist yet; the segments' own files must.
            return ((DirectoryReader)searcher.IndexReader).IndexCommit.FileNames
                .Where(name => !name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal))
                .Any(name => !File.Exists(Path.Combine(_options.IndexPath, name)));
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            return true;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static bool IsStorageFailure(Exception ex) => ex is IOException or ObjectDisposedException or UnauthorizedAccessException;

    private void MarkFaulted(Exception ex)
    {
        if (_disposed == 1)
        {
            return;
        }
        var first = _fault is null;
        _fault = ex.Message;
        if (first)
        {
            LogFaulted(_logger, ex, ex.Message);
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new IOException($"The search index cannot be written until it is rebuilt: {fault}");
        }
    }

    /// <summary>
    /// Closes the failed writer without committing and opens an empty one in a recreated folder. The current
    /// searchers are returned untouched, so that searches keep their results until the rebuild is committed.
    /// </summary>
    private Lucene.Net.Search.SearcherManager ReplaceWriter()
    {
        RollBackQuietly(_writer);
        System.IO.Directory.CreateDirectory(_options.IndexPath);
        _writer = CreateWriter(OpenMode.CREATE);
        return _searchers;
    }

    private static void RollBackQuietly(IndexWriter writer)
    {
        try
        {
            writer.Rollback();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A writer whose files are gone cannot roll back cleanly (an I/O error, or a state error from a
            // failed flush); its lock is released all the same, which is what the next writer needs.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The search index is faulted and will be rebuilt from the database: {Reason}")]
    private static partial void LogFaulted(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index at {Path} was rebuilt after a fault")]
    private static partial void LogHealed(ILogger logger, string path);
}
