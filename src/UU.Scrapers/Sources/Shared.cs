using System.Text.Json;
using System.Text.RegularExpressions;

namespace UU.Scrapers.Sources;

internal static partial class PageText
{
    /// <summary>Text as a reader sees it: runs of white space (line breaks, tabs, indentation) made one space, trimmed.</summary>
    public static string Collapse(string text) => WhitespacePattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

/// <summary>
/// The links a lead may carry: absolute http or https only. A page can hold anything in an href (javascript:, data:,
/// file:, a mailto:), and a lead's link is rendered as a link in the office: anything else is dropped at parsing.
/// </summary>
public static class WebLinks
{
    /// <summary>The absolute http(s) address of <paramref name="href"/> against <paramref name="baseUrl"/>, or null.</summary>
    public static string? Resolve(Uri? baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }
        var resolved = baseUrl is null ? Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) ? absolute : null
            : Uri.TryCreate(baseUrl, href.Trim(), out var relative) ? relative : null;
        return resolved is { IsAbsoluteUri: true } && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps) ? resolved.AbsoluteUri : null;
    }
}

internal static class JsonAnswer
{
    /// <summary>Parses a source's JSON answer, naming the source and the line when it is not JSON (a truncated body).</summary>
    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ParseException($"{source} answer is not valid JSON (line {ex.LineNumber + 1}).");
        }
    }
}

/// <summary>
/// Finds a list page's link to the next page in the pagers sites actually use: <c>rel=next</c>, a link with the
/// class <c>next</c>, or a plain numbered pager (Bootstrap's <c>ul.pagination</c>) with a "Nästa"/»/Next link or
/// the number after the current page. A disabled "Nästa" on the last page is no link.
/// </summary>
internal static class Pagination
{
    private static readonly string[] NextWords = ["nästa", "nästa sida", "next", "»", "›", ">", "→", "nästa »", "nästa ›"];

    public static string? NextHref(AngleSharp.Dom.IDocument document)
    {
        if (document.QuerySelector("a[rel~=next][href], .pagination a.next[href]")?.GetAttribute("href") is { Length: > 0 } marked)
        {
            return marked;
        }
        foreach (var pager in document.QuerySelectorAll(".pagination, nav[aria-label] ul, .pager"))
        {
            var links = pager.QuerySelectorAll("a[href]")
                .Where(a => a.Closest("li")?.ClassList.Contains("disabled") != true && a.GetAttribute("aria-disabled") != "true")
                .ToList();
            var worded = links.FirstOrDefault(a => NextWords.Contains(Label(a), StringComparer.OrdinalIgnoreCase));
            if (worded is not null)
            {
                return worded.GetAttribute("href");
            }
            // No "next" link: the number after the current page (li.active or aria-current), if it is a link.
            var current = pager.QuerySelector("li.active, [aria-current=page]");
            if (current is not null && int.TryParse(Label(current), out var number))
            {
                var following = (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (links.FirstOrDefault(a => Label(a) == following) is { } numbered)
                {
                    return numbered.GetAttribute("href");
                }
            }
        }
        return null;
    }

    // A link's words, without the screen-reader-only text Bootstrap adds ("(current)").
    private static string Label(AngleSharp.Dom.IElement element) => PageText.Collapse(Visible(element));

    private static string Visible(AngleSharp.Dom.INode node) => node switch
    {
        AngleSharp.Dom.IElement e when e.ClassList.Contains("sr-only") || e.ClassList.Contains("visually-hidden") => "",
        AngleSharp.Dom.IElement e => string.Concat(e.ChildNodes.Select(Visible)),
        _ => node.TextContent,
    };
}
