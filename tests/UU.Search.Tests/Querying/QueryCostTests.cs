using Lucene.Net.Search;
using UU.Search.Analysis;
using UU.Search.Querying;

namespace UU.Search.Tests.Querying;

/// <summary>What an anonymous visitor types is bounded in what it costs: words, their length, fuzzy variants, clauses.</summary>
public sealed class QueryCostTests : IAsyncLifetime, IDisposable
{
    private static readonly string Nonsense = string.Join(' ', Enumerable.Range(0, 12).Select(i => "qwxzyvbnmplkjhgfdsaoiuytrewq"[..(20 + i % 8)] + (char)('a' + i)));

    private readonly TestIndex _index = new();
    private readonly Analyzers _analyzers = new(WordLists.Load());

    public async Task InitializeAsync() => await _index.FillAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _analyzers.Dispose();
        _index.Dispose();
    }

    private static List<FuzzyQuery> Fuzzy(Query query) => query switch
    {
        BooleanQuery b => b.Clauses.SelectMany(c => Fuzzy(c.Query)).ToList(),
        DisjunctionMaxQuery d => d.Disjuncts.SelectMany(Fuzzy).ToList(),
        FuzzyQuery f => [f],
        _ => [],
    };

    [Fact]
    public void TwelveLongNonsenseWords_GetTypoVariantsForTheFirstFewOnly_AndABoundedQuery()
    {
        var builder = new SearchQueryBuilder(_analyzers, new UU.Search.Indexing.RankingOptions());
        var words = builder.Words(Nonsense + " " + new string('x', 120)); // past Clean's 200 characters: the words' own bounds
        Assert.Equal(SearchQueryBuilder.MaxTerms, words.Count);
        Assert.All(words, w => Assert.True(w.Length <= SearchQueryBuilder.MaxWordLength, w));

        var query = builder.Build(words, relaxed: true, fuzzy: true)!;
        var fuzzy = Fuzzy(query);
        Assert.Equal(SearchQueryBuilder.MaxFuzzyWords, fuzzy.Count); // the Swedish field for each of the first words
        Assert.All(fuzzy, f => Assert.Equal(Fields.Text, f.Field));
        Assert.True(SearchQueryBuilder.Count(query) <= SearchQueryBuilder.MaxClauses);
    }

    [Fact]
    public void ATypoAmongNonsense_IsStillFound_AndNonsenseAloneFindsNothing()
    {
        Assert.Equal("Specialpedagogik för lärare", _index.Titles("spesialpedagogik " + Nonsense)[0]);
        var none = _index.Index.Search(new SearchRequest { Query = Nonsense });
        Assert.Equal(0, none.Total);
    }
}
