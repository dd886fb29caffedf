using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Content;
using UU.Web.Localization;

namespace UU.Web.Features.Seo;

public sealed record SitemapLink(string Path, string Title);

/// <summary>The sitemap for people (/webbplatskarta): the same published pages as sitemap.xml, by kind, with their titles.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class SitemapModel(UuDbContext db) : PageModel
{
    public IReadOnlyList<SitemapLink> Modules { get; private set; } = [];
    public IReadOnlyList<SitemapLink> Subjects { get; private set; } = [];
    public IReadOnlyList<SitemapLink> Stories { get; private set; } = [];
    public IReadOnlyList<SitemapLink> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking()
            .Where(m => m.Status == ContentStatus.Published)
            .Select(m => new { m.Slug, m.TitleSv, m.TitleEn })
            .ToListAsync(cancellationToken);
        Modules = Sorted(modules.Select(m => new SitemapLink("/utbildningar/" + m.Slug, Texts.Pick(m.TitleSv, m.TitleEn))));
        var subjects = await db.Subjects.AsNoTracking().Select(s => new { s.Slug, s.NameSv, s.NameEn }).ToListAsync(cancellationToken);
        Subjects = Sorted(subjects.Select(s => new SitemapLink("/amnen/" + s.Slug, Texts.Pick(s.NameSv, s.NameEn))));
        var content = await db.ContentItems.AsNoTracking()
            .Where(c => c.State == ContentState.Published && c.PublishedSlug != null)
            .ToListAsync(cancellationToken);
        var links = content.Where(c => c.Published is not null)
            .Select(c => (c.Type, Link: new SitemapLink(ContentTypes.PublicPath(c.Type, c.PublishedSlug!), Texts.Pick(c.Published!.TitleSv, c.Published.TitleEn))))
            .ToList();
        Stories = Sorted(links.Where(l => l.Type == ContentTypes.Story).Select(l => l.Link));
        Pages = Sorted(links.Where(l => l.Type != ContentTypes.Story).Select(l => l.Link));
    }

    private static List<SitemapLink> Sorted(IEnumerable<SitemapLink> links) =>
        links.OrderBy(l => l.Title, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
}
