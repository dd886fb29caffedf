// UU.Scrapers benchmark: parse throughput of each source's parser on our fixture pages, and one TED answer
// of 1,000 notices (the fixture's notices repeated with new numbers). Prints pages/s, items/s and allocation.
// Then a full scrape of 1,000 notices from a local server (see FullScrape.cs).
// Run: dotnet run -c Release --project bench/UU.Scrapers.Bench
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using UU.Scrapers.Sources;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var fixtures = Path.Combine(FindRepositoryRoot(), "tests", "UU.Scrapers.Tests", "Fixtures");
string Read(string name) => File.ReadAllText(Path.Combine(fixtures, name));
var baseUrl = new Uri("https://example.test/");

var ted1000 = TedWith(Read("ted-search.json"), 1_000);
var cases = new (string Name, string Body, Func<string, int> Parse)[]
{
    ("TED search (fixture)", Read("ted-search.json"), b => TedParser.Parse(b).Items.Count),
    ("TED search, 1,000 notices", ted1000, b => TedParser.Parse(b).Items.Count),
    ("Kommers list (AngleSharp)", Read("kommers-list.html"), b => KommersParser.ParseList(b, baseUrl).Items.Count),
    ("Kommers detail", Read("kommers-detail.html"), b => KommersParser.ParseDetail(b).Buyer is null ? 0 : 1),
    ("e-Avrop list (HtmlAgilityPack)", Read("eavrop-list.html"), b => EAvropParser.ParseList(b, baseUrl).Items.Count),
    ("JobTech search (JSON)", Read("jobtech-search.json"), b => JobTechParser.Parse(b).Ads.Count),
    ("Skolverket web list", Read("skolverket-upphandlingar.html"), b => WebListParser.Parse(b, baseUrl, WebListDefinition.Skolverket, "Skolverket").Items.Count),
};

Console.WriteLine($"UU.Scrapers parse benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"{"parser",-32} {"KB",8} {"items",6} {"pages/s",10} {"items/s",12} {"ms/page",9} {"KB alloc/page",14}");
foreach (var (name, body, parse) in cases)
{
    var items = parse(body);
    for (var i = 0; i < 20; i++) parse(body); // warm up
    var budget = TimeSpan.FromSeconds(2);
    var runs = 0;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < budget)
    {
        parse(body);
        runs++;
    }
    clock.Stop();
    var allocPerPage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)runs / 1024;
    var pagesPerSecond = runs / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-32} {body.Length / 1024.0,8:0.0} {items,6} {pagesPerSecond,10:0} {pagesPerSecond * items,12:0} {1000 / pagesPerSecond,9:0.000} {allocPerPage,14:0}");
}

await FullScrape.RunAsync(FindRepositoryRoot(), Read("ted-search.json"));

static string TedWith(string json, int count)
{
    var root = JsonNode.Parse(json)!.AsObject();
    var notices = root["notices"]!.AsArray();
    var originals = notices.Select(n => n!.ToJsonString()).ToList();
    notices.Clear();
    for (var i = 0; i < count; i++)
    {
        var notice = JsonNode.Parse(originals[i % originals.Count])!.AsObject();
        notice["publication-number"] = string.Create(CultureInfo.InvariantCulture, $"{100000 + i}-2026");
        notices.Add(notice);
    }
    root["totalNoticeCount"] = count;
    return root.ToJsonString();
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "UU.Web.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
