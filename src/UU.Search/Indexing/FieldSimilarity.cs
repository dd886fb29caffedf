using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace UU.Search.Indexing;

/// <summary>bm25 with its own k1 and b per field: titles are short, so their length matters less than a text's.</summary>
internal sealed class FieldSimilarity(RankingOptions ranking) : PerFieldSimilarityWrapper
{
    private readonly BM25Similarity _title = new(ranking.TitleK1, ranking.TitleB);
    private readonly BM25Similarity _text = new(ranking.TextK1, ranking.TextB);
    private readonly BM25Similarity _other = new();

    private static readonly string[] Titles = [Fields.Title, Fields.TitleWords, Fields.TitleEn];
    private static readonly string[] Texts = [Fields.Text, Fields.TextWords, Fields.TextEn];

    /// <summary>The fields a search scores by their length (the others are keywords, or searched by Lucene itself).</summary>
    public static readonly string[] LengthScored = [.. Titles, .. Texts];

    /// <summary>The completion fields, scored by <see cref="Querying.PrefixCompletions"/> with Lucene's default bm25.</summary>
    public static readonly string[] Completions = [Fields.Suggest, Fields.SuggestModule];

    public override Similarity Get(string name) =>
        Array.IndexOf(Titles, name) >= 0 ? _title : Array.IndexOf(Texts, name) >= 0 ? _text : _other;
}

internal sealed class SimilaritySearcherFactory(Similarity similarity) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        // Warmed here, on the refresh loop's thread, rather than by the first search of a new segment.
        foreach (var leaf in reader.Leaves)
        {
            Querying.FacetSignatures.Of(leaf.AtomicReader);
            foreach (var field in FieldSimilarity.LengthScored)
            {
                Querying.Norms.Of(leaf.AtomicReader, field);
            }
            Querying.Spellings.Of(leaf.AtomicReader);
            foreach (var field in FieldSimilarity.Completions)
            {
                Querying.Norms.Of(leaf.AtomicReader, field);
                Querying.GramsLeftOut.Of(leaf.AtomicReader, field);
            }
        }
        return new(reader) { Similarity = similarity };
    }
}
