using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Infrastructure;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Seo;

public static class SeoEndpoints
{
    private static readonly XmlWriterSettings XmlSettings = new() { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) };

    public static WebApplication MapSeo(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", WriteSitemapAsync);
        app.MapGet("/robots.txt", (SiteUrls urls) =>
            TypedResults.Text($"User-agent: *\nDisallow: /office/\nDisallow: /personal/\nDisallow: /api/\nDisallow: /forfragan/tack/\nDisallow: /en/forfragan/tack/\nSitemap: {urls.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"));
        return app;
    }

    /// <summary>Every published public page: start, catalogue, published modules, subjects, themes and courses.</summary>
    private static async Task WriteSitemapAsync(HttpContext context, UuDbContext db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking()
            .Where(m => m.Status == ContentStatus.Published)
            .OrderBy(m => m.Slug)
            .Select(m => new { m.Slug, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.UpdatedAt }).ToListAsync(cancellationToken);
        var content = await db.ContentItems.AsNoTracking()
            .Where(c => c.State == UU.Web.Features.Content.ContentState.Published && c.PublishedSlug != null && UU.Web.Features.Content.ContentTypes.Public.Contains(c.Type))
            .OrderBy(c => c.Type).ThenBy(c => c.PublishedSlug)
            .Select(c => new { c.Type, c.PublishedSlug, c.PublishedAt })
            .ToListAsync(cancellationToken);

        context.Response.ContentType = "application/xml; charset=utf-8";
        // Written in memory, then sent asynchronously: the writer's synchronous calls must never flush to the response
        // (Kestrel disallows synchronous I/O), and with both languages the sitemap outgrows the writer's buffer.
        using var buffer = new MemoryStream();
        var writer = XmlWriter.Create(buffer, XmlSettings);
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        await writer.WriteStartDocumentAsync();
        const string xhtml = "http://www.w3.org/1999/xhtml";
        writer.WriteStartElement("urlset", ns);
        writer.WriteAttributeString("xmlns", "xhtml", null, xhtml);
        // Each page twice, Swedish and English (/en/...), each naming both as its language alternates.
        void Url(string path, DateTimeOffset? modified = null)
        {
            foreach (var loc in new[] { urls.Swedish(path), urls.English(path) })
            {
                writer.WriteStartElement("url", ns);
                writer.WriteElementString("loc", ns, loc);
                if (modified is { } m)
                {
                    writer.WriteElementString("lastmod", ns, m.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                foreach (var (language, href) in new[] { ("sv", urls.Swedish(path)), ("en", urls.English(path)), ("x-default", urls.Swedish(path)) })
                {
                    writer.WriteStartElement("xhtml", "link", xhtml);
                    writer.WriteAttributeString("rel", "alternate");
                    writer.WriteAttributeString("hreflang", language);
                    writer.WriteAttributeString("href", href);
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
        }
        Url("/");
        Url("/utbildningar");
        Url("/amnen");
        Url("/forfragan");
        Url("/berattelser");
        Url("/kontakt");
        Url("/personuppgifter");
        Url("/tillganglighet");
        Url("/webbplatskarta");
        foreach (var c in content)
        {
            Url(UU.Web.Features.Content.ContentTypes.PublicPath(c.Type, c.PublishedSlug!), c.PublishedAt);
        }
        foreach (var m in modules)
        {
            Url("/utbildningar/" + m.Slug, m.UpdatedAt);
        }
        foreach (var s in subjects)
        {
            Url("/amnen/" + s);
        }
        foreach (var t in themes)
        {
            Url("/teman/" + t);
        }
        foreach (var c in courses)
        {
            Url("/kurser/" + c.Code, c.UpdatedAt);
        }
        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
        writer.Dispose();
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
