using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace UU.Search.Querying;

/// <summary>
/// Lucene's bm25 (<see cref="BM25Similarity"/> of Lucene 4.8) for one term, computed the same way, in the same
/// order of operations, so that the scores are Lucene's to the bit: the idf over the index, the length factor
/// per encoded norm for the field's average length, and weight × freq / (freq + length factor). What differs is
/// where the norm comes from: an array per segment and field instead of a virtual call per posting.
/// </summary>
internal sealed class Bm25
{
    /// <summary>BM25Similarity's decoding of a norm byte: 1 / length², the length as SmallSingle's 3.15 float.</summary>
    private static readonly float[] NormTable = [.. Enumerable.Range(0, 256).Select(i =>
    {
        var f = SmallSingle.SByte315ToSingle((sbyte)i);
        return 1.0f / (f * f);
    })];

    private readonly float _weight;
    private readonly Field _field;

    private Bm25(float weight, Field field)
    {
        _weight = weight;
        _field = field;
    }

    /// <summary>
    /// What every term of one field shares: k1 and the length factor per encoded norm for the field's average
    /// length (256 values, computed once per field and search rather than once per term).
    /// </summary>
    public sealed class Field
    {
        private Field(float k1, float[] lengthFactor, CollectionStatistics collection)
        {
            K1 = k1;
            LengthFactor = lengthFactor;
            Collection = collection;
        }

        public float K1 { get; }

        public float[] LengthFactor { get; }

        public CollectionStatistics Collection { get; }

        /// <summary>The field's scoring, or null when its similarity is not plain bm25 (then Lucene's weight scores it).</summary>
        /// <param name="tokensLeftOut">Tokens the field's average length counts beyond those the index holds.</param>
        public static Field? For(IndexSearcher searcher, string field, long tokensLeftOut = 0)
        {
            var similarity = searcher.Similarity is PerFieldSimilarityWrapper perField ? perField.Get(field) : searcher.Similarity;
            if (similarity.GetType() != typeof(BM25Similarity))
            {
                return null;
            }
            var bm25 = (BM25Similarity)similarity;
            var (k1, b) = (bm25.K1, bm25.B);
            var collection = searcher.CollectionStatistics(field);
            if (tokensLeftOut != 0)
            {
                collection = new CollectionStatistics(field, collection.MaxDoc, collection.DocCount, collection.SumTotalTermFreq + tokensLeftOut, collection.SumDocFreq);
            }
            // As BM25Similarity.AvgFieldLength and ComputeWeight.
            var average = collection.SumTotalTermFreq <= 0 ? 1f : (float)(collection.SumTotalTermFreq / (double)collection.MaxDoc);
            var lengthFactor = new float[256];
            for (var i = 0; i < lengthFactor.Length; i++)
            {
                lengthFactor[i] = k1 * ((1 - b) + b * NormTable[i] / average);
            }
            return new Field(k1, lengthFactor, collection);
        }

        /// <param name="boost">The term query's own boost.</param>
        /// <param name="topLevelBoost">The product of the boosts above it.</param>
        public Bm25 Term(TermStatistics term, float boost, float topLevelBoost)
        {
            // As BM25Similarity.Idf, BM25Stats.Normalize and BM25DocScorer.
            var idf = (float)Math.Log(1 + (Collection.MaxDoc - term.DocFreq + 0.5D) / (term.DocFreq + 0.5D));
            var weight = idf * boost * topLevelBoost;
            return new Bm25(weight * (K1 + 1), this);
        }
    }

    /// <summary>Scores the term's postings in one segment.</summary>
    public Scorer In(AtomicReader reader, string field) => new(this, Norms.Of(reader, field));

    public readonly struct Scorer(Bm25 bm25, byte[]? norms)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Score(int doc, int freq)
        {
            var field = bm25._field;
            var norm = norms is null ? field.K1 : field.LengthFactor[norms[doc]];
            return bm25._weight * freq / (freq + norm);
        }
    }
}

/// <summary>The encoded norms of one field of a segment as bytes, read once per segment (norms never change in one).</summary>
internal static class Norms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Segments = new();

    public static byte[]? Of(AtomicReader reader, string field) =>
        Segments.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Read(reader, f));

    private static byte[]? Read(AtomicReader reader, string field)
    {
        if (reader.GetNormValues(field) is not { } values)
        {
            return null;
        }
        var norms = new byte[reader.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = (byte)values.Get(doc);
        }
        return norms;
    }
}
