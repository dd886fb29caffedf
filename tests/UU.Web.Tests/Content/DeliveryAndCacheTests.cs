using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Content;

public sealed class DeliveryAndCacheTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Seed_HasPublishedStoriesWithImages_MainPages_ADraft_AndAScheduledItem()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<UuDbContext>().ContentItems.AsNoTracking().ToListAsync();
        var stories = items.Where(i => i.Type == ContentTypes.Story && i.State == ContentState.Published).ToList();
        Assert.True(stories.Count >= 6);
        Assert.All(stories, s => Assert.StartsWith("/media/", s.Published!.ImagePath, StringComparison.Ordinal));
        Assert.Contains(items, i => i.Type == ContentTypes.Page && i.PublishedSlug == "sa-gar-det-till");
        Assert.Contains(items, i => i.State == ContentState.Draft && i.PublishAt is null);
        Assert.Contains(items, i => i.PublishAt is not null);

        var client = app.CreateClient();
        var list = await client.GetDocumentAsync("/berattelser");
        Assert.True(list.QuerySelectorAll(".card").Length >= 6);
        var firstImage = list.QuerySelector(".card img")!.GetAttribute("src")!;
        using var image = await client.GetAsync(firstImage);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(list.QuerySelector(".card img")!.GetAttribute("alt")));
    }

    [Fact]
    public async Task DeliveryApi_PagesPublishedContent_WithETags()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync("/api/content/stories?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 6);
        Assert.Equal(2, json.RootElement.GetProperty("items").GetArrayLength());
        var story = json.RootElement.GetProperty("items")[0];
        Assert.StartsWith("/berattelser/", story.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("<", story.GetProperty("bodyHtml").GetProperty("sv").GetString(), StringComparison.Ordinal);

        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/content/stories?pageSize=2");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var one = await client.GetAsync("/api/content/pages/sa-gar-det-till");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var draft = await client.GetAsync("/api/content/stories/psykisk-halsa-i-elevhalsan");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        using var modules = await client.GetAsync("/api/content/modules?page=2&pageSize=10");
        Assert.Equal(HttpStatusCode.OK, modules.StatusCode);
        using var bad = await client.GetAsync("/api/content/modules?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPublicPages_ShowAPublishedChangeAtOnce()
    {
        var client = app.CreateClient();
        var before = await client.GetDocumentAsync("/sidor/sa-gar-det-till");
        // The index synchroniser drops this node's cached pages whenever it applies journal entries (the seed's
        // may still be arriving), so the page is asked for until a copy from the cache comes back.
        var servedFromCache = false;
        for (var attempt = 0; attempt < 50 && !servedFromCache; attempt++)
        {
            using var cached = await client.GetAsync("/sidor/sa-gar-det-till");
            servedFromCache = cached.Headers.Age is not null;
            if (!servedFromCache)
            {
                await Task.Delay(100);
            }
        }
        Assert.True(servedFromCache, "a repeated request is served from the output cache");
        Assert.Equal("Så går det till", before.QuerySelector("article h1")!.TextContent.Trim());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(c => c.PublishedSlug == "sa-gar-det-till");
            var saved = await content.SaveAsync(item.Id, item.Draft with { TitleSv = "Så går ett uppdrag till" }, item.Version, CancellationToken.None);
            Assert.True(saved.Succeeded);
            Assert.True((await content.PublishAsync(item.Id, saved.Item!.Version, CancellationToken.None)).Succeeded);
        }

        var after = await client.GetDocumentAsync("/sidor/sa-gar-det-till");
        Assert.Equal("Så går ett uppdrag till", after.QuerySelector("article h1")!.TextContent.Trim());
    }
}
