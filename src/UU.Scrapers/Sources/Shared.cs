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
