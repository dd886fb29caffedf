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

    public override Similarity Get(string name) => name switch
    {
        Fields.Title or Fields.TitleWords or Fields.TitleEn => _title,
        Fields.Text or Fields.TextWords or Fields.TextEn or Fields.Folded => _text,
        _ => _other,
    };
}

internal sealed class SimilaritySearcherFactory(Similarity similarity) : SearcherFactory
{
    /// <summary>The fields searches score by length: their norms are read for each new segment.</summary>
    private static readonly string[] NormedFields = [Fields.Title, Fields.Text, Fields.TitleWords, Fields.TextWords, Fields.TitleEn, Fields.TextEn, Fields.Folded];

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        // Warmed here, on the refresh loop's thread, rather than by the first search of a new segment.
        foreach (var leaf in reader.Leaves)
        {
            Querying.FacetSignatures.Of(leaf.AtomicReader);
            foreach (var field in NormedFields)
            {
                Querying.Norms.Of(leaf.AtomicReader, field);
            }
        }
        return new(reader) { Similarity = similarity };
    }
}
