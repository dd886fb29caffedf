using Lucene.Net.Analysis;
using Microsoft.EntityFrameworkCore;
using UU.Search.Analysis;
using UU.Web.Features.Content;
using UU.Web.Localization;

namespace UU.Web.Features.Staff;

/// <summary>The catalogue search's Swedish analysis (stemming, compound parts, folded å/ä/ö), shared by every staff search.</summary>
public sealed class StaffAnalysis : IDisposable
{
    private const string Field = "text";
    private readonly Analyzers _analyzers = new(WordLists.Load());

    /// <summary>Every term the text is indexed as.</summary>
    public HashSet<string> Terms(string text) =>
        Analyzers.Tokens(_analyzers.SwedishIndex, Field, text)
            .Concat(Analyzers.Tokens(_analyzers.FoldedIndex, Field, text))
            .Concat(Analyzers.Tokens(_analyzers.English, Field, text))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Each word of a query with the terms it may match; stop words drop out.</summary>
    public List<HashSet<string>> QueryWords(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Take(10)
            .Select(w => Tokens(_analyzers.SwedishQuery, w).Concat(Tokens(_analyzers.FoldedQuery, w)).Concat(Tokens(_analyzers.English, w)).ToHashSet(StringComparer.Ordinal))
            .Where(s => s.Count > 0)
            .ToList();

    private static List<string> Tokens(Analyzer analyzer, string word) => Analyzers.Tokens(analyzer, Field, word);

    public void Dispose() => _analyzers.Dispose();
}

public sealed record StaffHit(string Slug, string Title, string? Summary, int Score);

/// <summary>
/// Searches the staff section's published pages, and nothing else. They are few (tens), so they are matched in memory with the
/// catalogue's analysis rather than put in the public Lucene index, where a filter forgotten in one query or in the suggestions
/// would show them to visitors. Every word of the query must match; a match in the title weighs most.
/// </summary>
public sealed class StaffSearch(StaffPages pages, StaffAnalysis analysis)
{
    public const int MaxQueryLength = 200;

    public async Task<IReadOnlyList<StaffHit>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var words = analysis.QueryWords(query.Length > MaxQueryLength ? query[..MaxQueryLength] : query);
        if (words.Count == 0)
        {
            return [];
        }
        var hits = new List<StaffHit>();
        foreach (var item in await pages.Published.ToListAsync(cancellationToken))
        {
            var f = item.Published!;
            var title = analysis.Terms(string.Join(" ", f.TitleSv, f.TitleEn));
            var summary = analysis.Terms(string.Join(" ", f.SummarySv, f.SummaryEn));
            var body = analysis.Terms(string.Join("\n", f.BodySv, f.BodyEn));
            var score = 0;
            foreach (var word in words)
            {
                var points = (word.Overlaps(title) ? 5 : 0) + (word.Overlaps(summary) ? 2 : 0) + (word.Overlaps(body) ? 1 : 0);
                if (points == 0)
                {
                    score = 0;
                    break;
                }
                score += points;
            }
            if (score > 0)
            {
                hits.Add(new StaffHit(item.PublishedSlug!, Texts.Pick(f.TitleSv, f.TitleEn), Texts.PickOptional(f.SummarySv, f.SummaryEn), score));
            }
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Title, StringComparer.Ordinal).ToList();
    }
}
