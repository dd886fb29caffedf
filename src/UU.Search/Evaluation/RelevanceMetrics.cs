namespace UU.Search.Evaluation;

/// <summary>A query with the team's grades: 3 = exactly what was asked for, 2 = relevant, 1 = partly; unlisted = 0.</summary>
public sealed record JudgedQuery(string Query, Dictionary<string, int> Grades);

public sealed record RelevanceReport(double Ndcg10, double Mrr, double ZeroResultRate, IReadOnlyList<(string Query, double Ndcg)> PerQuery);

// Kept beside the engine so the test gate and the benchmark compute exactly the same figures.

/// <summary>nDCG@10, MRR (first result graded 2 or more) and the share of queries with no result.</summary>
public static class RelevanceMetrics
{
    public static RelevanceReport Evaluate(IReadOnlyList<JudgedQuery> judged, Func<string, IReadOnlyList<string>> search)
    {
        var perQuery = new List<(string, double)>();
        double reciprocal = 0;
        var zero = 0;
        foreach (var j in judged)
        {
            var ranked = search(j.Query);
            if (ranked.Count == 0)
            {
                zero++;
            }
            var dcg = ranked.Take(10).Select((key, i) => Gain(j.Grades.GetValueOrDefault(key)) / Math.Log2(i + 2)).Sum();
            var ideal = j.Grades.Values.OrderDescending().Take(10).Select((g, i) => Gain(g) / Math.Log2(i + 2)).Sum();
            perQuery.Add((j.Query, ideal == 0 ? 0 : dcg / ideal));
            var first = ranked.Select((key, i) => (key, i)).FirstOrDefault(p => j.Grades.GetValueOrDefault(p.key) >= 2);
            if (first.key is not null)
            {
                reciprocal += 1.0 / (first.i + 1);
            }
        }
        return new RelevanceReport(perQuery.Average(p => p.Item2), reciprocal / judged.Count, zero / (double)judged.Count, perQuery);
    }

    /// <summary>
    /// The ten results a buyer reads first: the first page of ten, each module followed by its courses, then the
    /// related hits; as "type:slug", the judged sets' keys.
    /// </summary>
    public static List<string> FirstTen(Indexing.SearchIndex index, string query) =>
        index.Search(new SearchRequest { Query = query, PageSize = 10, WithRelated = true }).SlugKeys().Take(10).ToList();

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static List<JudgedQuery> Load(string path) =>
        System.Text.Json.JsonSerializer.Deserialize<List<JudgedQuery>>(File.ReadAllText(path), JsonOptions)!;
}
