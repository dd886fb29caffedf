using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Content;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Staff;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Staff;

/// <summary>The participants' rights and obligations: one text, edited in the staff section, on every module page and in offers and agreement clauses.</summary>
public abstract class ParticipantRightsTests(Provider provider)
{
    private const string Reference = "UU-2026-0911";
    private const string Calculation = "/office/forfragningar/" + Reference + "/kalkyl";

    private static string Text(AngleSharp.Dom.IElement? element) => element?.TextContent.Replace('\u00a0', ' ') ?? "";

    [Fact]
    public async Task EveryModulePage_ShowsTheRights_InTheVisitorsLanguage_AndAnEditorsChangeAtOnce()
    {
        await using var app = new UuWebFactory(provider);
        var visitor = app.CreateClient();
        foreach (var slug in new[] { "demensvard", "specialpedagogik-for-larare" })
        {
            var swedish = (await visitor.GetDocumentAsync($"/utbildningar/{slug}?culture=sv")).QuerySelector("[data-testid=participant-rights]");
            Assert.Equal("Deltagarnas rättigheter och skyldigheter", swedish!.QuerySelector("h2")!.TextContent);
            Assert.Contains("deltagare, inte student", Text(swedish), StringComparison.Ordinal);
            Assert.Contains("Personuppgifter", Text(swedish), StringComparison.Ordinal);
        }
        var english = (await visitor.GetDocumentAsync("/utbildningar/demensvard?culture=en")).QuerySelector("[data-testid=participant-rights]");
        Assert.Equal("The participants' rights and obligations", english!.QuerySelector("h2")!.TextContent);
        Assert.Contains("participant, not a student", Text(english), StringComparison.Ordinal);

        // An editor rewrites the Swedish text through the ordinary editor and publishes: the (cached) module page follows.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(c => c.Type == ContentTypes.Staff && c.PublishedSlug == ParticipantRights.Slug);
            var saved = await content.SaveAsync(item.Id, item.Draft with { BodySv = "Deltagare får **intyg** efter avslutad kurs." }, item.Version, CancellationToken.None);
            var published = await content.PublishAsync(item.Id, saved.Item!.Version, CancellationToken.None);
            Assert.True(published.Succeeded);

            // Its address is what module pages, offers and clauses find it by: it cannot be moved.
            var moved = await content.SaveAsync(item.Id, item.Draft with { Slug = "rattigheter" }, published.Item!.Version, CancellationToken.None);
            Assert.Null(moved.Conflict);
            Assert.Equal("staff.error.rightsSlug", moved.Errors["Slug"]);
        }
        var after = (await visitor.GetDocumentAsync("/utbildningar/demensvard?culture=sv")).QuerySelector("[data-testid=participant-rights]");
        Assert.Equal("Deltagare får intyg efter avslutad kurs.", Text(after!.QuerySelector(".rich-text")).Trim());
    }

    [Fact]
    public async Task TheOfferDocument_CarriesTheRights_InTheOffersLanguage_AndStaffDownloadThemAsAClause()
    {
        await using var app = new UuWebFactory(provider);
        app.CreateClient().Dispose();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Inquiries.Add(new Inquiry
            {
                ReferenceNumber = Reference, Year = 2026, Sequence = 911, ReceiptKey = "k", OrganisationName = "Sundsvalls kommun", OrganisationNumber = "212000-2411",
                ContactName = "Anna Nord", Email = "anna.nord@sundsvall.example", Description = "Demensvård för 25 undersköterskor.", Participants = 25,
                ReceivedAt = app.Clock.GetUtcNow(), ConsentGivenAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        async Task PostAsync(string handler, Dictionary<string, string> fields)
        {
            using var response = await OfficeUsers.PostFormAsync(coordinator, Calculation, handler, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {response.StatusCode} {Text((await Html.ParseAsync(response)).QuerySelector("[data-testid=errors]"))}");
        }
        await PostAsync("Save", new()
        {
            ["Form.BaseVersion"] = "0", ["Form.CalculatedOn"] = "2026-03-16", ["Form.PriceModel"] = "Fixed", ["Form.Participants"] = "25",
            ["Form.Teaching[0].Category"] = "lektor", ["Form.Teaching[0].Hours"] = "20", ["Form.AdministrationHours"] = "5",
        });
        await PostAsync("Decide", new() { ["Decision.Version"] = "1", ["Decision.Approved"] = "true", ["Decision.DecidedBy"] = "Jonas Berg" });
        await PostAsync("Offer", new() { ["OfferForm.Language"] = "sv", ["OfferForm.ValidUntil"] = "2026-04-30" });
        await PostAsync("Offer", new() { ["OfferForm.Language"] = "en", ["OfferForm.ValidUntil"] = "2026-04-30" });

        async Task<string> OfferTextAsync(int number)
        {
            using var file = await coordinator.GetAsync($"{Calculation}?handler=OfferFile&number={number}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            return OfferDocument.ReadText(await file.Content.ReadAsByteArrayAsync());
        }
        var swedish = await OfferTextAsync(1);
        Assert.Contains("Deltagarnas rättigheter och skyldigheter", swedish, StringComparison.Ordinal);
        Assert.Contains("Du som går en uppdragsutbildning är deltagare, inte student.", swedish, StringComparison.Ordinal); // the staff section's text, Markdown marks gone
        Assert.Contains("Personuppgifter: universitetet behandlar dina uppgifter", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("{deltagarnas_rattigheter}", swedish, StringComparison.Ordinal);
        var english = await OfferTextAsync(2);
        Assert.Contains("you are a participant, not a student", english, StringComparison.Ordinal);

        // The same text as a clause for agreements, from the staff section's page.
        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var page = await staff.GetDocumentAsync("/personal/" + ParticipantRights.Slug);
        Assert.NotNull(page.QuerySelector($"a[href='/personal/{ParticipantRights.Slug}?handler=Clause&sprak=en']"));
        using var clause = await staff.GetAsync($"/personal/{ParticipantRights.Slug}?handler=Clause&sprak=en");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", clause.Content.Headers.ContentType!.MediaType);
        var text = OfferDocument.ReadText(await clause.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("The participants' rights and obligations", text, StringComparison.Ordinal);
        Assert.Contains("Examination: follows the syllabus", text, StringComparison.Ordinal);
    }
}

public sealed class ParticipantRightsTestsOnSqlite() : ParticipantRightsTests(Provider.Sqlite);

public sealed class ParticipantRightsTestsOnPostgres() : ParticipantRightsTests(Provider.Postgres);
