using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>The office's lead list: sorted by a column from the address, paged with its filters kept, its times in Swedish time.</summary>
public abstract class LeadListSortingTests(Provider provider)
{
    private static readonly DateTimeOffset Summer = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Winter = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Five leads whose titles start with a word of their own: titles E, D, C, B, A published on days 1 to 5 (so the newest is A).</summary>
    private static async Task<string> SeedAsync(UuWebFactory app)
    {
        var word = "Sorteringslead" + Guid.NewGuid().ToString("N")[..6];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var now = app.Clock.GetUtcNow();
        var letters = new[] { "E", "D", "C", "B", "A" };
        for (var n = 0; n < letters.Length; n++)
        {
            db.Leads.Add(new Lead
            {
                Kind = LeadKind.Tender,
                Title = $"{word} {letters[n]}",
                Buyer = $"Kommun {letters[n]}",
                PublishedOn = new DateOnly(2026, 3, 1 + n),
                Score = 10 * (n + 1),
                Deadline = n switch { 0 => Summer, 1 => Winter, _ => null },
                Status = LeadStatus.New,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        return word;
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=leads] tbody tr td a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Deadlines_AreShownInSwedishTime_SummerAndWinter_AndTheLayoutNamesTheZoneOnce()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/office/leads?q={word}");

        var rows = page.QuerySelectorAll("[data-testid=leads] tbody tr").ToDictionary(r => r.QuerySelector("td a")!.TextContent.Trim(), r => r.TextContent);
        Assert.Contains("2026-06-15 12:00", rows[$"{word} E"], StringComparison.Ordinal); // CEST, UTC+2
        Assert.Contains("2026-01-15 11:00", rows[$"{word} D"], StringComparison.Ordinal); // CET, UTC+1
        Assert.DoesNotContain("UTC", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alla tider i svensk tid (CET/CEST).", Assert.Single(page.QuerySelectorAll("[data-testid=time-zone]")).TextContent.Trim());
    }

    [Fact]
    public async Task PagingAFilteredList_ThePageLinksKeepTheFilterAndTheSort()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var first = await coordinator.GetDocumentAsync($"/office/leads?q={word}&pageSize=2&sortera=titel&ordning=stigande");
        var links = first.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href =>
        {
            Assert.Contains("q=" + word, href, StringComparison.Ordinal);
            Assert.Contains("sortera=titel", href, StringComparison.Ordinal);
            Assert.Contains("pageSize=2", href, StringComparison.Ordinal);
        });
        var seen = Titles(first);
        var next = first.QuerySelector("[data-testid=pager] a[rel=next]")?.GetAttribute("href");
        while (next is not null)
        {
            var page = await coordinator.GetDocumentAsync(next);
            seen.AddRange(Titles(page));
            next = page.QuerySelector("[data-testid=pager] a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal(["A", "B", "C", "D", "E"], seen.Select(t => t[^1..]));
    }

    [Fact]
    public async Task ASortKey_OrdersTheRows_AndTheHeaderSaysHow()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        // By default the newest published first: A (day 5) to E (day 1).
        Assert.Equal(["A", "B", "C", "D", "E"], Titles(await coordinator.GetDocumentAsync($"/office/leads?q={word}")).Select(t => t[^1..]));

        var byTitle = await coordinator.GetDocumentAsync($"/office/leads?q={word}&sortera=titel&ordning=fallande");
        Assert.Equal(["E", "D", "C", "B", "A"], Titles(byTitle).Select(t => t[^1..]));
        var header = byTitle.QuerySelector("th[data-sort=titel]")!;
        Assert.Equal("descending", header.GetAttribute("aria-sort"));
        Assert.Null(byTitle.QuerySelector("th[data-sort=poang]")!.GetAttribute("aria-sort"));
        // The header's link turns the order round and keeps the filter.
        var turn = header.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Contains("q=" + word, turn, StringComparison.Ordinal);
        Assert.Contains("ordning=stigande", turn, StringComparison.Ordinal);

        var byScore = await coordinator.GetDocumentAsync($"/office/leads?q={word}&sortera=poang&ordning=stigande");
        Assert.Equal(["E", "D", "C", "B", "A"], Titles(byScore).Select(t => t[^1..])); // scores 10 to 50
    }

    [Theory]
    [InlineData("sortera=DROP%20TABLE&ordning=stigande")]
    [InlineData("sortera=titel%3B--&ordning=fallande&page=noll")]
    [InlineData("page=-3&sortera=&ordning=uppochner")]
    public async Task ABadSortOrPage_ShowsTheDefaultList(string query)
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/office/leads?q={word}&{query}");

        // The default order, newest published first, with every lead on the first page and no column marked as sorted.
        Assert.Equal(["A", "B", "C", "D", "E"], Titles(page).Select(t => t[^1..]));
        Assert.Empty(page.QuerySelectorAll("[data-testid=leads] th[aria-sort]"));
    }
}

public sealed class LeadListSortingTestsOnSqlite() : LeadListSortingTests(Provider.Sqlite);

public sealed class LeadListSortingTestsOnPostgres() : LeadListSortingTests(Provider.Postgres);
