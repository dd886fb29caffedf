using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace UU.Scrapers.Sources;

/// <summary>A web page that lists items, described by CSS selectors (the coordinators' "add a source without code").</summary>
public sealed record WebListDefinition
{
    public required string ItemSelector { get; init; }
    public required string TitleSelector { get; init; }
    /// <summary>An element whose href is the item's link (often the same as the title).</summary>
    public required string LinkSelector { get; init; }
    public string? DateSelector { get; init; }
    public string? DeadlineSelector { get; init; }
    public string? SummarySelector { get; init; }

    /// <summary>Problems with the selectors, each naming its field: a required one missing, or one that is not valid CSS.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var problems = new List<(string, string)>();
        var probe = new HtmlParser().ParseDocument("<html><body></body></html>");
        foreach (var (field, selector, required) in new (string, string?, bool)[]
        {
            (nameof(ItemSelector), ItemSelector, true), (nameof(TitleSelector), TitleSelector, true), (nameof(LinkSelector), LinkSelector, true),
            (nameof(DateSelector), DateSelector, false), (nameof(DeadlineSelector), DeadlineSelector, false), (nameof(SummarySelector), SummarySelector, false),
        })
        {
            if (string.IsNullOrWhiteSpace(selector))
            {
                if (required)
                {
                    problems.Add((field, "is required"));
                }
                continue;
            }
            try
            {
                _ = probe.QuerySelector(selector);
            }
            catch (DomException)
            {
                problems.Add((field, $"'{selector}' is not a valid CSS selector"));
            }
        }
        return problems;
    }

    /// <summary>Skolverket's list of ongoing procurements (anbudsförfrågningar to universities).</summary>
    public static readonly WebListDefinition Skolverket = new()
    {
        ItemSelector = "ul.procurement-list > li",
        TitleSelector = "h3 a",
        LinkSelector = "h3 a",
        DateSelector = ".published",
        DeadlineSelector = ".deadline",
        SummarySelector = ".summary",
    };
}

public static partial class WebListParser
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Items found by the selectors; an item without title or link is reported, a bad selector too.</summary>
    public static ScrapedPage Parse(string html, Uri baseUrl, WebListDefinition definition, string sourceName)
    {
        var document = Parser.ParseDocument(html);
        IHtmlCollection<IElement> nodes;
        try
        {
            nodes = document.QuerySelectorAll(definition.ItemSelector);
        }
        catch (DomException)
        {
            throw new ParseException($"The item selector '{definition.ItemSelector}' is not a valid CSS selector.");
        }
        var items = new List<ScrapedItem>();
        var problems = new List<string>();
        if (nodes.Length == 0)
        {
            problems.Add($"no element matches the item selector '{definition.ItemSelector}'");
        }
        var index = 0;
        foreach (var node in nodes)
        {
            index++;
            var title = Text(Select(node, definition.TitleSelector));
            var href = Select(node, definition.LinkSelector)?.GetAttribute("href");
            if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(href))
            {
                problems.Add($"item {index}: no {(string.IsNullOrEmpty(title) ? "title" : "link")}");
                continue;
            }
            if (WebLinks.Resolve(baseUrl, href) is not { } link)
            {
                problems.Add($"item {index}: the link is not an http or https address");
                continue;
            }
            var url = new Uri(link);
            var deadline = ParseDate(Text(Select(node, definition.DeadlineSelector)));
            items.Add(new ScrapedItem
            {
                Source = sourceName,
                ExternalId = url.AbsoluteUri,
                Title = title,
                Url = url.AbsoluteUri,
                PublishedOn = ParseDate(Text(Select(node, definition.DateSelector))),
                Deadline = deadline is { } d ? SwedishTime.EndOfDay(d) : null,
                Description = Text(Select(node, definition.SummarySelector)),
            });
        }
        return new ScrapedPage(items, items.Count, null, problems);
    }

    private static IElement? Select(IElement node, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }
        try
        {
            return node.QuerySelector(selector);
        }
        catch (DomException)
        {
            throw new ParseException($"The selector '{selector}' is not a valid CSS selector.");
        }
    }

    private static string? Text(IElement? element) =>
        element is null ? null : PageText.Collapse(element.TextContent) is { Length: > 0 } text ? text : null;

    /// <summary>Finds a date in text such as "Publicerad: 2026-06-30" or "Sista anbudsdag 31 augusti 2026".</summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (IsoDate().Match(text) is { Success: true } iso && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a))
        {
            return a;
        }
        if (SwedishDate().Match(text) is { Success: true } sv && DateOnly.TryParseExact(sv.Value.ToLowerInvariant(), "d MMMM yyyy", Swedish, DateTimeStyles.None, out var b))
        {
            return b;
        }
        return null;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex SwedishDate();
}
