using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Seo;

public abstract class SitemapPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task SitemapPage_ListsEveryPublishedModuleSubjectAndStoryByTitle()
    {
        List<(string Slug, string Title)> modules;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            modules = (await db.Modules.Where(m => m.Status == ContentStatus.Published).Select(m => new { m.Slug, m.TitleSv }).ToListAsync())
                .Select(m => (m.Slug, m.TitleSv)).ToList();
        }
        var page = await _client.GetDocumentAsync("/webbplatskarta");
        var links = page.QuerySelectorAll("main a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim(), StringComparer.Ordinal);
        Assert.All(modules, m => Assert.Equal(m.Title, links["/utbildningar/" + m.Slug]));
        Assert.Equal("Omvårdnad", links["/amnen/omvardnad"]);
        Assert.Contains(links.Keys, k => k.StartsWith("/berattelser/", StringComparison.Ordinal));
        Assert.Contains("/tillganglighet", links.Keys);
        Assert.Contains("/sitemap.xml", links.Keys);
    }

    [Fact]
    public async Task SitemapXml_ListsTheFooterPages()
    {
        var xml = await _client.GetStringAsync("/sitemap.xml");
        foreach (var path in new[] { "/kontakt", "/personuppgifter", "/tillganglighet", "/webbplatskarta" })
        {
            Assert.Contains(path + "</loc>", xml, StringComparison.Ordinal);
        }
    }
}

public sealed class SitemapPageTestsOnSqlite(SqliteApp app) : SitemapPageTests<SqliteApp>(app);

public sealed class SitemapPageTestsOnPostgres(PostgresApp app) : SitemapPageTests<PostgresApp>(app);
