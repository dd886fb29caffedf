using System.Buffers;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using UU.Search.Analysis;

namespace UU.Search.Querying;

/// <summary>
/// The best documents whose completion field has a word starting with every typed prefix, scored as Lucene scored
/// the conjunction of the prefixes' leading-gram terms when the field held all grams up to 25 letters (bm25, the
/// cheaper clauses' scores added first, equal scores in document order). The field holds the grams of up to
/// <see cref="LeadingGramFilter.ShortGram"/> letters and the words: a short prefix is its gram's postings; a
/// longer one is the postings of the words that start with it, their frequencies added per document, which is
/// what its gram's postings held. The field's average length counts the grams left out (<see cref="GramsLeftOut"/>).
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
                    matches[l, p] = Matches.Read(termsEnum, prefixes[p], reader.MaxDoc);
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
            for (var l = 0; l < leaves.Count; l++)
            {
                var reader = leaves[l].AtomicReader;
                if (Enumerable.Range(0, prefixes.Count).Any(p => matches[l, p] is not { Count: > 0 }))
                {
                    continue; // a prefix no word of this segment starts with: nothing here has them all
                }
                // As Lucene's conjunction: the clauses by their cost (postings in the segment), ties in query order.
                for (var p = 0; p < order.Length; p++)
                {
                    order[p] = p;
                }
                Array.Sort(order, (a, b) => matches[l, a]!.Count != matches[l, b]!.Count ? matches[l, a]!.Count.CompareTo(matches[l, b]!.Count) : a.CompareTo(b));
                for (var p = 0; p < order.Length; p++)
                {
                    scorers[p] = scoring[order[p]].In(reader, field);
                }
                var live = reader.LiveDocs;
                var cheapest = matches[l, order[0]]!;
                for (var i = 0; i < cheapest.Count; i++)
                {
                    var doc = cheapest.Docs[i];
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }
                    var score = 0f;
                    var all = true;
                    for (var p = 0; p < order.Length && all; p++)
                    {
                        var freq = matches[l, order[p]]!.Freqs[doc];
                        all = freq > 0;
                        score += all ? scorers[p].Score(doc, freq) : 0;
                    }
                    if (all)
                    {
                        best.Offer(score, leaves[l].DocBase + doc);
                    }
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

    /// <summary>One prefix's documents in one segment and, per document, its words' frequency added up.</summary>
    private sealed class Matches
    {
        private Matches(int[] docs, int count, int[] freqs)
        {
            Docs = docs;
            Count = count;
            Freqs = freqs;
        }

        /// <summary>The documents (deleted ones too: the statistics count them, as Lucene's do).</summary>
        public int[] Docs { get; }

        public int Count { get; }

        /// <summary>Indexed by document; zero where the prefix does not match.</summary>
        public int[] Freqs { get; }

        public static Matches Read(TermsEnum termsEnum, string prefix, int maxDoc)
        {
            var target = new BytesRef(prefix);
            var terms = new List<BytesRef>();
            var postings = 0;
            if (prefix.Length <= LeadingGramFilter.ShortGram)
            {
                if (termsEnum.SeekExact(target))
                {
                    terms.Add(target);
                    postings = termsEnum.DocFreq;
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
                    terms.Add(BytesRef.DeepCopyOf(termsEnum.Term));
                    postings += termsEnum.DocFreq;
                }
                while (termsEnum.MoveNext());
            }
            var docs = ArrayPool<int>.Shared.Rent(Math.Max(postings, 1));
            var freqs = ZeroedArrays.Rent(maxDoc);
            var count = 0;
            DocsEnum? reuse = null;
            foreach (var term in terms)
            {
                termsEnum.SeekExact(term);
                reuse = termsEnum.Docs(null, reuse, DocsFlags.FREQS);
                for (var doc = reuse.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.NextDoc())
                {
                    if (freqs[doc] == 0)
                    {
                        docs[count++] = doc;
                    }
                    freqs[doc] += reuse.Freq;
                }
            }
            return new Matches(docs, count, freqs);
        }

        /// <summary>Gives the arrays back, the frequencies cleared where they were set.</summary>
        public void Return()
        {
            for (var i = 0; i < Count; i++)
            {
                Freqs[Docs[i]] = 0;
            }
            ArrayPool<int>.Shared.Return(Docs);
            ZeroedArrays.Return(Freqs);
        }
    }

    /// <summary>
    /// Frequency arrays that are all zero when taken: a search clears what it set before giving one back, so none
    /// is cleared whole (the shared pool hands out arrays as they were left).
    /// </summary>
    private static class ZeroedArrays
    {
        private const int Kept = 16;
        private static readonly System.Collections.Concurrent.ConcurrentBag<int[]> Free = [];

        public static int[] Rent(int length)
        {
            var tries = 0;
            while (tries++ < Kept && Free.TryTake(out var array))
            {
                if (array.Length >= length)
                {
                    return array;
                }
                // Too short for this segment: a newer, larger one takes its place.
            }
            return new int[length];
        }

        public static void Return(int[] array)
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Before(float score, int doc, ScoreDoc other) => score > other.Score || (score == other.Score && doc < other.Doc);

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
        }

        public ScoreDoc[] Sorted() => [.. _kept];
    }
}

/// <summary>
/// The sum over a segment of <see cref="Fields.GramsLeftOut"/> for one completion field (its deleted documents
/// too, as the field's own token count has them), read once per segment.
/// </summary>
internal static class GramsLeftOut
{
    private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, long>> Segments = new();

    public static long Of(AtomicReader reader, string field) =>
        Segments.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal))
            .GetOrAdd(field, f =>
            {
                if (reader.GetNumericDocValues(Fields.GramsLeftOut(f)) is not { } values)
                {
                    return 0;
                }
                var sum = 0L;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    sum += values.Get(doc);
                }
                return sum;
            });
}
