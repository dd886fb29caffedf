using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using UU.Scrapers.Tests.Fetching;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>
/// What the lead tests share: a local HTTP server on 127.0.0.1 serving our fixture pages in the shapes of Kommers Annons,
/// TED and a municipality's list (it can answer 500s, slowly, or with ETags and 304s), an app pointed at it, and helpers.
/// </summary>
public abstract class LeadTestBase(Provider provider) : IDisposable
{
    protected Provider Provider { get; } = provider;

    /// <summary>Every answer is a 500.</summary>
    protected bool Broken { get; set; }

    /// <summary>The Kommers list answers with an ETag, and 304 to a request that has it.</summary>
    protected bool Etags { get; set; }

    /// <summary>Every answer takes a second.</summary>
    protected bool Slow { get; set; }

    protected static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScraperFixtures", name));

    private LocalSite? _sources;

    protected LocalSite Sources => _sources ??= new LocalSite(async c =>
    {
        var path = c.Request.Url!.AbsolutePath;
        if (path == "/robots.txt") { c.Response.StatusCode = 404; return; }
        if (Broken) { await LocalSite.WriteAsync(c, 500, "Internal Server Error"); return; }
        if (Slow) { await Task.Delay(1000); }
        if (path == "/naringsliv/upphandling")
        {
            await LocalSite.WriteAsync(c, 200, Fixture("kommun-upphandlingar.html"));
            return;
        }
        if (path == "/Notices/TenderNotices" && Etags)
        {
            c.Response.Headers["ETag"] = "\"lista-1\"";
            if (c.Request.Headers["If-None-Match"] == "\"lista-1\"") { c.Response.StatusCode = 304; c.Response.Close(); return; }
        }
        if (path == "/Notices/TenderNotices")
        {
            await LocalSite.WriteAsync(c, 200, Fixture(c.Request.QueryString["PageIndex"] == "1" ? "kommers-list.html" : "kommers-empty.html"));
        }
        else if (path.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal))
        {
            await LocalSite.WriteAsync(c, 200, Fixture(path.EndsWith("/88501", StringComparison.Ordinal) ? "kommers-detail-88501.html" : "kommers-detail.html"));
        }
        else if (path == "/v3/notices/search")
        {
            using var reader = new StreamReader(c.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            await LocalSite.WriteAsync(c, 200, Fixture(body.Contains("eyJwYWdlIjoyfQ", StringComparison.Ordinal) ? "ted-empty.json" : "ted-search.json"), "application/json");
        }
        else
        {
            await LocalSite.WriteAsync(c, 404, "");
        }
    });

    protected UuWebFactory App(out LocalSite site)
    {
        site = Sources;
        return new UuWebFactory(Provider, new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:AllowPrivateAddresses"] = "true", // office-added sources on the fixture server at 127.0.0.1
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = site.Url("/").AbsoluteUri,
            ["Scrapers:Sources:Ted:BaseUrl"] = site.Url("/").AbsoluteUri,
        });
    }

    protected static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    protected static async Task<int> FeedTotalAsync(HttpClient client, string query = "")
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/leads" + query));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Scrapes Kommers Annons and signs a coordinator in; first waits for the search index when the test needs leads matched through it.</summary>
    protected static async Task<HttpClient> ScrapedAndSignedInAsync(UuWebFactory app, bool matched = true)
    {
        app.CreateClient().Dispose();
        if (matched)
        {
            // The whole index built, not just its first documents: scores compared within a test must not move under it.
            var index = app.Services.GetRequiredService<UU.Search.Indexing.SearchIndex>();
            await Eventually.HoldsAsync(() => Task.FromResult(index.State != UU.Search.Indexing.IndexState.Rebuilding && !index.NeedsRebuild && index.DocumentCount > 0), "the search index is built");
        }
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        return await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Coordinator);
    }

    public void Dispose()
    {
        _sources?.Dispose();
        GC.SuppressFinalize(this);
    }
}
