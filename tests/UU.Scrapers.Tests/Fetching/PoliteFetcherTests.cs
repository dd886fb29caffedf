using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UU.Scrapers.Fetching;

namespace UU.Scrapers.Tests.Fetching;

public sealed class PoliteFetcherTests
{
    private static (PoliteFetcher Fetcher, ServiceProvider Services) Fetcher(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "20",
            ["Scrapers:TimeoutSeconds"] = "5",
            ["Scrapers:MaxRetries"] = "3",
        };
        foreach (var (k, v) in settings ?? []) values[k] = v;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddScrapers()
            .BuildServiceProvider();
        return (services.GetRequiredService<PoliteFetcher>(), services);
    }

    private static Task Robots(HttpListenerContext c, string rules) => LocalSite.WriteAsync(c, 200, rules, "text/plain");

    [Fact]
    public async Task RobotsTxt_IsHonoured_ForEveryoneAndForOurUserAgent()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/robots.txt" => Robots(c, "User-agent: *\nDisallow: /privat/\n\nUser-agent: UU-omvarldsbevakning\nDisallow: /upphandlingar/arkiv\nAllow: /upphandlingar/\n"),
            _ => LocalSite.WriteAsync(c, 200, "<p>ok</p>"),
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            Assert.Equal("<p>ok</p>", (await fetcher.GetAsync(site.Url("/upphandlingar/aktuella"), CancellationToken.None)).Body);
            await Assert.ThrowsAsync<RobotsDisallowedException>(() => fetcher.GetAsync(site.Url("/upphandlingar/arkiv/2019"), CancellationToken.None));
            // Our own group applies, so the "*" group's /privat/ rule does not.
            Assert.Equal("<p>ok</p>", (await fetcher.GetAsync(site.Url("/privat/sida"), CancellationToken.None)).Body);
        }
        Assert.Single(site.Requests, r => r.Path == "/robots.txt"); // cached per host
        Assert.All(site.Requests, r => Assert.StartsWith("UU-omvarldsbevakning/1.0", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrawlDelay_SpacesRequestsToTheHost()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath == "/robots.txt"
            ? Robots(c, "User-agent: *\nCrawl-delay: 1\n")
            : LocalSite.WriteAsync(c, 200, "ok"));
        var (fetcher, services) = Fetcher();
        using (services)
        {
            await fetcher.GetAsync(site.Url("/a"), CancellationToken.None);
            await fetcher.GetAsync(site.Url("/b"), CancellationToken.None);
        }
        var times = site.Requests.Where(r => r.Path is "/a" or "/b").Select(r => r.At).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"gap {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterRetryAfter_AndServerErrorsWithBackoff()
    {
        var calls = 0;
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            var n = Interlocked.Increment(ref calls);
            if (n == 1) { c.Response.Headers["Retry-After"] = "1"; await LocalSite.WriteAsync(c, 429, "slow down"); }
            else if (n == 2) { await LocalSite.WriteAsync(c, 503, "busy"); }
            else { await LocalSite.WriteAsync(c, 200, "finally"); }
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            Assert.Equal("finally", (await fetcher.GetAsync(site.Url("/lista"), CancellationToken.None)).Body);
        }
        var times = site.Requests.Where(r => r.Path == "/lista").Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was honoured");
    }

    [Fact]
    public async Task PersistentErrors_AndTimeouts_FailWithAMessage()
    {
        using var site = new LocalSite(async c =>
        {
            switch (c.Request.Url!.AbsolutePath)
            {
                case "/robots.txt": c.Response.StatusCode = 404; break;
                case "/trasig": await LocalSite.WriteAsync(c, 500, "error"); break;
                default: await Task.Delay(3000); await LocalSite.WriteAsync(c, 200, "late"); break;
            }
        });
        var (fetcher, services) = Fetcher(new() { ["Scrapers:MaxRetries"] = "1", ["Scrapers:TimeoutSeconds"] = "1" });
        using (services)
        {
            var failed = await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.GetAsync(site.Url("/trasig"), CancellationToken.None));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
            Assert.Equal(2, site.Requests.Count(r => r.Path == "/trasig"));
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => fetcher.GetAsync(site.Url("/langsam"), CancellationToken.None));
            Assert.Contains("1 s", timeout.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConditionalRequests_MakeAnUnchangedPageCostNoParsing()
    {
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            if (c.Request.Headers["If-None-Match"] == "\"v1\"") { c.Response.StatusCode = 304; return; }
            c.Response.Headers["ETag"] = "\"v1\"";
            await LocalSite.WriteAsync(c, 200, "<ul><li>en annons</li></ul>");
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            var first = await fetcher.GetAsync(site.Url("/annonser"), CancellationToken.None);
            var second = await fetcher.GetAsync(site.Url("/annonser"), CancellationToken.None);
            Assert.False(first.NotModified);
            Assert.NotNull(first.Hash);
            Assert.True(second.NotModified);
            Assert.Null(second.Body);
        }
    }

    [Fact]
    public async Task OversizedAnswers_AreRefused_AndAWrongCharsetIsSurvived()
    {
        using var site = new LocalSite(async c =>
        {
            switch (c.Request.Url!.AbsolutePath)
            {
                case "/robots.txt": c.Response.StatusCode = 404; break;
                case "/stor":
                    c.Response.SendChunked = true;
                    var chunk = new byte[64 * 1024];
                    for (var i = 0; i < 40; i++) await c.Response.OutputStream.WriteAsync(chunk);
                    break;
                default:
                    c.Response.ContentType = "text/html; charset=utf-8";
                    var latin1 = System.Text.Encoding.Latin1.GetBytes("<p>Västernorrlands län, Örnsköldsvik</p>");
                    await c.Response.OutputStream.WriteAsync(latin1);
                    break;
            }
        });
        var (fetcher, services) = Fetcher(new() { ["Scrapers:MaxResponseBytes"] = "1000000" });
        using (services)
        {
            await Assert.ThrowsAsync<ResponseTooLargeException>(() => fetcher.GetAsync(site.Url("/stor"), CancellationToken.None));
            var page = await fetcher.GetAsync(site.Url("/fel-teckenkodning"), CancellationToken.None);
            Assert.Equal("<p>Västernorrlands län, Örnsköldsvik</p>", page.Body);
            Assert.Contains(page.Problems, p => p.Contains("not valid utf-8", StringComparison.Ordinal));
        }
    }
}
