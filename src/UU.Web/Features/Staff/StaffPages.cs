using Markdig;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Localization;

namespace UU.Web.Features.Staff;

public sealed record StaffPageCard(string Slug, string Title, string? Summary);

/// <summary>Reads of the staff section's published pages (content items of type <see cref="ContentTypes.Staff"/>).</summary>
public sealed class StaffPages(UuDbContext db)
{
    public IQueryable<ContentItem> Published => db.ContentItems.AsNoTracking()
        .Where(c => c.Type == ContentTypes.Staff && c.State == ContentState.Published && c.PublishedJson != null);

    public async Task<List<StaffPageCard>> ListAsync(CancellationToken cancellationToken) =>
        (await Published.ToListAsync(cancellationToken))
            .Select(c => (c.PublishedSlug!, c.Published!))
            .Select(p => new StaffPageCard(p.Item1, Texts.Pick(p.Item2.TitleSv, p.Item2.TitleEn), Texts.PickOptional(p.Item2.SummarySv, p.Item2.SummaryEn)))
            .OrderBy(c => c.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))
            .ToList();

    public async Task<ContentItem?> FindAsync(string slug, CancellationToken cancellationToken) =>
        slug.Length > 160 ? null : await Published.FirstOrDefaultAsync(c => c.PublishedSlug == slug, cancellationToken);
}

/// <summary>
/// The participants' rights and obligations: one staff page with a fixed address, edited, drafted and published like every
/// other page, shown on every public module page and filled into offers and agreement clauses in Swedish or English.
/// </summary>
public sealed class ParticipantRights(StaffPages pages, RichText richText)
{
    public const string Slug = "deltagarnas-rattigheter";

    private static readonly MarkdownPipeline Plain = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The published text in the visitor's language (English falls back to Swedish), as safe HTML; null when none is published.</summary>
    public async Task<RightsText?> ForVisitorAsync(CancellationToken cancellationToken) =>
        await InAsync(Texts.IsEnglish ? "en" : "sv", cancellationToken) is { } text ? text with { Html = richText.ToHtml(text.Markdown) } : null;

    /// <summary>The published text in the language ("sv" or "en"; English falls back to Swedish); null when none is published.</summary>
    public async Task<RightsText?> InAsync(string language, CancellationToken cancellationToken)
    {
        var item = await pages.FindAsync(Slug, cancellationToken);
        if (item?.Published is not { } f || string.IsNullOrWhiteSpace(f.BodySv))
        {
            return null;
        }
        var english = language == "en" && !string.IsNullOrWhiteSpace(f.BodyEn);
        var title = english && !string.IsNullOrWhiteSpace(f.TitleEn) ? f.TitleEn : f.TitleSv;
        var markdown = english ? f.BodyEn! : f.BodySv;
        return new RightsText(title, markdown, ToPlainText(markdown), "");
    }

    /// <summary>The text without Markdown marks, one paragraph or list item a line, for a Word document.</summary>
    public static string ToPlainText(string markdown) =>
        string.Join("\n", Markdown.ToPlainText(markdown, Plain).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

public sealed record RightsText(string Title, string Markdown, string PlainText, string Html);
