using System.Net;

namespace UU.Web.Tests.Infrastructure;

public abstract class LanguagePathsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private readonly HttpClient _client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/en/", "Staff development built on the university's courses")]
    [InlineData("/en/utbildningar/english-for-professionals", "English for Professionals")]
    [InlineData("/en/kontakt", "Contact us")]
    public async Task EnglishAddress_ShowsTheEnglishPage(string path, string heading)
    {
        var page = await _client.GetDocumentAsync(path);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Assets_HaveOneAddressInBothLanguages_TextAssetsAreSentCompressed_AndFontsAndImagesAreCached()
    {
        var sv = await _client.GetDocumentAsync("/utbildningar/demensvard");
        var en = await _client.GetDocumentAsync("/en/utbildningar/demensvard");
        // The English page links the same stylesheet and scripts as the Swedish one, not copies under /en/.
        var stylesheet = sv.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/css/site.css?v=", stylesheet, StringComparison.Ordinal);
        Assert.Equal(stylesheet, en.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal(sv.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")), en.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")));
        Assert.All(en.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));

        using (var request = new HttpRequestMessage(HttpMethod.Get, stylesheet))
        {
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var css = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("br", Assert.Single(css.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", css.Headers.Vary); // a shared cache keeps both forms apart
            Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
        // Pages stay uncompressed: they carry antiforgery tokens beside text from the address (BREACH).
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/forfragan?q=x"))
        {
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var page = await _client.SendAsync(request);
            Assert.Empty(page.Content.Headers.ContentEncoding);
        }
        using (var font = await _client.GetAsync("/fonts/source-sans-3-latin-wght-normal.woff2"))
        {
            Assert.Equal(HttpStatusCode.OK, font.StatusCode);
            Assert.Equal(TimeSpan.FromDays(30), font.Headers.CacheControl!.MaxAge);
        }
        var illustration = sv.QuerySelector("img.module-art")!.GetAttribute("src")!;
        using (var image = await _client.GetAsync(illustration))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(TimeSpan.FromDays(1), image.Headers.CacheControl!.MaxAge);
        }
    }

    [Fact]
    public async Task ModulePage_NamesBothLanguageVersionsAndLinksOnInItsOwnLanguage()
    {
        var sv = await _client.GetDocumentAsync("/utbildningar/demensvard");
        var en = await _client.GetDocumentAsync("/en/utbildningar/demensvard");
        foreach (var page in new[] { sv, en })
        {
            Assert.Equal("https://uppdrag.example.se/utbildningar/demensvard", page.QuerySelector("link[rel=alternate][hreflang=sv]")!.GetAttribute("href"));
            Assert.Equal("https://uppdrag.example.se/en/utbildningar/demensvard", page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
            Assert.Equal("https://uppdrag.example.se/utbildningar/demensvard", page.QuerySelector("link[rel=alternate][hreflang=x-default]")!.GetAttribute("href"));
        }
        Assert.Equal("https://uppdrag.example.se/en/utbildningar/demensvard", en.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://uppdrag.example.se/utbildningar/demensvard", sv.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // The English page's own links stay in English; the Swedish page's stay unprefixed.
        Assert.NotNull(en.QuerySelector(".main-nav a[href='/en/utbildningar']"));
        Assert.NotNull(en.QuerySelector("a[href='/en/kurser/OM031G']"));
        Assert.NotNull(sv.QuerySelector(".main-nav a[href='/utbildningar']"));
        Assert.Equal("/sprak/sv?returnUrl=%2Futbildningar%2Fdemensvard", en.QuerySelector(".lang-switch a")!.GetAttribute("href"));
        Assert.Equal("/sprak/en?returnUrl=%2Fen%2Futbildningar%2Fdemensvard", sv.QuerySelector(".lang-switch a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task EnglishAddress_IsEnglishEvenWithTheSwedishCookie()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/en/amnen");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingEnglishPage_IsAnEnglishNotFoundPage()
    {
        var page = await _client.GetDocumentAsync("/en/utbildningar/finns-inte", HttpStatusCode.NotFound);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Sitemap_ListsBothLanguageVersionsOfAPageWithTheirAlternates()
    {
        var doc = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        System.Xml.Linq.XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var english = doc.Descendants(ns + "url").Single(u => u.Element(ns + "loc")!.Value == "https://uppdrag.example.se/en/utbildningar/demensvard");
        var alternates = english.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value, StringComparer.Ordinal);
        Assert.Equal("https://uppdrag.example.se/utbildningar/demensvard", alternates["sv"]);
        Assert.Equal("https://uppdrag.example.se/en/utbildningar/demensvard", alternates["en"]);
        Assert.Contains(doc.Descendants(ns + "loc"), l => l.Value == "https://uppdrag.example.se/utbildningar/demensvard");
    }
}

public sealed class LanguagePathsTestsOnSqlite(SqliteApp app) : LanguagePathsTests<SqliteApp>(app);

public sealed class LanguagePathsTestsOnPostgres(PostgresApp app) : LanguagePathsTests<PostgresApp>(app);
