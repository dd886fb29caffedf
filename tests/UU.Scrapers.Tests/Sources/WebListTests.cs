using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Sources;

public sealed class WebListTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void Skolverket_ItemsAreReadBySelectors()
    {
        var page = WebListParser.Parse(Fixture("skolverket-upphandlingar.html"), new Uri("https://www.skolverket.se/om-oss/upphandling/"), WebListDefinition.Skolverket, "Skolverket");
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("Anbudsförfrågan: Lärarlyftet – specialpedagogik för lärare 2027", first.Title);
        Assert.Equal("https://www.skolverket.se/om-oss/upphandling/pagaende-upphandlingar/larar-lyftet-specialpedagogik-2027", first.Url);
        Assert.Equal(new DateOnly(2026, 6, 30), first.PublishedOn);
        Assert.Equal(new DateOnly(2026, 8, 31), DateOnly.FromDateTime(first.Deadline!.Value.DateTime));
        Assert.Equal(TimeSpan.FromHours(2), first.Deadline.Value.Offset); // Swedish summer time
        Assert.Contains("7,5 hp", first.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 15), DateOnly.FromDateTime(page.Items[1].Deadline!.Value.DateTime));
        Assert.Contains(page.Problems, p => p.Contains("item 3: no title", StringComparison.Ordinal));
    }

    [Fact]
    public void ASelectorThatMatchesNothing_IsReported_AndAnInvalidOneNamed()
    {
        var definition = WebListDefinition.Skolverket with { ItemSelector = "div.news-item" };
        var page = WebListParser.Parse(Fixture("skolverket-upphandlingar.html"), new Uri("https://www.skolverket.se/"), definition, "Skolverket");
        Assert.Empty(page.Items);
        Assert.Contains(page.Problems, p => p.Contains("div.news-item", StringComparison.Ordinal));
        var error = Assert.Throws<ParseException>(() => WebListParser.Parse("<ul></ul>", new Uri("https://www.skolverket.se/"), definition with { ItemSelector = "ul >> li[" }, "Skolverket"));
        Assert.Contains("ul >> li[", error.Message, StringComparison.Ordinal);
    }
}
