using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.About;

public abstract class FooterPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Footer_OnEveryPublicPage_GivesContactDetailsAndLinksTheLegalPages()
    {
        foreach (var path in new[] { "/", "/utbildningar", "/forfragan", "/berattelser" })
        {
            var page = await _client.GetDocumentAsync(path);
            var footer = page.QuerySelector("footer.site-footer")!;
            Assert.Contains("060-14 80 00", footer.TextContent, StringComparison.Ordinal);
            Assert.NotNull(footer.QuerySelector("a[href='mailto:uppdragsutbildning@uu-demo.se']"));
            var links = footer.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("/kontakt", links);
            Assert.Contains("/personuppgifter", links);
            Assert.Contains("/tillganglighet", links);
            Assert.Contains("/webbplatskarta", links);
            Assert.DoesNotContain("/sitemap.xml", links);
        }
    }

    [Theory]
    [InlineData("/kontakt", "Kontakta oss", "Contact us")]
    [InlineData("/personuppgifter", "Så hanterar vi personuppgifter", "How we handle personal data")]
    [InlineData("/tillganglighet", "Tillgänglighetsredogörelse", "Accessibility statement")]
    [InlineData("/webbplatskarta", "Webbplatskarta", "Sitemap")]
    public async Task FooterPage_ReadsInBothLanguages(string path, string swedish, string english)
    {
        var sv = await _client.GetDocumentAsync(path);
        Assert.Equal(swedish, sv.QuerySelector("h1")!.TextContent.Trim());
        var en = await _client.GetDocumentAsync(path + "?culture=en");
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Equal(english, en.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task PrivacyNotice_SaysWhatTheInquiryFormStoresWhyAndForHowLong()
    {
        var text = (await _client.GetDocumentAsync("/personuppgifter")).QuerySelector("main")!.TextContent;
        // What the form stores (the fields of an inquiry), why, and the retention the code applies: none automatic.
        Assert.Contains("organisationsnummer", text, StringComparison.Ordinal);
        Assert.Contains("e-postadress", text, StringComparison.Ordinal);
        Assert.Contains("samtycke", text, StringComparison.Ordinal);
        Assert.Contains("raderar inte förfrågningar automatiskt", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilityStatement_HasWhatTheDosLawAsksFor()
    {
        var main = (await _client.GetDocumentAsync("/tillganglighet")).QuerySelector("main")!;
        var headings = main.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Innehåll som inte är tillgängligt", headings);
        Assert.Contains("Rapportera brister", headings);
        Assert.Contains("Tillsyn", headings);
        Assert.Contains("2018:1937", main.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector("a[href^='https://www.digg.se/']"));
    }

    [Fact]
    public async Task Favicon_IsServedAsSvgAndIco()
    {
        var page = await _client.GetDocumentAsync("/");
        Assert.NotNull(page.QuerySelector("link[rel='icon'][href='/favicon.svg'][type='image/svg+xml']"));
        Assert.NotNull(page.QuerySelector("link[rel='icon'][href='/favicon.ico']"));
        var ico = await _client.GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, ico.StatusCode);
        var svg = await _client.GetStringAsync("/favicon.svg");
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
    }
}

public sealed class FooterPagesTestsOnSqlite(SqliteApp app) : FooterPagesTests<SqliteApp>(app);

public sealed class FooterPagesTestsOnPostgres(PostgresApp app) : FooterPagesTests<PostgresApp>(app);
