using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Sources;

public sealed class JobTechTests
{
    private static string Fixture() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "jobtech-search.json"));

    [Fact]
    public void Ads_AreReadWithoutTheirContactPersons()
    {
        var (ads, total, problems) = JobTechParser.Parse(Fixture());
        Assert.Equal(6, total);
        Assert.Equal(5, ads.Count);
        Assert.Single(problems);
        var first = ads[0];
        Assert.Equal(("Sundsvalls kommun", "2120002411", "Grundskollärare", "Sundsvall", 2), (first.Employer, first.OrganisationNumber, first.Occupation, first.Municipality, first.Vacancies));
        Assert.Equal(new DateOnly(2026, 6, 20), first.Published);
        Assert.DoesNotContain("Eva Exempel", System.Text.Json.JsonSerializer.Serialize(ads), StringComparison.Ordinal);
    }

    [Fact]
    public void AdsAggregate_PerEmployerAndOccupation_WithinTheWindow()
    {
        var (ads, _, _) = JobTechParser.Parse(Fixture());
        var needs = JobTechParser.Aggregate(ads, new DateOnly(2026, 7, 10), windowDays: 60);
        var need = Assert.Single(needs); // Timrå's single post is below the minimum; January's ad is outside the window
        Assert.Equal("Sundsvalls kommun har annonserat 6 tjänster som grundskollärare på 60 dagar", need.Title);
        Assert.Equal("212000-2411|grundskollärare", need.ExternalId);
        Assert.Equal("Sundsvall", need.Place);
        Assert.Equal(new DateOnly(2026, 7, 5), need.PublishedOn);
        Assert.Contains("Bredsand", need.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenAnswers_AreReported()
    {
        Assert.Throws<ParseException>(() => JobTechParser.Parse("{\"total\": {\"value\": 1}}"));
        Assert.Throws<ParseException>(() => JobTechParser.Parse("{\"hits\": [ {\"id\": "));
    }
}
