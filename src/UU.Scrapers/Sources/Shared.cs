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
