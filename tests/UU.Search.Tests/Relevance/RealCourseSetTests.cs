using UU.Search.Evaluation;

namespace UU.Search.Tests.Relevance;

/// <summary>
/// The independent judged set of real courses (Relevance/Real), indexed as `import-courses` would. Fails when
/// ranking falls below what was measured; the benchmark prints the same figures beside FTS5 and PostgreSQL.
/// </summary>
public sealed class RealCourseSetTests
{
    // Measured with the benchmark (bench/UU.Search.Bench -- --relevance-only), rounded down. Raise as ranking
    // improves; the report half is never tuned on. The report half fell from 0.815 to 0.810 when the folded field
    // began to hold only the words folding changes (a speed change: the tune half rose by 0.003, the held-out set
    // by 0.011), so its floor is 0.805 rather than 0.81.
    private const double ReportNdcg10 = 0.805;
    private const double ReportMrr = 0.92;
    private const double TuneNdcg10 = 0.77;
    private const double TuneMrr = 0.85;
    // The held-out queries (judgments.holdout.json), written by an assessor before any result was seen: never tuned on.
    // The benchmark measured 0.501 / 0.700; this test index ranks ties differently and gives an MRR of 0.672.
    private const double HoldoutNdcg10 = 0.48;
    private const double HoldoutMrr = 0.65;

    [Fact]
    public async Task RealCourses_MeetTheMeasuredRelevanceFloors()
    {
        var set = RealCourseSet.Load(Path.Combine(AppContext.BaseDirectory, "Relevance", "Real"));
        Assert.True(set.Documents.Count >= 200 && set.Tune.Count + set.Report.Count >= 50);
        using var index = new TestIndex();
        await index.Index.RebuildAsync(set.Documents.ToAsyncEnumerable(), 0, CancellationToken.None);
        List<string> Search(string q) => index.Index.Search(new SearchRequest { Query = q, PageSize = 10 }).Hits.SelectMany(h => h.Keys()).Take(10).ToList();

        var report = RelevanceMetrics.Evaluate(set.Report, Search);
        var tune = RelevanceMetrics.Evaluate(set.Tune, Search);
        var holdout = RelevanceMetrics.Evaluate(set.Holdout, Search);

        Assert.True(report.Ndcg10 >= ReportNdcg10, $"report half nDCG@10 {report.Ndcg10:0.000} < {ReportNdcg10}");
        Assert.True(report.Mrr >= ReportMrr, $"report half MRR {report.Mrr:0.000} < {ReportMrr}");
        Assert.True(tune.Ndcg10 >= TuneNdcg10, $"tune half nDCG@10 {tune.Ndcg10:0.000} < {TuneNdcg10}");
        Assert.True(tune.Mrr >= TuneMrr, $"tune half MRR {tune.Mrr:0.000} < {TuneMrr}");
        Assert.True(set.Holdout.Count >= 30, $"{set.Holdout.Count} held-out queries");
        Assert.True(holdout.Ndcg10 >= HoldoutNdcg10, $"held-out nDCG@10 {holdout.Ndcg10:0.000} < {HoldoutNdcg10}");
        Assert.True(holdout.Mrr >= HoldoutMrr, $"held-out MRR {holdout.Mrr:0.000} < {HoldoutMrr}");
    }
}
