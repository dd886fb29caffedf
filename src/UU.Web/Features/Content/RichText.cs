using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace UU.Web.Features.Content;

/// <summary>
/// Markdown to safe HTML. Raw HTML in the Markdown is not passed through, and the result is sanitised once more,
/// so a stored &lt;script&gt;, a javascript: link or an event handler never reaches a visitor. Text nested deeper than
/// <see cref="MaxNesting"/> is refused on save (<see cref="Problem"/>); and should a stored text still fail to render,
/// that one text shows a neutral placeholder (and is logged) instead of breaking the page or list it is on.
/// </summary>
public sealed partial class RichText(ILogger<RichText> logger)
{
    /// <summary>The deepest nesting of quotes, lists and emphasis a text may have (real texts use three or four).</summary>
    public const int MaxNesting = 16;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = Sanitizer();

    /// <summary>Shown where a stored text could not be rendered.</summary>
    public const string Placeholder = "<p class=\"render-failed\">–</p>";

    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        try
        {
            return _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException or FormatException)
        {
            // Markdig refuses very deep nesting by throwing; one such text must not take its list down with it.
            LogRenderFailed(logger, ex, markdown.Length);
            return Placeholder;
        }
    }

    /// <summary>Why a text cannot be saved as Markdown (too deeply nested, text key "content.error.nesting"), or null when it can.</summary>
    public static string? Problem(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return "content.error.nesting"; // deeper than Markdig's own limit
        }
        return Depth(document, 0) > MaxNesting ? "content.error.nesting" : null;
    }

    private static int Depth(MarkdownObject node, int depth)
    {
        if (depth > MaxNesting)
        {
            return depth;
        }
        var deepest = depth;
        switch (node)
        {
            case ContainerBlock container:
                foreach (var child in container)
                {
                    deepest = Math.Max(deepest, Depth(child, depth + 1));
                }
                break;
            case LeafBlock { Inline: { } inline }:
                deepest = Math.Max(deepest, Depth(inline, depth));
                break;
            case ContainerInline inlines:
                foreach (var child in inlines)
                {
                    deepest = Math.Max(deepest, Depth(child, depth + 1));
                }
                break;
        }
        return deepest;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored Markdown text ({Length} characters) could not be rendered; a placeholder is shown")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, int length);
}
