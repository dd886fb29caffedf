using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UU.Search;
using UU.Search.Evaluation;
using UU.Search.Indexing;

/// <summary>
/// Coordinate search over the ranking weights and bm25 parameters on the real set's tuning half only (the report
/// half is never evaluated here). Prints the best setting found; the defaults in RankingOptions are set from it.
/// </summary>
internal static class Tuning
{
    private static readonly float[] Factors = [0.25f, 0.5f, 0.75f, 1.5f, 2f, 4f];

    public static void Run(List<SearchDocument> docs, IReadOnlyList<JudgedQuery> tune, string work)
    {
        var best = new RankingOptions();
        var bestScore = Score(best, docs, tune, work);
        Console.WriteLine($"start: {bestScore:0.0000}");
        var properties = typeof(RankingOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(float)).ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var property in properties)
            {
                var start = (float)property.GetValue(best)!;
                foreach (var factor in Factors)
                {
                    var value = property.Name.EndsWith('B') ? Math.Clamp(start * factor, 0.05f, 1f) : start * factor;
                    if (Math.Abs(value - start) < 1e-4) continue;
                    var candidate = Copy(best);
                    property.SetValue(candidate, value);
                    var score = Score(candidate, docs, tune, work);
                    if (score > bestScore + 1e-4)
                    {
                        bestScore = score;
                        best = candidate;
                        Console.WriteLine($"pass {pass}: {property.Name} = {value.ToString(CultureInfo.InvariantCulture)} → {score:0.0000}");
                    }
                }
            }
        }
        Console.WriteLine("best: " + string.Join(", ", properties.Select(p => $"{p.Name} = {((float)p.GetValue(best)!).ToString(CultureInfo.InvariantCulture)}")));
    }

    private static RankingOptions Copy(RankingOptions source)
    {
        var copy = new RankingOptions();
        foreach (var property in typeof(RankingOptions).GetProperties())
        {
            property.SetValue(copy, property.GetValue(source));
        }
        return copy;
    }

    /// <summary>nDCG@10 and MRR of the tuning half, equally weighted.</summary>
    private static double Score(RankingOptions ranking, List<SearchDocument> docs, IReadOnlyList<JudgedQuery> tune, string work)
    {
        var path = Path.Combine(work, "tune-" + Guid.NewGuid().ToString("N")[..8]);
        using var index = new SearchIndex(Options.Create(new SearchOptions { IndexPath = path, Ranking = ranking }), NullLogger<SearchIndex>.Instance);
        index.RebuildAsync(docs.ToAsyncEnumerable(), 0, CancellationToken.None).GetAwaiter().GetResult();
        var report = RelevanceMetrics.Evaluate(tune, q => RelevanceMetrics.FirstTen(index, q));
        return (report.Ndcg10 + report.Mrr) / 2;
    }
}
