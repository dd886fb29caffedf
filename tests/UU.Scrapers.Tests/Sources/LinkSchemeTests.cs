using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Sources;

/// <summary>A scraped lead's link is rendered as a link in the office: only http and https addresses survive parsing.</summary>
public sealed class LinkSchemeTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static readonly WebListDefinition Kommun = new()
    {
        ItemSelector = "article.news-item",
        TitleSelector = "h2.news-title a",
        LinkSelector = "h2.news-title a",
        DateSelector = "time.news-date",
        SummarySelector = "p.news-lead",
    };

    [Fact]
    public void JavascriptAndDataLinks_AreDropped_WithAProblemEach()
    {
        var page = WebListParser.Parse(Fixture("kommun-upphandlingar-lankar.html"), new Uri("https://www.timra.se/naringsliv/upphandling/"), Kommun, "Timrå kommun");

        Assert.Equal(
            ["https://www.timra.se/naringsliv/upphandling/2026-40-handledning-specialpedagogik", "https://www.e-avrop.com/timra/e-Upphandling/Visa/2026-41"],
            page.Items.Select(i => i.Url));
        Assert.Equal(3, page.Problems.Count(p => p.Contains("not an http or https address", StringComparison.Ordinal)));
        Assert.DoesNotContain(page.Items, i => i.Title.Contains("digital pedagogik", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("mailto:upphandling@timra.se", null)]
    [InlineData("//cdn.example.se/a", "https://cdn.example.se/a")]
    [InlineData("/upphandling/1", "https://www.timra.se/upphandling/1")]
    [InlineData("http://www.timra.se/x", "http://www.timra.se/x")]
    public void OnlyWebAddresses_AreKept(string href, string? expected) =>
        Assert.Equal(expected, WebLinks.Resolve(new Uri("https://www.timra.se/naringsliv/"), href));
}
