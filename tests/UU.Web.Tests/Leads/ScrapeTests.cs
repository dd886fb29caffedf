using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>Scraping, runs, breakage, schedules, conditional requests and the digest.</summary>
public abstract class ScrapeTests(Provider provider) : LeadTestBase(provider)
{
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

    [Fact]
    public async Task Validators_AreKeptInTheDatabase_SoAnotherNodeAsksConditionally_AndGets304()
    {
        Etags = true;
        await using var nodeA = App(out var site);
        nodeA.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(nodeA.Services, ["scrape", "KommersAnnons"]));
        var shared = nodeA.ConnectionString;
        await using var nodeB = new UuWebFactory(Provider, new Dictionary<string, string?>
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
    public async Task Rescrape_ReadsTheKeptSnapshotsAgain_WithoutTheSource()
    {
        await using var app = App(out var site);
        app.CreateClient().Dispose();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        var requests = site.Requests.Count;
        Broken = true; // the source is down: a rescrape never asks it
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["rescrape", "KommersAnnons"]));
        Assert.Equal(requests, site.Requests.Count);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            Assert.Equal(2, await db.Leads.CountAsync());
            Assert.Equal(1, await db.ScrapeRuns.CountAsync()); // not a run: the source's health is judged on real runs only
            Assert.True(await db.LeadSources.AllAsync(s => s.SnapshotId != null));
        }
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["rescrape", "KommersAnnons", "2020-01-01"])); // nothing kept that day
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["rescrape"])); // invalid input: 2 for every verb (was 64)
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["rescrape", "Nyhetsbrev"]));
    }

    [Fact]
    public async Task ABrokenSource_FailsTheVerb_ShowsInHealth_AndKeepsItsLeads()
    {
        await using var app = App(out _);
        var client = app.CreateClient();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        Broken = true;
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"]));
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["scrape", "Nyhetsbrev"]));

        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["scrape", "KommersAnnons"])); // still failing: no second alarm
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<UuDbContext>().Leads.CountAsync());
        // The coordinators were told once, when the source started failing.
        var alarm = Assert.Single(await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.Where(m => m.Reference == "source-failing-KommersAnnons").ToListAsync());
        Assert.Equal("samordnare@uu-demo.se", alarm.ToAddress);
        Assert.Contains("KommersAnnons", alarm.Subject, StringComparison.Ordinal);
        using var health = await UuWebFactory.HealthDetailsAsync(client);
        var scrapers = health.RootElement.GetProperty("checks").GetProperty("scrapers");
        Assert.Equal("Degraded", scrapers.GetProperty("status").GetString());
        Assert.Contains("KommersAnnons", scrapers.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnabledSources_AreScheduled_AndAConcurrentRunOnAnotherNodeIsSkipped()
    {
        var slow = Sources; // the list answers slowly, so the two runs overlap
        await using var app = new UuWebFactory(Provider, new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = slow.Url("/").AbsoluteUri,
            ["Scrapers:Sources:KommersAnnons:Enabled"] = "true",
            ["Scrapers:Sources:KommersAnnons:Schedule"] = "0 15 6 * * ?",
        });
        app.CreateClient().Dispose();
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(SourceSchedule.KeyFor("KommersAnnons"), CancellationToken.None));
        Assert.False(await scheduler.Exists(SourceSchedule.KeyFor("Ted"), CancellationToken.None)); // disabled

        Slow = true;
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
        await using var app = new UuWebFactory(Provider, new Dictionary<string, string?>
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
        await using var app = new UuWebFactory(Provider, new Dictionary<string, string?> { ["Leads:DigestSchedule"] = "varje morgon" });
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
}

public sealed class ScrapeTestsOnSqlite() : ScrapeTests(Provider.Sqlite);

public sealed class ScrapeTestsOnPostgres() : ScrapeTests(Provider.Postgres);
