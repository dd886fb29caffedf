using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using UU.Search.Analysis;

namespace UU.Search.Querying;

/// <summary>
/// The best documents whose completion field has a word starting with every typed prefix, scored as Lucene scored
/// the conjunction of the prefixes' leading-gram terms when the field held all grams up to 25 letters (bm25, the
/// cheaper clauses' scores added first, equal scores in document order). The field holds the grams of two and
/// three letters and the words (<see cref="LeadingGramFilter"/>): such a short prefix is its gram's postings; a
/// longer one is the postings of the words that start with it, and a one-letter one those of its two-letter grams
/// and of itself as a word, their frequencies added per document, which is what its gram's postings held. The
/// field's average length counts the grams left out (<see cref="GramsLeftOut"/>).
/// </summary>
internal static class PrefixCompletions
{
    public static ScoreDoc[] Top(IndexSearcher searcher, string field, IReadOnlyList<string> prefixes, int limit)
    {
        var leaves = searcher.IndexReader.Leaves;
        var matches = new Matches?[leaves.Count, prefixes.Count];
        try
        {
            var docFreq = new long[prefixes.Count];
            var leftOut = 0L;
            for (var l = 0; l < leaves.Count; l++)
            {
                var reader = leaves[l].AtomicReader;
                leftOut += GramsLeftOut.Of(reader, field);
                if (reader.GetTerms(field) is not { } terms)
                {
                    continue;
                }
                var termsEnum = terms.GetEnumerator();
                for (var p = 0; p < prefixes.Count; p++)
                {
                    matches[l, p] = Matches.Find(termsEnum, prefixes[p], reader.MaxDoc);
                    docFreq[p] += matches[l, p]!.Count;
                }
            }
            if (docFreq.Any(f => f == 0) || Bm25.Field.For(searcher, field, leftOut) is not { } bm25)
            {
                return [];
            }
            var scoring = prefixes.Select((p, i) => bm25.Term(new TermStatistics(new BytesRef(p), docFreq[i], -1), 1f, 1f)).ToArray();
            var best = new Best(limit);
            var order = new int[prefixes.Count];
            var scorers = new Bm25.Scorer[prefixes.Count];
            var cursors = new Cursor[prefixes.Count];
            for (var l = 0; l < leaves.Count; l++)
            {
                var reader = leaves[l].AtomicReader;
                if (Enumerable.Range(0, prefixes.Count).Any(p => matches[l, p] is not { Count: > 0 }))
                {
                    continue; // a prefix no word of this segment starts with: nothing here has them all
                }
                // As Lucene's conjunction: the clauses by their cost (postings in the segment), ties in query order,
                // led by the cheapest, the scores added in that order.
                for (var p = 0; p < order.Length; p++)
                {
                    order[p] = p;
                }
                Array.Sort(order, (a, b) => matches[l, a]!.Count != matches[l, b]!.Count ? matches[l, a]!.Count.CompareTo(matches[l, b]!.Count) : a.CompareTo(b));
                var live = reader.LiveDocs;
                for (var p = 0; p < order.Length; p++)
                {
                    scorers[p] = scoring[order[p]].In(reader, field);
                    cursors[p] = matches[l, order[p]]!.Open(live);
                }
                var docBase = leaves[l].DocBase;
                if (cursors.Length == 1 && cursors[0].Postings is { } only)
                {
                    // One prefix with a term of its own: its postings straight, as Lucene's term scorer reads them.
                    var scorer = scorers[0];
                    for (var next = only.NextDoc(); next != DocIdSetIterator.NO_MORE_DOCS; next = only.NextDoc())
                    {
                        var score = scorer.Score(next, only.Freq);
                        if (best.Takes(score))
                        {
                            best.Offer(score, docBase + next);
                        }
                    }
                    continue;
                }
                var lead = cursors[0];
                var doc = lead.NextDoc();
                while (doc != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var beyond = -1;
                    for (var p = 1; p < cursors.Length && beyond < 0; p++)
                    {
                        var at = cursors[p].Doc < doc ? cursors[p].Advance(doc) : cursors[p].Doc;
                        beyond = at > doc ? at : -1;
                    }
                    if (beyond >= 0)
                    {
                        doc = lead.Advance(beyond);
                        continue;
                    }
                    var score = 0f;
                    for (var p = 0; p < cursors.Length; p++)
                    {
                        score += scorers[p].Score(doc, cursors[p].Freq);
                    }
                    if (best.Takes(score))
                    {
                        best.Offer(score, docBase + doc);
                    }
                    doc = lead.NextDoc();
                }
            }
            return best.Sorted();
        }
        finally
        {
            foreach (var match in matches)
            {
                match?.Return();
            }
        }
    }

    /// <summary>
    /// One prefix's postings in one segment: its gram's, or the words' that start with it, added up per document.
    /// <see cref="Count"/> counts deleted documents too, as Lucene's statistics do.
    /// </summary>
    private sealed class Matches
    {
        private readonly TermsEnum _termsEnum;
        private readonly BytesRef? _term;
        private readonly TermState? _state;
        private readonly long[]? _bits;
        private readonly int[]? _freqs;

        private Matches(TermsEnum termsEnum, BytesRef? term, TermState? state, int count, long[]? bits, int[]? freqs)
        {
            _termsEnum = termsEnum;
            _term = term;
            _state = state;
            Count = count;
            _bits = bits;
            _freqs = freqs;
        }

        public int Count { get; }

        public static Matches Find(TermsEnum termsEnum, string prefix, int maxDoc)
        {
            var target = new BytesRef(prefix);
            if (prefix.Length is >= LeadingGramFilter.MinGram and <= LeadingGramFilter.ShortGram)
            {
                return termsEnum.SeekExact(target)
                    ? new Matches(termsEnum, target, termsEnum.GetTermState(), termsEnum.DocFreq, null, null)
                    : new Matches(termsEnum, null, null, 0, null, null);
            }
            var words = new List<(BytesRef Term, TermState State)>();
            var postings = 0;
            if (prefix.Length < LeadingGramFilter.MinGram)
            {
                // Each word of more than one letter has one two-letter gram, and a word of one letter is its own: the
                // terms of two letters that start with the prefix, and the prefix, are what its gram held.
                var past = new BytesRef(8);
                var status = termsEnum.SeekCeil(target);
                while (status != TermsEnum.SeekStatus.END && StringHelper.StartsWith(termsEnum.Term, target))
                {
                    var term = termsEnum.Term;
                    var gram = Utf8.Bytes(term, LeadingGramFilter.MinGram);
                    if (term.Length == gram)
                    {
                        words.Add((BytesRef.DeepCopyOf(term), termsEnum.GetTermState()));
                        postings += termsEnum.DocFreq;
                    }
                    if (gram == target.Length)
                    {
                        // The one-letter word: its two-letter grams come next.
                        status = termsEnum.MoveNext() ? TermsEnum.SeekStatus.FOUND : TermsEnum.SeekStatus.END;
                        continue;
                    }
                    // Past every longer term with the same two letters: no UTF-8 byte is 0xFF.
                    past.Bytes = ArrayUtil.Grow(past.Bytes, gram + 1);
                    Array.Copy(term.Bytes, term.Offset, past.Bytes, 0, gram);
                    past.Bytes[gram] = 0xFF;
                    past.Length = gram + 1;
                    status = termsEnum.SeekCeil(past);
                }
            }
            else if (termsEnum.SeekCeil(target) != TermsEnum.SeekStatus.END)
            {
                // Every term this long is a word: the grams are all shorter.
                do
                {
                    if (!StringHelper.StartsWith(termsEnum.Term, target))
                    {
                        break;
                    }
                    words.Add((BytesRef.DeepCopyOf(termsEnum.Term), termsEnum.GetTermState()));
                    postings += termsEnum.DocFreq;
                }
                while (termsEnum.MoveNext());
            }
            if (words.Count == 1)
            {
                return new Matches(termsEnum, words[0].Term, words[0].State, postings, null, null);
            }
            if (words.Count == 0)
            {
                return new Matches(termsEnum, null, null, 0, null, null);
            }
            // The words' documents as bits (in order without sorting), their frequencies added up per document.
            var bits = ZeroedArrays<long>.Rent((maxDoc + 63) >> 6);
            var freqs = ZeroedArrays<int>.Rent(maxDoc);
            var count = 0;
            DocsEnum? reuse = null;
            foreach (var (term, state) in words)
            {
                termsEnum.SeekExact(term, state);
                reuse = termsEnum.Docs(null, reuse, DocsFlags.FREQS);
                for (var doc = reuse.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.NextDoc())
                {
                    if (freqs[doc] == 0)
                    {
                        bits[doc >> 6] |= 1L << doc;
                        count++;
                    }
                    freqs[doc] += reuse.Freq;
                }
            }
            return new Matches(termsEnum, null, null, count, bits, freqs);
        }

        /// <summary>The live documents in order, each with its frequency.</summary>
        public Cursor Open(IBits? live)
        {
            if (_bits is null)
            {
                _termsEnum.SeekExact(_term, _state);
                return new Cursor(_termsEnum.Docs(live, null, DocsFlags.FREQS), null, null, live);
            }
            return new Cursor(null, _bits, _freqs, live);
        }

        /// <summary>Gives the arrays back, cleared where they were set.</summary>
        public void Return()
        {
            if (_bits is null)
            {
                return;
            }
            for (var word = 0; word < _bits.Length; word++)
            {
                for (var set = _bits[word]; set != 0; set &= set - 1)
                {
                    _freqs![(word << 6) + BitOperations.TrailingZeroCount(set)] = 0;
                }
                _bits[word] = 0;
            }
            ZeroedArrays<long>.Return(_bits);
            ZeroedArrays<int>.Return(_freqs!);
        }
    }

    /// <summary>A gram's postings, or the added-up postings of the words that start with a prefix, document by document.</summary>
    private sealed class Cursor(DocsEnum? postings, long[]? bits, int[]? freqs, IBits? live)
    {
        /// <summary>The term's postings when the prefix has a term of its own.</summary>
        public DocsEnum? Postings => postings;

        public int Doc { get; private set; } = -1;

        public int Freq => postings?.Freq ?? freqs![Doc];

        public int NextDoc() => postings is not null ? Doc = postings.NextDoc() : Advance(Doc + 1);

        /// <summary>The first document at or after the target.</summary>
        public int Advance(int target)
        {
            if (postings is not null)
            {
                return Doc = postings.Advance(target);
            }
            var word = target >> 6;
            if (word >= bits!.Length)
            {
                return Doc = DocIdSetIterator.NO_MORE_DOCS;
            }
            var set = bits[word] & (-1L << target);
            while (true)
            {
                while (set != 0)
                {
                    var doc = (word << 6) + BitOperations.TrailingZeroCount(set);
                    if (live is null || live.Get(doc))
                    {
                        return Doc = doc;
                    }
                    set &= set - 1;
                }
                if (++word == bits.Length)
                {
                    return Doc = DocIdSetIterator.NO_MORE_DOCS;
                }
                set = bits[word];
            }
        }
    }

    /// <summary>
    /// Arrays that are all zero when taken: a search clears what it set before giving one back, so none is cleared
    /// whole (the shared pool hands out arrays as they were left).
    /// </summary>
    private static class ZeroedArrays<T>
        where T : struct
    {
        private const int Kept = 16;
        private static readonly System.Collections.Concurrent.ConcurrentBag<T[]> Free = [];

        public static T[] Rent(int length)
        {
            var tries = 0;
            while (tries++ < Kept && Free.TryTake(out var array))
            {
                if (array.Length >= length)
                {
                    return array;
                }
                // Too short for this segment: dropped, the pool fills with arrays of the largest.
            }
            return new T[length];
        }

        public static void Return(T[] array)
        {
            if (Free.Count < Kept)
            {
                Free.Add(array);
            }
        }
    }

    /// <summary>The best documents so far: higher score first, the lower document first among equal scores.</summary>
    private sealed class Best(int limit)
    {
        private readonly List<ScoreDoc> _kept = new(limit + 1);
        private float _worst;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Before(float score, int doc, ScoreDoc other) => score > other.Score || (score == other.Score && doc < other.Doc);

        /// <summary>
        /// Whether a document of this score can still be among the best: documents come in order, so one that only
        /// equals the worst kept comes after it and stays out, as in Lucene's collector.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Takes(float score) => _kept.Count < limit || score > _worst;

        public void Offer(float score, int doc)
        {
            if (_kept.Count == limit && !Before(score, doc, _kept[^1]))
            {
                return;
            }
            var at = _kept.Count;
            while (at > 0 && Before(score, doc, _kept[at - 1]))
            {
                at--;
            }
            _kept.Insert(at, new ScoreDoc(doc, score));
            if (_kept.Count > limit)
            {
                _kept.RemoveAt(limit);
            }
            _worst = _kept[^1].Score;
        }

        public ScoreDoc[] Sorted() => [.. _kept];
    }
}

/// <summary>
/// The leading grams a segment's completion field leaves out (<see cref="LeadingGramFilter.GramsLeftOut"/> of each
/// of its words), read once per segment from the field's own terms, whose total frequencies count their
/// occurrences in deleted documents too, as the field's own token count has them. Each word of more than one letter
/// leaves out its one-letter gram and has one two-letter term; a term longer than the short grams is a word, which
/// leaves out its grams between the short ones and itself.
/// </summary>
internal static class GramsLeftOut
{
    private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, long>> Segments = new();

    public static long Of(AtomicReader reader, string field) =>
        Segments.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal))
            .GetOrAdd(field, f => reader.GetTerms(f) is { } terms ? Sum(terms) : 0);

    private static long Sum(Terms terms)
    {
        var sum = 0L;
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var term = termsEnum.Term;
            if (term.Length < LeadingGramFilter.MinGram)
            {
                continue; // at most as many characters as bytes
            }
            var length = Utf8.Utf16Length(term);
            if (length == LeadingGramFilter.MinGram)
            {
                sum += termsEnum.TotalTermFreq;
            }
            else if (length > LeadingGramFilter.ShortGram)
            {
                sum += termsEnum.TotalTermFreq * (length - LeadingGramFilter.ShortGram - 1);
            }
        }
        return sum;
    }
}

/// <summary>A term's UTF-8 bytes measured in UTF-16 code units, as the filters measured the word (a character beyond the BMP is two).</summary>
internal static class Utf8
{
    /// <summary>The term's length in UTF-16 code units.</summary>
    public static int Utf16Length(BytesRef term) => Walk(term, int.MaxValue).Units;

    /// <summary>How many bytes the term's first <paramref name="units"/> UTF-16 code units take (all of a shorter term).</summary>
    public static int Bytes(BytesRef term, int units) => Walk(term, units).Bytes;

    private static (int Bytes, int Units) Walk(BytesRef term, int maxUnits)
    {
        var i = term.Offset;
        var end = term.Offset + term.Length;
        var units = 0;
        while (i < end && units < maxUnits)
        {
            var b = term.Bytes[i];
            var (bytes, width) = b < 0x80 ? (1, 1) : b < 0xE0 ? (2, 1) : b < 0xF0 ? (3, 1) : (4, 2);
            i += bytes;
            units += width;
        }
        return (Math.Min(i, end) - term.Offset, units);
    }
}
