using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace UU.Search.Querying;

/// <summary>
/// Runs a query the way Lucene scores it, but one clause at a time instead of one document at a time.
/// </summary>
/// <remarks>
/// <para>
/// A query of <see cref="SearchQueryBuilder"/> is a disjunction of dozens of terms per word (stems, folded and
/// English forms, synonyms) whose postings overlap. Lucene.Net 4.8 scores it document at a time: for every
/// document it moves each matching term's scorer through a heap, at some 50 ns a posting here. This evaluator
/// reads each term's postings in one go and adds its scores into per-document arrays of the clause above it
/// (the sum and the best score, and how many required and optional clauses matched), then hands the documents
/// that clause matches, in order, to its own parent. The scores are Lucene's: each term is scored by its own
/// <see cref="Weight"/>, normalised with the boosts above it as Lucene's boolean and disjunction weights would,
/// and combined as <see cref="BooleanQuery"/> (a sum: coord and query norm are 1 under bm25) and
/// <see cref="DisjunctionMaxQuery"/> (the best plus the tie-breaker share of the others) combine them.
/// </para>
/// <para>
/// A required clause only reads on for documents that matched the required clauses before it, and an optional
/// one only scores documents its required siblings matched: a posting outside them costs a look-up, not a score.
/// Anything else (phrases, fuzzy expansions rewritten, match-all) is scored by Lucene's own scorer as one clause.
/// </para>
/// </remarks>
internal static class ClauseAtATime
{
    /// <summary>The best <paramref name="window"/> documents (by score, then by document), and how many matched.</summary>
    public sealed record Result(ScoreDoc[] Top, int Total);

    /// <param name="filter">Documents must match it too; it does not score.</param>
    /// <param name="matches">Collectors that see every matching document (facet counts), segment by segment.</param>
    public static Result Search(IndexSearcher searcher, Query query, Query? filter, int window, IReadOnlyList<ICollector> matches)
    {
        var reading = new PerSearch(searcher);
        if (Compile(searcher, reading, searcher.Rewrite(query), 1f) is not { } root)
        {
            return new Result([], 0);
        }
        var filterWeight = filter is null ? null : searcher.CreateNormalizedWeight(filter);
        var top = new TopDocuments(window);
        ICollector[] collectors = [.. matches];
        var total = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var segment = new Segment(leaf, leaf.AtomicReader.LiveDocs, reading);
            var all = Accumulator.Rent(maxDoc);
            try
            {
                if (filterWeight is not null && !all.Restrict(filterWeight.GetScorer(leaf, segment.LiveDocs)))
                {
                    continue;
                }
                foreach (var collector in collectors)
                {
                    collector.SetNextReader(leaf);
                }
                all.Start(parent: null, required: 0);
                Evaluate(root, segment, all, Kind.Must);
                total += all.DrainTop(must: 1, collectors, top, leaf.DocBase);
            }
            finally
            {
                Accumulator.Return(all);
            }
        }
        return new Result(top.Sorted(), total);
    }

    private enum Kind : byte
    {
        Must,
        Should,
        Disjunct,
    }

    private sealed record Segment(AtomicReaderContext Context, Lucene.Net.Util.IBits? LiveDocs, PerSearch Reading);

    /// <summary>
    /// What one search reads once and its terms share. The term dictionaries and postings readers per segment and
    /// field: a fresh enumerator per term allocated several kilobytes per term and segment (the dictionary's
    /// frames, the postings' blocks), and one search reads its terms one after the other. And each field's bm25
    /// length factors.
    /// </summary>
    private sealed class PerSearch(IndexSearcher searcher)
    {
        private readonly Dictionary<(int Leaf, string Field), (TermsEnum? Terms, DocsEnum? Docs)> _open = [];
        private readonly Dictionary<string, Bm25.Field?> _bm25 = new(StringComparer.Ordinal);

        /// <summary>The field's bm25, or null when it is scored by another similarity (then by Lucene's weight).</summary>
        public Bm25.Field? Bm25Of(string field)
        {
            if (!_bm25.TryGetValue(field, out var scoring))
            {
                scoring = Bm25.Field.For(searcher, field);
                _bm25[field] = scoring;
            }
            return scoring;
        }

        /// <summary>The segment's dictionary of the field positioned on the term, or null when the segment lacks it.</summary>
        public TermsEnum? Seek(AtomicReaderContext leaf, Term term)
        {
            var terms = Terms(leaf, term.Field);
            return terms is not null && terms.SeekExact(term.Bytes) ? terms : null;
        }

        public DocsEnum? Postings(AtomicReaderContext leaf, Term term, TermState state, Lucene.Net.Util.IBits? liveDocs)
        {
            if (Terms(leaf, term.Field) is not { } terms)
            {
                return null;
            }
            terms.SeekExact(term.Bytes, state);
            var key = (leaf.Ord, term.Field);
            var docs = terms.Docs(liveDocs, _open[key].Docs, DocsFlags.FREQS);
            _open[key] = (terms, docs);
            return docs;
        }

        private TermsEnum? Terms(AtomicReaderContext leaf, string field)
        {
            var key = (leaf.Ord, field);
            if (!_open.TryGetValue(key, out var open))
            {
                open = (leaf.AtomicReader.GetTerms(field)?.GetEnumerator(), null);
                _open[key] = open;
            }
            return open.Terms;
        }
    }

    /// <summary>A clause of the query; <see cref="Cost"/> estimates the postings it visits (the index's document frequencies).</summary>
    private abstract class Node
    {
        public abstract long Cost { get; }
    }

    /// <summary>A term of a bm25 field: its postings read directly, scored by <see cref="Bm25"/> (Lucene's formula, the norms in an array).</summary>
    private sealed class TermLeaf(Term term, TermContext states, Bm25 bm25) : Node
    {
        public override long Cost => states.DocFreq;

        public void Evaluate(Segment segment, Accumulator into, Kind kind)
        {
            var context = segment.Context;
            if (states.Get(context.Ord) is { } state && segment.Reading.Postings(context, term, state, segment.LiveDocs) is { } docs)
            {
                Read(new TermPostings(docs, bm25.In(context.AtomicReader, term.Field)), into, kind);
            }
        }
    }

    /// <summary>What <see cref="Read{T}"/> reads: a term's postings with its bm25, or a Lucene scorer.</summary>
    private interface IPostings
    {
        long Cost { get; }

        int NextDoc();

        int Advance(int target);

        float Score(int doc);
    }

    private readonly struct TermPostings(DocsEnum docs, Bm25.Scorer scorer) : IPostings
    {
        public long Cost => docs.GetCost();

        public int NextDoc() => docs.NextDoc();

        public int Advance(int target) => docs.Advance(target);

        public float Score(int doc) => scorer.Score(doc, docs.Freq);
    }

    private readonly struct ScorerPostings(Scorer scorer) : IPostings
    {
        public long Cost => scorer.GetCost();

        public int NextDoc() => scorer.NextDoc();

        public int Advance(int target) => scorer.Advance(target);

        public float Score(int doc) => scorer.GetScore();
    }

    /// <summary>Adds the postings' scores for the documents the clauses above can still use.</summary>
    private static void Read<T>(T postings, Accumulator into, Kind kind) where T : struct, IPostings
    {
        var gate = into.Candidates();
        if (gate is not null && (long)gate.CandidateCount * LeapFactor < postings.Cost)
        {
            // Few documents can still use these postings: jump to each of them (the skip lists) rather than
            // read every posting.
            var doc = gate.NextCandidate(0);
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var found = postings.Advance(doc);
                if (found == DocIdSetIterator.NO_MORE_DOCS)
                {
                    return;
                }
                if (into.Wants(found))
                {
                    into.Add(kind, found, postings.Score(found));
                }
                doc = gate.NextCandidate(found + 1);
            }
            return;
        }
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            if (into.Wants(doc))
            {
                into.Add(kind, doc, postings.Score(doc));
            }
        }
    }

    /// <summary>A term is read by jumping to the candidates when they are this many times fewer than its postings.</summary>
    private const int LeapFactor = 4;

    /// <summary>Scored by Lucene: a phrase, or anything this evaluator does not take apart.</summary>
    private sealed class Leaf(Weight weight, long cost) : Node
    {
        public Weight Weight { get; } = weight;

        public override long Cost => cost;
    }

    private sealed class All(Node[] must, Node[] should, int minimumShould) : Node
    {
        /// <summary>The cheapest first: the others are then read only where it matched.</summary>
        public Node[] Must { get; } = [.. must.OrderBy(n => n.Cost)];
        public Node[] Should { get; } = should;
        public int MinimumShould { get; } = minimumShould;

        public override long Cost => Must.Length > 0 ? Must[0].Cost : Should.Sum(n => n.Cost);
    }

    private sealed class Best(Node[] disjuncts, float tieBreaker) : Node
    {
        public Node[] Disjuncts { get; } = disjuncts;
        public float TieBreaker { get; } = tieBreaker;

        public override long Cost => Disjuncts.Sum(n => n.Cost);
    }

    /// <summary>The largest number of clauses one boolean query may have here: the counts per document are bytes.</summary>
    private const int MaxChildren = byte.MaxValue;

    /// <summary>
    /// The query as nodes, each leaf with its normalised weight: <paramref name="boost"/> is the product of the
    /// boosts above, as <c>Weight.Normalize(norm, topLevelBoost)</c> hands it down in Lucene. Null when nothing
    /// can match (a term no document has, where it is required).
    /// </summary>
    private static Node? Compile(IndexSearcher searcher, PerSearch reading, Query query, float boost)
    {
        switch (query)
        {
            case BooleanQuery boolean when boolean.Clauses.Count is > 0 and <= MaxChildren && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT):
            {
                var inner = boost * boolean.Boost;
                var must = new List<Node>();
                foreach (var clause in boolean.Clauses.Where(c => c.Occur == Occur.MUST))
                {
                    if (Compile(searcher, reading, clause.Query, inner) is not { } node)
                    {
                        return null;
                    }
                    must.Add(node);
                }
                var should = boolean.Clauses.Where(c => c.Occur == Occur.SHOULD).Select(c => Compile(searcher, reading, c.Query, inner)).OfType<Node>().ToList();
                var minimum = boolean.MinimumNumberShouldMatch;
                if (minimum > should.Count || (must.Count == 0 && should.Count == 0))
                {
                    return null;
                }
                // Every optional clause needed ("lärare historia": both words) is a conjunction: the later words are
                // then only read where the earlier ones matched. The sum is the same.
                return must.Count == 0 && minimum == should.Count && minimum > 0
                    ? new All([.. should], [], 0)
                    : new All([.. must], [.. should], minimum);
            }
            case DisjunctionMaxQuery max when max.Disjuncts.Count is > 0 and <= MaxChildren:
            {
                var inner = boost * max.Boost;
                var disjuncts = max.Disjuncts.Select(d => Compile(searcher, reading, d, inner)).OfType<Node>().ToArray();
                return disjuncts.Length == 0 ? null : new Best(disjuncts, max.TieBreakerMultiplier);
            }
            // A term of a field scored by another similarity than bm25 goes to Lucene's own weight (default).
            case TermQuery term when reading.Bm25Of(term.Term.Field) is { } bm25:
            {
                // As TermQuery's weight: the term's statistics over the whole index, its own boost and those above.
                var states = new TermContext(searcher.TopReaderContext);
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    if (reading.Seek(leaf, term.Term) is { } found)
                    {
                        states.Register(found.GetTermState(), leaf.Ord, found.DocFreq, found.TotalTermFreq);
                    }
                }
                if (states.DocFreq == 0)
                {
                    return null;
                }
                return new TermLeaf(term.Term, states, bm25.Term(searcher.TermStatistics(term.Term, states), term.Boost, boost));
            }
            default:
            {
                var weight = query.CreateWeight(searcher);
                weight.GetValueForNormalization();
                // The query norm is 1 under bm25 (and under Lucene's Similarity base, which the per-field wrapper keeps).
                weight.Normalize(1f, boost);
                return new Leaf(weight, searcher.IndexReader.MaxDoc);
            }
        }
    }

    /// <summary>Adds what <paramref name="node"/> matches in the segment, with its scores, to <paramref name="into"/>.</summary>
    private static void Evaluate(Node node, Segment segment, Accumulator into, Kind kind)
    {
        switch (node)
        {
            case TermLeaf term:
                term.Evaluate(segment, into, kind);
                return;
            case Leaf leaf:
                if (leaf.Weight.GetScorer(segment.Context, segment.LiveDocs) is { } scorer)
                {
                    Read(new ScorerPostings(scorer), into, kind);
                }
                return;
            case All all:
            {
                var own = Accumulator.Rent(segment.Context.AtomicReader.MaxDoc);
                try
                {
                    for (var i = 0; i < all.Must.Length; i++)
                    {
                        // Each required clause reads on only for the documents all the ones before it matched.
                        own.Start(into, required: i);
                        Evaluate(all.Must[i], segment, own, Kind.Must);
                        if (own.Added == 0)
                        {
                            return;
                        }
                        own.KeepOnly(i + 1);
                    }
                    // Optional clauses only add to what the required ones matched (when there are any).
                    own.Start(into, required: all.Must.Length);
                    foreach (var should in all.Should)
                    {
                        Evaluate(should, segment, own, Kind.Should);
                    }
                    var must = all.Must.Length;
                    var minimum = must == 0 ? Math.Max(1, all.MinimumShould) : all.MinimumShould;
                    own.DrainBoolean(must, minimum, into, kind);
                }
                finally
                {
                    Accumulator.Return(own);
                }
                return;
            }
            case Best best:
            {
                var own = Accumulator.Rent(segment.Context.AtomicReader.MaxDoc);
                try
                {
                    own.Start(into, required: 0);
                    foreach (var disjunct in best.Disjuncts)
                    {
                        Evaluate(disjunct, segment, own, Kind.Disjunct);
                    }
                    own.DrainBest(best.TieBreaker, into, kind);
                }
                finally
                {
                    Accumulator.Return(own);
                }
                return;
            }
        }
    }

    /// <summary>
    /// One clause's scores per document of a segment: which documents were touched (a bit each), the sum and the
    /// best of their scores, and how many required and optional children matched. Everything is zero between
    /// uses: draining a document clears its entries, so a reuse costs nothing per document it did not touch.
    /// </summary>
    private sealed class Accumulator
    {
        private static readonly ConcurrentBag<Accumulator> Pool = [];

        private long[] _touched = [];
        // The words of _touched that may have bits set: scans and clearing stay within them.
        private int _low = int.MaxValue;
        private int _high = -1;
        private float[] _sum = [];
        private float[] _best = [];
        private byte[] _must = [];
        private byte[] _should = [];
        private int _maxDoc;
        private Accumulator? _parent;
        private int _required;
        private Lucene.Net.Util.FixedBitSet? _allowed;

        /// <summary>How many postings were added since the last <see cref="Start"/>.</summary>
        public int Added { get; private set; }

        /// <summary>How many documents matched every required clause so far (after <see cref="KeepOnly"/>).</summary>
        public int CandidateCount { get; private set; }

        /// <summary>
        /// The nearest clause, this one or above, that only takes documents its earlier required clauses matched
        /// (its touched documents are then exactly those), or null when every document may still count.
        /// </summary>
        public Accumulator? Candidates()
        {
            for (var a = this; a is not null; a = a._parent)
            {
                if (a._required > 0)
                {
                    return a;
                }
            }
            return null;
        }

        /// <summary>The first candidate at or after <paramref name="from"/>, or NO_MORE_DOCS.</summary>
        public int NextCandidate(int from)
        {
            if (from >= _maxDoc)
            {
                return DocIdSetIterator.NO_MORE_DOCS;
            }
            var w = from >> 6;
            if (w > _high)
            {
                return DocIdSetIterator.NO_MORE_DOCS;
            }
            var word = w < _low ? _touched[w = _low] : _touched[w] & (-1L << from);
            while (word == 0)
            {
                if (++w > _high)
                {
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                word = _touched[w];
            }
            return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
        }

        /// <summary>Drops the documents that did not match all <paramref name="must"/> required clauses so far.</summary>
        public void KeepOnly(int must)
        {
            if (must > 1 && Added == CandidateCount)
            {
                return;
            }
            if (must == 1)
            {
                // Every document the first required clause touched matched it.
                CandidateCount = Added;
                return;
            }
            var count = 0;
            for (var w = _low; w <= _high; w++)
            {
                var word = _touched[w];
                for (var rest = word; rest != 0; rest &= rest - 1)
                {
                    var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(rest);
                    if (_must[doc] == must)
                    {
                        count++;
                    }
                    else
                    {
                        Reset(doc);
                        word &= ~(1L << doc);
                    }
                }
                _touched[w] = word;
            }
            CandidateCount = count;
        }

        public static Accumulator Rent(int maxDoc)
        {
            var accumulator = Pool.TryTake(out var pooled) ? pooled : new Accumulator();
            accumulator.Size(maxDoc);
            return accumulator;
        }

        public static void Return(Accumulator accumulator)
        {
            accumulator.Clear();
            accumulator._parent = null;
            accumulator._allowed = null;
            accumulator._required = 0;
            accumulator.CandidateCount = 0;
            Pool.Add(accumulator);
        }

        private void Size(int maxDoc)
        {
            _maxDoc = maxDoc;
            if (_sum.Length >= maxDoc)
            {
                return;
            }
            _touched = new long[(maxDoc + 63) >> 6];
            _sum = new float[maxDoc];
            _best = new float[maxDoc];
            _must = new byte[maxDoc];
            _should = new byte[maxDoc];
        }

        /// <summary>Only the filter's documents can match; false when it has none in this segment.</summary>
        public bool Restrict(Scorer? filter)
        {
            if (filter is null)
            {
                return false;
            }
            _allowed = new Lucene.Net.Util.FixedBitSet(_maxDoc);
            for (var doc = filter.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = filter.NextDoc())
            {
                _allowed.Set(doc);
            }
            return true;
        }

        /// <param name="parent">The clause this one's documents go to: a document it cannot use is not scored.</param>
        /// <param name="required">A document must have matched this many required children already (0: any).</param>
        public void Start(Accumulator? parent, int required)
        {
            _parent = parent;
            _required = required;
            Added = 0;
        }

        /// <summary>Whether a score for the document could still count, here and in every clause above.</summary>
        public bool Wants(int doc)
        {
            for (var a = this; a is not null; a = a._parent)
            {
                if ((a._required > 0 && a._must[doc] != a._required) || (a._allowed is not null && !a._allowed.Get(doc)))
                {
                    return false;
                }
            }
            return true;
        }

        public void Add(Kind kind, int doc, float score)
        {
            var index = doc >> 6;
            if (index < _low)
            {
                _low = index;
            }
            if (index > _high)
            {
                _high = index;
            }
            ref var word = ref _touched[index];
            var bit = 1L << doc;
            var first = (word & bit) == 0;
            word |= bit;
            Added++;
            switch (kind)
            {
                case Kind.Must:
                    _must[doc]++;
                    _sum[doc] += score;
                    break;
                case Kind.Should:
                    _should[doc]++;
                    _sum[doc] += score;
                    break;
                default:
                    _sum[doc] += score;
                    if (first || score > _best[doc])
                    {
                        _best[doc] = score;
                    }
                    break;
            }
        }

        /// <summary>Hands on the documents with all <paramref name="must"/> required and <paramref name="minimum"/> optional children, with their sums.</summary>
        public void DrainBoolean(int must, int minimum, Accumulator into, Kind kind)
        {
            var visitor = new Required(must, minimum, into, kind);
            Drain(ref visitor);
        }

        /// <summary>Hands on every touched document with the best score plus the tie-breaker's share of the rest.</summary>
        public void DrainBest(float tieBreaker, Accumulator into, Kind kind)
        {
            var visitor = new BestOf(tieBreaker, into, kind);
            Drain(ref visitor);
        }

        /// <summary>Counts and collects the documents that matched <paramref name="must"/> required clauses, in document order.</summary>
        public int DrainTop(int must, ICollector[] collectors, TopDocuments top, int docBase)
        {
            var visitor = new Top(must, collectors, top, docBase);
            Drain(ref visitor);
            return visitor.Count;
        }

        private void Clear()
        {
            var nothing = default(Nothing);
            Drain(ref nothing);
        }

        /// <summary>What a drain does with each touched document (a struct, so that the loop is compiled for each).</summary>
        private interface IVisitor
        {
            void Visit(Accumulator from, int doc);
        }

        /// <summary>Visits the touched documents in order and leaves every entry zero.</summary>
        private void Drain<T>(ref T visitor) where T : struct, IVisitor
        {
            for (var w = _low; w <= _high; w++)
            {
                for (var word = _touched[w]; word != 0; word &= word - 1)
                {
                    var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    visitor.Visit(this, doc);
                    Reset(doc);
                }
                _touched[w] = 0;
            }
            _low = int.MaxValue;
            _high = -1;
        }

        private void Reset(int doc)
        {
            _sum[doc] = 0;
            _best[doc] = 0;
            _must[doc] = 0;
            _should[doc] = 0;
        }

        private readonly struct Required(int must, int minimum, Accumulator into, Kind kind) : IVisitor
        {
            public void Visit(Accumulator from, int doc)
            {
                if (from._must[doc] == must && from._should[doc] >= minimum)
                {
                    into.Add(kind, doc, from._sum[doc]);
                }
            }
        }

        private readonly struct BestOf(float tieBreaker, Accumulator into, Kind kind) : IVisitor
        {
            public void Visit(Accumulator from, int doc) =>
                into.Add(kind, doc, from._best[doc] + (from._sum[doc] - from._best[doc]) * tieBreaker);
        }

        private struct Top(int must, ICollector[] collectors, TopDocuments top, int docBase) : IVisitor
        {
            public int Count { get; private set; }

            public void Visit(Accumulator from, int doc)
            {
                if (from._must[doc] != must)
                {
                    return;
                }
                Count++;
                for (var c = 0; c < collectors.Length; c++)
                {
                    collectors[c].Collect(doc);
                }
                top.Offer(docBase + doc, from._sum[doc]);
            }
        }

        private readonly struct Nothing : IVisitor
        {
            public void Visit(Accumulator from, int doc)
            {
            }
        }
    }

    /// <summary>The best documents by score, the lower document first among equals (as Lucene's collector keeps them).</summary>
    private sealed class TopDocuments(int size)
    {
        private readonly PriorityQueue<ScoreDoc, (float Score, int NegatedDoc)> _heap = new();

        public void Offer(int doc, float score)
        {
            if (size == 0)
            {
                return;
            }
            if (_heap.Count < size)
            {
                _heap.Enqueue(new ScoreDoc(doc, score), (score, -doc));
                return;
            }
            // Documents come in increasing order, so an equal score never displaces the one kept.
            _heap.TryPeek(out _, out var worst);
            if (score > worst.Score)
            {
                _heap.DequeueEnqueue(new ScoreDoc(doc, score), (score, -doc));
            }
        }

        public ScoreDoc[] Sorted()
        {
            var docs = new ScoreDoc[_heap.Count];
            for (var i = docs.Length - 1; i >= 0; i--)
            {
                docs[i] = _heap.Dequeue();
            }
            return docs;
        }
    }
}
