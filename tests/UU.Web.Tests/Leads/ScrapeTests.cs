using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Scrapers.Normalisation;
using UU.Scrapers.Tests.Fetching;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

public abstract class ScrapeTests(Provider provider) : IDisposable
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScraperFixtures", name));

    private bool _broken;
    private bool _etags;

    private LocalSite? _sources;

    private LocalSite Sources => _sources ??= new LocalSite(async c =>
    {
        var path = c.Request.Url!.AbsolutePath;
        if (path == "/robots.txt") { c.Response.StatusCode = 404; return; }
        if (_broken) { await LocalSite.WriteAsync(c, 500, "Internal Server Error"); return; }
        if (_slow) { await Task.Delay(1000); }
        if (path == "/naringsliv/upphandling")
        {
            await LocalSite.WriteAsync(c, 200, Fixture("kommun-upphandlingar.html"));
            return;
        }
        if (path == "/Notices/TenderNotices" && _etags)
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

    private UuWebFactory App(out LocalSite site)
    {
        site = Sources;
        return new UuWebFactory(provider, new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = site.Url("/").AbsoluteUri,
            ["Scrapers:Sources:Ted:BaseUrl"] = site.Url("/").AbsoluteUri,
        });
    }

    [Fact]
    public async Task ScrapingTwoSources_StoresLeads_AndMergesTheSameProcurement()
    {
        await using var app = App(out _);
        app.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "Ted"]));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var leads = await db.Leads.Include(l => l.Sources).ToListAsync();
        var merged = leads.Single(l => l.ProcurementId == "88412");
        Assert.Equal(["KommersAnnons", "Ted"], merged.Sources.Select(s => s.Source).Order().ToList());
        Assert.Equal("Sundsvalls kommun", merged.Buyer);
        Assert.Equal(BuyerKind.Municipality, merged.BuyerKind);
        Assert.Equal(LeadKind.Tender, merged.Kind);
        Assert.Equal("476409-2026", merged.TedNumber);
        Assert.DoesNotContain(leads, l => l.Title.Contains("lokalvård", StringComparison.Ordinal)); // not about education
        Assert.Equal(3, leads.Count); // Kommers: 2 education notices; TED: one merged, one new (Region Västernorrland)
        var runs = await db.ScrapeRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal((3, 1, 2), (runs[0].Seen, runs[0].NotEducation, runs[0].New));
        Assert.Equal((2, 1, 1), (runs[1].Seen, runs[1].New, runs[1].Updated));
        Assert.True(Directory.EnumerateFiles(Path.Combine(app.DataPath, "snapshots"), "*.gz", SearchOption.AllDirectories).Any());
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<int> FeedTotalAsync(HttpClient client, string query = "")
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/leads" + query));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task MergingADuplicate_MovesItsSourcesAndHistory_ARescrapeFindsTheKeptLead_AndUnmergePutsItBack()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "Ted"]));
        int keptId, duplicateId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var leads = await db.Leads.Include(l => l.Sources).ToListAsync();
            keptId = leads.Single(l => l.Sources.Any(s => s.ExternalId == "88501")).Id;
            duplicateId = leads.Single(l => l.Sources.All(s => s.Source == "Ted")).Id;
        }
        Assert.Equal(3, await FeedTotalAsync(coordinator));
        var keptUrl = $"/office/leads/{keptId}";

        using (var self = await PostAsync(coordinator, keptUrl + "?handler=Merge", new() { ["MergeWith"] = keptId.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
            Assert.Contains("sig själv", (await Html.ParseAsync(self)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var missing = await PostAsync(coordinator, keptUrl + "?handler=Merge", new() { ["MergeWith"] = "999999" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }
        using (var merged = await PostAsync(coordinator, keptUrl + "?handler=Merge", new() { ["MergeWith"] = duplicateId.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }
        // One lead fewer in the feed; the kept lead lists both sources and the duplicate; the duplicate says where it went.
        Assert.Equal(2, await FeedTotalAsync(coordinator));
        var kept = await coordinator.GetDocumentAsync(keptUrl);
        Assert.Contains(kept.QuerySelectorAll("li"), li => li.TextContent.TrimStart().StartsWith("Ted:", StringComparison.Ordinal));
        Assert.Contains($"#{duplicateId}", kept.QuerySelector("[data-testid=duplicates]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sammanslagen hit", kept.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        var duplicatePage = await coordinator.GetDocumentAsync($"/office/leads/{duplicateId}");
        Assert.Contains($"#{keptId}", duplicatePage.QuerySelector("[data-testid=merged-into]")!.TextContent, StringComparison.Ordinal);
        using (var again = await PostAsync(coordinator, $"/office/leads/{duplicateId}?handler=Merge", new() { ["MergeWith"] = keptId.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The next TED run sees the same notice: it updates the kept lead, and no new lead appears.
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "Ted"]));
        Assert.Equal(2, await FeedTotalAsync(coordinator));

        using (var unmerged = await PostAsync(coordinator, keptUrl + "?handler=Unmerge", new() { ["Unmerge"] = duplicateId.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmerged.StatusCode);
        }
        Assert.Equal(3, await FeedTotalAsync(coordinator));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            Assert.Equal(["Ted"], await db.LeadSources.Where(s => s.LeadId == duplicateId).Select(s => s.Source).ToListAsync());
            Assert.Equal(["KommersAnnons"], await db.LeadSources.Where(s => s.LeadId == keptId).Select(s => s.Source).ToListAsync());
            Assert.Null((await db.Leads.SingleAsync(l => l.Id == duplicateId)).MergedIntoId);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "lead-merged" || a.Action == "lead-unmerged"));
        }
    }

    [Fact]
    public async Task Leads_CarryTheirCountyAndSubjects_FilterByThem_AndClosingWithoutAReasonIsRefused()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);
        Assert.Equal(2, await FeedTotalAsync(coordinator, "?region=" + Uri.EscapeDataString("Västernorrlands län")));
        Assert.Equal(0, await FeedTotalAsync(coordinator, "?region=" + Uri.EscapeDataString("Skåne län")));
        using (var bad = await coordinator.GetAsync("/api/leads?region=Atlantis"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("county", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var special = await FeedTotalAsync(coordinator, "?subject=specialpedagogik");
        Assert.InRange(special, 1, 1);
        Assert.Equal(0, await FeedTotalAsync(coordinator, "?subject=no-such-subject"));

        var url = (await coordinator.GetDocumentAsync("/office/leads?subject=specialpedagogik")).QuerySelector("tbody a")!.GetAttribute("href")!;
        var page = await coordinator.GetDocumentAsync(url);
        Assert.Equal("Västernorrlands län", page.QuerySelector("[data-testid=region]")!.TextContent.Trim());
        Assert.Contains("Specialpedagogik", page.QuerySelector("[data-testid=subjects]")!.TextContent, StringComparison.Ordinal);

        using (var noReason = await PostAsync(coordinator, url, new() { ["Status"] = "NotPursued" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("skäl", (await Html.ParseAsync(noReason)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var withReason = await PostAsync(coordinator, url, new() { ["Status"] = "NotPursued", ["Note"] = "Kommunen vill ha distans på kvällstid; vi kan inte i höst." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        }
        Assert.Contains("vi kan inte i höst", (await coordinator.GetDocumentAsync(url)).QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrameworkAgreementInForce_RaisesTheBuyersScore()
    {
        await using var app = App(out _);
        await ScrapedAndSignedInAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var matcher = scope.ServiceProvider.GetRequiredService<LeadMatcher>();
        var lead = await db.Leads.FirstAsync(l => l.Buyer == "Sundsvalls kommun");
        await matcher.MatchAsync(lead, CancellationToken.None);
        var before = lead.Score;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        db.Clients.Add(new Client { Name = "Sundsvalls kommun", AgreementUntil = today.AddDays(-1), CreatedAt = app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await matcher.MatchAsync(lead, CancellationToken.None);
        Assert.Equal(before, lead.Score); // an agreement that has ended counts for nothing
        (await db.Clients.SingleAsync(c => c.Name == "Sundsvalls kommun")).AgreementUntil = today.AddYears(1);
        await db.SaveChangesAsync();
        await matcher.MatchAsync(lead, CancellationToken.None);
        Assert.Equal(before + 10, lead.Score);
    }

    [Fact]
    public async Task ACoordinatorRecordsAnAgreement_AndTheClientsLeadsAreScoredAgain()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);
        async Task<int> ScoreAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UuDbContext>().Leads.Where(l => l.Buyer == "Sundsvalls kommun").Select(l => l.Score).FirstAsync();
        }
        var before = await ScoreAsync();
        const string page = "/office/kunder";
        var client = new Dictionary<string, string> { ["Name"] = "Sundsvalls kommun", ["OrganisationNumber"] = "212000-2411", ["Type"] = "Municipality", ["AgreementUntil"] = "2027-12-31" };

        using (var badDate = await PostAsync(coordinator, page + "?handler=Create", new(client) { ["AgreementUntil"] = "31/12/2027", ["OrganisationNumber"] = "212000-2412" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
            var summary = (await Html.ParseAsync(badDate)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("ÅÅÅÅ-MM-DD", summary, StringComparison.Ordinal);
            Assert.Contains("Organisationsnummer", summary, StringComparison.Ordinal); // the check digit is wrong
        }
        Assert.Equal(before, await ScoreAsync());
        using (var created = await PostAsync(coordinator, page + "?handler=Create", new(client)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        Assert.Equal(before + 10, await ScoreAsync());
        using (var again = await PostAsync(coordinator, page + "?handler=Create", new(client)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("finns redan", (await Html.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        var list = await coordinator.GetDocumentAsync(page);
        var row = list.QuerySelectorAll("[data-testid=clients] tbody tr").Single(r => r.TextContent.Contains("Sundsvalls kommun", StringComparison.Ordinal));
        Assert.NotNull(row.QuerySelector("[data-testid=in-force]"));
        var clientId = row.QuerySelector("input[name=ClientId]")!.GetAttribute("value")!;

        // The agreement ends (cleared): the leads lose the points again.
        using (var cleared = await PostAsync(coordinator, page + "?handler=Agreement", new() { ["ClientId"] = clientId, ["AgreementUntil"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        }
        Assert.Equal(before, await ScoreAsync());
    }

    [Fact]
    public async Task Statistics_CountInquiriesAndLeadsPerYearSubjectKindAndClient_WithConversion()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);
        // One lead turned into an inquiry, through the lead page.
        var leadUrl = (await coordinator.GetDocumentAsync("/office/leads?subject=specialpedagogik")).QuerySelector("tbody a")!.GetAttribute("href")!;
        var module = (await coordinator.GetDocumentAsync(leadUrl)).QuerySelector("input[name='Convert.Modules'][checked]")!.GetAttribute("value")!;
        using (var converted = await PostAsync(coordinator, leadUrl + "?handler=Convert", new()
        {
            ["Convert.OrganisationName"] = "Sundsvalls kommun", ["Convert.OrganisationNumber"] = "212000-2411", ["Convert.ContactName"] = "Eva Lind",
            ["Convert.Email"] = "eva.lind@sundsvall.example", ["Convert.Description"] = "Specialpedagogik för 60 lärare.", ["Convert.Modules"] = module,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        }

        using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/statistics"));
        var year = json.RootElement.GetProperty("perYear").EnumerateArray().Single();
        Assert.Equal(2026, year.GetProperty("year").GetInt32());
        Assert.Equal(1, year.GetProperty("inquiries").GetInt32());
        Assert.Equal(1, year.GetProperty("inquiriesFromLeads").GetInt32());
        Assert.Equal(2, year.GetProperty("leads").GetInt32());
        Assert.Equal(50.0, year.GetProperty("leadConversion").GetDouble());
        var special = json.RootElement.GetProperty("perSubject").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Specialpedagogik");
        Assert.Equal((1, 1), (special.GetProperty("inquiries").GetInt32(), special.GetProperty("leads").GetInt32()));
        var municipalities = json.RootElement.GetProperty("perType").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Municipality");
        Assert.Equal(1, municipalities.GetProperty("inquiries").GetInt32());
        var sundsvall = json.RootElement.GetProperty("perClient").EnumerateArray().First();
        Assert.Equal("Sundsvalls kommun", sundsvall.GetProperty("name").GetString());

        // Another year has nothing; a year that is not one is named.
        using (var empty = JsonDocument.Parse(await coordinator.GetStringAsync("/api/statistics?year=2025")))
        {
            Assert.Empty(empty.RootElement.GetProperty("perSubject").EnumerateArray());
        }
        using (var bad = await coordinator.GetAsync("/api/statistics?year=tjugo"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        var page = await coordinator.GetDocumentAsync("/office/statistik?ar=2026");
        Assert.Contains("Specialpedagogik", page.QuerySelector("[data-testid=per-subject]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kommun", page.QuerySelector("[data-testid=per-type]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validators_AreKeptInTheDatabase_SoAnotherNodeAsksConditionally_AndGets304()
    {
        _etags = true;
        await using var nodeA = App(out var site);
        nodeA.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(nodeA.Services, ["scrape", "KommersAnnons"]));
        var shared = nodeA.Provider == Provider.Postgres
            ? nodeA.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UU.Web.Infrastructure.DatabaseOptions>>().Value.ConnectionString!
            : $"Data Source={Path.Combine(nodeA.DataPath, "uu.db")};Foreign Keys=True;Pooling=True";
        await using var nodeB = new UuWebFactory(provider, new Dictionary<string, string?>
        {
            ["ConnectionStrings:UU"] = shared,
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = site.Url("/").AbsoluteUri,
        });
        nodeB.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(nodeB.Services, ["scrape", "KommersAnnons"]));
        await using var scope = nodeB.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        Assert.Contains(await db.FetchValidators.ToListAsync(), v => v.Url.Contains("/Notices/TenderNotices", StringComparison.Ordinal) && v.ETag == "\"lista-1\"");
        var runs = await db.ScrapeRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(0, runs[0].NotModified);
        Assert.True(runs[1].NotModified >= 1);
        Assert.False(runs[1].Failing); // a 304 is not a source gone silent
        Assert.Equal(2, await db.Leads.CountAsync()); // nothing lost
    }

    [Fact]
    public async Task ACoordinatorAddsAWebListSource_TestsIt_SavesIt_AndItIsScheduledAndScraped()
    {
        await using var app = App(out var site);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        const string page = "/office/leads/kallor";
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "harnosand-upphandlingar",
            ["Form.Url"] = site.Url("/naringsliv/upphandling").AbsoluteUri,
            ["Form.ItemSelector"] = "article.news-item",
            ["Form.TitleSelector"] = "h2.news-title a",
            ["Form.LinkSelector"] = "h2.news-title a",
            ["Form.DateSelector"] = "time.news-date",
            ["Form.DeadlineSelector"] = "[broken",
            ["Form.SummarySelector"] = "p.news-lead",
            ["Form.Schedule"] = "0 45 6 * * ?",
            ["Form.Enabled"] = "true",
            ["Form.EducationOnly"] = "true",
        };

        // An empty form: every required field named.
        using (var empty = await PostAsync(coordinator, page + "?handler=Save", new()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var summary = (await Html.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent;
            foreach (var label in new[] { "Namn", "Adress", "Selektor för en post", "Selektor för titel", "Selektor för länk" })
            {
                Assert.Contains(label, summary, StringComparison.Ordinal);
            }
        }

        // A selector that is not CSS and a name that a built-in source has: both named, nothing saved.
        using (var bad = await PostAsync(coordinator, page + "?handler=Save", new(fields) { ["Form.Name"] = "jobtech" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var summary = (await Html.ParseAsync(bad)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("Selektor för sista dag", summary, StringComparison.Ordinal);
            Assert.Contains("'[broken' is not a valid CSS selector", summary, StringComparison.Ordinal);
            Assert.Contains("built-in", summary, StringComparison.Ordinal);
        }
        fields["Form.DeadlineSelector"] = "span.news-deadline";

        // "Test this source" shows what would be extracted, and which items the education filter keeps out.
        using (var tested = await PostAsync(coordinator, page + "?handler=Test", new(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
            var result = (await Html.ParseAsync(tested)).QuerySelector("[data-testid=test-result]")!;
            var rows = result.QuerySelectorAll("tbody tr");
            Assert.Equal(2, rows.Length);
            Assert.Contains("språkutvecklande arbetssätt", rows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("2026-08-28", rows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("ja", rows[0].QuerySelectorAll("td")[4].TextContent, StringComparison.Ordinal);
            Assert.Contains("nej", rows[1].QuerySelectorAll("td")[4].TextContent, StringComparison.Ordinal); // snow clearing
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<UuDbContext>().WebSources.AnyAsync()); // a test saves nothing
        }

        using (var saved = await PostAsync(coordinator, page + "?handler=Save", new(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(ScrapeScheduler.KeyFor("harnosand-upphandlingar"), CancellationToken.None));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "harnosand-upphandlingar"]));
        var list = await coordinator.GetDocumentAsync("/office/leads?source=harnosand-upphandlingar");
        var only = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("språkutvecklande arbetssätt", only.TextContent, StringComparison.Ordinal);
        Assert.Contains("harnosand-upphandlingar", (await coordinator.GetDocumentAsync(page)).QuerySelector("[data-testid=sources]")!.TextContent, StringComparison.Ordinal);

        // Two coordinators edit at once: the second save is refused and shows the first one's version.
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UuDbContext>().WebSources.SingleAsync()).Id;
        }
        var editUrl = page + "?id=" + id.ToString(CultureInfo.InvariantCulture);
        var version = (await coordinator.GetDocumentAsync(editUrl)).QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var edit = new Dictionary<string, string>(fields) { ["Form.Id"] = id.ToString(CultureInfo.InvariantCulture), ["Form.Version"] = version, ["Form.Schedule"] = "0 0 8 * * ?" };
        using (var first = await PostAsync(coordinator, page + "?handler=Save", new(edit)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        using (var stale = await PostAsync(coordinator, page + "?handler=Save", new(edit) { ["Form.Schedule"] = "0 0 9 * * ?" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var doc = await Html.ParseAsync(stale);
            Assert.Contains("0 0 8 * * ?", doc.QuerySelector("[data-testid=theirs]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("0 0 9 * * ?", doc.QuerySelector("#Form_Schedule")!.GetAttribute("value")); // the typing is kept
        }

        // Deleting the source takes it off the schedule; its leads stay.
        using (var deleted = await PostAsync(coordinator, page + "?handler=Delete", new() { ["Form.Id"] = id.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.False(await scheduler.Exists(ScrapeScheduler.KeyFor("harnosand-upphandlingar"), CancellationToken.None));
        Assert.Equal(3, await FeedTotalAsync(coordinator));
    }

    [Fact]
    public async Task ABrokenSource_FailsTheVerb_ShowsInHealth_AndKeepsItsLeads()
    {
        await using var app = App(out _);
        var client = app.CreateClient();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        _broken = true;
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        Assert.Equal(64, await CommandLine.RunAsync(app.Services, ["scrape", "Nyhetsbrev"]));

        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"])); // still failing: no second alarm
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<UuDbContext>().Leads.CountAsync());
        // The coordinators were told once, when the source started failing.
        var alarm = Assert.Single(await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.Where(m => m.Reference == "source-failing-KommersAnnons").ToListAsync());
        Assert.Equal("samordnare@uu-demo.se", alarm.ToAddress);
        Assert.Contains("KommersAnnons", alarm.Subject, StringComparison.Ordinal);
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var scrapers = health.RootElement.GetProperty("checks").GetProperty("scrapers");
        Assert.Equal("Degraded", scrapers.GetProperty("status").GetString());
        Assert.Contains("KommersAnnons", scrapers.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Scrapes Kommers Annons and signs a coordinator in; first waits for the search index when the test needs leads matched through it.</summary>
    private static async Task<HttpClient> ScrapedAndSignedInAsync(UuWebFactory app, bool matched = true)
    {
        var visitor = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (matched && (await visitor.GetStringAsync("/api/search?q=specialpedagogik")).Contains("\"total\":0", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the search index was never built");
            await Task.Delay(50);
        }
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        return await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Office.Roles.Coordinator);
    }

    [Fact]
    public async Task LeadFeed_ListsAndFilters_ShowsWhatTheScraperSaw_AndKeepsTheWorkflowHistory()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);

        var list = await coordinator.GetDocumentAsync("/office/leads?q=specialpedagogik");
        var link = list.QuerySelector("tbody a")!;
        Assert.Contains("specialpedagogik", link.TextContent, StringComparison.Ordinal);
        Assert.Single(list.QuerySelectorAll("tbody tr"));
        using (var api = await coordinator.GetAsync("/api/leads?kind=Tender&source=KommersAnnons"))
        {
            using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        }
        using (var bad = await coordinator.GetAsync("/api/leads?status=Maybe"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var leadUrl = link.GetAttribute("href")!;
        var page = await coordinator.GetDocumentAsync(leadUrl);
        // Matched to the catalogue, with the reason and a score a coordinator can read.
        Assert.Contains("Specialpedagogik för lärare", page.QuerySelector("[data-testid=matches]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("specialpedagogik", page.QuerySelector("[data-testid=reasons]")!.TextContent, StringComparison.Ordinal);
        Assert.True(int.Parse(page.QuerySelector("[data-testid=score]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 40);
        var raw = page.QuerySelector("a[href*='handler=Snapshot']")!.GetAttribute("href")!;
        using (var snapshot = await coordinator.GetAsync(raw))
        {
            Assert.Equal("text/plain", snapshot.Content.Headers.ContentType!.MediaType); // never rendered as HTML
            Assert.Contains("Upphandlande myndighet", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var changed = await coordinator.PostAsync(leadUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form.narrow-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Status"] = "Relevant",
            ["Note"] = "Passar specialpedagogik – kontakta Anders Holm.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await coordinator.GetDocumentAsync(leadUrl);
        Assert.Equal("Relevant", after.QuerySelector("[data-testid=status]")!.TextContent.Trim());

        // Assigning tells the subject's contact person at once, through the outbox.
        var contact = after.QuerySelectorAll("#ContactId option").First(o => o.TextContent.Contains("Anders Holm", StringComparison.Ordinal));
        var assignForm = after.QuerySelector("form input[name=ContactId], form select[name=ContactId]")!.Closest("form")!;
        using (var assigned = await coordinator.PostAsync(leadUrl + "?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = assignForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["ContactId"] = contact.GetAttribute("value")!,
            ["FollowUp"] = "2026-08-01",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }
        var assignedPage = await coordinator.GetDocumentAsync(leadUrl);
        Assert.Contains("anders.holm@uu-demo.se", assignedPage.QuerySelector("[data-testid=assigned]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tilldelad", assignedPage.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.SingleAsync(m => m.ToAddress == "anders.holm@uu-demo.se" && m.Reference!.StartsWith("lead-"));
            Assert.Contains("specialpedagogik", mail.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("2026-08-01", mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Contains("Ny → Relevant", after.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anders Holm", after.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertingALead_StoresAnInquiry_TellsTheSubjectContact_AndHappensOnlyOnce()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);
        var leadUrl = (await coordinator.GetDocumentAsync("/office/leads?q=specialpedagogik")).QuerySelector("tbody a")!.GetAttribute("href")!;
        var page = await coordinator.GetDocumentAsync(leadUrl);
        var form = page.QuerySelector("form input[name='Convert.OrganisationName']")!.Closest("form")!;
        Assert.Equal("Sundsvalls kommun", form.QuerySelector("input[name='Convert.OrganisationName']")!.GetAttribute("value"));
        var module = form.QuerySelector("input[name='Convert.Modules'][checked]")!.GetAttribute("value")!;
        Assert.Contains("specialpedagogik", form.QuerySelector("textarea")!.TextContent, StringComparison.OrdinalIgnoreCase);

        FormUrlEncodedContent Fields(string orgNumber) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Convert.OrganisationName"] = "Sundsvalls kommun",
            ["Convert.OrganisationNumber"] = orgNumber,
            ["Convert.ContactName"] = "Maria Lind",
            ["Convert.Email"] = "maria.lind@sundsvall.example",
            ["Convert.Modules"] = module,
            ["Convert.Description"] = "Upphandling av specialpedagogik, 7,5 hp för 40 lärare.",
        });

        // A wrong organisation number is named beside its field, and nothing is stored.
        using (var bad = await coordinator.PostAsync(leadUrl + "?handler=Convert", Fields("212000-2412")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await Html.ParseAsync(bad)).QuerySelector("[data-testid=convert-errors]")!.TextContent;
            Assert.Contains("Organisationsnummer", errors, StringComparison.Ordinal);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<UuDbContext>().Inquiries.AnyAsync());
        }

        using (var converted = await coordinator.PostAsync(leadUrl + "?handler=Convert", Fields("212000-2411")))
        {
            Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        }
        var after = await coordinator.GetDocumentAsync(leadUrl);
        Assert.Equal("I dialog", after.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var reference = after.QuerySelector("[data-testid=converted] a")!.TextContent.Trim();
        Assert.Matches(@"^UU-\d{4}-\d{4}$", reference);
        Assert.Contains(reference, after.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var inquiry = await db.Inquiries.Include(i => i.Modules).ThenInclude(m => m.Module).SingleAsync();
            Assert.Equal(reference, inquiry.ReferenceNumber);
            Assert.Equal(module, Assert.Single(inquiry.Modules).Module!.Slug);
            Assert.Equal("2120002411", inquiry.OrganisationNumber.Replace("-", "", StringComparison.Ordinal));
            var mail = await db.OutboxMessages.Where(m => m.Reference == reference).ToListAsync();
            Assert.Contains(mail, m => m.ToAddress == "anders.holm@uu-demo.se" && m.TextBody.Contains("/office/leads/", StringComparison.Ordinal));
            Assert.DoesNotContain(mail, m => m.ToAddress == "maria.lind@sundsvall.example"); // the buyer did not write to us: no receipt
        }

        // A second conversion (another coordinator with the old page open) is refused; still one inquiry.
        using (var again = await coordinator.PostAsync(leadUrl + "?handler=Convert", Fields("212000-2411")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UuDbContext>().Inquiries.CountAsync());
        }
    }

    [Fact]
    public async Task BulkStatus_ChangesEveryChosenLead_WithItsHistory_AndAnEmptyChoiceIsNamed()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        var list = await coordinator.GetDocumentAsync("/office/leads?kind=Tender");
        var form = list.QuerySelector("input[name=BulkIds]")!.Closest("form")!;
        var ids = form.QuerySelectorAll("input[name=BulkIds]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, ids.Count);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.GetAttribute("action")!;

        using (var empty = await coordinator.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["BulkStatus"] = "NotRelevant" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Välj minst en lead", (await Html.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        var fields = ids.Select(id => new KeyValuePair<string, string>("BulkIds", id)).Append(new("BulkStatus", "NotRelevant")).Append(new("__RequestVerificationToken", token));
        using (var changed = await coordinator.PostAsync(action, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal("/office/leads?kind=Tender", changed.Headers.Location!.OriginalString);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        Assert.All(await db.Leads.ToListAsync(), l => Assert.Equal(LeadStatus.NotRelevant, l.Status));
        Assert.Equal(2, await db.LeadEvents.CountAsync(e => e.FromStatus == LeadStatus.New && e.ToStatus == LeadStatus.NotRelevant));
    }

    [Fact]
    public async Task EnabledSources_AreScheduled_AndAConcurrentRunOnAnotherNodeIsSkipped()
    {
        var slow = Sources; // the list answers slowly, so the two runs overlap
        await using var app = new UuWebFactory(provider, new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = slow.Url("/").AbsoluteUri,
            ["Scrapers:Sources:KommersAnnons:Enabled"] = "true",
            ["Scrapers:Sources:KommersAnnons:Schedule"] = "0 15 6 * * ?",
        });
        app.CreateClient().Dispose();
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(ScrapeScheduler.KeyFor("KommersAnnons"), CancellationToken.None));
        Assert.False(await scheduler.Exists(ScrapeScheduler.KeyFor("Ted"), CancellationToken.None)); // disabled

        _slow = true;
        async Task<UU.Scrapers.Runs.ScrapeRunReport?> RunOnANode()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LeasedScrapeRunner>().RunAsync("KommersAnnons", CancellationToken.None);
        }
        var results = await Task.WhenAll(RunOnANode(), RunOnANode());
        Assert.Single(results, r => r is not null);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<UuDbContext>().ScrapeRuns.CountAsync());
    }

    [Fact]
    public async Task AnInvalidSchedule_StopsTheStartNamingTheKey()
    {
        await using var app = new UuWebFactory(provider, new Dictionary<string, string?>
        {
            ["Scrapers:Sources:Ted:Enabled"] = "true",
            ["Scrapers:Sources:Ted:Schedule"] = "varje morgon",
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Scrapers:Sources:Ted:Schedule", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidDigestSchedule_StopsTheStartNamingTheKey()
    {
        await using var app = new UuWebFactory(provider, new Dictionary<string, string?> { ["Leads:DigestSchedule"] = "varje morgon" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Leads:DigestSchedule", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyDigest_ListsTheNewLeadsBestFirst_OnceADay_AndOnlyWhatIsNew_AndEachContactGetsTheirSubjectsAndFollowUps()
    {
        await using var app = App(out _);
        await ScrapedAndSignedInAsync(app); // matched through the search index, so the leads have subjects
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(LeadDigestJob.Key, CancellationToken.None));

        async Task<int> Digest()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LeadDigest>().SendAsync(CancellationToken.None);
        }
        // Two nodes firing the schedule at once: one of them sends the morning's emails, the other nothing.
        var sent = await Task.WhenAll(Digest(), Digest());
        Assert.Equal(0, sent.Min());
        string contactEmail;
        int specialId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var mails = await db.OutboxMessages.Where(m => m.Reference!.StartsWith("lead-digest-")).ToListAsync();
            Assert.Equal(sent.Max(), mails.Count);
            var mail = Assert.Single(mails, m => m.ToAddress == "samordnare@uu-demo.se");
            var leads = await db.Leads.OrderByDescending(l => l.Score).ToListAsync();
            Assert.Equal(2, leads.Count);
            var first = mail.TextBody.IndexOf(leads[0].Title, StringComparison.Ordinal);
            var second = mail.TextBody.IndexOf(leads[1].Title, StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first, mail.TextBody);
            Assert.Contains($"/office/leads/{leads[0].Id}", mail.TextBody, StringComparison.Ordinal);

            // The special-education contact person hears of the lead in their subject, and not of leads outside it.
            var special = leads.Single(l => l.Title.Contains("specialpedagogik", StringComparison.Ordinal));
            specialId = special.Id;
            var contact = await db.SubjectContacts.FirstAsync(c => c.Subject!.Slug == "specialpedagogik");
            contactEmail = contact.Email;
            var personal = Assert.Single(mails, m => m.ToAddress == contact.Email);
            Assert.Contains(special.Title, personal.TextBody, StringComparison.Ordinal);
            var specialSubjects = await db.LeadSubjects.Where(s => s.LeadId == special.Id).Select(s => s.SubjectId).ToListAsync();
            foreach (var other in leads.Where(l => l.Id != special.Id))
            {
                var shares = await db.LeadSubjects.AnyAsync(s => s.LeadId == other.Id && s.SubjectId == contact.SubjectId);
                Assert.Equal(shares, personal.TextBody.Contains(other.Title, StringComparison.Ordinal));
            }
            Assert.Contains(contact.SubjectId, specialSubjects);

            // The contact takes the lead on, to follow up the next day.
            var lead = await db.Leads.SingleAsync(l => l.Id == special.Id);
            lead.Status = LeadStatus.Assigned;
            lead.AssignedToEmail = contact.Email;
            lead.FollowUpOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);
            await db.SaveChangesAsync();
        }

        // The next morning nothing new has come in: no email to the coordinators, but the follow-up reminder to the contact.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Digest());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var latest = await db.OutboxMessages.Where(m => m.Reference!.StartsWith("lead-digest-")).OrderByDescending(m => m.Id).FirstAsync();
            Assert.Equal(contactEmail, latest.ToAddress);
            Assert.Contains("följas upp", latest.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/office/leads/{specialId}", latest.TextBody, StringComparison.Ordinal);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Reference!.StartsWith("lead-digest-") && m.ToAddress == "samordnare@uu-demo.se"));
        }
    }

    [Fact]
    public async Task PrivateAtomFeed_TakesThePersonalTokenInItsAddress_AndNothingElseDoes()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        using var created = await OfficeUsers.PostFormAsync(coordinator, "/office/konto", "CreateToken", new() { ["TokenName"] = "Flödesläsare" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();

        var reader = app.CreateClient();
        using (var feed = await reader.GetAsync("/api/leads.atom?kind=Tender&token=" + Uri.EscapeDataString(secret)))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
            var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
            System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
            var entries = xml.Root!.Elements(atom + "entry").ToList();
            await using var scope = app.Services.CreateAsyncScope();
            var leads = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Leads.ToListAsync();
            Assert.Equal(leads.Select(l => l.Title).Order(), entries.Select(e => (string)e.Element(atom + "title")!).Order());
            var special = leads.Single(l => l.Title.Contains("specialpedagogik", StringComparison.Ordinal));
            var entry = entries.Single(e => ((string)e.Element(atom + "title")!).Contains("specialpedagogik", StringComparison.Ordinal));
            Assert.EndsWith($"/office/leads/{special.Id}", (string)entry.Element(atom + "link")!.Attribute("href")!, StringComparison.Ordinal);
            Assert.Contains("Sundsvalls kommun", (string)entry.Element(atom + "summary")!, StringComparison.Ordinal);
        }
        using (var anonymous = await reader.GetAsync("/api/leads.atom"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var wrong = await reader.GetAsync("/api/leads.atom?token=uu_not-a-real-token-at-all"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var json = await reader.GetAsync("/api/leads?token=" + Uri.EscapeDataString(secret)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode); // only the feed takes the token in its address
        }
    }

    [Fact]
    public async Task Exports_GiveTheFilteredListAsCsvAndExcel_WithoutRunnableFormulas()
    {
        await using var app = App(out _);
        app.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Leads.Add(new Lead { Title = "=HYPERLINK(\"http://elak.example\",\"klicka\")", Kind = LeadKind.WebItem, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Office.Roles.Coordinator);

        using var csv = await coordinator.GetAsync("/office/leads?handler=Csv&kind=Tender");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Id,Slag,Titel,Köpare", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Kompetensutveckling i specialpedagogik för grundskolans lärare", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + the two tenders
        using var all = await coordinator.GetAsync("/office/leads?handler=Csv");
        Assert.Contains("\"'=HYPERLINK(", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var xlsx = await coordinator.GetAsync("/office/leads?handler=Xlsx&kind=Tender");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Leads");
        Assert.Equal("Titel", sheet.Cell(1, 3).GetString());
        Assert.Contains(sheet.RowsUsed().Skip(1), r => r.Cell(3).GetString() == "Kompetensutveckling i specialpedagogik för grundskolans lärare");

        var editor = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Office.Roles.Editor);
        using var refused = await editor.GetAsync("/office/leads?handler=Csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private bool _slow;

    public void Dispose()
    {
        _sources?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ScrapeTestsOnSqlite() : ScrapeTests(Provider.Sqlite);

public sealed class ScrapeTestsOnPostgres() : ScrapeTests(Provider.Postgres);
