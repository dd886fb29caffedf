using System.Text.Json;
using UU.Search.Evaluation;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Search;

/// <summary>
/// The judged query set over the demo catalogue, through the real app (database → journal → index → API).
/// Fails when relevance falls below what the team has reached; the benchmark prints the same figures.
/// </summary>
public sealed class RelevanceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // Levels reached when this test was written; raise them as ranking improves, never lower them silently.
    private const double MinNdcg10 = 0.90;
    private const double MinMrr = 0.90;
    private const double MaxZeroResultRate = 0.0;

    [Fact]
    public async Task JudgedQueries_MeetTheRelevanceLevels()
    {
        var client = app.CreateClient();
        var judged = RelevanceMetrics.Load(Path.Combine(AppContext.BaseDirectory, "Search", "judgments.json"));
        Assert.True(judged.Count >= 40);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await client.GetStringAsync("/api/search?q=demens")).Contains("\"total\":0", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "index never built");
            await Task.Delay(50);
        }

        var results = new Dictionary<string, List<string>>();
        foreach (var j in judged)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?pageSize=10&q=" + Uri.EscapeDataString(j.Query)));
            // A module's courses are listed under it, and a short page goes on with related hits: the buyer reads
            // them in that order.
            results[j.Query] = json.RootElement.GetProperty("hits").EnumerateArray().Concat(json.RootElement.GetProperty("related").EnumerateArray())
                .SelectMany(h => h.GetProperty("courses").EnumerateArray().Select(c => "course:" + c.GetProperty("slug").GetString())
                    .Prepend(h.GetProperty("type").GetString() + ":" + h.GetProperty("slug").GetString()))
                .Take(10).ToList();
        }
        var report = RelevanceMetrics.Evaluate(judged, q => results[q]);
        var weakest = string.Join("; ", report.PerQuery.OrderBy(p => p.Ndcg).Take(5).Select(p => $"{p.Query} {p.Ndcg:0.00}"));

        Assert.True(report.Ndcg10 >= MinNdcg10, $"nDCG@10 {report.Ndcg10:0.000} < {MinNdcg10}; weakest: {weakest}");
        Assert.True(report.Mrr >= MinMrr, $"MRR {report.Mrr:0.000} < {MinMrr}; weakest: {weakest}");
        Assert.True(report.ZeroResultRate <= MaxZeroResultRate, $"zero-result rate {report.ZeroResultRate:0.000}");
    }
}
