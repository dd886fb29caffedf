namespace UU.Search.Tests.Querying;

/// <summary>A short first page goes on with related hits (some words, a compound's parts), after the hits and apart from them.</summary>
public sealed class RelatedHitsTests
{
    private static Task<TestIndex> CatalogueAsync() => new TestIndex().FillAsync(
        TestIndex.Module(1, "Förvaltningsrätt för handläggare", "Myndighetsutövning och beslut.", "juridik"),
        TestIndex.Module(2, "Offentlig förvaltning", "Hur kommuner och regioner styrs.", "statsvetenskap"),
        TestIndex.Module(3, "Offentlig rätt", "Grundlagarna och den kommunala självstyrelsen.", "juridik"),
        TestIndex.Module(4, "Matematikdidaktik", "Undervisning i matematik.", "matematik"));

    [Fact]
    public async Task ACompoundWithFewHits_IsFollowedByCoursesOnItsParts_NotCountedAndNotRepeated()
    {
        using var index = await CatalogueAsync();
        var result = index.Index.Search(new SearchRequest { Query = "förvaltningsrätt", PageSize = 10, WithRelated = true });

        Assert.Equal(["Förvaltningsrätt för handläggare"], result.Hits.Select(h => h.Title));
        Assert.Equal(1, result.Total);
        var related = result.Related.Select(h => h.Title).ToList();
        Assert.Contains("Offentlig förvaltning", related);
        Assert.Contains("Offentlig rätt", related);
        Assert.DoesNotContain("Förvaltningsrätt för handläggare", related);
        Assert.DoesNotContain("Matematikdidaktik", related);
        Assert.Equal(result.Hits.Concat(result.Related).Select(h => h.Type + ":" + h.Slug), result.SlugKeys());
    }

    [Fact]
    public async Task SomeOfTheWords_FillAShortPage()
    {
        using var index = await CatalogueAsync();
        var result = index.Index.Search(new SearchRequest { Query = "offentlig förvaltning styrning", PageSize = 10, WithRelated = true });
        Assert.Contains("Offentlig förvaltning", result.Hits.Select(h => h.Title));
        Assert.Contains("Offentlig rätt", result.Related.Select(h => h.Title)); // "offentlig" alone
    }

    [Fact]
    public async Task AFullPage_ALaterPage_OrACallerThatDoesNotAsk_GetsNoRelatedHits()
    {
        using var index = await CatalogueAsync();
        Assert.Empty(index.Index.Search(new SearchRequest { Query = "förvaltningsrätt", PageSize = 1, WithRelated = true }).Related);
        Assert.Empty(index.Index.Search(new SearchRequest { Query = "förvaltningsrätt", PageSize = 10, Page = 2, WithRelated = true }).Related);
        Assert.Empty(index.Index.Search(new SearchRequest { Query = "förvaltningsrätt", PageSize = 10 }).Related);
    }

    [Fact]
    public async Task RelatedHits_KeepTheFilters()
    {
        using var index = await CatalogueAsync();
        var result = index.Index.Search(new SearchRequest
        {
            Query = "förvaltningsrätt",
            PageSize = 10,
            WithRelated = true,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["subject"] = ["juridik"] },
        });
        Assert.Equal(["Offentlig rätt"], result.Related.Select(h => h.Title));
    }
}
