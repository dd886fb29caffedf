using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Sources;

public sealed class ParserTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void Ted_FlattensLanguageMapsArraysAndDates()
    {
        var page = TedParser.Parse(Fixture("ted-search.json"));
        Assert.Equal(3, page.Total);
        Assert.Equal("eyJwYWdlIjoyfQ", page.Next);
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("476409-2026", first.TedNumber);
        Assert.Equal("Fortbildning i specialpedagogik för lärare i Sundsvalls kommun", first.Title);
        Assert.Equal("Sundsvalls kommun", first.Buyer);
        Assert.Equal("Sundsvall", first.Place);
        Assert.Equal("Västernorrlands län", first.Region); // from the NUTS code of the place of performance
        Assert.Equal(new DateOnly(2026, 7, 10), first.PublishedOn);
        Assert.Equal(new DateTimeOffset(2026, 8, 25, 23, 59, 0, TimeSpan.FromHours(2)), first.Deadline);
        Assert.Equal(["80530000", "80500000"], first.CpvCodes); // repeats removed
        Assert.Equal(2_400_000m, first.Value);
        Assert.Equal("SEK", first.Currency);
        Assert.StartsWith("https://www.kommersannons.se/", first.Url, StringComparison.Ordinal);
        // English only, no time: the English title and the end of the day.
        var second = page.Items[1];
        Assert.Equal("Leadership programme for first-line managers", second.Title);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 23, 59, 0, TimeSpan.FromHours(2)), second.Deadline);
        Assert.Null(second.Value);
        Assert.Null(second.Region); // no place of performance given
        // The notice without a number is reported, not guessed.
        Assert.Contains(page.Problems, p => p.Contains("publication number", StringComparison.Ordinal));
    }

    [Fact]
    public void Ted_EmptyAndBrokenAnswers()
    {
        Assert.Empty(TedParser.Parse(Fixture("ted-empty.json")).Items);
        Assert.Contains("not valid JSON", Assert.Throws<ParseException>(() => TedParser.Parse(Fixture("ted-truncated.json"))).Message, StringComparison.Ordinal);
        Assert.Contains("notices", Assert.Throws<ParseException>(() => TedParser.Parse("{\"results\": []}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ted_QueryAsksForSwedishEducationNotices()
    {
        using var query = System.Text.Json.JsonDocument.Parse(TedParser.Query(["80000000", "80530000"], 7, null));
        Assert.Equal("buyer-country=SWE AND classification-cpv IN (80000000 80530000) AND publication-date>=today(-7)", query.RootElement.GetProperty("query").GetString());
        Assert.Equal("ITERATION", query.RootElement.GetProperty("paginationMode").GetString());
        Assert.Contains(query.RootElement.GetProperty("fields").EnumerateArray(), f => f.GetString() == "classification-cpv");
    }

    [Fact]
    public void Kommers_ReadsRowsIdsTitlesDatesCpvAndTheNextPage()
    {
        var page = KommersParser.ParseList(Fixture("kommers-list.html"), new Uri("https://www.kommersannons.se"));
        Assert.Equal(3, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("88412", first.ExternalId);
        Assert.Equal("Kompetensutveckling i specialpedagogik för grundskolans lärare", first.Title);
        Assert.Equal("https://www.kommersannons.se/Notices/TenderNotice/88412", first.Url);
        Assert.Equal(new DateOnly(2026, 7, 9), first.PublishedOn);
        Assert.Equal(["80530000-8", "80500000-9"], first.CpvCodes);
        Assert.Equal("SE321 Västernorrlands län", first.Place);
        Assert.Contains("60 lärare", first.Description, StringComparison.Ordinal);
        Assert.Equal("/Notices/TenderNotices?SearchString=utbildning&PageIndex=2", page.Next);
    }

    [Fact]
    public void Kommers_DetailGivesBuyerProcurementIdAndDeadline()
    {
        var (buyer, procurementId, deadline) = KommersParser.ParseDetail(Fixture("kommers-detail.html"));
        Assert.Equal("Sundsvalls kommun", buyer);
        Assert.Equal("88412", procurementId);
        Assert.Equal(new DateTimeOffset(2026, 8, 25, 23, 59, 0, TimeSpan.FromHours(2)), deadline);
    }

    [Fact]
    public void Kommers_AnEmptyListIsEmpty_AndAChangedLayoutIsReported()
    {
        Assert.Empty(KommersParser.ParseList(Fixture("kommers-empty.html"), new Uri("https://www.kommersannons.se")).Items);
        var error = Assert.Throws<ParseException>(() => KommersParser.ParseList(Fixture("kommers-changed-layout.html"), new Uri("https://www.kommersannons.se")));
        Assert.Contains("layout", error.Message, StringComparison.Ordinal);
    }
}
