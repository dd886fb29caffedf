using Lucene.Net.Index;
using Lucene.Net.Search;
using UU.Search.Evaluation;
using UU.Search.Querying;

namespace UU.Search.Tests.Querying;

/// <summary>
/// The clause-at-a-time evaluator must find what Lucene finds, with Lucene's scores: every query the builder makes
/// for the real course set's judged queries (as typed, with typo variants, any word, any compound part), with and
/// without a facet filter, on an index of several segments with deleted documents.
/// </summary>
public sealed class ClauseAtATimeTests : IAsyncLifetime, IDisposable
{
    private readonly TestIndex _index = new();
    private RealCourseSet _set = null!;

    public async Task InitializeAsync()
    {
        _set = RealCourseSet.Load(Path.Combine(AppContext.BaseDirectory, "Relevance", "Real"));
        await _index.Index.RebuildAsync(_set.Documents.ToAsyncEnumerable(), 0, CancellationToken.None);
        // A later segment with replaced documents (deletions in the first ones) and a few of its own.
        var changed = _set.Documents.Take(30).Select(d => d with { Title = d.Title + " fortbildning" })
            .Concat(_set.Documents.Skip(30).Take(10).Select((d, i) => d with { Id = 10_000 + i, Code = "X" + i, Slug = "X" + i }));
        await _index.Index.UpsertAsync(changed, null, CancellationToken.None);
        _index.Index.RefreshNow();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _index.Dispose();

    private IEnumerable<string> Queries() =>
        _set.Tune.Concat(_set.Report).Concat(_set.Holdout).Select(q => q.Query)
            .Concat(["ledarskpa", "forvaltningsratt", "specialpedagogik kurs", "lärare i matematik", "omvårdnad demens äldre", "x"]);

    [Fact]
    public void EveryBuiltQuery_MatchesAndScoresAsLucene()
    {
        var compared = 0;
        _index.Index.WithSearcher((searcher, queries) =>
        {
            Assert.True(searcher.IndexReader.Leaves.Count >= 2, "the index should have several segments");
            Assert.True(searcher.IndexReader.HasDeletions, "the index should have deleted documents");
            foreach (var text in Queries())
            {
                var words = queries.Words(SearchQueryBuilder.Clean(text));
                foreach (var (relaxed, fuzzy, anyPart) in new[] { (false, false, false), (false, true, false), (true, true, false), (true, false, true) })
                {
                    if (queries.Build(words, relaxed, fuzzy, anyPart) is not { } core)
                    {
                        continue;
                    }
                    var ranked = _index.Index.Ranked(searcher.Rewrite(core));
                    var mode = $"\"{text}\" relaxed={relaxed} fuzzy={fuzzy} anyPart={anyPart}";
                    Same(mode, searcher.Search(ranked, 1000), ClauseAtATime.Search(searcher, ranked, null, 1000, []));
                    var filter = new BooleanQuery { { new TermQuery(new Term(Fields.FacetPrefix + "level", "avancerad")), Occur.MUST } };
                    Same(mode + " level=avancerad", searcher.Search(new FilteredQuery(ranked, new QueryWrapperFilter(filter)), 1000), ClauseAtATime.Search(searcher, ranked, filter, 1000, []));
                    compared++;
                }
            }
            return 0;
        });
        Assert.True(compared > 200, $"{compared} queries compared");
    }

    [Fact]
    public void TheWindow_KeepsTheBestDocuments_TheLowerDocumentFirstAmongEqualScores()
    {
        _index.Index.WithSearcher((searcher, queries) =>
        {
            // Every course scores the same under match-all: the window keeps the first documents, as Lucene's collector.
            var all = _index.Index.Ranked(null);
            var lucene = searcher.Search(all, 7);
            var ours = ClauseAtATime.Search(searcher, all, null, 7, []);
            Assert.Equal(lucene.TotalHits, ours.Total);
            Assert.Equal(lucene.ScoreDocs.Select(d => d.Doc), ours.Top.Select(d => d.Doc));
            var core = queries.Build(queries.Words("ledarskap skola"), relaxed: true, fuzzy: false)!;
            var ranked = _index.Index.Ranked(searcher.Rewrite(core));
            var top = searcher.Search(ranked, 5).ScoreDocs;
            var window = ClauseAtATime.Search(searcher, ranked, null, 5, []).Top;
            Assert.Equal(top.Select(d => d.Doc), window.Select(d => d.Doc));
            return 0;
        });
    }

    [Fact]
    public void AQueryWithARequiredTermNoDocumentHas_MatchesNothing()
    {
        _index.Index.WithSearcher((searcher, _) =>
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(Fields.Text, "ledarskap")), Occur.MUST },
                { new TermQuery(new Term(Fields.Text, "qqqxyzzy")), Occur.MUST },
            };
            Assert.Equal(0, ClauseAtATime.Search(searcher, query, null, 10, []).Total);
            Assert.True(ClauseAtATime.Search(searcher, query.Clauses[0].Query, null, 10, []).Total > 0);
            return 0;
        });
    }

    private static void Same(string mode, TopDocs lucene, ClauseAtATime.Result ours)
    {
        Assert.True(lucene.TotalHits == ours.Total, $"{mode}: Lucene matches {lucene.TotalHits}, the evaluator {ours.Total}");
        var expected = lucene.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        var actual = ours.Top.ToDictionary(d => d.Doc, d => d.Score);
        foreach (var (doc, score) in expected)
        {
            Assert.True(actual.TryGetValue(doc, out var got), $"{mode}: document {doc} (score {score}) is missing");
            Assert.True(Math.Abs(got - score) <= 1e-4f * Math.Max(1f, score), $"{mode}: document {doc} scores {got}, Lucene {score}");
        }
        Assert.Equal(expected.Count, actual.Count);
    }
}
