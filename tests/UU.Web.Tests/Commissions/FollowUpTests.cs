using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Commissions.FollowUp;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions;

/// <summary>The follow-up on the case page: the meeting log, the faculties' shares, the economic closing and its split, the participants.</summary>
public abstract class FollowUpTests(Provider provider)
{
    private static async Task<T> QueryAsync<T>(UuWebFactory app, Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    /// <summary>Enters a case on pedagogik (the Faculty of Human Sciences) and moves it to follow-up, as a delivered commission would be.</summary>
    private static async Task<string> CommissionAsync(UuWebFactory app, HttpClient coordinator, CasePhase phase = CasePhase.FollowUp, bool credits = true, bool calculation = true)
    {
        var subject = await QueryAsync(app, db => db.Subjects.Where(s => s.Slug == "pedagogik").Select(s => s.Id).SingleAsync());
        using var response = await OfficeUsers.PostFormAsync(coordinator, "/office/forfragningar/ny", "", new()
        {
            ["Form.WayIn"] = "Email", ["Form.OrganisationName"] = "Timrå kommun", ["Form.ContactName"] = "Maja Ek", ["Form.Email"] = "maja.ek@timra.example",
            ["Form.Description"] = "Bedömning för lärande för 30 lärare.", ["Form.SubjectIds"] = subject.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split('/').Last());
        await QueryAsync(app, async db =>
        {
            var c = await db.Inquiries.SingleAsync(i => i.ReferenceNumber == reference);
            c.Phase = phase;
            c.Status = phase is CasePhase.Delivery or CasePhase.FollowUp ? InquiryStatus.Won : InquiryStatus.InDialogue;
            c.GivesCredits = credits;
            if (calculation)
            {
                db.Add(new Calculation { InquiryId = c.Id, Version = 1, CalculatedOn = new DateOnly(2026, 1, 10), CreatedAt = app.Clock.GetUtcNow(), PriceModel = PriceModel.Fixed, Participants = 30 });
            }
            return await db.SaveChangesAsync();
        });
        return reference;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string handler, Dictionary<string, string> fields) =>
        OfficeUsers.PostFormAsync(client, CaseRoutes.Case(reference), handler, fields);

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector("[data-testid=case-error]")!.TextContent;
    }

    [Fact]
    public async Task Closing_SplitsTheResultByTheCalculationsFacultyShares_AndShowsWhoDecided()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await CommissionAsync(app, coordinator);
        var faculties = await QueryAsync(app, db => db.Faculties.OrderBy(f => f.NameSv).Select(f => new { f.Id, f.NameSv }).ToListAsync());
        var human = faculties.Single(f => f.NameSv == "Fakulteten för humanvetenskap");
        var science = faculties.Single(f => f.NameSv != human.NameSv);

        // Shares that do not add up are refused with their sum; a share that is no number is named with its faculty.
        Assert.Contains("90 %", await ErrorAsync(await ActAsync(coordinator, reference, "Shares", new() { [$"Shares[{human.Id}]"] = "60", [$"Shares[{science.Id}]"] = "30" })), StringComparison.Ordinal);
        Assert.Contains(science.NameSv, await ErrorAsync(await ActAsync(coordinator, reference, "Shares", new() { [$"Shares[{human.Id}]"] = "60", [$"Shares[{science.Id}]"] = "fyrtio" })), StringComparison.Ordinal);
        using (var saved = await ActAsync(coordinator, reference, "Shares", new() { [$"Shares[{human.Id}]"] = "60", [$"Shares[{science.Id}]"] = "40" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // An amount that is not one is named; nothing is recorded.
        Assert.Contains("Faktiska intäkter", await ErrorAsync(await ActAsync(coordinator, reference, "Economy", new() { ["Revenue"] = "mycket", ["Cost"] = "100", ["DecidedBy"] = "Jonas Berg, prefekt", ["DecidedOn"] = "2026-03-10" })), StringComparison.Ordinal);
        Assert.Contains("2026-13-40", await ErrorAsync(await ActAsync(coordinator, reference, "Economy", new() { ["Revenue"] = "100", ["Cost"] = "100", ["DecidedBy"] = "Jonas Berg", ["DecidedOn"] = "2026-13-40" })), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.CaseClosings.AnyAsync()));

        using (var closed = await ActAsync(coordinator, reference, "Economy", new() { ["Revenue"] = "250 000", ["Cost"] = "180 000,50", ["DecidedBy"] = "Jonas Berg, prefekt", ["DecidedOn"] = "2026-03-10" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }
        var page = await coordinator.GetDocumentAsync(CaseRoutes.Case(reference));
        var closing = page.QuerySelector("[data-testid=closing]")!.TextContent;
        Assert.Contains("69\u00a0999,50", closing, StringComparison.Ordinal);
        Assert.Contains("Överskott", closing, StringComparison.Ordinal);
        Assert.Contains("Jonas Berg, prefekt, 2026-03-10", closing, StringComparison.Ordinal);
        var split = page.QuerySelectorAll("[data-testid=split] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(split, r => r.Contains(human.NameSv, StringComparison.Ordinal) && r.Contains("60 %", StringComparison.Ordinal) && r.Contains("41\u00a0999,70", StringComparison.Ordinal));
        Assert.Contains(split, r => r.Contains(science.NameSv, StringComparison.Ordinal) && r.Contains("40 %", StringComparison.Ordinal) && r.Contains("27\u00a0999,80", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("[data-testid=history] tr"), r => r.TextContent.Contains("Ekonomiskt utfall registrerat", StringComparison.Ordinal));

        // Corrected later: a deficit, split the same way, replacing the first closing.
        using (var corrected = await ActAsync(coordinator, reference, "Economy", new() { ["Revenue"] = "100000", ["Cost"] = "110000", ["DecidedBy"] = "Fakultetskansliet", ["DecidedOn"] = "2026-03-12" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        }
        var amounts = await QueryAsync(app, db => db.Set<ClosingShare>().Select(s => s.Amount).ToListAsync());
        Assert.Equal([-6000m, -4000m], amounts.Order());
        Assert.Contains("Underskott", (await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).QuerySelector("[data-testid=closing]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_WithoutSharesGoesWhollyToTheFacultyOfTheCasesSubject()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await CommissionAsync(app, coordinator, calculation: false);
        using (var closed = await ActAsync(coordinator, reference, "Economy", new() { ["Revenue"] = "50000", ["Cost"] = "40000", ["DecidedBy"] = "Jonas Berg", ["DecidedOn"] = "2026-03-10" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }
        var row = (await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).QuerySelector("[data-testid=split] tbody tr")!.TextContent;
        Assert.Contains("Fakulteten för humanvetenskap", row, StringComparison.Ordinal);
        Assert.Contains("100 %", row, StringComparison.Ordinal);
        Assert.Contains("10\u00a0000,00", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingsAndParticipants_AreRecordedWithWhoAndWhen_AndBadFiguresAreNamed()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator, "lisa.ekman@uu-demo.se");
        var reference = await CommissionAsync(app, coordinator);
        using (var meeting = await ActAsync(coordinator, reference, "Meeting", new() { ["MeetingOn"] = "2026-03-02", ["Attendees"] = "Maja Ek (kund), Karin Lindqvist", ["MeetingText"] = "Nöjda; vill ha en fortsättning i höst." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        }
        Assert.Contains("den 2 mars", await ErrorAsync(await ActAsync(coordinator, reference, "Meeting", new() { ["MeetingOn"] = "den 2 mars", ["Attendees"] = "Maja", ["MeetingText"] = "x" })), StringComparison.Ordinal);
        Assert.Contains("Varav kvinnor", await ErrorAsync(await ActAsync(coordinator, reference, "Participants", new() { ["ParticipantCount"] = "30", ["Women"] = "31" })), StringComparison.Ordinal);
        Assert.Contains("Helårsstudenter", await ErrorAsync(await ActAsync(coordinator, reference, "Participants", new() { ["ParticipantCount"] = "30", ["Women"] = "25", ["Hst"] = "-1" })), StringComparison.Ordinal);
        using (var saved = await ActAsync(coordinator, reference, "Participants", new() { ["ParticipantCount"] = "30", ["Women"] = "26", ["Hst"] = "3,75", ["Hpr"] = "3.5" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var page = await coordinator.GetDocumentAsync(CaseRoutes.Case(reference));
        var meetings = page.QuerySelector("[data-testid=meetings]")!.TextContent;
        Assert.Contains("2026-03-02", meetings, StringComparison.Ordinal);
        Assert.Contains("Maja Ek (kund), Karin Lindqvist", meetings, StringComparison.Ordinal);
        Assert.Contains("lisa.ekman@uu-demo.se", meetings, StringComparison.Ordinal);
        var participation = page.QuerySelector("[data-testid=participation]")!.TextContent;
        Assert.Contains("30 deltagare, varav 26 kvinnor", participation, StringComparison.Ordinal);
        Assert.Contains("HST 3.75", participation, StringComparison.Ordinal);
        Assert.Contains("HPR 3.5", participation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_IsOnlyForCommissions_AndNotForAnOpenInquiry()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await CommissionAsync(app, coordinator, phase: CasePhase.Initiation);
        Assert.Contains("inget uppdrag", await ErrorAsync(await ActAsync(coordinator, reference, "Participants", new() { ["ParticipantCount"] = "30", ["Women"] = "20" })), StringComparison.Ordinal);
        Assert.Null((await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).QuerySelector("[data-testid=follow-up] form"));
    }
}

public sealed class FollowUpTestsOnSqlite() : FollowUpTests(Provider.Sqlite);

public sealed class FollowUpTestsOnPostgres() : FollowUpTests(Provider.Postgres);
