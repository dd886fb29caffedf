using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inventory;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Inventory;

/// <summary>The course inventory through the office pages and the API: states and history, rounds, who may do what, the approval gate.</summary>
public sealed class InventoryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed record TestSubject(string Slug, int Id, string ContactEmail, int[] CourseIds, string[] Codes);

    /// <summary>A subject of this test's own, with three regular courses and a contact person (the returned address).</summary>
    private async Task<TestSubject> SubjectAsync(string? contactEmail = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        contactEmail ??= $"kontakt-{tag}@uu-demo.se";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var subject = new Subject
        {
            Slug = "amne-" + tag, NameSv = "Testämne " + tag,
            Contacts = [new SubjectContact { Name = "Stina Studierektor", Role = "Studierektor", Email = contactEmail }],
        };
        var titles = new[] { "Hållbar samhällsplanering", "Kvantitativ metod", "Retorik för chefer" };
        var courses = titles.Select((t, i) => new Course
        {
            Code = $"T{tag}{i}".ToUpperInvariant(), TitleSv = t, Credits = 7.5, Level = CourseLevel.First, Subject = subject, Language = i == 2 ? "en" : "sv", OfferedAtDistance = i == 0,
        }).ToList();
        db.Subjects.Add(subject);
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync();
        return new TestSubject(subject.Slug, subject.Id, contactEmail, courses.Select(c => c.Id).ToArray(), courses.Select(c => c.Code).ToArray());
    }

    private async Task<T> QueryAsync<T>(Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, string slug, int courseId, string state, string reason = "", string comment = "") =>
        OfficeUsers.PostFormAsync(client, "/office/inventering/" + slug, "Mark", new Dictionary<string, string>
        {
            ["courseId"] = courseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["state"] = state, ["reason"] = reason, ["comment"] = comment,
        });

    private static async Task<JsonElement> ApiAsync(HttpClient client, string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync("/api/inventory" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{query}: {response.StatusCode} {body}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Item(JsonElement list, string code) => list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Marking_ChangesTheState_KeepsTheHistory_AndNotSuitableNeedsAReason()
    {
        var subject = await SubjectAsync();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var course = subject.CourseIds[1];

        Assert.Equal("notReviewed", Item(await ApiAsync(coordinator, "?subject=" + subject.Slug), subject.Codes[1]).GetProperty("state").GetString());
        using (var candidate = await MarkAsync(coordinator, subject.Slug, course, "Candidate", comment: "Passar lärare"))
        {
            Assert.Equal(HttpStatusCode.Redirect, candidate.StatusCode);
        }
        using (var noReason = await MarkAsync(coordinator, subject.Slug, course, "NotSuitable"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.NotNull((await Html.ParseAsync(noReason)).QuerySelector("#err-Reason"));
        }
        app.Clock.Advance(TimeSpan.FromHours(1));
        using (var unsuitable = await MarkAsync(coordinator, subject.Slug, course, "NotSuitable", reason: "Kräver laborationer"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unsuitable.StatusCode);
        }

        var item = Item(await ApiAsync(coordinator, "?subject=" + subject.Slug), subject.Codes[1]);
        Assert.Equal("notSuitable", item.GetProperty("state").GetString());
        Assert.Equal("Kräver laborationer", item.GetProperty("lastMark").GetProperty("reason").GetString());
        var page = await coordinator.GetDocumentAsync("/office/inventering/" + subject.Slug);
        var history = page.QuerySelectorAll($"#course-{course} .mark-history li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("Inte lämplig – Kräver laborationer", history[0], StringComparison.Ordinal);
        Assert.Contains("Kandidat", history[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACourseUsedByAPublishedModule_IsUsed_ListedLast_AndCannotBeMarked()
    {
        var subject = await SubjectAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Modules.Add(new Module
            {
                Slug = subject.Slug + "-modul", TitleSv = "Metod i praktiken", SummarySv = "Kort.", SubjectId = subject.Id, Status = ContentStatus.Published,
                CollegiumApprovedOn = new DateOnly(2026, 1, 10), Hours = 20, Format = DeliveryFormat.Distance, PriceModel = PriceModel.Fixed,
                Courses = [new ModuleCourse { CourseId = subject.CourseIds[0] }],
            });
            await db.SaveChangesAsync();
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var list = await ApiAsync(coordinator, "?subject=" + subject.Slug);
        var codes = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(subject.Codes[0], codes[^1]); // unused courses first
        Assert.Equal("used", Item(list, subject.Codes[0]).GetProperty("state").GetString());
        using var refused = await MarkAsync(coordinator, subject.Slug, subject.CourseIds[0], "Candidate");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector("#err-State"));
    }

    [Fact]
    public async Task ARound_IsOpenedWithInvitations_MarkedByTheContact_AndEndsWithTheCollegiumsDecisionAsARecord()
    {
        var contactEmail = $"studierektor-{Guid.NewGuid():N}@uu-demo.se";
        var subject = await SubjectAsync(contactEmail);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var contactId = await QueryAsync(db => db.SubjectContacts.Where(c => c.SubjectId == subject.Id).Select(c => c.Id).SingleAsync());
        using (var opened = await OfficeUsers.PostFormAsync(coordinator, "/office/inventering/" + subject.Slug, "OpenRound", new() { ["contactIds"] = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }
        Assert.Equal(1, await QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == contactEmail)));
        using (var twice = await OfficeUsers.PostFormAsync(coordinator, "/office/inventering/" + subject.Slug, "OpenRound", new() { ["contactIds"] = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        }
        var round = await QueryAsync(db => db.InventoryRounds.Where(r => r.SubjectId == subject.Id).Select(r => r.Id).SingleAsync());

        var contact = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, contactEmail);
        (await MarkAsync(contact, subject.Slug, subject.CourseIds[0], "Candidate", comment: "Efterfrågas")).Dispose();
        (await MarkAsync(contact, subject.Slug, subject.CourseIds[1], "NotSuitable", reason: "För smal")).Dispose();
        Assert.Equal(2, await QueryAsync(db => db.CourseMarks.CountAsync(m => m.RoundId == round)));
        using (var notTheirs = await OfficeUsers.PostFormAsync(contact, $"/office/inventering/omgang/{round}", "Decide", new() { ["DecisionOn"] = "2026-03-16" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode); // only a coordinator records the decision
        }

        var page = $"/office/inventering/omgang/{round}";
        using (var future = await OfficeUsers.PostFormAsync(coordinator, page, "Decide", new() { ["DecisionOn"] = "2026-04-01" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.NotNull((await Html.ParseAsync(future)).QuerySelector("#err-DecisionOn"));
        }
        using (var decided = await OfficeUsers.PostFormAsync(coordinator, page, "Decide", new()
        {
            ["DecisionOn"] = "2026-03-16", ["Summary"] = "Kollegiet går vidare med metodkursen.", ["Decided"] = subject.CourseIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }
        var record = await coordinator.GetDocumentAsync(page);
        Assert.Contains("Kandidater: 1 · Inte lämpliga: 1 · Beslutade att gå vidare: 1", record.QuerySelector(".round-record")!.TextContent, StringComparison.Ordinal);
        Assert.Null(record.QuerySelector(".decide-form"));

        using var csv = await coordinator.GetAsync(page + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains($"{subject.Codes[1]},Kvantitativ metod,7.5,Inte lämplig,För smal", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-16", text, StringComparison.Ordinal);
        using var xlsx = await coordinator.GetAsync(page + "?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // Marks after the decision belong to no round; the record stays as it was.
        (await MarkAsync(coordinator, subject.Slug, subject.CourseIds[1], "Candidate")).Dispose();
        Assert.Contains("Inte lämplig", (await coordinator.GetDocumentAsync(page)).QuerySelector(".round-record table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectContacts_MarkOnlyTheirSubjects_AndOnlyCoordinatorsOpenRounds()
    {
        var mine = await SubjectAsync();
        var other = await SubjectAsync();
        var contact = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, mine.ContactEmail);
        using (var own = await MarkAsync(contact, mine.Slug, mine.CourseIds[0], "Candidate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        }
        using (var page = await contact.GetAsync("/office/inventering/" + other.Slug))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
        var token = (await contact.GetDocumentAsync("/office/inventering/" + mine.Slug)).AntiforgeryToken();
        using (var foreign = await contact.PostAsync($"/office/inventering/{mine.Slug}?handler=Mark", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["courseId"] = other.CourseIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["state"] = "Candidate",
        })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }
        Assert.False(await QueryAsync(db => db.CourseMarks.AnyAsync(m => m.CourseId == other.CourseIds[0])));
        var contactId = await QueryAsync(db => db.SubjectContacts.Where(c => c.SubjectId == mine.Id).Select(c => c.Id).SingleAsync());
        using (var open = await OfficeUsers.PostFormAsync(contact, "/office/inventering/" + mine.Slug, "OpenRound", new() { ["contactIds"] = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        }
        var overview = await contact.GetDocumentAsync("/office/inventering");
        var listed = overview.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/office/inventering/" + mine.Slug], listed);
    }

    [Fact]
    public async Task AProposedModule_WaitsForTheCollegium_AndAnEditorPublishesItOnlyOnceApproved()
    {
        var subject = await SubjectAsync();
        var contact = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, subject.ContactEmail);
        (await MarkAsync(contact, subject.Slug, subject.CourseIds[2], "Candidate")).Dispose();
        var courseId = subject.CourseIds[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var notCandidate = await OfficeUsers.PostFormAsync(contact, "/office/inventering/" + subject.Slug, "Propose", new()
        {
            ["CourseIds"] = subject.CourseIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ["TitleSv"] = "Fel", ["SummarySv"] = "Fel", ["Hours"] = "10",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notCandidate.StatusCode);
            Assert.NotNull((await Html.ParseAsync(notCandidate)).QuerySelector("#err-Courses"));
        }
        var title = "Retorik i ledningsgruppen " + subject.Slug;
        using (var proposed = await OfficeUsers.PostFormAsync(contact, "/office/inventering/" + subject.Slug, "Propose", new()
        {
            ["CourseIds"] = courseId, ["Part-" + courseId] = "Del 1: Argumentation", ["TitleSv"] = title, ["SummarySv"] = "Retorik för chefer, en dag.", ["Hours"] = "8", ["Comment"] = "Icke poänggivande",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }
        var module = await QueryAsync(db => db.Modules.SingleAsync(m => m.TitleSv == title));
        Assert.Equal(ContentStatus.Draft, module.Status);
        Assert.Null(module.CollegiumApprovedOn);

        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var waiting = await coordinator.GetDocumentAsync("/office/inventering/godkannanden");
        Assert.NotNull(waiting.QuerySelector($"tr[data-slug='{module.Slug}']"));

        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var editPage = $"/office/utbildningar/{module.Id}";
        var form = (await editor.GetDocumentAsync(editPage)).QuerySelector("form.content-form")!;
        var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(i => i.GetAttribute("type") != "checkbox")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.LocalName switch
            {
                "textarea" => i.TextContent,
                "select" => i.QuerySelector("option[selected]")?.GetAttribute("value") ?? i.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => i.GetAttribute("value") ?? "",
            });
        using (var refused = await editor.PostAsync(editPage + "?handler=Publish", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("ämneskollegiet", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var hidden = await app.CreateClient().GetAsync("/utbildningar/" + module.Slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var editorApproves = await editor.GetAsync("/office/inventering/godkannanden"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, editorApproves.StatusCode);
        }
        using (var approved = await OfficeUsers.PostFormAsync(coordinator, "/office/inventering/godkannanden", "Approve", new()
        {
            ["moduleId"] = module.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["approvedOn"] = "2026-03-12",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }
        Assert.Null((await coordinator.GetDocumentAsync("/office/inventering/godkannanden")).QuerySelector($"tr[data-slug='{module.Slug}']"));

        var version = (await editor.GetDocumentAsync(editPage)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        fields["Version"] = version;
        fields["__RequestVerificationToken"] = (await editor.GetDocumentAsync(editPage)).AntiforgeryToken();
        using (var published = await editor.PostAsync(editPage + "?handler=Publish", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        var visitor = await app.CreateClient().GetDocumentAsync("/utbildningar/" + module.Slug);
        Assert.Contains("Del 1: Argumentation", visitor.QuerySelector("#courses-heading ~ table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("used", Item(await ApiAsync(coordinator, "?subject=" + subject.Slug), subject.Codes[2]).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Api_FiltersAndGivesSignals_AndNamesEveryError()
    {
        var subject = await SubjectAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Leads.Add(new UU.Web.Features.Leads.Lead
            {
                Title = "Upphandling: utbildning i hållbar samhällsplanering för kommunens planerare", Description = "Kommunen söker fortbildning.",
                CreatedAt = app.Clock.GetUtcNow().AddMonths(-3), UpdatedAt = app.Clock.GetUtcNow().AddMonths(-3),
            });
            await db.SaveChangesAsync();
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var all = await ApiAsync(coordinator, "?subject=" + subject.Slug);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var planning = Item(all, subject.Codes[0]).GetProperty("signals");
        Assert.True(planning.GetProperty("leads").GetInt32() >= 1);
        Assert.True(planning.GetProperty("distance").GetBoolean());
        Assert.Equal(0, Item(all, subject.Codes[1]).GetProperty("signals").GetProperty("leads").GetInt32());

        var english = await ApiAsync(coordinator, $"?subject={subject.Slug}&language=en");
        Assert.Equal([subject.Codes[2]], english.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList());

        Assert.Equal("There is no subject 'finns-inte'.", (await ApiAsync(coordinator, "?subject=finns-inte", HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.True((await ApiAsync(coordinator, "", HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("subject", out _));
        Assert.True((await ApiAsync(coordinator, $"?subject={subject.Slug}&level=tredje", HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("level", out _));

        var stranger = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact);
        await ApiAsync(stranger, "?subject=" + subject.Slug, HttpStatusCode.Forbidden);
        var contact = await OfficeUsers.SignedInClientAsync(app, Roles.SubjectContact, subject.ContactEmail);
        Assert.Equal(3, (await ApiAsync(contact, "?subject=" + subject.Slug)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DemoData_HasADecidedRoundAndAnOpenRound()
    {
        var rounds = await QueryAsync(db => db.InventoryRounds.Select(r => new { r.ClosedAt, r.CollegiumDecisionOn, Rows = r.Record.Count }).ToListAsync());
        Assert.Contains(rounds, r => r.ClosedAt != null && r.CollegiumDecisionOn != null && r.Rows > 0);
        Assert.Contains(rounds, r => r.ClosedAt == null);
    }
}
