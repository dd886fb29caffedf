using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UU.Search.Analysis;
using UU.Search.Querying;
using Directory = Lucene.Net.Store.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace UU.Search.Indexing;

public enum IndexState
{
    Ready,
    Rebuilding,

    /// <summary>The index could not be written or its files went away; searches answer from what is left until it is rebuilt.</summary>
    Faulted,
}

/// <summary>
/// Owns this node's Lucene index: one <see cref="IndexWriter"/>, one <see cref="SearcherManager"/> refreshed by
/// a background loop after writes (never per query). An index that is missing, corrupt or of an older schema
/// is replaced by an empty one at start and <see cref="NeedsRebuild"/> tells the host to refill it; searches
/// keep working meanwhile. The host's change-journal position is kept in the index's commit data.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>Bump when analysis or fields change: an index of another schema is rebuilt at start.</summary>
    public const string SchemaVersion = "9";

    /// <summary>The document type a buyer can order (the host's module documents); it ranks and completes first.</summary>
    private const string ModuleType = "module";

    private const string JournalKey = "journal";
    private const string SchemaKey = "schema";

    private readonly ILogger<SearchIndex> _logger;
    private readonly SearchOptions _options;
    private readonly Task<Engine> _engine;
    private readonly CancellationTokenSource _stopping = new();
    private readonly FieldSimilarity _similarity;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _refreshSignal = new(0, int.MaxValue);
    private readonly Directory _directory;
    private IndexWriter _writer = null!;
    private SearcherManager _searchers = null!;
    private volatile bool _rebuilding;
    private int _disposed;
    private long _journalPosition;

    /// <summary>An index that reads its dictionaries from the paths in the options.</summary>
    public SearchIndex(IOptions<SearchOptions> options, ILogger<SearchIndex> logger)
        : this(options, new LinguisticsLoader(options, logger), logger)
    {
    }

    /// <summary>
    /// Opens the index at once; the dictionaries load in the background and the first search or write waits for
    /// them, so that everything indexed and searched goes through the same (full) analysis.
    /// </summary>
    public SearchIndex(IOptions<SearchOptions> options, ILinguisticsLoader linguistics, ILogger<SearchIndex> logger)
    {
        _logger = logger;
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.IndexPath))
        {
            throw new OptionsValidationException(SearchOptions.Section, typeof(SearchOptions), ["Search:IndexPath must name a folder for the search index."]);
        }
        System.IO.Directory.CreateDirectory(_options.IndexPath);
        // The synonym file is small and a broken one should stop the start with its message: read it now.
        _engine = StartEngineAsync(WordLists.Load(_options.SynonymsPath), linguistics, _stopping.Token);
        _similarity = new FieldSimilarity(_options.Ranking);
        // NIOFS, not FSDirectory.Open: the MMap directory it picks is many times slower under parallel search in this
        // version. Searches read the files from memory (see MemoryReadDirectory); writes go to the disk.
        _directory = _options.OpenDirectory?.Invoke(_options.IndexPath) ?? new MemoryReadDirectory(new NIOFSDirectory(new DirectoryInfo(_options.IndexPath)));
        Open();
    }

    public bool NeedsRebuild { get; private set; }

    public IndexState State => _rebuilding ? IndexState.Rebuilding : _fault is not null ? IndexState.Faulted : IndexState.Ready;

    /// <summary>The last change-journal entry whose effect is in the index.</summary>
    public long JournalPosition => Interlocked.Read(ref _journalPosition);

    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                MarkFaulted(ex);
                return 0;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>True once the dictionaries are loaded and searches no longer wait.</summary>
    public bool IsLinguisticsLoaded => _engine.IsCompletedSuccessfully;

    /// <summary>Completes when the dictionaries are loaded (for the CLI and the benchmark, which time what follows).</summary>
    public Task WhenLinguisticsLoadedAsync(CancellationToken cancellationToken) => _engine.WaitAsync(cancellationToken);

    private async Task<Engine> StartEngineAsync(WordLists words, ILinguisticsLoader loader, CancellationToken cancellationToken)
    {
        var linguistics = await loader.LoadAsync(cancellationToken).ConfigureAwait(false);
        // Building the word forms' stem tables takes a while too: off the caller's thread as well.
        return await Task.Run(() =>
        {
            var analyzers = new Analyzers(words, linguistics);
            return new Engine(analyzers, new SearchQueryBuilder(analyzers, _options.Ranking));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The analysis and query building, waiting for the dictionaries on the first search only.</summary>
    // REVIEW: Search and Suggest are synchronous (pages and the lead matcher call them), so a search that arrives
    // while the dictionaries load blocks its thread until they are in; that happens only in the first seconds.
    private Engine Ready => _engine.IsCompletedSuccessfully ? _engine.Result : _engine.GetAwaiter().GetResult();

    private sealed record Engine(Analyzers Analyzers, SearchQueryBuilder Queries);

    /// <summary>The writer's analyzer: the per-field chains once loaded (writes wait for them before adding).</summary>
    private sealed class DeferredAnalyzer(SearchIndex index) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => index.Ready.Analyzers.PerField;
    }

    private void Open()
    {
        try
        {
            OpenWriter(OpenMode.CREATE_OR_APPEND);
            var commits = DirectoryReader.IndexExists(_directory) ? DirectoryReader.ListCommits(_directory) : null;
            _hasCommit = commits is { Count: > 0 };
            var data = commits is { Count: > 0 } ? commits[^1].UserData : new Dictionary<string, string>();
            if (commits is null || !data.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion)
            {
                NeedsRebuild = true;
                LogNeedsRebuild(_logger, commits is null ? "no index yet" : "index of another schema");
            }
            if (data.TryGetValue(JournalKey, out var position) && long.TryParse(position, CultureInfo.InvariantCulture, out var parsed))
            {
                _journalPosition = parsed;
            }
        }
        catch (LockObtainFailedException ex)
        {
            throw new InvalidOperationException(
                $"The search index at {_options.IndexPath} is locked by another process. Each node needs its own Search:IndexPath.", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A corrupt or half-written index must not stop the site: start empty and let the host refill it.
            LogHealing(_logger, ex, _options.IndexPath);
            DisposeWriter();
            foreach (var file in _directory.ListAll())
            {
                _directory.DeleteFile(file);
            }
            OpenWriter(OpenMode.CREATE);
            _hasCommit = false;
            _journalPosition = 0;
            NeedsRebuild = true;
        }
    }

    private void OpenWriter(OpenMode mode)
    {
        _writer = CreateWriter(mode);
        _searchers = NewSearchers(_writer);
    }

    private IndexWriter CreateWriter(OpenMode mode) =>
        new(_directory, new IndexWriterConfig(Analyzers.Version, new DeferredAnalyzer(this)) { OpenMode = mode, Similarity = _similarity });

    private SearcherManager NewSearchers(IndexWriter writer) =>
        new(writer, applyAllDeletes: true, new SimilaritySearcherFactory(_similarity));

    /// <summary>Adds or replaces documents (by key) and records the journal position they bring the index to.</summary>
    public async Task UpsertAsync(IEnumerable<SearchDocument> documents, long? journalPosition, CancellationToken cancellationToken)
    {
        await _engine.WaitAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfFaulted();
            foreach (var document in documents)
            {
                _writer.UpdateDocument(new Term(Fields.Key, document.Key), ToLucene(document, Ready.Analyzers));
            }
            Commit(journalPosition);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            MarkFaulted(ex);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
        _refreshSignal.Release();
    }

    public async Task DeleteAsync(IEnumerable<string> keys, long? journalPosition, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfFaulted();
            foreach (var key in keys)
            {
                _writer.DeleteDocuments(new Term(Fields.Key, key));
            }
            Commit(journalPosition);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            MarkFaulted(ex);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
        _refreshSignal.Release();
    }

    /// <summary>
    /// Replaces the whole index with the given documents. Searches go on against the previous content until the
    /// new one is committed; writes wait for the rebuild, so none is lost or overtaken by older data.
    /// </summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, long journalPosition, CancellationToken cancellationToken)
    {
        await _engine.WaitAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        _rebuilding = true;
        var count = 0;
        // A faulted index (a full disk, its folder deleted) is rebuilt into a new writer while searches go on
        // against the old readers, whose files stay open; they are swapped once the new index is committed.
        SearcherManager? replaced = null;
        try
        {
            if (_fault is not null || StorageMissing())
            {
                replaced = ReplaceWriter();
            }
            _writer.DeleteAll();
            // One flush per thread at the end rather than one per 16 MB, and documents analysed on all cores: the
            // writer takes adds from several threads, each mostly into a segment of its own.
            _writer.Config.RAMBufferSizeMB = RebuildBufferMegabytes;
            // The rebuilt segments are written once as plain files instead of being copied into compound files.
            _writer.Config.UseCompoundFile = false;
            // A batch is added once the next document arrives, so the last one (1 to BatchSize documents) is known.
            var batch = new List<SearchDocument>(BatchSize);
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                if (batch.Count == BatchSize)
                {
                    AddAll(batch, 0, batch.Count, cancellationToken);
                    count += batch.Count;
                    batch.Clear();
                }
                batch.Add(document);
            }
            // The last few documents, one per thread, write the threads' segments as they are added.
            var tail = Math.Min(Environment.ProcessorCount, batch.Count);
            AddAll(batch, 0, batch.Count - tail, cancellationToken);
            FlushFromNextAdd(count + batch.Count - tail);
            AddAll(batch, batch.Count - tail, tail, cancellationToken);
            count += batch.Count;
            BeforeRebuildCommit?.Invoke();
            Commit(journalPosition);
            if (replaced is not null)
            {
                var old = _searchers;
                _searchers = NewSearchers(_writer);
                old.Dispose();
                replaced = null;
                LogHealed(_logger, _options.IndexPath);
            }
            _fault = null;
            NeedsRebuild = false;
        }
        catch (Exception ex)
        {
            if (IsStorageFailure(ex))
            {
                MarkFaulted(ex);
            }
            RollBackQuietly(_writer);
            if (replaced is null)
            {
                // The writer is rolled back already; only the searchers are left to close.
                _searchers.Dispose();
            }
            try
            {
                // The old readers (if the writer was replaced) keep serving searches; the next heal tries again.
                _writer = CreateWriter(OpenMode.CREATE_OR_APPEND);
                _searchers = replaced is null ? NewSearchers(_writer) : _searchers;
            }
            catch (Exception reopen) when (IsStorageFailure(reopen))
            {
                MarkFaulted(reopen);
            }
            throw;
        }
        finally
        {
            _writer.Config.MaxBufferedDocs = IndexWriterConfig.DEFAULT_MAX_BUFFERED_DOCS;
            _writer.Config.RAMBufferSizeMB = IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB;
            _writer.Config.UseCompoundFile = IndexWriterConfig.DEFAULT_USE_COMPOUND_FILE_SYSTEM;
            _rebuilding = false;
            _writeLock.Release();
        }
        _searchers.MaybeRefreshBlocking();
        return count;
    }

    /// <summary>The writer's live settings, which a rebuild changes for its duration (for tests).</summary>
    internal LiveIndexWriterConfig WriterSettings => _writer.Config;

    private const int BatchSize = 2048;
    private const double RebuildBufferMegabytes = 512;

    /// <summary>Runs when a rebuild has added everything, before its commit (for tests).</summary>
    internal Action? BeforeRebuildCommit { get; set; }

    /// <summary>
    /// Has the threads write their segments as they add the last few documents, one each, in parallel: left to
    /// the commit, the segments were written one after the other on one thread (a second per 100,000 documents,
    /// the other cores idle). The writer writes a segment once it holds as many documents as the limit, and half
    /// of a thread's share is below every segment's count (the writer does not keep each thread to a segment of
    /// its own, so the counts are near the shares, not equal). A last document that lands in a segment another
    /// thread has just written starts a new one of its own, which the commit writes; the few documents after an
    /// earlier limit made small segments, and every search visits each segment.
    /// </summary>
    private void FlushFromNextAdd(int added)
    {
        var limit = added / Environment.ProcessorCount / 2;
        if (limit > BatchSize)
        {
            _writer.Config.MaxBufferedDocs = limit;
        }
    }

    private void AddAll(List<SearchDocument> batch, int start, int length, CancellationToken cancellationToken)
    {
        var analyzers = Ready.Analyzers;
        Parallel.For(start, start + length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => _writer.AddDocument(ToLucene(batch[i], analyzers)));
    }

    private void Commit(long? journalPosition)
    {
        // The position moves only once the commit is on disk: a failed commit must not skip journal entries.
        var position = Math.Max(JournalPosition, journalPosition ?? 0);
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion,
            [JournalKey] = position.ToString(CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        _hasCommit = true;
        Interlocked.Exchange(ref _journalPosition, position);
    }

    /// <summary>Makes committed writes visible to searches; runs until stopped (a hosted service calls it).</summary>
    public async Task RunRefreshLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _refreshSignal.WaitAsync(TimeSpan.FromMilliseconds(_options.RefreshMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Drain signals that piled up: one refresh covers them all.
            while (_refreshSignal.CurrentCount > 0 && _refreshSignal.Wait(0, CancellationToken.None))
            {
            }
            // A faulted writer's state is unknown: searches stay on the last good readers until the rebuild.
            if (!_rebuilding && _fault is null)
            {
                try
                {
                    _searchers.MaybeRefresh();
                }
                catch (Exception ex) when (IsStorageFailure(ex))
                {
                    if (_disposed == 1)
                    {
                        return;
                    }
                    // Readers of a writer that failed: the rebuild brings new ones; until then searches use these.
                    MarkFaulted(ex);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Whatever else a refresh throws must not end the loop (and with it the host): the next one tries again.
                    LogRefreshFailed(_logger, ex);
                }
            }
        }
    }

    /// <summary>Refreshes now (for the CLI and tests that must see a write at once).</summary>
    public void RefreshNow()
    {
        if (!_rebuilding && _fault is null)
        {
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>The first query a search runs for the text, and its number of leaf clauses (for the benchmark).</summary>
    public (string Query, int Clauses) Explain(string text)
    {
        var queries = Ready.Queries;
        var searcher = _searchers.Acquire();
        try
        {
            var query = queries.Build(queries.Words(SearchQueryBuilder.Clean(text)), relaxed: false, fuzzy: false, spellings: new Spellings(searcher.IndexReader));
            return (query?.ToString() ?? "", query is null ? 0 : SearchQueryBuilder.Count(query));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public SearchResult Search(SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, 50);
        var page = Math.Max(1, request.Page);
        if ((long)page * pageSize > 1000)
        {
            return SearchResult.Empty;
        }
        var engine = Ready;
        var queries = engine.Queries;
        var words = queries.Words(SearchQueryBuilder.Clean(request.Query));
        var searcher = _searchers.Acquire();
        try
        {
            // Exact forms first (stems, compound parts, folding, synonyms); typo-tolerant alternatives only when
            // those find nothing, and any-word matching last. Fuzzy expansion is the costly part of a query.
            // The typo automata are built once per word for every query of this search ("did you mean" too).
            var automata = new FuzzyAutomata();
            var spellings = new Spellings(searcher.IndexReader);
            var core = queries.Build(words, relaxed: false, fuzzy: false, spellings: spellings);
            var result = Run(searcher, engine.Analyzers, core, request, page, pageSize, relaxed: false);
            if (result.Total == 0 && words.Count > 0)
            {
                core = queries.Build(words, relaxed: false, fuzzy: true, automata: automata, spellings: spellings);
                result = Run(searcher, engine.Analyzers, core, request, page, pageSize, relaxed: false);
            }
            if (result.Total == 0 && words.Count >= 2)
            {
                core = queries.Build(words, relaxed: true, fuzzy: true, automata: automata, spellings: spellings);
                result = Run(searcher, engine.Analyzers, core, request, page, pageSize, relaxed: true);
            }
            if (request.WithRelated && page == 1 && words.Count > 0 && !result.Relaxed && result.Total < pageSize)
            {
                result = result with { Related = Related(searcher, engine, words, request, result, pageSize) };
            }
            if (result.Total == 0 && words.Count > 0)
            {
                result = result with { DidYouMean = DidYouMean(searcher, words, automata) };
            }
            return result;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            // The readers lost their files: no results rather than an error page; the host rebuilds the index.
            MarkFaulted(ex);
            return SearchResult.Empty;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Fills a short first page with what matches some of the words or compound parts, after what matched as
    /// typed; nothing already shown (as a hit or a course under one) is repeated.
    /// </summary>
    private List<SearchHit> Related(IndexSearcher searcher, Engine engine, IReadOnlyList<string> words, SearchRequest request, SearchResult result, int pageSize)
    {
        var wider = engine.Queries.Build(words, relaxed: true, fuzzy: false, anyPart: true, spellings: new Spellings(searcher.IndexReader));
        if (wider is null)
        {
            return [];
        }
        var shown = result.SlugKeys().ToHashSet(StringComparer.Ordinal);
        var room = pageSize - result.Hits.Count;
        var more = Run(searcher, engine.Analyzers, wider, request with { FacetNames = [] }, 1, pageSize, relaxed: true);
        var related = new List<SearchHit>();
        foreach (var hit in more.Hits)
        {
            if (related.Count >= room)
            {
                break;
            }
            if (shown.Contains(hit.SlugKey))
            {
                continue;
            }
            related.Add(hit with { Courses = hit.Courses.Where(c => !shown.Contains(c.SlugKey)).ToList() });
        }
        return related;
    }

    /// <summary>The query a search ranks by: what was typed, and modules (what a buyer can order) first among equal matches.</summary>
    internal BooleanQuery Ranked(Query? core) => new()
    {
        { core ?? new MatchAllDocsQuery(), Occur.MUST },
        { new TermQuery(new Term(Fields.Type, ModuleType)) { Boost = _options.Ranking.Module }, Occur.SHOULD },
    };

    /// <summary>Runs <paramref name="use"/> on the current searcher with the query builder (for the tests of the evaluator).</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, SearchQueryBuilder, T> use)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return use(searcher, Ready.Queries);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchResult Run(IndexSearcher searcher, Analyzers analyzers, Query? core, SearchRequest request, int page, int pageSize, bool relaxed)
    {
        // Fuzzy words become their closest terms once, for the search and the highlights alike.
        core = core is null ? null : searcher.Rewrite(core);
        var ranked = Ranked(core);
        // Courses shown under their module leave the list, so the window reaches beyond the page.
        var window = Math.Min(1000, page * pageSize * 2 + 40);
        var facetNames = request.FacetNames.Distinct().ToList();
        // The facets without a filter of their own count over the search's own matches, all in one collector.
        var sameQuery = new FacetCollector(facetNames.Where(f => !HasFilter(request, f)));
        var top = ClauseAtATime.Search(searcher, ranked, Filter(request, except: null), window, facetNames.Count == 0 ? [] : [sameQuery]);

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var name in facetNames)
        {
            IReadOnlyDictionary<string, int> counts;
            if (!HasFilter(request, name))
            {
                counts = sameQuery.Counts(name);
            }
            else
            {
                // Drill sideways: a facet's counts ignore its own filter, so its other values stay choosable.
                var sideways = new FacetCollector([name]);
                ClauseAtATime.Search(searcher, core ?? new MatchAllDocsQuery(), Filter(request, except: name), 0, [sideways]);
                counts = sideways.Counts(name);
            }
            facets[name] = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new FacetCount(c.Key, c.Value)).ToList();
        }

        var scoreDocs = top.Top;
        var highlighters = new Highlighters(core, analyzers);
        var groups = Group(searcher, scoreDocs);
        var hits = new List<SearchHit>(pageSize);
        foreach (var (head, courses) in groups.Skip((page - 1) * pageSize).Take(pageSize))
        {
            hits.Add(ToHit(searcher, head, request, highlighters) with
            {
                Courses = courses.Select(c => ToHit(searcher, c, request, highlighters)).ToList(),
            });
        }
        var nested = groups.Sum(g => g.Courses.Count);
        return new SearchResult(top.Total - nested, hits, facets, null, relaxed);
    }

    /// <summary>
    /// A module and the matching courses it builds on become one result, at the place of its best-ranked member;
    /// a course that belongs to no matching module stays a result of its own. Equal scores are first put in the
    /// order of their keys, read here with the courses a module builds on.
    /// </summary>
    private static List<(ScoreDoc Head, List<ScoreDoc> Courses)> Group(IndexSearcher searcher, ScoreDoc[] ranked)
    {
        var keys = new Dictionary<string, ScoreDoc>(StringComparer.Ordinal);
        var keyOf = new Dictionary<int, string>();
        var parts = new Dictionary<int, string[]>();
        // From doc values rather than stored fields: a stored document is a block to decompress, for each of the
        // window's documents on every search.
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        foreach (var scoreDoc in ranked)
        {
            var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
            var doc = scoreDoc.Doc - leaf.DocBase;
            var reader = leaf.AtomicReader;
            reader.GetBinaryDocValues(Fields.Key)?.Get(doc, bytes);
            var key = bytes.Utf8ToString();
            keys[key] = scoreDoc;
            keyOf[scoreDoc.Doc] = key;
            if (reader.GetSortedSetDocValues(Fields.Parts) is { } values)
            {
                values.SetDocument(doc);
                var courseKeys = new List<string>();
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    values.LookupOrd(ord, bytes);
                    courseKeys.Add(bytes.Utf8ToString());
                }
                if (courseKeys.Count > 0)
                {
                    parts[scoreDoc.Doc] = [.. courseKeys];
                }
            }
        }
        // Equal scores in the order of their keys rather than of their documents: a rebuild adds documents on all
        // cores, so their order differs from one rebuild (and one node) to the next, and so would a page's hits.
        ranked = [.. ranked.OrderByDescending(d => d.Score).ThenBy(d => keyOf[d.Doc], StringComparer.Ordinal)];
        var owner = new Dictionary<int, int>();
        foreach (var scoreDoc in ranked)
        {
            if (!parts.TryGetValue(scoreDoc.Doc, out var courseKeys)) continue;
            foreach (var key in courseKeys)
            {
                if (keys.TryGetValue(key, out var course) && !owner.ContainsKey(course.Doc) && !parts.ContainsKey(course.Doc))
                {
                    owner[course.Doc] = scoreDoc.Doc;
                }
            }
        }
        var groups = new List<(ScoreDoc Head, List<ScoreDoc> Courses)>();
        var placed = new Dictionary<int, List<ScoreDoc>>();
        var byDoc = ranked.ToDictionary(d => d.Doc);
        foreach (var scoreDoc in ranked)
        {
            var head = owner.TryGetValue(scoreDoc.Doc, out var module) ? byDoc[module] : scoreDoc;
            if (!placed.TryGetValue(head.Doc, out var courses))
            {
                courses = [];
                placed[head.Doc] = courses;
                groups.Add((head, courses));
            }
            if (head.Doc != scoreDoc.Doc)
            {
                courses.Add(scoreDoc);
            }
        }
        return groups;
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, SearchRequest request, Highlighters highlighters)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var english = request.English && !string.IsNullOrEmpty(doc.Get(Fields.TitleEnStored));
        return new SearchHit(
            doc.Get(Fields.Type),
            doc.GetField(Fields.Id).GetInt32Value() ?? 0,
            doc.Get(Fields.Code),
            doc.Get(Fields.Slug),
            english ? doc.Get(Fields.TitleEnStored) : doc.Get(Fields.TitleStored),
            scoreDoc.Score,
            highlighters.Highlight(doc, english));
    }

    private static bool HasFilter(SearchRequest request, string facet) =>
        request.Filters.TryGetValue(facet, out var values) && values.Count > 0;

    /// <summary>What the request's facet filters allow (except one facet's own, for its counts), or null for everything.</summary>
    private static BooleanQuery? Filter(SearchRequest request, string? except)
    {
        var filter = new BooleanQuery();
        foreach (var (facet, values) in request.Filters)
        {
            if (facet == except || values.Count == 0)
            {
                continue;
            }
            var alternatives = new BooleanQuery();
            foreach (var value in values.Take(50))
            {
                alternatives.Add(new TermQuery(new Term(Fields.FacetPrefix + facet, value)), Occur.SHOULD);
            }
            filter.Add(alternatives, Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : filter;
    }

    /// <summary>The fields "did you mean" knows words from: the Swedish words as written, and the English ones.</summary>
    private static readonly string[] SpellingFields = [Fields.TextWords, Fields.Spell];

    /// <summary>For a search that found nothing: the closest known word for each unknown one, or null.</summary>
    private static string? DidYouMean(IndexSearcher searcher, List<string> words, FuzzyAutomata automata)
    {
        var reader = searcher.IndexReader;
        int Known(string word) => SpellingFields.Sum(f => reader.DocFreq(new Term(f, word)));
        var changed = false;
        var corrected = new List<string>(words.Count);
        var tried = 0;
        foreach (var word in words)
        {
            // Correcting is a fuzzy scan of the dictionary per word: a few words only, as for the query itself.
            if (word.Length < 3 || tried >= SearchQueryBuilder.MaxFuzzyWords || Known(word) > 0)
            {
                corrected.Add(word);
                continue;
            }
            tried++;
            // Each field's expansion is a BooleanQuery of its closest terms, or the single TermQuery when only one is close.
            var candidates = SpellingFields
                .SelectMany(field => searcher.Rewrite(automata.Query(new Term(field, word), 2, 0, SearchQueryBuilder.MaxFuzzyExpansions, transpositions: true)) switch
                {
                    BooleanQuery expansions => expansions.Clauses.Select(c => c.Query).OfType<TermQuery>().ToList(),
                    TermQuery single => [single],
                    _ => [],
                })
                .ToList();
            var best = candidates
                .OrderByDescending(t => t.Boost)
                .ThenByDescending(t => Known(t.Term.Text))
                .ThenBy(t => t.Term.Text, StringComparer.Ordinal)
                .Select(t => t.Term.Text)
                .FirstOrDefault();
            corrected.Add(best ?? word);
            changed |= best is not null;
        }
        return changed ? string.Join(' ', corrected) : null;
    }

    public IReadOnlyList<Suggestion> Suggest(string? text, bool english, int limit = 8)
    {
        var words = Analyzers.Tokens(Ready.Analyzers.SuggestQuery, Fields.Suggest, SearchQueryBuilder.Clean(text))
            .Take(6).Select(w => w.Length > 25 ? w[..25] : w).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        limit = Math.Clamp(limit, 1, 20);
        var key = string.Join(' ', words) + (english ? "|en|" : "|sv|") + limit.ToString(CultureInfo.InvariantCulture);
        var searcher = _searchers.Acquire();
        try
        {
            // Completions are remembered for the index state they were computed on (one searcher): the same
            // prefixes are typed over and over, and a short one ("för") matches a large part of the catalogue.
            // A refresh brings a new searcher and so a fresh table; the answers are those the query gives.
            var known = _completions.GetValue(searcher, _ => new ConcurrentDictionary<string, Suggestion[]>(StringComparer.Ordinal));
            if (_options.RememberCompletions && known.TryGetValue(key, out var remembered))
            {
                return remembered;
            }
            // Modules first (what a buyer can order), then courses; each field is searched alone, so a short prefix
            // that many modules share ("för") never visits the courses, and no clause is scored only to rank types.
            var docs = PrefixCompletions.Top(searcher, Fields.SuggestModule, words, limit);
            if (docs.Length < limit)
            {
                docs = [.. docs, .. PrefixCompletions.Top(searcher, Fields.Suggest, words, limit - docs.Length)];
            }
            Suggestion[] suggestions = [.. docs.Select(d =>
            {
                var doc = searcher.Doc(d.Doc, SuggestionFields);
                var title = english && doc.Get(Fields.TitleEnStored) is { Length: > 0 } en ? en : doc.Get(Fields.TitleStored);
                return new Suggestion(doc.Get(Fields.Type), doc.Get(Fields.Slug), doc.Get(Fields.Code), title);
            })];
            if (_options.RememberCompletions && known.Count < MaxRememberedCompletions)
            {
                known.TryAdd(key, suggestions);
            }
            return suggestions;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            MarkFaulted(ex);
            return [];
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private const int MaxRememberedCompletions = 20_000;

    private static readonly HashSet<string> SuggestionFields = [Fields.Type, Fields.Slug, Fields.Code, Fields.TitleStored, Fields.TitleEnStored];

    private readonly ConditionalWeakTable<IndexSearcher, ConcurrentDictionary<string, Suggestion[]>> _completions = new();

    /// <summary>Fields only matched term by term (no phrases): frequencies without positions are cheaper to write.</summary>
    private static readonly FieldType Expanded = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    /// <summary>Only whether a word occurs ("did you mean").</summary>
    private static readonly FieldType Presence = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static LuceneDocument ToLucene(SearchDocument d, Analyzers analyzers)
    {
        var keywords = KeywordFields.ForThisThread();
        // The text fields' tokens: the words of the title, code, summaries and bodies broken once for all of them.
        var streams = analyzers.StreamsFor(d);
        var suggest = d.Type == ModuleType ? Fields.SuggestModule : Fields.Suggest;
        var doc = new LuceneDocument
        {
            keywords.Stored(Fields.Key, d.Key),
            new BinaryDocValuesField(Fields.Key, new BytesRef(d.Key)),
            keywords.Stored(Fields.Type, d.Type),
            new StoredField(Fields.Id, d.Id),
            new StoredField(Fields.Slug, d.Slug),
            new StoredField(Fields.TitleStored, d.Title),
            new Field(Fields.Title, streams.Title, Expanded),
            new Field(Fields.Text, streams.Text, Expanded),
            new TextField(Fields.TitleWords, streams.TitleWords),
            new TextField(Fields.TextWords, streams.TextWords),
            new Field(Fields.TitleEn, streams.TitleEn, Expanded),
            new Field(Fields.TextEn, streams.TextEn, Expanded),
            new Field(suggest, streams.Suggest, Expanded),
            // The Swedish words as written are in text_w already: "did you mean" reads both.
            new Field(Fields.Spell, streams.Spell, Presence),
        };
        if (d.Code is not null)
        {
            doc.Add(keywords.Indexed(Fields.CodeKey, Analyzers.Fold(d.Code.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant())));
        }
        foreach (var part in d.Parts)
        {
            doc.Add(new StoredField(Fields.Parts, part));
            doc.Add(new SortedSetDocValuesField(Fields.Parts, new BytesRef(part)));
        }
        doc.Add(keywords.Indexed(Fields.FacetPrefix + "type", d.Type));
        doc.Add(new SortedSetDocValuesField(Fields.FacetPrefix + "type", new BytesRef(d.Type)));
        if (d.Code is not null) doc.Add(new StoredField(Fields.Code, d.Code));
        if (d.TitleEn is not null) doc.Add(new StoredField(Fields.TitleEnStored, d.TitleEn));
        if (d.Summary is not null) doc.Add(new StoredField(Fields.Summary, d.Summary));
        if (d.SummaryEn is not null) doc.Add(new StoredField(Fields.SummaryEn, d.SummaryEn));
        foreach (var (name, values) in d.Facets)
        {
            if (name == "type")
            {
                continue;
            }
            foreach (var value in values.Distinct())
            {
                doc.Add(keywords.Indexed(Fields.FacetPrefix + name, value));
                doc.Add(new SortedSetDocValuesField(Fields.FacetPrefix + name, new BytesRef(value)));
            }
        }
        return doc;
    }

    /// <summary>
    /// A thread's keyword fields (key, type, code, facet values), reused from one document to the next as Lucene
    /// allows once a document is added: each such field makes its own token stream, and a new stream costs two
    /// attribute look-ups under a lock that the rebuild's threads contend for.
    /// </summary>
    private sealed class KeywordFields
    {
        [ThreadStatic]
        private static KeywordFields? _current;

        private readonly Dictionary<(string Name, bool Stored), Slot> _slots = [];

        /// <summary>This thread's fields, all free again: the previous document built on this thread is added.</summary>
        public static KeywordFields ForThisThread()
        {
            var fields = _current ??= new KeywordFields();
            foreach (var slot in fields._slots.Values)
            {
                slot.Taken = 0;
            }
            return fields;
        }

        public Field Stored(string name, string value) => Take(name, value, stored: true);

        public Field Indexed(string name, string value) => Take(name, value, stored: false);

        private Field Take(string name, string value, bool stored)
        {
            if (!_slots.TryGetValue((name, stored), out var slot))
            {
                slot = new Slot();
                _slots[(name, stored)] = slot;
            }
            if (slot.Taken == slot.Fields.Count)
            {
                slot.Fields.Add(new StringField(name, value, stored ? Field.Store.YES : Field.Store.NO));
            }
            else
            {
                slot.Fields[slot.Taken].SetStringValue(value);
            }
            return slot.Fields[slot.Taken++];
        }

        /// <summary>The fields of one name (a facet may have several values) and how many the document has taken.</summary>
        private sealed class Slot
        {
            public List<Field> Fields { get; } = [];

            public int Taken { get; set; }
        }
    }

    /// <summary>
    /// Marks the matching words in summaries; HTML-encoded, so it is safe to render as markup. Built once per
    /// search from the rewritten query (fuzzy terms already expanded), so each hit costs only its own text.
    /// </summary>
    private sealed class Highlighters(Query? rewritten, Analyzers analyzers)
    {
        private Highlighter? _swedish;
        private Highlighter? _english;

        public string Highlight(LuceneDocument doc, bool english)
        {
            var summary = (english ? doc.Get(Fields.SummaryEn) : null) ?? doc.Get(Fields.Summary) ?? "";
            if (summary.Length == 0)
            {
                return "";
            }
            if (rewritten is not null)
            {
                var field = english ? Fields.TextEn : Fields.Text;
                var highlighter = english
                    ? _english ??= Create(rewritten, Fields.TextEn)
                    : _swedish ??= Create(rewritten, Fields.Text);
                using var tokens = (english ? analyzers.English : analyzers.SwedishIndex).GetTokenStream(field, summary);
                var fragment = highlighter.GetBestFragments(tokens, summary, 2, " … ");
                if (!string.IsNullOrEmpty(fragment))
                {
                    return fragment;
                }
            }
            var plain = summary.Length > 220 ? summary[..220] + "…" : summary;
            return System.Net.WebUtility.HtmlEncode(plain);
        }

        private static Highlighter Create(Query query, string field) =>
            new(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryTermScorer(query, field))
            {
                TextFragmenter = new SimpleFragmenter(220),
            };
    }

    private void DisposeWriter()
    {
        _searchers?.Dispose();
        if (_writer is null)
        {
            return;
        }
        // A faulted writer's state is unknown, and committing it at shutdown can fail again: the next start
        // rebuilds or catches up from the journal, whose position moved only with the last good commit.
        if (_fault is not null)
        {
            RollBackQuietly(_writer);
            return;
        }
        try
        {
            _writer.Dispose();
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            RollBackQuietly(_writer);
        }
    }

    public void Dispose()
    {
        // Tests and hosts may dispose twice (a test that reopens the index, then its fixture).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        DisposeWriter();
        _directory.Dispose();
        _stopping.Cancel();
        if (_engine.IsCompletedSuccessfully)
        {
            _engine.Result.Analyzers.Dispose();
        }
        _stopping.Dispose();
        _writeLock.Dispose();
        _refreshSignal.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index at {Path} could not be opened; it is recreated empty and will be rebuilt")]
    private static partial void LogHealing(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the search index's readers failed; the next refresh tries again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The search index needs a rebuild: {Reason}")]
    private static partial void LogNeedsRebuild(ILogger logger, string reason);
}
