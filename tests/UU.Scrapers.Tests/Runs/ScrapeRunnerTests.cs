using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;
using UU.Scrapers.Tests.Fetching;

namespace UU.Scrapers.Tests.Runs;

/// <summary>A sink like UU.Web's: items keyed by source and id; runs kept newest first.</summary>
public sealed class MemorySink : IScrapeSink
{
    public ConcurrentDictionary<string, ScrapedItem> Items { get; } = new();
    public List<ScrapeRunReport> Runs { get; } = [];

    public Task<(int New, int Updated, int Unchanged)> StoreAsync(string source, IReadOnlyList<ScrapedItem> items, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0;
        foreach (var item in items)
        {
            var key = source + "|" + item.ExternalId;
            if (!Items.TryGetValue(key, out var existing)) created++;
            else if (existing.Title == item.Title && existing.Deadline == item.Deadline) unchanged++;
            else updated++;
            Items[key] = item;
        }
        return Task.FromResult((created, updated, unchanged));
    }

    public Task RecordRunAsync(ScrapeRunReport report, CancellationToken cancellationToken)
    {
        Runs.Insert(0, report);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScrapeRunReport>> RecentRunsAsync(string source, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScrapeRunReport>>(Runs.Where(r => r.Source == source).Take(count).ToList());
}

public sealed class ScrapeRunnerTests : IDisposable
{
    private readonly string _snapshots = Path.Combine(Path.GetTempPath(), "uu-run-tests", Guid.NewGuid().ToString("N"));
    private readonly MemorySink _sink = new();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private ScrapeRunner Runner(LocalSite site, out ServiceProvider services, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:SnapshotPath"] = _snapshots,
        };
        foreach (var name in new[] { "Ted", "KommersAnnons", "EAvrop", "JobTech", "Skolverket" })
        {
            values[$"Scrapers:Sources:{name}:BaseUrl"] = site.Url("/").AbsoluteUri;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton<TimeProvider>(clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 7, 10, 6, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) })
            .AddSingleton<IScrapeSink>(_sink)
            .AddScrapers()
            .BuildServiceProvider();
        return services.GetRequiredService<ScrapeRunner>();
    }

    private static Task Serve(HttpListenerContext c, string fixture, string type = "text/html; charset=utf-8") => LocalSite.WriteAsync(c, 200, Fixture(fixture), type);

    /// <summary>TED's search answer: the first page is asked for without a token, the next with the token the first answer gave.</summary>
    private static async Task ServeTedSearchAsync(HttpListenerContext c)
    {
        using var reader = new StreamReader(c.Request.InputStream);
        await Serve(c, (await reader.ReadToEndAsync()).Contains("eyJwYWdlIjoyfQ", StringComparison.Ordinal) ? "ted-empty.json" : "ted-search.json", "application/json");
    }

    /// <summary>A site with TED's search API and nothing else (404).</summary>
    private static LocalSite TedSite() =>
        new(c => c.Request.Url!.AbsolutePath == "/v3/notices/search" ? ServeTedSearchAsync(c) : LocalSite.WriteAsync(c, 404, ""));

    [Fact]
    public async Task Ted_RunPagesByToken_KeepsSnapshots_AndStoresEducationItems()
    {
        using var site = TedSite();
        var runner = Runner(site, out var services);
        using (services)
        {
            var report = await runner.RunAsync("Ted", CancellationToken.None);
            Assert.Equal(2, report.Pages);
            Assert.Equal(2, report.Seen);
            Assert.Equal(2, report.New);
            Assert.False(report.Failing);
            Assert.Empty(report.Errors);
            Assert.Contains(report.Problems, e => e.Contains("publication number", StringComparison.Ordinal)); // the bad notice is reported
            Assert.Equal(2, report.Snapshots.Count);
            var again = await runner.RunAsync("Ted", CancellationToken.None);
            Assert.Equal((0, 0, 2), (again.New, again.Updated, again.Unchanged));
        }
    }

    [Fact]
    public async Task ARun_PrunesSnapshotDaysBeyondTheRetention()
    {
        var old = Path.Combine(_snapshots, "Ted", "2026-01-02");
        Directory.CreateDirectory(old);
        await File.WriteAllTextAsync(Path.Combine(old, "gammal.json"), "{}");
        using var site = new LocalSite(ServeTedSearchAsync);
        var runner = Runner(site, out var services);
        using (services)
        {
            await runner.RunAsync("Ted", CancellationToken.None); // the clock says 2026-07-10; 90 days are kept
        }
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(Path.Combine(_snapshots, "Ted", "2026-07-10")));
    }

    [Fact]
    public async Task Replay_ReadsAKeptDayAgain_WithoutTheNetwork_AndIsNotRecordedAsARun()
    {
        using var site = new LocalSite(async c =>
        {
            var path = c.Request.Url!.AbsolutePath;
            if (path == "/v3/notices/search")
            {
                await ServeTedSearchAsync(c);
            }
            else if (path == "/Notices/TenderNotices")
            {
                await Serve(c, c.Request.QueryString["PageIndex"] == "1" ? "kommers-list.html" : "kommers-empty.html");
            }
            else if (path.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal))
            {
                await Serve(c, path.EndsWith("/88501", StringComparison.Ordinal) ? "kommers-detail-88501.html" : "kommers-detail.html");
            }
            else
            {
                await LocalSite.WriteAsync(c, 404, "");
            }
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            var kommers = await runner.RunAsync("KommersAnnons", CancellationToken.None);
            var ted = await runner.RunAsync("Ted", CancellationToken.None);
            var requests = site.Requests.Count;
            var runs = _sink.Runs.Count;

            // Read again from the snapshots: the same items (with the buyers from the detail pages, TED's two pages in order), no request made.
            var again = await runner.ReplayAsync("KommersAnnons", null, CancellationToken.None);
            Assert.NotNull(again);
            Assert.Equal((kommers.Seen, kommers.NotEducation), (again.Seen, again.NotEducation));
            Assert.Equal(kommers.Seen - kommers.NotEducation, again.Unchanged);
            Assert.Contains(_sink.Items.Values, i => i.Source == "KommersAnnons" && i.Buyer == "Sundsvalls kommun" && i.SnapshotId is not null);
            var tedAgain = await runner.ReplayAsync("Ted", null, CancellationToken.None);
            Assert.Equal(ted.Seen, tedAgain!.Seen);
            Assert.Empty(tedAgain.Errors);
            Assert.Equal(requests, site.Requests.Count);
            Assert.Equal(runs, _sink.Runs.Count); // drift detection only judges real runs

            Assert.Null(await runner.ReplayAsync("KommersAnnons", new DateOnly(2020, 1, 1), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => runner.ReplayAsync("Nyhetsbrev", null, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Kommers_RunReadsDetailPagesOfEducationNotices_AndCountsTheRest()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/robots.txt" => LocalSite.WriteAsync(c, 404, ""),
            "/Notices/TenderNotices" => Serve(c, c.Request.QueryString["PageIndex"] == "1" ? "kommers-list.html" : "kommers-empty.html"),
            "/Notices/TenderNotice/88501" => Serve(c, "kommers-detail-88501.html"),
            var p when p.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal) => Serve(c, "kommers-detail.html"),
            _ => LocalSite.WriteAsync(c, 404, ""),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            var report = await runner.RunAsync("kommersannons", CancellationToken.None);
            Assert.Equal(3, report.Seen);
            Assert.Equal(1, report.NotEducation); // the cleaning contract
            Assert.Equal(2, report.New);
            Assert.Equal("Sundsvalls kommun", _sink.Items["KommersAnnons|88412"].Buyer);
            Assert.Equal("88412", _sink.Items["KommersAnnons|88412"].ProcurementId);
            Assert.DoesNotContain("KommersAnnons|88437", _sink.Items.Keys);
        }
    }

    [Fact]
    public async Task EAvropJobTechAndSkolverket_Run()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/robots.txt" => LocalSite.WriteAsync(c, 404, ""),
            "/e-Upphandling/Default.aspx" when c.Request.HttpMethod == "GET" => Serve(c, "eavrop-list.html"),
            "/e-Upphandling/Default.aspx" => LocalSite.WriteAsync(c, 200, "<html><body><p>Inga upphandlingar hittades.</p></body></html>"),
            "/ange/visa/upphandling.aspx" => Serve(c, "eavrop-detail.html"),
            "/timra/visa/upphandling.aspx" => LocalSite.WriteAsync(c, 200, "<html><body><p>CPV-koder: 18100000-0 Arbetskläder</p></body></html>"),
            "/search" => Serve(c, c.Request.QueryString["employer"] == "2120" ? "jobtech-search.json" : "jobtech-empty.json", "application/json"),
            "/" => Serve(c, "skolverket-upphandlingar.html"),
            _ => LocalSite.WriteAsync(c, 404, ""),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            var eavrop = await runner.RunAsync("EAvrop", CancellationToken.None);
            Assert.Equal((2, 1, 1), (eavrop.Seen, eavrop.NotEducation, eavrop.New));
            Assert.Equal("88531", _sink.Items["EAvrop|412233"].ProcurementId);

            var jobs = await runner.RunAsync("JobTech", CancellationToken.None);
            Assert.Equal(1, jobs.New);
            Assert.Contains(_sink.Items.Values, i => i.Source == "JobTech" && i.Title.Contains("6 tjänster som grundskollärare", StringComparison.Ordinal));

            var skolverket = await runner.RunAsync("Skolverket", CancellationToken.None);
            Assert.Equal(2, skolverket.New);
        }
    }

    [Fact]
    public async Task HostileSources_EndWithinTheirLimitsWithAMessage_AndTheOtherSourceOfTheRunStoresItsLeads()
    {
        // Each source on its own site (its own host:port), as in production, where one host's politeness gate is not another's.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ted = TedSite();
        // Accepts and never answers.
        using var silent = new LocalSite(c => c.Request.Url!.AbsolutePath == "/robots.txt" ? LocalSite.WriteAsync(c, 404, "") : release.Task);
        // Answers at once, then sends the rest of its page never: only the run's own limit stops it.
        using var trickle = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt")
            {
                await LocalSite.WriteAsync(c, 404, "");
                return;
            }
            c.Response.SendChunked = true;
            c.Response.ContentType = "text/html; charset=utf-8";
            await c.Response.OutputStream.WriteAsync("<html><body><h1>Upphandlingar</h1>"u8.ToArray());
            await c.Response.OutputStream.FlushAsync();
            await release.Task;
        });
        // An endless body: gigabytes if nobody stopped reading.
        using var endless = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt")
            {
                await LocalSite.WriteAsync(c, 404, "");
                return;
            }
            c.Response.SendChunked = true;
            c.Response.ContentType = "text/html; charset=utf-8";
            var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Utbildning i ledarskap för rektorer</p>", 1000)));
            for (var sent = 0L; sent < 4L * 1024 * 1024 * 1024 && !release.Task.IsCompleted; sent += chunk.Length)
            {
                await c.Response.OutputStream.WriteAsync(chunk);
            }
        });
        // Binary garbage that says it is UTF-8 HTML.
        using var garbage = new LocalSite(c => c.Request.Url!.AbsolutePath == "/robots.txt"
            ? LocalSite.WriteAsync(c, 404, "")
            : WriteBytesAsync(c, [.. Enumerable.Range(0, 4096).Select(i => (byte)(255 - i % 256))]));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 10, 6, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var runner = Runner(ted, out var services, new Dictionary<string, string?>
        {
            ["Scrapers:RunTimeoutSeconds"] = "300",
            ["Scrapers:TimeoutSeconds"] = "30",
            ["Scrapers:MaxResponseBytes"] = "1000000",
            ["Scrapers:Sources:JobTech:BaseUrl"] = silent.Url("/").AbsoluteUri,
            ["Scrapers:Sources:Skolverket:BaseUrl"] = trickle.Url("/").AbsoluteUri,
            ["Scrapers:Sources:EAvrop:BaseUrl"] = endless.Url("/").AbsoluteUri,
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = garbage.Url("/").AbsoluteUri,
        }, clock);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            using (services)
            {
                var names = new[] { "Ted", "JobTech", "Skolverket", "EAvrop", "KommersAnnons" };
                var runs = names.ToDictionary(n => n, n => runner.RunAsync(n, deadline.Token));

                // The good source finishes while the others still hang, on a clock that has not moved.
                var tedReport = await runs["Ted"].WaitAsync(deadline.Token);
                Assert.Equal(2, tedReport.New);
                Assert.Empty(tedReport.Errors);
                Assert.Equal(2, _sink.Items.Keys.Count(k => k.StartsWith("Ted|", StringComparison.Ordinal)));

                // Time passes (on the app's clock) until every hostile run has ended by its limit.
                var all = Task.WhenAll(runs.Values);
                while (!all.IsCompleted)
                {
                    clock.Advance(TimeSpan.FromSeconds(10));
                    await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token));
                }
                var reports = (await all).ToDictionary(r => r.Source);
                static IEnumerable<string> Messages(ScrapeRunReport r) => r.Errors.Concat(r.Problems);
                Assert.Contains(Messages(reports["JobTech"]), e => e.Contains("did not answer within 30 s", StringComparison.Ordinal));
                Assert.Contains(Messages(reports["Skolverket"]), e => e.Contains("Scrapers:RunTimeoutSeconds", StringComparison.Ordinal));
                Assert.Contains(Messages(reports["EAvrop"]), e => e.Contains("is larger than 1000000 bytes", StringComparison.Ordinal));
                Assert.Contains(Messages(reports["KommersAnnons"]), e => e.Contains("not valid utf-8", StringComparison.Ordinal));
                Assert.Equal(2, _sink.Items.Count); // Ted's leads, nothing from the hostile sources
            }
        }
        finally
        {
            release.TrySetResult();
        }
    }

    private static async Task WriteBytesAsync(HttpListenerContext c, byte[] bytes)
    {
        c.Response.StatusCode = 200;
        c.Response.ContentType = "text/html; charset=utf-8";
        c.Response.ContentLength64 = bytes.Length;
        await c.Response.OutputStream.WriteAsync(bytes);
    }

    [Fact]
    public async Task ABrokenSource_IsRecordedAsFailing_WithoutThrowingOrTouchingStoredItems()
    {
        var broken = false;
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/robots.txt" => LocalSite.WriteAsync(c, 404, ""),
            "/Notices/TenderNotices" when broken => LocalSite.WriteAsync(c, 500, "Internal Server Error"),
            "/Notices/TenderNotices" => Serve(c, c.Request.QueryString["PageIndex"] == "1" ? "kommers-list.html" : "kommers-empty.html"),
            _ => Serve(c, "kommers-detail.html"),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            Assert.False((await runner.RunAsync("KommersAnnons", CancellationToken.None)).Failing);
            var stored = _sink.Items.Count;
            broken = true;
            var report = await runner.RunAsync("KommersAnnons", CancellationToken.None);
            Assert.True(report.Failing);
            Assert.Contains("500", report.FailingReason, StringComparison.Ordinal);
            Assert.Equal(stored, _sink.Items.Count);
        }
    }

    [Fact]
    public async Task ASourceThatSuddenlyYieldsNothing_IsMarkedFailing()
    {
        var empty = false;
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/robots.txt" => LocalSite.WriteAsync(c, 404, ""),
            _ => Serve(c, empty ? "kommers-changed-layout.html" : "skolverket-upphandlingar.html"),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            Assert.False((await runner.RunAsync("Skolverket", CancellationToken.None)).Failing);
            empty = true;
            var report = await runner.RunAsync("Skolverket", CancellationToken.None);
            Assert.True(report.Failing);
            Assert.Contains("no items", report.FailingReason, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_snapshots))
        {
            Directory.Delete(_snapshots, recursive: true);
        }
    }

    private static HashSet<string> ListPagesRequested(LocalSite site) =>
        site.Requests.Where(r => r.Path.StartsWith("/Notices/TenderNotices", StringComparison.Ordinal))
            .Select(r => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + r.Path).Query)["PageIndex"] ?? "").ToHashSet();

    [Fact]
    public async Task Kommers_PlainNumberedPagerWithoutRelNext_IsFollowedToItsLastPage()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/Notices/TenderNotices" => Serve(c, c.Request.QueryString["PageIndex"] switch
            {
                "1" => "kommers-pager-numbers-only.html", // "1 2 3", no next link: the number after the current page
                "2" => "kommers-pager-page2.html",        // Bootstrap: « 1 2 3 Nästa
                "3" => "kommers-pager-last.html",         // Nästa disabled
                _ => "kommers-list.html",
            }),
            var p when p.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal) => Serve(c, "kommers-detail.html"),
            _ => LocalSite.WriteAsync(c, 404, ""),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            var report = await runner.RunAsync("KommersAnnons", CancellationToken.None);

            Assert.Empty(report.Errors);
            Assert.Equal(["1", "2", "3"], ListPagesRequested(site).Order().ToArray());
        }
    }

    [Fact]
    public async Task Kommers_PagerThatNeverEnds_StopsAtThePageLimit()
    {
        using var site = new LocalSite(c => c.Request.Url!.AbsolutePath switch
        {
            "/Notices/TenderNotices" => Serve(c, "kommers-pager-page2.html"), // always another "Nästa"
            var p when p.StartsWith("/Notices/TenderNotice/", StringComparison.Ordinal) => Serve(c, "kommers-detail.html"),
            _ => LocalSite.WriteAsync(c, 404, ""),
        });
        var runner = Runner(site, out var services);
        using (services)
        {
            var report = await runner.RunAsync("KommersAnnons", CancellationToken.None);

            Assert.Equal(["1", "2", "3", "4", "5"], ListPagesRequested(site).Order().ToArray());
        }
    }
}
