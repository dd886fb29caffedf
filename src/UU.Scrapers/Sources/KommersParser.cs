using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace UU.Scrapers.Sources;

/// <summary>
/// Kommers Annons' public notice list (server-rendered HTML): each notice a <c>div.row</c> whose <c>h4 &gt; a</c> reads
/// "REF - Title" and links to <c>/Notices/TenderNotice/{id}</c>, with <c>small</c> lines for publication date, NUTS and
/// CPV. The buyer and the upphandlings-ID are on the detail page.
/// </summary>
public static partial class KommersParser
{
    public const string SourceName = "KommersAnnons";

    private static readonly HtmlParser Parser = new();

    public static ScrapedPage ParseList(string html, Uri baseUrl)
    {
        var document = Parser.ParseDocument(html);
        var rows = document.QuerySelectorAll("div.row").Where(r => r.QuerySelector("h4 > a[href*='/Notices/TenderNotice/']") is not null).ToList();
        var problems = new List<string>();
        if (rows.Count == 0)
        {
            // An empty list says so; a page that has neither notices nor the empty message has changed its layout.
            var text = document.Body?.TextContent ?? "";
            if (document.QuerySelector("div.row, .no-results, #notices") is null && !text.Contains("Inga annonser", StringComparison.OrdinalIgnoreCase))
            {
                throw new ParseException("Kommers Annons list has no notice rows and no empty-list message: the layout may have changed.");
            }
            return new ScrapedPage([], 0, null, problems);
        }
        var items = new List<ScrapedItem>();
        foreach (var row in rows)
        {
            var link = row.QuerySelector("h4 > a")!;
            var href = link.GetAttribute("href") ?? "";
            var id = IdPattern().Match(href) is { Success: true } m ? m.Groups[1].Value : null;
            var heading = PageText.Collapse(link.TextContent);
            var dash = heading.IndexOf(" - ", StringComparison.Ordinal);
            if (id is null || heading.Length == 0)
            {
                problems.Add($"a notice without id or title: '{Clip(heading)}'");
                continue;
            }
            var smalls = row.QuerySelectorAll("small").Select(s => PageText.Collapse(s.TextContent)).ToList();
            var published = smalls.Select(s => PublishedPattern().Match(s)).FirstOrDefault(x => x.Success);
            var cpv = smalls.Where(s => s.StartsWith("CPV:", StringComparison.OrdinalIgnoreCase))
                .SelectMany(s => CpvPattern().Matches(s).Select(x => x.Value)).Distinct().ToList();
            var nuts = smalls.FirstOrDefault(s => s.StartsWith("NUTS:", StringComparison.OrdinalIgnoreCase))?["NUTS:".Length..].Trim();
            items.Add(new ScrapedItem
            {
                Source = SourceName,
                ExternalId = id,
                Title = dash > 0 ? heading[(dash + 3)..].Trim() : heading,
                ProcurementId = null,
                Url = WebLinks.Resolve(baseUrl, href),
                PublishedOn = published is not null && DateOnly.TryParseExact(published.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
                CpvCodes = cpv,
                Place = nuts,
                Region = Normalisation.Counties.FromNuts(nuts),
                Description = row.QuerySelector("p") is { } p ? PageText.Collapse(p.TextContent) : null,
            });
        }
        var next = Pagination.NextHref(document);
        return new ScrapedPage(items, null, next, problems);
    }

    /// <summary>The detail page: buyer ("Upphandlande myndighet") and upphandlings-ID, when present.</summary>
    public static (string? Buyer, string? ProcurementId, DateTimeOffset? Deadline) ParseDetail(string html)
    {
        var document = Parser.ParseDocument(html);
        string? Value(string label)
        {
            foreach (var dt in document.QuerySelectorAll("dt, th, .label"))
            {
                if (PageText.Collapse(dt.TextContent).StartsWith(label, StringComparison.OrdinalIgnoreCase))
                {
                    var value = dt.NextElementSibling;
                    return value is null ? null : PageText.Collapse(value.TextContent);
                }
            }
            return null;
        }
        var deadlineText = Value("Sista anbudsdag");
        DateTimeOffset? deadline = deadlineText is not null && DateTime.TryParseExact(deadlineText, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? SwedishTime.At(local)
            : null;
        return (Value("Upphandlande myndighet"), Value("Upphandlings-ID"), deadline);
    }

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex(@"/Notices/TenderNotice/(\d+)")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"Publicering\s+(\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedPattern();

    [GeneratedRegex(@"\b\d{8}(-\d)?\b")]
    private static partial Regex CpvPattern();
}
