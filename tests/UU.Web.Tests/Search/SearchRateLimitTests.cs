using System.Net;
using System.Text.Json;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Search;

/// <summary>The search API is anonymous: one client address may ask it only so often (RateLimits:SearchPerMinute).</summary>
public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task SearchAndSuggest_AreLimitedPerClientAddress_WithA429ThatSaysWhenToComeBack()
    {
        await using var app = new AddressedApp(Provider.Sqlite, new Dictionary<string, string?> { ["RateLimits:SearchPerMinute"] = "3" });
        var visitor = app.ClientFrom("203.0.113.20");
        for (var i = 0; i < 2; i++)
        {
            using var ok = await visitor.GetAsync("/api/search?q=lärare");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var suggest = await visitor.GetAsync("/api/suggest?q=lä"))
        {
            Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        }
        using var limited = await visitor.GetAsync("/api/search?q=lärare");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 });
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());

        // Another address, and the rest of the site, are unaffected.
        using var other = await app.ClientFrom("203.0.113.21").GetAsync("/api/search?q=lärare");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var page = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
