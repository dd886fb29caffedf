using AngleSharp.Html.Dom;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions;

/// <summary>The office's case list sorted by a column from the address, its page links keeping filter and sort.</summary>
public abstract class CaseListSortingTests(Provider provider)
{
    private static List<string> Organisations(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=cases] tbody tr td:nth-child(3)").Select(td => td.TextContent.Split('·')[0].Trim()).ToList();

    /// <summary>Cases from "word C", "word A", "word B" entered in that order (so the newest reference is B's), and one from elsewhere.</summary>
    private static async Task<(string Word, HttpClient Coordinator)> SeedAsync(UuWebFactory app)
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var word = "Sorteringskommun" + Guid.NewGuid().ToString("N")[..6];
        foreach (var letter in new[] { "C", "A", "B" })
        {
            await OfficeCases.EnterAsync(app, coordinator, "pedagogik", organisation: $"{word} {letter}");
        }
        await OfficeCases.EnterAsync(app, coordinator, "pedagogik", organisation: "Annan kommun");
        return (word, coordinator);
    }

    [Fact]
    public async Task ASortKey_OrdersTheCases_AndThePageLinksKeepFilterAndSort()
    {
        await using var app = new UuWebFactory(provider);
        var (word, coordinator) = await SeedAsync(app);

        Assert.Equal([$"{word} B", $"{word} A", $"{word} C"], Organisations(await coordinator.GetDocumentAsync($"/office/forfragningar?q={word}")));

        var byName = await coordinator.GetDocumentAsync($"/office/forfragningar?q={word}&sortera=organisation&ordning=stigande");
        Assert.Equal([$"{word} A", $"{word} B", $"{word} C"], Organisations(byName));
        Assert.Equal("ascending", byName.QuerySelector("th[data-sort=organisation]")!.GetAttribute("aria-sort"));
        Assert.Null(byName.QuerySelector("th[data-sort=referens]")!.GetAttribute("aria-sort"));

        var seen = new List<string>();
        var href = $"/office/forfragningar?q={word}&pageSize=2&sortera=organisation&ordning=fallande";
        while (href is not null)
        {
            var page = await coordinator.GetDocumentAsync(href);
            Assert.All(page.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")!), link =>
            {
                Assert.Contains("q=" + word, link, StringComparison.Ordinal);
                Assert.Contains("sortera=organisation", link, StringComparison.Ordinal);
                Assert.Contains("ordning=fallande", link, StringComparison.Ordinal);
            });
            seen.AddRange(Organisations(page));
            href = page.QuerySelector("[data-testid=pager] a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal([$"{word} C", $"{word} B", $"{word} A"], seen);
    }

    [Theory]
    [InlineData("sortera=ReceivedAt%20desc")]
    [InlineData("sortera=organisation%27&ordning=stigande")]
    [InlineData("page=abc")]
    [InlineData("page=0&sortera=fas%3Bdrop")]
    public async Task ABadSortOrPage_ShowsTheDefaultList(string query)
    {
        await using var app = new UuWebFactory(provider);
        var (word, coordinator) = await SeedAsync(app);

        var page = await coordinator.GetDocumentAsync($"/office/forfragningar?q={word}&{query}");

        Assert.Equal([$"{word} B", $"{word} A", $"{word} C"], Organisations(page));
        Assert.Equal("descending", page.QuerySelector("th[data-sort=referens]")!.GetAttribute("aria-sort"));
    }
}

public sealed class CaseListSortingTestsOnSqlite() : CaseListSortingTests(Provider.Sqlite);

public sealed class CaseListSortingTestsOnPostgres() : CaseListSortingTests(Provider.Postgres);
