using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using UU.Search.Analysis;
using UU.Search.Evaluation;
using UU.Search.Querying;

namespace UU.Search.Tests.Querying;

/// <summary>
/// Completions from the short grams and the words find and score what Lucene found and scored when the field held
/// every leading gram up to 25 letters: the same documents, in the same order, with the same scores.
/// </summary>
public sealed class PrefixCompletionsTests : IDisposable
{
    private const string Suggest = Fields.Suggest;

    private readonly Analyzers _analyzers = new(WordLists.Load());
    private readonly RAMDirectory _allGrams = new();
    private readonly RAMDirectory _shortGrams = new();
    private readonly List<SearchDocument> _documents;

    public PrefixCompletionsTests()
    {
        var set = RealCourseSet.Load(Path.Combine(AppContext.BaseDirectory, "Relevance", "Real"));
        _documents = [.. set.Documents, .. TestIndex.Catalogue,
            Document(9001, "Ledarskap, ledarskap och åter ledarskap", "Leadership"),
            Document(9002, "Æsthetik och Straße", null),
            Document(9003, "Kompetensutvecklingsinsatsernasochmycketmer", "A"),
            Document(9004, "Ä", "Ö")];
        using (var allGrams = new IndexWriter(_allGrams, new IndexWriterConfig(Analyzers.Version, new AllGrams()) { Similarity = new BM25Similarity() }))
        using (var shortGrams = new IndexWriter(_shortGrams, new IndexWriterConfig(Analyzers.Version, new AllGrams()) { Similarity = new BM25Similarity() }))
        {
            var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
            for (var i = 0; i < _documents.Count; i++)
            {
                var d = _documents[i];
                var text = string.Join("\n", new[] { d.Title, d.TitleEn, d.Code }.Where(t => !string.IsNullOrWhiteSpace(t)));
                allGrams.AddDocument([new StringField("key", d.Key, Lucene.Net.Documents.Field.Store.NO), new Field(Suggest, text, type)]);
                var streams = _analyzers.StreamsFor(d);
                shortGrams.AddDocument([new StringField("key", d.Key, Lucene.Net.Documents.Field.Store.NO), new Field(Suggest, streams.Suggest, type)]);
                // Several segments, and deleted documents that the statistics still count.
                if (i % 97 == 96)
                {
                    allGrams.Commit();
                    shortGrams.Commit();
                }
                if (i % 41 == 7)
                {
                    allGrams.DeleteDocuments(new Term("key", d.Key));
                    shortGrams.DeleteDocuments(new Term("key", d.Key));
                }
            }
        }
    }

    public void Dispose()
    {
        _analyzers.Dispose();
        _allGrams.Dispose();
        _shortGrams.Dispose();
    }

    private static SearchDocument Document(int id, string title, string? titleEn) =>
        new() { Type = "course", Id = id, Slug = "c" + id, Title = title, TitleEn = titleEn };

    /// <summary>The chain the completion field had: lower case, folded, every leading gram of 1 to 25 letters.</summary>
    private sealed class AllGrams : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Analyzers.Version, reader);
            return new TokenStreamComponents(source, new EdgeNGramTokenFilter(Analyzers.Version, new ASCIIFoldingFilter(new InvariantLowerCaseFilter(source)), 1, LeadingGramFilter.MaxGram));
        }
    }

    private static readonly int[] Lengths = [1, 2, 3, 4, 5, 7, 10, 25, 30];

    /// <summary>Prefixes as a visitor types them: of every title word, 1 to 30 letters, alone and after another word.</summary>
    private List<List<string>> Typed()
    {
        var words = _documents.SelectMany(d => Analyzers.Tokens(_analyzers.SuggestQuery, Suggest, d.Title + " " + d.TitleEn)).Distinct().Order(StringComparer.Ordinal).ToList();
        var typed = new List<List<string>>();
        foreach (var word in words)
        {
            foreach (var length in Lengths.Where(n => n <= word.Length + 1))
            {
                var prefix = word[..Math.Min(length, word.Length)];
                typed.Add([prefix.Length > 25 ? prefix[..25] : prefix]);
            }
        }
        // Two words, the second one being typed: "ledarskap f", "pedagogiskt leda".
        for (var i = 0; i + 1 < words.Count; i += 7)
        {
            typed.Add([words[i], words[i + 1][..Math.Min(4, words[i + 1].Length)]]);
            typed.Add([words[i][..1], words[(i * 31 + 5) % words.Count][..Math.Min(2, words[(i * 31 + 5) % words.Count].Length)]]);
        }
        typed.Add(["zzzz"]);
        typed.Add(["ledarskap", "zz"]);
        return typed;
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    public void Completions_AreThoseOfEveryLeadingGram_DocumentsOrderAndScores(int limit)
    {
        using var allReader = DirectoryReader.Open(_allGrams);
        using var shortReader = DirectoryReader.Open(_shortGrams);
        Assert.True(allReader.Leaves.Count > 2);
        Assert.True(allReader.NumDeletedDocs > 0);
        var lucene = new IndexSearcher(allReader) { Similarity = new BM25Similarity() };
        var ours = new IndexSearcher(shortReader) { Similarity = new BM25Similarity() };
        var compared = 0;
        foreach (var words in Typed())
        {
            var query = new BooleanQuery();
            foreach (var word in words)
            {
                query.Add(new TermQuery(new Term(Suggest, word)), Occur.MUST);
            }
            var expected = lucene.Search(query, limit).ScoreDocs;
            var actual = PrefixCompletions.Top(ours, Suggest, words, limit);
            var typed = string.Join(' ', words);
            Assert.True(expected.Select(h => h.Doc).SequenceEqual(actual.Select(h => h.Doc)),
                $"'{typed}': expected [{string.Join(", ", expected.Select(h => $"{h.Doc}:{h.Score}"))}] but was [{string.Join(", ", actual.Select(h => $"{h.Doc}:{h.Score}"))}]");
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score));
            compared += expected.Length > 0 ? 1 : 0;
        }
        Assert.True(compared > 1000, $"only {compared} prefixes found anything");
    }

    [Fact]
    public void Completions_AskedAgain_AreTheSame()
    {
        // What one answer leaves in its arrays must not reach the next one.
        using var reader = DirectoryReader.Open(_shortGrams);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var first = PrefixCompletions.Top(searcher, Suggest, ["a"], 8).Select(h => (h.Doc, h.Score)).ToList();
        PrefixCompletions.Top(searcher, Suggest, ["ledarskap", "f"], 8);
        Assert.Equal(first, PrefixCompletions.Top(searcher, Suggest, ["a"], 8).Select(h => (h.Doc, h.Score)));
    }

    [Fact]
    public void ShortGramsAndWords_AreFewerTokensThanEveryLeadingGram()
    {
        using var allReader = DirectoryReader.Open(_allGrams);
        using var shortReader = DirectoryReader.Open(_shortGrams);
        var all = MultiFields.GetTerms(allReader, Suggest).SumTotalTermFreq;
        var fewer = MultiFields.GetTerms(shortReader, Suggest).SumTotalTermFreq;
        // The words' grams left out, summed from the field's terms, make up the difference, which the average length counts.
        var leftOut = shortReader.Leaves.Sum(l => GramsLeftOut.Of(l.AtomicReader, Suggest));
        Assert.Equal(all, fewer + leftOut);
        Assert.True(fewer < all * 0.6, $"{fewer} of {all}");
    }
}
