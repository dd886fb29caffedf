using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions.Economy;

/// <summary>A case's calculation through the office page: versions, the head of department's decision gate, the offer document.</summary>
public abstract class EconomyTests(Provider provider)
{
    private const string Reference = "UU-2026-0901";
    private const string Page = "/office/forfragningar/" + Reference + "/kalkyl";

    private async Task<UuWebFactory> AppWithCaseAsync()
    {
        var app = new UuWebFactory(provider);
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        db.Inquiries.Add(new Inquiry
        {
            ReferenceNumber = Reference, Year = 2026, Sequence = 901, ReceiptKey = "k", OrganisationName = "Ludvika kommun", OrganisationNumber = "212000-2080",
            ContactName = "Eva Lind", Email = "eva.lind@ludvika.example", Description = "Läs- och skrivutveckling för 20 lärare.", Participants = 20,
            ReceivedAt = app.Clock.GetUtcNow(), ConsentGivenAt = app.Clock.GetUtcNow(),
        });
        // Rates of this test's own, valid from a day after the demo's, so the figures below do not follow the demo data.
        foreach (var (key, value) in new[] { (RateKeys.Lektor, 1000m), (RateKeys.Adjunkt, 800m), (RateKeys.Administration, 500m), (RateKeys.Overhead, 30m), (RateKeys.Support, 10m) })
        {
            db.Add(new CostRate { Key = key, Value = value, ValidFrom = new DateOnly(2026, 3, 1) });
        }
        await db.SaveChangesAsync();
        return app;
    }

    private static Dictionary<string, string> Calculation(int baseVersion, int participants) => new()
    {
        ["Form.BaseVersion"] = baseVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.CalculatedOn"] = "2026-03-16",
        ["Form.PriceModel"] = "Fixed",
        ["Form.Participants"] = participants.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Teaching[0].Category"] = "lektor", ["Form.Teaching[0].Hours"] = "10", ["Form.Teaching[0].HoursPerParticipant"] = "1",
        ["Form.Teaching[1].Category"] = "adjunkt", ["Form.Teaching[1].Hours"] = "5",
        ["Form.AdministrationHours"] = "4",
        ["Form.Costs[0].Description"] = "Resor", ["Form.Costs[0].Amount"] = "1 000,50",
    };

    private static string Text(AngleSharp.Dom.IElement? element) => element?.TextContent.Replace('\u00a0', ' ') ?? "";

    private static async Task<string> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        using var response = await OfficeUsers.PostFormAsync(client, Page, handler, fields);
        Assert.Equal(expected, response.StatusCode);
        return Text((await Html.ParseAsync(response)).QuerySelector("[data-testid=errors]"));
    }

    [Fact]
    public async Task NoOfferWithoutAnApprovedDecisionOnTheCurrentVersion_AndTheOfferDocumentSaysClientPriceAndValidity()
    {
        await using var app = await AppWithCaseAsync();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var offer = new Dictionary<string, string> { ["OfferForm.Language"] = "sv", ["OfferForm.ValidUntil"] = "2026-04-15" };

        Assert.Contains("ingen kalkyl", Text((await coordinator.GetDocumentAsync(Page)).QuerySelector("[data-testid=offer-block]")), StringComparison.Ordinal);
        Assert.Contains("ingen kalkyl", await PostAsync(coordinator, "Offer", offer, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        await PostAsync(coordinator, "Save", Calculation(0, 20), HttpStatusCode.Redirect);
        var page = await coordinator.GetDocumentAsync(Page);
        Assert.Equal("52 911 kr", Text(page.QuerySelector("[data-testid=price]")));
        Assert.Contains("avrundat", Text(page.QuerySelector("[data-testid=totals]")), StringComparison.Ordinal);
        Assert.Contains("gäller från 2026-03-01", Text(page.QuerySelector("[data-testid=totals]")), StringComparison.Ordinal); // which rate, and why
        Assert.Contains("inte beslutat", await PostAsync(coordinator, "Offer", offer, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // Declined (a decline needs its reason): still no offer.
        Assert.Contains("kommentar", await PostAsync(coordinator, "Decide", new() { ["Decision.Version"] = "1", ["Decision.Approved"] = "false", ["Decision.DecidedBy"] = "Jonas Berg" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await PostAsync(coordinator, "Decide", new() { ["Decision.Version"] = "1", ["Decision.Approved"] = "false", ["Decision.DecidedBy"] = "Jonas Berg", ["Decision.Comment"] = "För få lärartimmar." }, HttpStatusCode.Redirect);
        Assert.Contains("avslogs av Jonas Berg", await PostAsync(coordinator, "Offer", offer, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // Version 2 with 25 participants: new price and hours, and the coordinators are told the staffing plan changed.
        await PostAsync(coordinator, "Save", Calculation(1, 25), HttpStatusCode.Redirect);
        page = await coordinator.GetDocumentAsync(Page);
        Assert.Equal("60 061 kr", Text(page.QuerySelector("[data-testid=price]")));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=versions] tbody tr").Length);
        Assert.Equal("52 911 kr", Text((await coordinator.GetDocumentAsync(Page + "?version=1")).QuerySelector("[data-testid=price]"))); // the earlier one stays readable
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.SingleAsync(m => m.Reference == "staffing-" + Reference);
            Assert.Equal("samordnare@uu-demo.se", mail.ToAddress);
            Assert.Contains("20 → 25", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Lektor: 30 → 35 timmar", mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Contains("inte beslutat om kalkylens aktuella version (2)", await PostAsync(coordinator, "Offer", offer, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        await PostAsync(coordinator, "Decide", new() { ["Decision.Version"] = "2", ["Decision.Approved"] = "true", ["Decision.DecidedBy"] = "Jonas Berg" }, HttpStatusCode.Redirect);
        await PostAsync(coordinator, "Offer", offer, HttpStatusCode.Redirect);
        using var file = await coordinator.GetAsync(Page + "?handler=OfferFile&number=1");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Content.Headers.ContentType!.MediaType);
        var text = OfferDocument.ReadText(await file.Content.ReadAsByteArrayAsync()).Replace('\u00a0', ' ');
        Assert.Contains("Ludvika kommun (212000-2080)", text, StringComparison.Ordinal);
        Assert.Contains("60 061 kr (fast pris, avrundat)", text, StringComparison.Ordinal);
        Assert.Contains("gäller till och med 2026-04-15", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal); // every placeholder filled

        // Those without the coordinator role get nothing.
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var forbidden = await editor.GetAsync(Page + "?handler=OfferFile&number=1");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task AStaleOrInvalidCalculation_IsRefusedWithTheProblemNamed()
    {
        await using var app = await AppWithCaseAsync();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        await PostAsync(coordinator, "Save", Calculation(0, 20), HttpStatusCode.Redirect);
        await PostAsync(coordinator, "Save", Calculation(1, 22), HttpStatusCode.Redirect);

        // Someone opened version 1 and saves over version 2.
        Assert.Contains("du utgick från version 1, men version 2 är sparad", await PostAsync(coordinator, "Save", Calculation(1, 24), HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var bad = Calculation(2, 20);
        bad["Form.Teaching[0].Hours"] = "tio";
        bad["Form.CalculatedOn"] = "16/3/2026";
        var errors = await PostAsync(coordinator, "Save", bad, HttpStatusCode.BadRequest);
        Assert.Contains("Timmar för Lektor: ”tio” är inte ett tal", errors, StringComparison.Ordinal);
        Assert.Contains("Kalkyldatum: ”16/3/2026” är inte ett datum (ÅÅÅÅ-MM-DD)", errors, StringComparison.Ordinal);

        // A date no rate is valid on: the missing rate and the date are named.
        var early = Calculation(2, 20);
        early["Form.CalculatedOn"] = "2020-01-01";
        var missing = await PostAsync(coordinator, "Preview", early, HttpStatusCode.BadRequest);
        Assert.Contains("Ingen sats för Lektor, Adjunkt, Administration, OH-påslag, UU-stödets påslag gäller på kalkyldatum 2020-01-01", missing, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<UuDbContext>().Set<Calculation>().CountAsync(c => c.Inquiry!.ReferenceNumber == Reference));
    }
}

public sealed class EconomyTestsOnSqlite() : EconomyTests(Provider.Sqlite);

public sealed class EconomyTestsOnPostgres() : EconomyTests(Provider.Postgres);
