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

    /// <summary>Whether a commit of this index is on disk (one was found at start, or made since).</summary>
    private volatile bool _hasCommit;

    /// <summary>Why the index is faulted, or null.</summary>
    public string? Fault => _fault;

    /// <summary>
    /// Looks for the folder, every file of the newest commit on disk and every file the open readers use; marks the
    /// index faulted when one is missing. A write in progress holds the write lock: then the next check looks.
    /// </summary>
    public bool CheckStorage()
    {
        if (_disposed == 1 || _rebuilding || !_writeLock.Wait(0))
        {
            return false;
        }
        try
        {
            if (StorageMissing())
            {
                _fault ??= "the index's files are missing from " + _options.IndexPath;
                LogFaulted(_logger, null, _fault);
                return true;
            }
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Whether the index on disk is incomplete; the caller holds the write lock, so no commit of ours moves files meanwhile.</summary>
    private bool StorageMissing()
    {
        if (!System.IO.Directory.Exists(_options.IndexPath))
        {
            return true;
        }
        try
        {
            // The readers can be whole while the commit on disk is not: a write after the folder was deleted
            // recreates it and commits a segments file that names the segments gone with it. Such an index serves
            // until the next start and then cannot be opened.
            if (_hasCommit)
            {
                var commit = new SegmentInfos();
                commit.Read(_directory);
                if (commit.GetFiles(_directory, includeSegmentsFile: true).Any(IsMissing))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (IsStorageFailure(ex))
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
                .Any(IsMissing);
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

    private bool IsMissing(string fileName) => !File.Exists(Path.Combine(_options.IndexPath, fileName));

    /// <summary>
    /// An error of the index's storage, also when Lucene wraps it: a merge policy's sort that reads a gone file's
    /// size throws InvalidOperationException ("Failed to compare two elements") around the FileNotFoundException.
    /// </summary>
    private static bool IsStorageFailure(Exception ex) => StorageCause(ex) is not null;

    /// <summary>The storage error in <paramref name="ex"/> or among the exceptions it wraps, or null.</summary>
    private static Exception? StorageCause(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                return current;
            }
        }
        return null;
    }

    private void MarkFaulted(Exception ex)
    {
        if (_disposed == 1)
        {
            return;
        }
        var first = _fault is null;
        // The storage error's own words (a missing file, a full disk), not those of a wrapper around it.
        var cause = StorageCause(ex) ?? ex;
        _fault = cause.Message;
        if (first)
        {
            LogFaulted(_logger, ex, cause.Message);
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
