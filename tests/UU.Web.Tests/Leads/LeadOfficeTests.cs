using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Agreements;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;

namespace UU.Web.Tests.Leads;

/// <summary>What coordinators keep beside the feed: their own web list sources, clients and agreements, statistics.</summary>
public abstract class LeadOfficeTests(Provider provider) : LeadTestBase(provider)
{
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
        Assert.True(await scheduler.Exists(SourceSchedule.KeyFor("harnosand-upphandlingar"), CancellationToken.None));
        // "Run now" fires the scheduled job at once; the run is recorded when it is done.
        using (var unknown = await PostAsync(coordinator, page + "?handler=Run", new() { ["name"] = "nyhetsbrev" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        using (var started = await PostAsync(coordinator, page + "?handler=Run", new() { ["name"] = "harnosand-upphandlingar" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UuDbContext>().ScrapeRuns.AnyAsync(r => r.Source == "harnosand-upphandlingar");
        }, "the triggered run is recorded");
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
        Assert.False(await scheduler.Exists(SourceSchedule.KeyFor("harnosand-upphandlingar"), CancellationToken.None));
        Assert.Equal(3, await FeedTotalAsync(coordinator));
    }

    [Fact]
    public async Task AnOfficeSource_MustBeOnThePublicInternet_WhenSavedTestedAndRun()
    {
        using var site = new UU.Scrapers.Tests.Fetching.LocalSite(c => UU.Scrapers.Tests.Fetching.LocalSite.WriteAsync(c, 200, Fixture("kommun-upphandlingar.html")));
        await using var app = new UuWebFactory(Provider, new Dictionary<string, string?> { ["Scrapers:MinDelayMilliseconds"] = "0", ["Scrapers:MaxRetries"] = "0" });
        var coordinator = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Coordinator);
        const string page = "/office/leads/kallor";
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "intranatet",
            ["Form.Url"] = site.Url("/naringsliv/upphandling").AbsoluteUri,
            ["Form.ItemSelector"] = "article.news-item",
            ["Form.TitleSelector"] = "h2 a",
            ["Form.LinkSelector"] = "h2 a",
        };
        using (var saved = await PostAsync(coordinator, page + "?handler=Save", new(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
            Assert.Contains("not on the public internet", (await Html.ParseAsync(saved)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        var byName = site.Url("/naringsliv/upphandling").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using (var tested = await PostAsync(coordinator, page + "?handler=Test", new(fields) { ["Form.Url"] = byName }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tested.StatusCode);
            Assert.Contains("not on the public internet", (await Html.ParseAsync(tested)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        // Stored another way (an older row, a name that resolves inward later): the connection itself is refused, the run
        // says why, and nothing reaches the server.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.WebSources.Add(new WebSource { Name = "intranatet", Url = byName, ItemSelector = "article", TitleSelector = "h2 a", LinkSelector = "h2 a", UpdatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["scrape", "intranatet"]));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<UuDbContext>().ScrapeRuns.SingleAsync();
            Assert.Contains("could not be reached", run.Errors, StringComparison.Ordinal); // one neutral message: it does not say which addresses or ports exist
        }
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task TheInquiryAndAuditFilters_IgnoreCase_ÅÄÖIncluded_OnBothDatabases()
    {
        await using var app = new UuWebFactory(Provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Coordinator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = app.Clock.GetUtcNow();
            db.Inquiries.Add(new Inquiry
            {
                ReferenceNumber = "UU-2026-0777", Year = 2026, Sequence = 777, ReceiptKey = "k", OrganisationName = "Örebro kommun", OrganisationNumber = "212000-1801",
                ContactName = "Åsa Ek", Email = "asa.ek@orebro.example", Description = "Ledarskap för förskolechefer.", ConsentGivenAt = now, ReceivedAt = now,
            });
            await db.SaveChangesAsync();
        }
        foreach (var q in new[] { "örebro", "ÖREBRO", "åsa", "uu-2026-0777", "FÖRSKOLECHEFER" })
        {
            using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries?q=" + Uri.EscapeDataString(q)));
            Assert.True(json.RootElement.GetProperty("total").GetInt32() == 1, q);
        }
        using var none = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries?q=" + Uri.EscapeDataString("göteborg")));
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());

        // The audit trail's user filter likewise.
        var admin = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Admin, "Granskare.Ek@uu-demo.se");
        var trail = await admin.GetDocumentAsync("/office/granskning?anvandare=GRANSKARE.EK");
        Assert.Contains("Granskare.Ek@uu-demo.se", trail.QuerySelector("tbody")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await admin.GetDocumentAsync("/office/granskning?anvandare=nobody-else")).QuerySelector("tbody tr"));
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
        // The score reads the agreements register (which replaced the client's single agreement date).
        var client = new Client { Name = "Sundsvalls kommun", CreatedAt = app.Clock.GetUtcNow() };
        db.Set<Agreement>().Add(new Agreement { Type = AgreementType.Framework, Client = client, EndsOn = today.AddDays(-1), CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await matcher.MatchAsync(lead, CancellationToken.None);
        Assert.Equal(before, lead.Score); // an agreement that has ended counts for nothing
        db.Set<Agreement>().Add(new Agreement { Type = AgreementType.SingleCommission, Client = client, EndsOn = today.AddYears(1), CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await matcher.MatchAsync(lead, CancellationToken.None);
        Assert.Equal(before, lead.Score); // nor does the agreement of a single commission: it is not a standing one
        (await db.Set<Agreement>().SingleAsync(a => a.Client!.Name == "Sundsvalls kommun" && a.Type == AgreementType.Framework)).EndsOn = today.AddYears(1);
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
        var scraped = await ScoreAsync();
        const string page = "/office/kunder";
        var client = new Dictionary<string, string> { ["Name"] = "Sundsvalls kommun", ["OrganisationNumber"] = "212000-2411", ["Type"] = "Municipality" };

        using (var badNumber = await PostAsync(coordinator, page + "?handler=Create", new(client) { ["OrganisationNumber"] = "212000-2412" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
            var summary = (await Html.ParseAsync(badNumber)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("Organisationsnummer", summary, StringComparison.Ordinal); // the check digit is wrong
        }
        Assert.Equal(scraped, await ScoreAsync()); // nothing stored, nothing scored again
        // Added without an agreement: the client's leads are scored again, and that is the baseline (the search index
        // may have grown since the scrape, so the fit part can differ from the scrape's score).
        using (var created = await PostAsync(coordinator, page + "?handler=Create", new(client)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var before = await ScoreAsync();
        // The agreement is registered in the register now (the clients page links there); a wrong date is named.
        var clientId = (await coordinator.GetDocumentAsync(page)).QuerySelectorAll("[data-testid=clients] tbody tr")
            .Single(r => r.TextContent.Contains("Sundsvalls kommun", StringComparison.Ordinal)).QuerySelector("a[href^='/office/avtal/ny']")!.GetAttribute("href")!.Split("kund=")[1];
        var agreement = new Dictionary<string, string> { ["Form.Type"] = "Framework", ["Form.ClientId"] = clientId, ["Form.EndsOn"] = "2027-12-31" };
        using (var badDate = await PostAsync(coordinator, "/office/avtal/ny", new(agreement) { ["Form.EndsOn"] = "31/12/2027" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
            Assert.Contains("ÅÅÅÅ-MM-DD", (await Html.ParseAsync(badDate)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(before, await ScoreAsync());
        string agreementUrl;
        using (var agreed = await PostAsync(coordinator, "/office/avtal/ny", new(agreement)))
        {
            Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
            agreementUrl = agreed.Headers.Location!.OriginalString;
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

        // The agreement ends (its last day moved to yesterday): the leads lose the points again.
        using (var ended = await PostAsync(coordinator, agreementUrl, new(agreement) { ["Form.EndsOn"] = "2026-03-15" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }
        Assert.Equal(before, await ScoreAsync());
        Assert.Null((await coordinator.GetDocumentAsync(page)).QuerySelectorAll("[data-testid=clients] tbody tr")
            .Single(r => r.TextContent.Contains("Sundsvalls kommun", StringComparison.Ordinal)).QuerySelector("[data-testid=in-force]"));
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
        var tenders = json.RootElement.GetProperty("perLeadKind").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Tender");
        Assert.Equal((2, 1, 1), (tenders.GetProperty("leads").GetInt32(), tenders.GetProperty("worked").GetInt32(), tenders.GetProperty("toInquiry").GetInt32()));
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
}

public sealed class LeadOfficeTestsOnSqlite() : LeadOfficeTests(Provider.Sqlite);

public sealed class LeadOfficeTestsOnPostgres() : LeadOfficeTests(Provider.Postgres);
