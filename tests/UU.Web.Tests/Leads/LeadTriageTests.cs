using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>The coordinators' lead feed: filters, the lead page, the workflow, merge, conversion, bulk changes, feeds and exports.</summary>
public abstract class LeadTriageTests(Provider provider) : LeadTestBase(provider)
{
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
    public async Task ASubjectContactPerson_SeesTheLeadsTheyHold_MovesThemAlong_AndNothingElse()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app);
        string contactEmail;
        int mineId, otherId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var contact = await db.SubjectContacts.FirstAsync(c => c.Subject!.Slug == "specialpedagogik");
            contactEmail = contact.Email;
            mineId = await db.Leads.Where(l => l.Subjects.Any(s => s.SubjectId == contact.SubjectId)).Select(l => l.Id).SingleAsync();
            otherId = await db.Leads.Where(l => l.Id != mineId).Select(l => l.Id).FirstAsync();
            Assert.False(await db.LeadSubjects.AnyAsync(s => s.LeadId == otherId && s.SubjectId == contact.SubjectId));
        }
        var person = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.SubjectContact, contactEmail.ToUpperInvariant());

        var list = await person.GetDocumentAsync("/office/leads");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains($"/office/leads/{mineId}", row.InnerHtml, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("#BulkStatus"));
        Assert.NotNull(list.QuerySelector("[data-testid=own-leads]"));
        using (var forbidden = await person.GetAsync($"/office/leads/{otherId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        var page = await person.GetDocumentAsync($"/office/leads/{mineId}");
        Assert.Null(page.QuerySelector("#ContactId")); // assigning, converting and merging are the coordinators'
        Assert.Null(page.QuerySelector("input[name='Convert.OrganisationName']"));
        using (var moved = await PostAsync(person, $"/office/leads/{mineId}", new() { ["Status"] = "InDialogue", ["Note"] = "Ringde rektorn, de vill ha start i januari." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        Assert.Contains("start i januari", (await person.GetDocumentAsync($"/office/leads/{mineId}")).QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        using (var assign = await PostAsync(person, $"/office/leads/{mineId}?handler=Assign", new() { ["ContactId"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        }
        using (var note = await PostAsync(person, $"/office/leads/{mineId}", new() { ["Note"] = "x" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }
        using (var api = await person.GetAsync("/api/leads"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        // A coordinator assigns them the other lead: now they hold it too.
        var coordinatorPage = await coordinator.GetDocumentAsync($"/office/leads/{otherId}");
        var option = coordinatorPage.QuerySelectorAll("#ContactId option").First(o => o.TextContent.Contains("Specialpedagogik", StringComparison.Ordinal));
        var today = UU.Scrapers.SwedishTime.Today(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var assigned = await PostAsync(coordinator, $"/office/leads/{otherId}?handler=Assign", new() { ["ContactId"] = option.GetAttribute("value")!, ["FollowUp"] = today }))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }
        Assert.Equal(2, (await person.GetDocumentAsync("/office/leads")).QuerySelectorAll("tbody tr").Length);
        // Their dashboard lists it as due for follow-up today.
        var dashboard = await person.GetDocumentAsync("/office");
        Assert.Contains($"/office/leads/{otherId}", dashboard.QuerySelector("[data-testid=follow-ups]")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("0", dashboard.QuerySelector("[data-testid=new-leads]")!.TextContent.Trim());
        using (var now = await person.GetAsync($"/office/leads/{otherId}"))
        {
            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        }
    }

    [Fact]
    public async Task TheTextAndPlaceFilters_IgnoreCase_ÅÄÖIncluded_OnBothDatabases()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = app.Clock.GetUtcNow();
            db.Leads.Add(new Lead { Title = "Fortbildning i Läsundervisning", Buyer = "Ånge kommun", Place = "ÅNGE", Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }
        foreach (var query in new[] { "?q=fortbildning", "?q=FORTBILDNING", "?q=läsundervisning", "?q=" + Uri.EscapeDataString("ånge kommun"), "?place=" + Uri.EscapeDataString("ånge") })
        {
            Assert.True(await FeedTotalAsync(coordinator, query) == 1, query);
        }
        Assert.Equal(0, await FeedTotalAsync(coordinator, "?q=" + Uri.EscapeDataString("100%")));
    }

    [Fact]
    public async Task TheLeadPage_OffersAlikeLeadsUnderOtherBuyerNames_AsPossibleDuplicates()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        int id, alike, other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = app.Clock.GetUtcNow();
            Lead New(string title, string buyer) => new() { Title = title, Buyer = buyer, Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now };
            var a = New("Handledarutbildning för undersköterskor i äldreomsorgen", "Ånge kommun");
            var b = New("Handledarutbildning undersköterskor äldreomsorgen", "Ånge Kommun (socialtjänsten)");
            var c = New("Ramavtal för tolktjänster", "Ånge Kommun (socialtjänsten)");
            db.Leads.AddRange(a, b, c);
            await db.SaveChangesAsync();
            (id, alike, other) = (a.Id, b.Id, c.Id);
        }
        var page = await coordinator.GetDocumentAsync($"/office/leads/{id}");
        var offered = page.QuerySelector("[data-testid=possible-duplicates]")!;
        Assert.Contains($"#{alike}", offered.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{other}", offered.TextContent, StringComparison.Ordinal);
        Assert.NotNull(offered.QuerySelector($"input[name=MergeWith][value='{alike}']"));
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
    public async Task PrivateAtomFeed_TakesAFeedTokenInItsAddress_AndNothingElseDoes()
    {
        await using var app = App(out _);
        var coordinator = await ScrapedAndSignedInAsync(app, matched: false);
        using var created = await OfficeUsers.PostFormAsync(coordinator, "/office/konto", "CreateFeedToken", new() { ["TokenName"] = "Flödesläsare" });
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
        var coordinator = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Coordinator);

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

        var editor = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Editor);
        using var refused = await editor.GetAsync("/office/leads?handler=Csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class LeadTriageTestsOnSqlite() : LeadTriageTests(Provider.Sqlite);

public sealed class LeadTriageTestsOnPostgres() : LeadTriageTests(Provider.Postgres);
