using System.Collections.Concurrent;
using Lucene.Net.Index;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace UU.Search.Indexing;

/// <summary>
/// A rebuild's adds on one thread per core, the documents dealt out in turn, each thread mostly into a segment of
/// its own. Each segment is written by a thread at its last document, in parallel: every thread holds its last
/// document back until all have reached theirs, then the writer's document limit is set below every segment's
/// count, so the last add on every thread writes the segment it lands in. Left to the commit, the segments were
/// written one after the other on one thread (a second per 100,000 documents, the other cores idle); a limit set
/// earlier left small segments of the documents that came after it, which every search then visits.
/// </summary>
internal sealed class RebuildWriters : IDisposable
{
    private const int QueueLength = 256;

    private readonly IndexWriter _writer;
    private readonly Func<SearchDocument, LuceneDocument> _toLucene;
    private readonly BlockingCollection<SearchDocument>[] _queues;
    private readonly Thread[] _threads;
    private readonly int[] _added;
    private readonly bool[] _holds;
    private readonly CountdownEvent _holdingLast;
    private readonly ManualResetEventSlim _addLast = new(false);
    private readonly CancellationTokenSource _stop;
    private Exception? _failure;
    private int _next;

    /// <param name="smallestToSplit">
    /// Below this many documents on the thread with the fewest, the segments are left for the commit to write.
    /// </param>
    public RebuildWriters(IndexWriter writer, Func<SearchDocument, LuceneDocument> toLucene, int threads, int smallestToSplit, CancellationToken cancellationToken)
    {
        _writer = writer;
        _toLucene = toLucene;
        SmallestToSplit = smallestToSplit;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _queues = [.. Enumerable.Range(0, threads).Select(_ => new BlockingCollection<SearchDocument>(QueueLength))];
        _added = new int[threads];
        _holds = new bool[threads];
        _holdingLast = new CountdownEvent(threads);
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(() => Run(i)) { IsBackground = true, Name = "uu-search-rebuild-" + i })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public int SmallestToSplit { get; }

    /// <summary>Hands the document to the next thread; a thread's failure comes out here or from <see cref="Finish"/>.</summary>
    public void Add(SearchDocument document)
    {
        try
        {
            _queues[_next].Add(document, _stop.Token);
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            ThrowFailure();
        }
        _next = (_next + 1) % _queues.Length;
    }

    /// <summary>Waits for every thread to add its documents and write its segment; returns how many were added.</summary>
    public int Finish()
    {
        foreach (var queue in _queues)
        {
            queue.CompleteAdding();
        }
        try
        {
            _holdingLast.Wait(_stop.Token);
            // Every thread holds its last document back. The writer does not keep each thread to a segment of its
            // own from the first add (two threads may share one for a while), so the segments' counts are near the
            // threads' but not equal: half the smallest thread's count is a limit every segment is past, and the
            // last add on each thread writes the segment it lands in. The writer takes the limit from the next add.
            var smallest = _added.Where((_, i) => _holds[i]).DefaultIfEmpty(0).Min();
            if (smallest > SmallestToSplit)
            {
                _writer.Config.MaxBufferedDocs = smallest / 2;
            }
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            ThrowFailure();
        }
        finally
        {
            _addLast.Set();
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }
        if (_failure is not null)
        {
            ThrowFailure();
        }
        _stop.Token.ThrowIfCancellationRequested();
        return _added.Sum();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _addLast.Set();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }
        _holdingLast.Dispose();
        _addLast.Dispose();
        _stop.Dispose();
    }

    private void Run(int index)
    {
        var signalled = false;
        try
        {
            SearchDocument? held = null;
            foreach (var document in _queues[index].GetConsumingEnumerable(_stop.Token))
            {
                if (held is not null)
                {
                    _writer.AddDocument(_toLucene(held));
                    _added[index]++;
                }
                held = document;
            }
            _holds[index] = held is not null;
            _holdingLast.Signal();
            signalled = true;
            _addLast.Wait(_stop.Token);
            if (held is not null)
            {
                _writer.AddDocument(_toLucene(held));
                _added[index]++;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: by the caller, or because another thread failed.
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            _stop.Cancel();
        }
        finally
        {
            if (!signalled)
            {
                try
                {
                    _holdingLast.Signal();
                }
                catch (InvalidOperationException)
                {
                    // Already at zero.
                }
            }
        }
    }

    private void ThrowFailure() => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure!).Throw();
}
