using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UU.Scrapers;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;

/// <summary>
/// A full scrape of 1,000 TED notices served by a local HTTP server (4 pages of 250, as the API pages them): through the
/// polite fetcher, snapshots, the education filter and an in-memory sink; then, when UU.Web's Release build is there,
/// through the real `scrape Ted` verb into a SQLite database (matching, de-duplication, leads) — first run and re-run.
/// </summary>
internal static class FullScrape
{
    public static async Task RunAsync(string repositoryRoot, string tedFixture)
    {
        const int total = 1_000, perPage = 250;
        var pages = Enumerable.Range(0, total / perPage).Select(p => Page(tedFixture, p, perPage, total)).ToList();
        using var server = new HttpListener();
        var port = FreePort();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var requests = 0;
        _ = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext context;
                try { context = await server.GetContextAsync(); } catch (HttpListenerException) { return; } catch (ObjectDisposedException) { return; }
                Interlocked.Increment(ref requests);
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                var token = JsonNode.Parse(body.Length == 0 ? "{}" : body)?["iterationNextToken"]?.GetValue<string>();
                var index = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
                var answer = context.Request.Url!.AbsolutePath == "/v3/notices/search" && index < pages.Count ? pages[index] : null;
                context.Response.StatusCode = answer is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(answer ?? "");
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        var baseUrl = $"http://127.0.0.1:{port}/";
        Console.WriteLine();
        Console.WriteLine($"Full scrape of {total:N0} TED notices from a local server ({pages.Count} pages of {perPage}, {pages.Sum(p => p.Length) / 1024:N0} KB)");

        // 1. The UU.Scrapers pipeline alone (no database).
        var snapshots = Directory.CreateTempSubdirectory("uu-bench-snapshots");
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scrapers:MinDelayMilliseconds"] = "0",
                ["Scrapers:SnapshotPath"] = snapshots.FullName,
                ["Scrapers:Sources:Ted:BaseUrl"] = baseUrl,
            }).Build())
            .AddLogging()
            .AddScrapers()
            .AddSingleton<IScrapeSink, CountingSink>()
            .BuildServiceProvider();
        for (var round = 1; round <= 3; round++)
        {
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var report = await scope.ServiceProvider.GetRequiredService<ScrapeRunner>().RunAsync("Ted", CancellationToken.None);
            clock.Stop();
            Console.WriteLine($"  pipeline, run {round}: {clock.Elapsed.TotalMilliseconds,7:0} ms for {report.Seen:N0} items in {report.Pages} requests = {report.Seen / clock.Elapsed.TotalSeconds,8:N0} items/s (fetch, robots.txt, snapshot, parse, filter, hand-over){(report.Errors.Count > 0 ? " ERRORS: " + string.Join("; ", report.Errors) : "")}");
        }
        Console.WriteLine($"  with the polite default of 1.5 s between requests to one host, the {pages.Count} requests add {(pages.Count - 1) * 1.5:0.0} s of waiting: spacing, not work, sets a real run's time");
        snapshots.Delete(recursive: true);

        // 2. The real verb into a SQLite database, when the Release build of UU.Web is there.
        var web = Path.Combine(repositoryRoot, "src", "UU.Web", "bin", "Release", "net10.0", "UU.Web.dll");
        if (!File.Exists(web))
        {
            Console.WriteLine($"  (build UU.Web in Release for the end-to-end figures: dotnet build -c Release src/UU.Web)");
            return;
        }
        var data = Directory.CreateTempSubdirectory("uu-bench-data");
        try
        {
            foreach (var round in new[] { "first run (all new)", "second run (all seen)" })
            {
                var (elapsed, output) = await VerbAsync(web, data.FullName, baseUrl);
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Ted:", StringComparison.Ordinal))?.Trim() ?? output.Trim();
                Console.WriteLine($"  `scrape Ted`, {round}: process {elapsed.TotalSeconds:0.0} s (start, migrate, seed and index included); the run itself: {line}");
            }
        }
        finally
        {
            data.Delete(recursive: true);
            server.Stop();
        }
    }

    private static async Task<(TimeSpan, string)> VerbAsync(string web, string dataPath, string baseUrl)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(web)! };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("scrape");
        start.ArgumentList.Add("Ted");
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Scrapers__MinDelayMilliseconds"] = "0";
        start.Environment["Scrapers__Sources__Ted__BaseUrl"] = baseUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        return (clock.Elapsed, await output + (process.ExitCode == 0 ? "" : " (exit " + process.ExitCode + ": " + await errors + ")"));
    }

    /// <summary>One page of the answer: the fixture's notices repeated with their own numbers, titles and buyers, and no shared upphandlings-ID.</summary>
    private static string Page(string fixture, int page, int perPage, int total)
    {
        string[] topics = ["Fortbildning i specialpedagogik", "Ledarskapsutbildning för chefer", "Kompetensutveckling i digital pedagogik", "Handledarutbildning för vård- och omsorgspersonal", "Utbildning i språkutvecklande arbetssätt", "Uppdragsutbildning i svenska som andraspråk"];
        string[] buyers = ["Sundsvalls kommun", "Härnösands kommun", "Timrå kommun", "Region Västernorrland", "Umeå kommun", "Östersunds kommun", "Gävle kommun", "Uppsala kommun", "Västerås stad", "Örebro kommun", "Region Jämtland Härjedalen", "Skellefteå kommun"];
        var root = JsonNode.Parse(fixture)!.AsObject();
        var notices = root["notices"]!.AsArray();
        var originals = notices.Select(n => n!.ToJsonString()).ToList();
        notices.Clear();
        for (var i = page * perPage; i < (page + 1) * perPage; i++)
        {
            var notice = JsonNode.Parse(originals[i % originals.Count])!.AsObject();
            notice["publication-number"] = string.Create(CultureInfo.InvariantCulture, $"{500000 + i}-2026");
            notice["notice-title"] = new JsonObject { ["swe"] = $"Sverige – Utbildningstjänster – {topics[i % topics.Length]}, omgång {i + 1}" };
            notice["organisation-name-buyer"] = new JsonObject { ["swe"] = new JsonArray(buyers[i % buyers.Length]) };
            notice["classification-cpv"] = new JsonArray("80530000");
            notice.Remove("submission-url-lot");
            notices.Add(notice);
        }
        root["totalNoticeCount"] = total;
        root["iterationNextToken"] = (page + 1) * perPage < total ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return root.ToJsonString();
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed class CountingSink : IScrapeSink
    {
        private readonly HashSet<string> _seen = [];

        public Task<(int New, int Updated, int Unchanged)> StoreAsync(string source, IReadOnlyList<ScrapedItem> items, CancellationToken cancellationToken)
        {
            var added = items.Count(i => _seen.Add(i.ExternalId));
            return Task.FromResult((added, 0, items.Count - added));
        }

        public Task RecordRunAsync(ScrapeRunReport report, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ScrapeRunReport>> RecentRunsAsync(string source, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScrapeRunReport>>([]);
    }
}
