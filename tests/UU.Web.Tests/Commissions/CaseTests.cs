using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Features.Seed;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions;

/// <summary>A case from first contact to closing: phases and checklists, routing, overdue, access, the API and the export.</summary>
public abstract class CaseTests(Provider provider)
{
    private const string Pedagogik = "pedagogik";
    private const string PedagogikContact = "karin.lindqvist@uu-demo.se";
    private const string Informatik = "informatik";
    private const string Coordinators = "samordnare@uu-demo.se";

    private UuWebFactory App(bool demoCases = false) =>
        new(provider, demoCases ? new Dictionary<string, string?> { ["Seed:DemoCases"] = "true" } : null);

    private static async Task<T> QueryAsync<T>(UuWebFactory app, Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    private static Task<int> SubjectIdAsync(UuWebFactory app, string slug) => OfficeCases.SubjectIdAsync(app, slug);

    private static Task<string> EnterCaseAsync(UuWebFactory app, HttpClient coordinator, string? subject, string organisation = "Timrå kommun", string wayIn = "Email") =>
        OfficeCases.EnterAsync(app, coordinator, subject, organisation, wayIn);

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string handler, Dictionary<string, string>? fields = null) =>
        OfficeCases.ActAsync(client, reference, handler, fields);

    private static Task<string> StepIdAsync(HttpClient client, string reference, string title) => OfficeCases.StepIdAsync(client, reference, title);

    [Fact]
    public async Task PhaseGate_NamesTheOpenRequiredSteps_AndLetsTheCaseOnOnceTickedOrNotApplicable_ClosingNeedsAnOutcome()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await EnterCaseAsync(app, coordinator, Pedagogik);

        using (var refused = await ActAsync(coordinator, reference, "Advance"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = (await Html.ParseAsync(refused)).QuerySelector("[data-testid=case-error]")!.TextContent;
            Assert.Contains("Dialog med kunden om behov", error, StringComparison.Ordinal);
            Assert.Contains("Institutionen prövar kompetens, tid och resurser", error, StringComparison.Ordinal);
        }
        using (var ticked = await ActAsync(coordinator, reference, "Step", new() { ["StepId"] = await StepIdAsync(coordinator, reference, "Dialog med kunden om behov"), ["State"] = "Done" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        }
        using (var stillOne = await ActAsync(coordinator, reference, "Advance"))
        {
            var error = (await Html.ParseAsync(stillOne)).QuerySelector("[data-testid=case-error]")!.TextContent;
            Assert.DoesNotContain("Dialog med kunden", error, StringComparison.Ordinal);
            Assert.Contains("Institutionen prövar kompetens, tid och resurser", error, StringComparison.Ordinal);
        }
        using (var notApplicable = await ActAsync(coordinator, reference, "Step", new() { ["StepId"] = await StepIdAsync(coordinator, reference, "Institutionen prövar"), ["State"] = "NotApplicable" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, notApplicable.StatusCode);
        }
        using (var advanced = await ActAsync(coordinator, reference, "Advance"))
        {
            Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
        }
        var page = await coordinator.GetDocumentAsync(CaseRoutes.Case(reference));
        Assert.Contains("Överenskommelse", page.QuerySelector("[data-testid=case-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fas", page.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

        // Closing: an outcome is required, and a reason when the case is lost.
        using (var noOutcome = await ActAsync(coordinator, reference, "Close"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
            Assert.Contains("Utfall", (await Html.ParseAsync(noOutcome)).QuerySelector("[data-testid=case-error]")!.TextContent, StringComparison.Ordinal);
        }
        using (var noReason = await ActAsync(coordinator, reference, "Close", new() { ["Outcome"] = "Lost" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Anledning", (await Html.ParseAsync(noReason)).QuerySelector("[data-testid=case-error]")!.TextContent, StringComparison.Ordinal);
        }
        using (var wonTooEarly = await ActAsync(coordinator, reference, "Close", new() { ["Outcome"] = "Won" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wonTooEarly.StatusCode);
        }
        using (var lost = await ActAsync(coordinator, reference, "Close", new() { ["Outcome"] = "Lost", ["Reason"] = "Kunden valde ett annat lärosäte." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        }
        var closed = await coordinator.GetDocumentAsync(CaseRoutes.Case(reference));
        Assert.Contains("Avslutad", closed.QuerySelector("[data-testid=case-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("förlorat: Kunden valde ett annat lärosäte.", closed.QuerySelector("[data-testid=outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(InquiryStatus.Lost, await QueryAsync(app, db => db.Inquiries.Where(i => i.ReferenceNumber == reference).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task List_PagesThroughEveryCase_ThePageLinksKeepTheFilters()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var word = "Sidkommun" + Guid.NewGuid().ToString("N")[..6];
        var entered = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            entered.Add(await EnterCaseAsync(app, coordinator, Pedagogik, organisation: $"{word} {n}"));
        }
        await EnterCaseAsync(app, coordinator, Pedagogik, organisation: "Annan kommun");

        var seen = new List<string>();
        var first = await coordinator.GetDocumentAsync($"/office/forfragningar?q={word}&pageSize=2");
        var links = first.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal("1", first.QuerySelector("[data-testid=pager] a[aria-current=page]")!.TextContent);
        Assert.All(links, href => Assert.Contains("q=" + word, href, StringComparison.Ordinal));
        var next = first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!;
        seen.AddRange(first.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-reference")!));
        for (var page = 2; page <= 3; page++)
        {
            var doc = await coordinator.GetDocumentAsync(next);
            seen.AddRange(doc.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-reference")!));
            Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("[data-testid=pager] a[aria-current=page]")!.TextContent);
            next = doc.QuerySelector("[data-testid=pager] a[rel=next]")?.GetAttribute("href") ?? "";
        }
        Assert.Equal("", next); // the third page is the last
        Assert.Equal(entered.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NewCase_FormNamesEachWrongField()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var response = await OfficeUsers.PostFormAsync(coordinator, "/office/forfragningar/ny", "", new() { ["Form.WayIn"] = "Registry", ["Form.Email"] = "inte-en-adress", ["Form.OrganisationNumber"] = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await Html.ParseAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent;
        foreach (var label in new[] { "Diarienummer", "Organisation", "Organisationsnummer", "Kontaktperson", "E-post", "Behov" })
        {
            Assert.Contains(label, summary, StringComparison.Ordinal);
        }
        Assert.Equal(0, await QueryAsync(app, db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task Routing_MailsCoordinatorsAndSubjectContacts_ACaseWithoutSubjectIsFlaggedUntilGivenOne()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var routed = await EnterCaseAsync(app, coordinator, Pedagogik);
        var recipients = await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == routed).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal([PedagogikContact, Coordinators], recipients.Order(StringComparer.Ordinal));
        Assert.Contains(CaseRoutes.Case(routed), await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == routed).Select(m => m.TextBody).FirstAsync()), StringComparison.Ordinal);

        var unrouted = await EnterCaseAsync(app, coordinator, subject: null, organisation: "Ånge kommun");
        Assert.Equal([Coordinators], await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == unrouted).Select(m => m.ToAddress).ToListAsync()));
        var flagged = await coordinator.GetDocumentAsync("/office/forfragningar?needsSubject=true");
        Assert.Equal([unrouted], flagged.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-reference")!));
        Assert.NotNull(flagged.QuerySelector("tbody tr [data-testid=needs-subject]"));
        Assert.Contains(unrouted, (await coordinator.GetDocumentAsync("/office")).QuerySelector("[data-testid=cases-without-subject]")!.TextContent, StringComparison.Ordinal);

        using (var given = await ActAsync(coordinator, unrouted, "Subjects", new() { ["SubjectIds"] = (await SubjectIdAsync(app, Pedagogik)).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }
        var after = await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == unrouted).Select(m => m.ToAddress).ToListAsync());
        Assert.Contains(PedagogikContact, after);
        Assert.Empty((await coordinator.GetDocumentAsync("/office/forfragningar?needsSubject=true")).QuerySelectorAll("tbody tr"));

        // Involving one more subject tells only its contact person.
        var before = await QueryAsync(app, db => db.OutboxMessages.CountAsync(m => m.Reference == unrouted));
        using (var more = await ActAsync(coordinator, unrouted, "Subjects", new()))
        {
            Assert.Equal(HttpStatusCode.Redirect, more.StatusCode); // no subjects chosen: removes them, tells nobody
        }
        var ids = new[] { await SubjectIdAsync(app, Pedagogik), await SubjectIdAsync(app, Informatik) };
        var form = new FormUrlEncodedContent(ids.Select(id => new KeyValuePair<string, string>("SubjectIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("__RequestVerificationToken", (await coordinator.GetDocumentAsync(CaseRoutes.Case(unrouted))).AntiforgeryToken())));
        using (var both = await coordinator.PostAsync(CaseRoutes.Case(unrouted) + "?handler=Subjects", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        }
        var told = await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == unrouted).OrderBy(m => m.Id).Skip(before).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal([PedagogikContact, "anna.soderberg@uu-demo.se"], told.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task Overdue_CountsOnlySwedishWorkingDays_ACaseFromMaundyThursdayIsDueTheWednesdayAfterEaster()
    {
        await using var app = App();
        // Thursday 2 April 2026, 10:00 in Sweden. Good Friday (3 April) and Easter Monday (6 April) are public holidays, so
        // the two working days are Tuesday 7 and Wednesday 8 April: overdue from Thursday 9 April, not before.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero));
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await EnterCaseAsync(app, coordinator, Pedagogik);
        Assert.Equal(new DateOnly(2026, 4, 8), await QueryAsync(app, db => db.Inquiries.Where(i => i.ReferenceNumber == reference).Select(i => i.FirstResponseDue).SingleAsync()));

        async Task<bool> OverdueOnAsync(int day)
        {
            app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, day, 10, 0, 0, TimeSpan.Zero));
            var client = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/inquiries?overdue=true"));
            return json.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("referenceNumber").GetString() == reference);
        }
        Assert.False(await OverdueOnAsync(7));
        Assert.False(await OverdueOnAsync(8));
        Assert.True(await OverdueOnAsync(9));

        var signedIn = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        Assert.NotNull((await signedIn.GetDocumentAsync("/office/forfragningar")).QuerySelector($"tr[data-reference='{reference}'] [data-testid=overdue]"));
        Assert.Contains(reference, (await signedIn.GetDocumentAsync("/office")).QuerySelector("[data-testid=overdue-cases]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<LeadDigest>().SendAsync(CancellationToken.None) > 0);
            var digest = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.SingleAsync(m => m.Reference!.StartsWith("lead-digest-") && m.ToAddress == Coordinators);
            Assert.Contains("Försenade ärenden", digest.TextBody, StringComparison.Ordinal);
            Assert.Contains(reference, digest.TextBody, StringComparison.Ordinal);
        }

        // A note is a first response: no longer overdue. A next step past its date makes it overdue again.
        using (var note = await ActAsync(signedIn, reference, "Note", new() { ["Text"] = "Ringt kunden, möte bokat." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }
        Assert.False(await OverdueOnAsync(10));
        var later = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using (var next = await ActAsync(later, reference, "NextStep", new() { ["NextStep"] = "Skicka förslag på upplägg", ["NextStepDue"] = "2026-04-13" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        }
        Assert.False(await OverdueOnAsync(13));
        Assert.True(await OverdueOnAsync(14));
    }

    [Fact]
    public async Task SubjectContact_SeesAndWorksOnlyTheirSubjectsCases_FacultyOfficeReadsItsFacultysCases()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var mine = await EnterCaseAsync(app, coordinator, Pedagogik, "Timrå kommun");
        var other = await EnterCaseAsync(app, coordinator, Informatik, "Sundsvalls kommun");

        var contact = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, PedagogikContact);
        var list = await contact.GetDocumentAsync("/office/forfragningar");
        Assert.Equal([mine], list.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-reference")!));
        using (var json = JsonDocument.Parse(await contact.GetStringAsync("/api/inquiries")))
        {
            Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        }
        using (var hidden = await contact.GetAsync(CaseRoutes.Case(other)))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var hiddenJson = await contact.GetAsync("/api/inquiries/" + other))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenJson.StatusCode);
        }
        // Their own step they tick; the coordinator's step they may not; they cannot move the phase.
        using (var theirs = await ActAsync(contact, mine, "Step", new() { ["StepId"] = await StepIdAsync(coordinator, mine, "Institutionen prövar"), ["State"] = "Done" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        }
        using (var notTheirs = await ActAsync(contact, mine, "Step", new() { ["StepId"] = await StepIdAsync(coordinator, mine, "Dialog med kunden"), ["State"] = "Done" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);
        }
        using (var advance = await ActAsync(contact, mine, "Advance"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, advance.StatusCode);
        }
        using (var note = await ActAsync(contact, mine, "Note", new() { ["Text"] = "Vi har lärare till hösten." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        // A faculty office of the faculty of human sciences reads the pedagogy case, not the informatics one, and changes nothing.
        var officeEmail = await OfficeUsers.CreateAsync(app, Roles.FacultyOffice);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var humanSciences = await db.Subjects.Where(s => s.Slug == Pedagogik).Select(s => s.Department!.FacultyId).SingleAsync();
            var user = await db.Users.SingleAsync(u => u.Email == officeEmail);
            user.FacultyId = humanSciences;
            await db.SaveChangesAsync();
        }
        var faculty = OfficeUsers.Client(app);
        using (var signIn = await OfficeUsers.SignInAsync(faculty, officeEmail))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var read = await faculty.GetDocumentAsync(CaseRoutes.Case(mine));
        Assert.NotNull(read.QuerySelector("[data-testid=read-only]"));
        Assert.Contains("Vi har lärare till hösten.", read.QuerySelector("[data-testid=notes]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(read.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action")?.StartsWith("/office/forfragningar/", StringComparison.Ordinal) == true);
        using (var write = await ActAsync(faculty, mine, "Note", new() { ["Text"] = "Försök" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }
        using (var notTheirFaculty = await faculty.GetAsync(CaseRoutes.Case(other)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirFaculty.StatusCode);
        }
        using (var api = await faculty.GetAsync("/api/inquiries"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
    }

    [Fact]
    public async Task Api_FiltersTheListAndReturnsTheWholeCase_ErrorsAreProblemDetails()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var first = await EnterCaseAsync(app, coordinator, Pedagogik, "Timrå kommun", wayIn: "Registry");
        var second = await EnterCaseAsync(app, coordinator, Informatik, "Sundsvalls kommun");
        using (var note = await ActAsync(coordinator, first, "Note", new() { ["Text"] = "Första kontakt tagen." })) { Assert.Equal(HttpStatusCode.Redirect, note.StatusCode); }
        using (var assign = await ActAsync(coordinator, first, "Assign", new() { ["Holder"] = "Lisa.Ekman@uu-demo.se" })) { Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode); }

        async Task<string[]> ReferencesAsync(string query)
        {
            using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries" + query));
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()!).Order(StringComparer.Ordinal).ToArray();
        }
        Assert.Equal([first], await ReferencesAsync("?subject=pedagogik"));
        Assert.Equal([second], await ReferencesAsync("?q=sundsvall"));
        Assert.Equal([first], await ReferencesAsync("?holder=lisa.ekman@uu-demo.se"));
        Assert.Equal([first], await ReferencesAsync("?status=InDialogue"));
        Assert.Equal([first, second], await ReferencesAsync("?phase=Initiation"));
        Assert.Empty(await ReferencesAsync("?phase=Agreement"));
        var faculty = await QueryAsync(app, db => db.Subjects.Where(s => s.Slug == Informatik).Select(s => s.Department!.FacultyId).SingleAsync());
        Assert.Equal([second], await ReferencesAsync($"?faculty={faculty}"));
        using (var item = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries?q=" + first)))
        {
            var i = item.RootElement.GetProperty("items")[0];
            Assert.Equal("Initiation", i.GetProperty("phase").GetString());
            Assert.Equal("lisa.ekman@uu-demo.se", i.GetProperty("holder").GetString());
            Assert.False(i.GetProperty("overdue").GetBoolean());
            Assert.Equal("Timrå kommun", i.GetProperty("organisationName").GetString()); // today's fields stay
        }

        using (var bad = await coordinator.GetAsync("/api/inquiries?phase=Sometime&overdue=maybe&pageSize=9000"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            var errors = problem.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("phase", out _));
            Assert.True(errors.TryGetProperty("overdue", out _));
            Assert.True(errors.TryGetProperty("pageSize", out _));
        }

        using (var whole = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries/" + first)))
        {
            var c = whole.RootElement;
            Assert.Equal("Initiation", c.GetProperty("phase").GetString());
            Assert.Equal("InDialogue", c.GetProperty("status").GetString());
            Assert.Equal("Registry", c.GetProperty("wayIn").GetString());
            Assert.Equal("MU 2026/77", c.GetProperty("registryNumber").GetString());
            Assert.Equal("Pedagogik", c.GetProperty("subjects")[0].GetProperty("name").GetString());
            Assert.Equal(PedagogikContact, c.GetProperty("subjects")[0].GetProperty("contacts")[0].GetProperty("email").GetString());
            Assert.Contains(c.GetProperty("checklist").EnumerateArray(), s => s.GetProperty("title").GetString() == "Kalkyl" && s.GetProperty("state").GetString() == "Open");
            Assert.Equal("Första kontakt tagen.", c.GetProperty("notes")[0].GetProperty("text").GetString());
            var actions = c.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Equal(["assigned", "note", "created"], actions);
            Assert.Equal("Kompetensutveckling i bedömning för 40 lärare.", c.GetProperty("description").GetString());
        }
        using (var unknown = await coordinator.GetAsync("/api/inquiries/UU-1999-0001"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Documents_AreContentSniffed_AndServedOnlyToThoseWhoSeeTheCase()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await EnterCaseAsync(app, coordinator, Pedagogik);

        async Task<HttpResponseMessage> UploadAsync(string name, byte[] bytes)
        {
            var token = (await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).AntiforgeryToken();
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "Upload", name } };
            return await coordinator.PostAsync(CaseRoutes.Case(reference) + "?handler=Upload", form);
        }
        using (var fake = await UploadAsync("offert.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
            Assert.Contains("offert.pdf", (await Html.ParseAsync(fake)).QuerySelector("[data-testid=case-error]")!.TextContent, StringComparison.Ordinal);
        }
        using (var pdf = await UploadAsync("avtal.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        }
        var link = (await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).QuerySelector("[data-testid=documents] a")!.GetAttribute("href")!;
        using (var download = await coordinator.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF-1.7", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var stranger = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, "anna.soderberg@uu-demo.se");
        using (var refused = await stranger.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        Assert.False(File.Exists(Path.Combine(app.DataPath, "wwwroot", "avtal.pdf")));
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "case-documents")));
    }

    [Fact]
    public async Task Export_CsvAndExcelOfTheFilteredList_OpenWithTheRows()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var first = await EnterCaseAsync(app, coordinator, Pedagogik, "Timrå kommun");
        await EnterCaseAsync(app, coordinator, Informatik, "=Sundsvalls kommun");

        var csv = await coordinator.GetStringAsync("/office/forfragningar?handler=Csv&subject=pedagogik");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Referensnummer,Inkom,År,Fas", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(first + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains("Initiation", lines[1], StringComparison.Ordinal);

        var all = await coordinator.GetStringAsync("/office/forfragningar?handler=Csv");
        Assert.Contains(",'=Sundsvalls kommun,", all, StringComparison.Ordinal); // never a formula

        using var excel = await coordinator.GetAsync("/office/forfragningar?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var workbook = new XLWorkbook(await excel.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Referensnummer", sheet.Cell(1, 1).GetString());
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());
        Assert.Equal("=Sundsvalls kommun", sheet.Cell(2, 7).GetString());
    }

    [Fact]
    public async Task ConvertingALead_MakesACaseWithWayInLead_InTheMarketWatchPhase()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        int leadId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var lead = new Lead
            {
                Kind = LeadKind.Tender, Title = "Fortbildning i bedömning för lärare", Url = "https://example.se/upphandling/1", Buyer = "Timrå kommun",
                CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
            };
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            leadId = lead.Id;
        }
        var module = await QueryAsync(app, db => db.Modules.Where(m => m.Subject!.Slug == Pedagogik && m.Status == UU.Web.Features.Catalogue.ContentStatus.Published).Select(m => m.Slug).FirstAsync());
        using (var converted = await OfficeUsers.PostFormAsync(coordinator, $"/office/leads/{leadId}", "Convert", new()
        {
            ["Convert.OrganisationName"] = "Timrå kommun", ["Convert.OrganisationNumber"] = "212000-2361", ["Convert.ContactName"] = "Maja Ek",
            ["Convert.Email"] = "maja.ek@timra.example", ["Convert.Description"] = "Bedömning för 40 lärare.", ["Convert.Modules"] = module,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        }
        var reference = await QueryAsync(app, db => db.Inquiries.Where(i => i.LeadId == leadId).Select(i => i.ReferenceNumber).SingleAsync());
        using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/inquiries/" + reference));
        Assert.Equal("Lead", json.RootElement.GetProperty("wayIn").GetString());
        Assert.Equal("MarketWatch", json.RootElement.GetProperty("phase").GetString());
        Assert.Equal(leadId, json.RootElement.GetProperty("lead").GetProperty("id").GetInt32());
        Assert.Equal("Pedagogik", json.RootElement.GetProperty("subjects")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task DemoHistory_HasTheAuditsWonCommissionsPerTypeAndYear_AndCasesInEveryPhase()
    {
        await using var app = App(demoCases: true);
        app.CreateClient().Dispose();
        var won = await QueryAsync(app, db => db.Inquiries.Where(i => i.Status == InquiryStatus.Won && i.ExcludedFromStatistics == null && i.ForYear <= 2024)
            .Select(i => new { Year = i.ForYear!.Value, Type = i.CommissionType!.NameSv, i.OutsideSupport }).ToListAsync());
        foreach (var (year, expected) in DemoCases.Won)
        {
            int Count(Func<string, bool> type, bool? outside = null) => won.Count(w => w.Year == year && type(w.Type) && (outside is null || w.OutsideSupport == outside));
            Assert.Equal(expected.Principals, Count(t => t == "Rektorsprogrammet"));
            Assert.Equal(expected.School, Count(t => t == "Samverkan för bästa skola"));
            Assert.Equal(expected.Teachers, Count(t => t == "Lärarlyftet"));
            Assert.Equal(expected.OtherThrough, Count(t => t.StartsWith("Övriga", StringComparison.Ordinal), outside: false));
            Assert.Equal(expected.OtherOutside, Count(t => t.StartsWith("Övriga", StringComparison.Ordinal), outside: true));
        }
        Assert.Equal((29, 22, 39), (won.Count(w => w.Year == 2024 && w.Type.StartsWith("Övriga", StringComparison.Ordinal)), won.Count(w => w.Year == 2023 && w.Type.StartsWith("Övriga", StringComparison.Ordinal)), won.Count(w => w.Year == 2022 && w.Type.StartsWith("Övriga", StringComparison.Ordinal))));
        var phases = await QueryAsync(app, db => db.Inquiries.Select(i => i.Phase).Distinct().ToListAsync());
        Assert.Equal(CasePhases.Order.Order(), phases.Order());
        Assert.True(await QueryAsync(app, db => db.Inquiries.AnyAsync(i => i.Outcome == CaseOutcome.Lost)));
        Assert.Equal(0, await QueryAsync(app, db => db.OutboxMessages.CountAsync())); // history is not mailed out
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var page = await coordinator.GetDocumentAsync("/office/forfragningar?phase=Delivery");
        var first = page.QuerySelector("tbody tr a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(first)).StatusCode);
    }
}

public sealed class CaseTestsOnSqlite() : CaseTests(Provider.Sqlite);

public sealed class CaseTestsOnPostgres() : CaseTests(Provider.Postgres);
