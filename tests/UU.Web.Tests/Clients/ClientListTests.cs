using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Clients;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Clients;

/// <summary>The client register in the office: filtered by name, sorted by a column, paged with the filter kept.</summary>
public abstract class ClientListTests(Provider provider)
{
    /// <summary>Sixty clients named "WORD 00" to "WORD 59" (added in that order), and one other.</summary>
    private static async Task<string> SeedAsync(UuWebFactory app)
    {
        var word = "Kundregister" + Guid.NewGuid().ToString("N")[..6];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var start = app.Clock.GetUtcNow();
        for (var n = 0; n < 60; n++)
        {
            db.Clients.Add(new Client { Name = $"{word} {n:00}", Type = n % 2 == 0 ? ClientType.Municipality : ClientType.Company, CreatedAt = start.AddMinutes(n) });
        }
        db.Clients.Add(new Client { Name = "Annan organisation AB", Type = ClientType.Company, CreatedAt = start });
        await db.SaveChangesAsync();
        return word;
    }

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=clients] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task PagingAFilteredRegister_ThePageLinksKeepTheFilter()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var first = await coordinator.GetDocumentAsync($"/office/kunder?q={word.ToLowerInvariant()}");
        Assert.Equal("60 kunder", first.QuerySelector("[data-testid=clients-count]")!.TextContent.Trim());
        Assert.Equal(50, Names(first).Count);
        Assert.Equal($"{word} 00", Names(first)[0]);
        var links = first.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains("q=" + word.ToLowerInvariant(), href, StringComparison.Ordinal));

        var second = await coordinator.GetDocumentAsync(first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(Enumerable.Range(50, 10).Select(n => $"{word} {n:00}"), Names(second));
        Assert.DoesNotContain("Annan organisation AB", Names(second));
    }

    [Fact]
    public async Task ASortKey_OrdersTheRegister()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var descending = await coordinator.GetDocumentAsync($"/office/kunder?q={word}&sortera=namn&ordning=fallande");
        Assert.Equal($"{word} 59", Names(descending)[0]);
        Assert.Equal("descending", descending.QuerySelector("th[data-sort=namn]")!.GetAttribute("aria-sort"));

        var newest = await coordinator.GetDocumentAsync($"/office/kunder?q={word}&sortera=tillagd&ordning=fallande");
        Assert.Equal($"{word} 59", Names(newest)[0]);
        var byType = await coordinator.GetDocumentAsync($"/office/kunder?q={word}&sortera=typ&ordning=stigande");
        Assert.Equal($"{word} 01", Names(byType)[0]); // companies (1) before municipalities (2), then by name
    }

    [Theory]
    [InlineData("sortera=Name%20DESC")]
    [InlineData("page=abc&ordning=fallande")]
    [InlineData("page=99")]
    [InlineData("page=0&sortera=%3Cscript%3E")]
    public async Task ABadSortOrPage_ShowsTheFirstPageInNameOrder(string query)
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedAsync(app);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/office/kunder?q={word}&{query}");

        Assert.Equal(Enumerable.Range(0, 50).Select(n => $"{word} {n:00}"), Names(page));
        Assert.Equal("1", page.QuerySelector("[data-testid=pager] a[aria-current=page]")!.TextContent);
    }
}

public sealed class ClientListTestsOnSqlite() : ClientListTests(Provider.Sqlite);

public sealed class ClientListTestsOnPostgres() : ClientListTests(Provider.Postgres);
