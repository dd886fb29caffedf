using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Localization;

namespace UU.Web.Features.Content;

public sealed record ResultFigure(string Figure, string Text);

/// <summary>What a page or story looks like to a visitor, in the visitor's language.</summary>
public sealed record ContentView(
    string Type, string Title, string? Summary, string BodyHtml, string? MetaTitle, string? MetaDescription,
    string? ClientName, string? Sector, string? SubjectName, string? SubjectSlug, string? Quote, string? QuoteBy,
    IReadOnlyList<ResultFigure> Results, string? ImagePath, string? ImageAlt, IReadOnlyList<ModuleCard> Modules, string Slug);

public sealed class ContentRenderer(RichText richText, CatalogueQueries catalogue, UuDbContext db)
{
    public async Task<ContentView> RenderAsync(string type, ContentFields f, CancellationToken cancellationToken)
    {
        var english = Texts.IsEnglish;
        string Pick(string sv, string? en) => english && !string.IsNullOrWhiteSpace(en) ? en : sv;
        string? PickOptional(string? sv, string? en) => english && !string.IsNullOrWhiteSpace(en) ? en : sv;

        var modules = f.ModuleSlugs.Count == 0
            ? []
            : await catalogue.PublishedModules.Where(m => f.ModuleSlugs.Contains(m.Slug))
                .Select(m => new ModuleCard(m.Id, m.Slug, m.TitleSv, m.TitleEn, m.SummarySv, m.SummaryEn, m.Subject!.NameSv, m.Subject.NameEn,
                    m.CreditBearing, m.Credits, m.Hours, m.Format, m.Level, m.Language))
                .ToListAsync(cancellationToken);
        var subject = f.SubjectSlug is null ? null : await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == f.SubjectSlug, cancellationToken);
        var results = (PickOptional(f.ResultsSv, f.ResultsEn) ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(parts => parts.Length == 2 ? new ResultFigure(parts[0], parts[1]) : new ResultFigure("", parts[0]))
            .ToList();
        return new ContentView(
            type,
            Pick(f.TitleSv, f.TitleEn),
            PickOptional(f.SummarySv, f.SummaryEn),
            richText.ToHtml(PickOptional(f.BodySv, f.BodyEn)),
            PickOptional(f.MetaTitleSv, f.MetaTitleEn),
            PickOptional(f.MetaDescriptionSv, f.MetaDescriptionEn) ?? PickOptional(f.SummarySv, f.SummaryEn),
            f.ClientName, f.Sector,
            subject is null ? null : Pick(subject.NameSv, subject.NameEn), subject?.Slug,
            PickOptional(f.QuoteSv, f.QuoteEn), f.QuoteBy,
            results, f.ImagePath, f.ImageAlt, modules, f.Slug);
    }
}
