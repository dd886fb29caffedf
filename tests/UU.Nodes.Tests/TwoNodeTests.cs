using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using UU.Scrapers.Tests.Fetching;
using Xunit.Abstractions;

namespace UU.Nodes.Tests;

/// <summary>The fixture page server the scheduled scrape reads (Kommers Annons' shapes); its list can be made to hang.</summary>
public sealed class ScrapeSource : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScrapeSource()
    {
        Site = new LocalSite(async c =>
        {
            var path = c.Request.Url!.AbsolutePath;
            if (path == "/robots.txt") { c.Response.StatusCode = 404; return; }
            if (path == "/Notices/TenderNotices" && c.Request.QueryString["PageIndex"] == "1")
            {
                var request = new ListRequest(DateTimeOffset.UtcNow, c.Request.UserAgent ?? "");
                ListRequests.Enqueue(request);
                if (Hanging)
                {
                    Hung.Enqueue(request);
                    // Bounded: a run that is never killed times out on its own side first (Scrapers:TimeoutSeconds).
                    await _release.Task.WaitAsync(TimeSpan.FromSeconds(90), _stop.Token);
                }
                await LocalSite.WriteAsync(c, 200, Fixture("kommers-list.html"));
            }
            else if (path == "/Notices/TenderNotices")
            {
                await LocalSite.WriteAsync(c, 200, Fixture("kommers-empty.html"));
            }
            else if (path.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal))
            {
                await LocalSite.WriteAsync(c, 200, Fixture(path.EndsWith("/88501", StringComparison.Ordinal) ? "kommers-detail-88501.html" : "kommers-detail.html"));
            }
            else
            {
                await LocalSite.WriteAsync(c, 404, "");
            }
        });
    }

    public LocalSite Site { get; }

    /// <summary>The list page does not answer (a run is then in its middle) until <see cref="Release"/>.</summary>
    public bool Hanging { get; private set; } = true;

    public ConcurrentQueue<ListRequest> ListRequests { get; } = new();

    public ConcurrentQueue<ListRequest> Hung { get; } = new();

    public void Release()
    {
        Hanging = false;
        _release.TrySetResult();
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScraperFixtures", name));

    public void Dispose()
    {
        _stop.Cancel();
        Site.Dispose();
        _stop.Dispose();
    }
}

public sealed record ListRequest(DateTimeOffset At, string UserAgent);

/// <summary>One cluster for the class: starting two nodes, seeding and indexing takes a while.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ScrapeSource Source { get; } = new();

    public NodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        Cluster = await NodeCluster.StartAsync(Source.Site.Url("/"), limit.Token);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
        Source.Dispose();
    }
}

/// <summary>
/// Two UU.Web processes on one PostgreSQL database behind nginx: what one node writes, the other serves; a sign-in holds
/// on both; a scheduled scrape runs once per trigger across both, and a node killed in its middle hands it over; inquiries
/// sent to both at once all get their own reference number.
/// </summary>
public sealed class TwoNodeTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(30);
    private NodeCluster Cluster => fixture.Cluster;

    private static HttpClient Client(Uri node, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> DocumentAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument document, string form = "form") =>
        document.QuerySelector($"{form} input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The form carries no antiforgery token.");

    /// <summary>An office user made with the <c>create-user</c> verb; returns the email and its temporary password.</summary>
    private async Task<(string Email, string Password)> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@uu-demo.se";
        var printed = await Cluster.RunVerbAsync(["create-user", email, role], CancellationToken.None);
        var password = Regex.Match(printed, @"Temporary password[^:]*: (\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), printed);
        return (email, password);
    }

    private static async Task SignInAsync(HttpClient formFrom, HttpClient postTo, string email, string password)
    {
        var form = await DocumentAsync(formFrom, "/office/logga-in");
        using var response = await postTo.PostAsync("/office/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Email"] = email,
            ["Password"] = password,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        Assert.DoesNotContain("logga-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Polls until the check holds, at most <paramref name="limit"/>; returns how long it took.</summary>
    private static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> check, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await check())
        {
            Assert.True(watch.Elapsed < limit, $"{what}: not within {limit.TotalSeconds} s");
            await Task.Delay(100);
        }
        return watch.Elapsed;
    }

    [Fact]
    public async Task ContentPublishedThroughNodeA_IsServedAndFoundThroughNodeBAndTheProxy_WithinSeconds()
    {
        var (email, password) = await CreateUserAsync("Editor");
        using var editor = Client(Cluster.A.Url);
        await SignInAsync(editor, editor, email, password);
        var word = "fjallnaraskolutveckling" + Guid.NewGuid().ToString("N")[..4];
        var slug = "noder-" + Guid.NewGuid().ToString("N")[..8];
        var story = new Dictionary<string, string>
        {
            ["Form.TitleSv"] = "Berättelse om " + word,
            ["Form.Slug"] = slug,
            ["Form.SummarySv"] = "Så gick det till när kommunen lyfte specialpedagogiken.",
            ["Form.BodySv"] = "Kommunen fortbildade **alla** lärare.",
            ["Form.ClientName"] = "Timrå kommun",
            ["Form.Sector"] = "Kommun",
            ["Form.SubjectSlug"] = "specialpedagogik",
            ["Form.ModuleSlugs"] = "specialpedagogik-for-larare",
        };
        async Task<HttpResponseMessage> PostEditorAsync(string page, string handler)
        {
            var document = await DocumentAsync(editor, page);
            var values = new Dictionary<string, string>(story)
            {
                ["__RequestVerificationToken"] = Token(document, "form.content-form"),
                ["Form.Version"] = document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
            };
            var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return await editor.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(values));
        }
        using var created = await PostEditorAsync("/office/innehall/ny?typ=story", "Save");
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var id = created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0];
        using var visitorA = Client(Cluster.A.Url);
        using var visitorB = Client(Cluster.B.Url);
        using var visitorProxy = Client(Cluster.Proxy);
        using (var before = await visitorB.GetAsync("/berattelser/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // a draft: nowhere yet
        }

        using var published = await PostEditorAsync($"/office/innehall/{id}", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var watch = Stopwatch.StartNew();

        async Task<bool> ServedAsync(HttpClient client)
        {
            using var response = await client.GetAsync("/berattelser/" + slug);
            return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(word, StringComparison.Ordinal);
        }
        async Task<bool> FoundAsync(HttpClient client)
        {
            using var response = await client.GetAsync("/api/search?q=" + word);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("url").GetString() == "/berattelser/" + slug);
        }
        await EventuallyAsync(() => ServedAsync(visitorB), PropagationLimit, "the story served by node B");
        var served = watch.Elapsed;
        await EventuallyAsync(() => FoundAsync(visitorB), PropagationLimit, "the story found by node B's search");
        var found = watch.Elapsed;
        // Node A indexes what it published from the same journal, on its own poll: it may be a moment behind B.
        await EventuallyAsync(() => FoundAsync(visitorA), PropagationLimit, "the story found by node A's search");
        // Through the proxy either node may answer: both must have it, several requests in a row.
        for (var i = 0; i < 6; i++)
        {
            Assert.True(await ServedAsync(visitorProxy), "the story through nginx");
            Assert.True(await FoundAsync(visitorProxy), "the story in search through nginx");
        }
        output.WriteLine($"Propagation from node A to node B: served after {served.TotalMilliseconds:F0} ms, found by search after {found.TotalMilliseconds:F0} ms");
        Console.WriteLine($"[nodes] propagation A -> B: served {served.TotalMilliseconds:F0} ms, found by search {found.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task AUserSignedInThroughOneNode_IsSignedInOnTheOtherAndThroughTheProxy()
    {
        var (email, password) = await CreateUserAsync("Editor");
        var cookies = new CookieContainer(); // cookies do not depend on the port: one browser, three addresses
        using var a = Client(Cluster.A.Url, cookies);
        using var b = Client(Cluster.B.Url, cookies);
        using var proxy = Client(Cluster.Proxy, cookies);
        using (var anonymous = await Client(Cluster.B.Url).GetAsync("/office/innehall"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // to the sign-in page
        }
        // The form from node A, posted to node B: the antiforgery token holds across nodes too.
        await SignInAsync(a, b, email, password);
        foreach (var client in new[] { a, b, proxy, proxy, proxy, proxy })
        {
            using var office = await client.GetAsync("/office/innehall");
            Assert.True(office.StatusCode == HttpStatusCode.OK, $"{client.BaseAddress} answered {(int)office.StatusCode} to a signed-in editor");
            Assert.Contains(email, await office.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task InquiriesSentThroughBothNodesAtOnce_AllGetTheirOwnReferenceNumber_AndAreAllStored()
    {
        var marker = Guid.NewGuid().ToString("N");
        async Task<string> SendAsync(Uri node, int n)
        {
            using var client = Client(node);
            var form = await DocumentAsync(client, "/forfragan");
            using var response = await client.PostAsync("/forfragan", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(form, "form[method=post]"),
                ["Form.OrganisationName"] = "Timrå kommun",
                ["Form.OrganisationNumber"] = "212000-2247",
                ["Form.ContactName"] = "Eva Lindgren",
                ["Form.Email"] = "eva.lindgren@timra.example.se",
                ["Form.Phone"] = "060-16 30 00",
                ["Form.Participants"] = "25",
                ["Form.PreferredPeriod"] = "hösten 2027",
                ["Form.PreferredFormat"] = "distans",
                ["Form.CreditBearing"] = "ja",
                ["Form.Modules"] = "specialpedagogik-for-larare",
                ["Form.Description"] = $"Vi vill stärka lärarnas arbete med extra anpassningar. {marker} nr {n}",
                ["Form.Consent"] = "true",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"inquiry {n} to {node} answered {(int)response.StatusCode}");
            var receipt = response.Headers.Location!.OriginalString;
            return Regex.Match(receipt, "^/forfragan/tack/(UU-[0-9]{4}-[0-9]{4,})").Groups[1].Value;
        }
        var sends = Enumerable.Range(0, 40).Select(n => SendAsync(n % 2 == 0 ? Cluster.A.Url : Cluster.B.Url, n)).ToList();
        var references = await Task.WhenAll(sends);

        Assert.All(references, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Equal(40, references.Distinct().Count());
        var stored = await Cluster.QueryAsync($"SELECT \"ReferenceNumber\" FROM \"Inquiries\" WHERE \"Description\" LIKE '%{marker}%'", reader =>
        {
            var list = new List<string>();
            while (reader.Read()) { list.Add(reader.GetString(0)); }
            return list;
        }, CancellationToken.None);
        Assert.Equal(references.Order().ToList(), stored.Order().ToList());
        output.WriteLine($"40 inquiries through two nodes: {references.Min()} .. {references.Max()}, all distinct and stored");
    }

    [Fact]
    public async Task AScheduledScrape_RunsOncePerTriggerAcrossBothNodes_AndANodeKilledInItsMiddleHandsItOverWithoutDuplicates()
    {
        var source = fixture.Source;
        // Every trigger until now hung on the list page: find the node in the middle of a run.
        await EventuallyAsync(() => Task.FromResult(!source.Hung.IsEmpty), TimeSpan.FromSeconds(90), "a scheduled scrape reaching the list page");
        var running = source.Hung.Last();
        var victim = running.UserAgent == NodeCluster.UserAgentOf("a") ? Cluster.A : Cluster.B;
        var survivor = victim == Cluster.A ? Cluster.B : Cluster.A;
        NodeCluster.Kill(victim);
        var killedAt = DateTimeOffset.UtcNow;
        source.Release();
        try
        {
            long RunsAfterKill(Npgsql.NpgsqlDataReader reader) { reader.Read(); return reader.GetInt64(0); }
            var sql = $"SELECT count(*) FROM \"ScrapeRuns\" WHERE \"Source\" = 'KommersAnnons' AND NOT \"Failing\" AND \"StartedAt\" > '{killedAt:O}'";
            var handedOver = await EventuallyAsync(async () => await Cluster.QueryAsync(sql, RunsAfterKill, CancellationToken.None) >= 1,
                TimeSpan.FromSeconds(150), "a run on the surviving node after the kill");
            // One more trigger, so that "once per trigger" is seen on a whole run of the survivor's too.
            await EventuallyAsync(async () => await Cluster.QueryAsync(sql, RunsAfterKill, CancellationToken.None) >= 2,
                TimeSpan.FromSeconds(90), "a second run after the kill");

            var afterKill = source.ListRequests.Where(r => r.At > killedAt).ToList();
            Assert.NotEmpty(afterKill);
            Assert.All(afterKill, r => Assert.Equal(NodeCluster.UserAgentOf(survivor.Name), r.UserAgent));
            // Exactly once per trigger across both nodes: never two list fetches (from either node) in one trigger's slot.
            var slots = source.ListRequests.GroupBy(r => r.At.ToUnixTimeSeconds() / (long)NodeCluster.ScrapeInterval.TotalSeconds).ToList();
            Assert.All(slots, s => Assert.True(s.Count() == 1, $"{s.Count()} list fetches in one trigger: {string.Join(", ", s.Select(r => r.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + r.UserAgent))}"));
            var runStarts = await Cluster.QueryAsync("SELECT \"StartedAt\" FROM \"ScrapeRuns\" WHERE \"Source\" = 'KommersAnnons'", reader =>
            {
                var list = new List<DateTimeOffset>();
                while (reader.Read()) { list.Add(reader.GetFieldValue<DateTimeOffset>(0)); }
                return list;
            }, CancellationToken.None);
            Assert.All(runStarts.GroupBy(s => s.ToUnixTimeSeconds() / (long)NodeCluster.ScrapeInterval.TotalSeconds), g => Assert.Single(g));

            // The killed run left nothing half-done, and the runs after it did not add a notice twice.
            var (leads, procurements) = await Cluster.QueryAsync("SELECT count(*), count(DISTINCT \"ProcurementId\") FROM \"Leads\"", reader =>
            {
                reader.Read();
                return (reader.GetInt64(0), reader.GetInt64(1));
            }, CancellationToken.None);
            Assert.Equal(2, leads); // the fixture's list holds two education notices (and one that is not about education)
            Assert.Equal(2, procurements);
            output.WriteLine($"Node {victim.Name} killed in a scrape; node {survivor.Name} ran the source {handedOver.TotalSeconds:F1} s later; {source.ListRequests.Count} list fetches in {slots.Count} triggers");
            Console.WriteLine($"[nodes] node {victim.Name} killed mid-scrape; node {survivor.Name} took the job after {handedOver.TotalSeconds:F1} s");
        }
        finally
        {
            // The other tests of the class have both nodes again.
            await Cluster.StartNodeAsync(victim, CancellationToken.None);
        }
    }
}
