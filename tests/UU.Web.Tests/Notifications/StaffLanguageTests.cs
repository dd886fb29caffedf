using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Notifications;

/// <summary>Staff get their e-mail in the language they chose under /office/konto; everyone else in Swedish.</summary>
public abstract class StaffLanguageTests(Provider provider)
{
    private const string EnglishCoordinator = "engelsk.samordnare@uu-demo.se";

    private UuWebFactory App() => new(provider, new Dictionary<string, string?> { ["Inquiries:CoordinatorEmails:1"] = EnglishCoordinator });

    [Fact]
    public async Task ACoordinatorWhoChoseEnglishUnderTheirAccount_GetsNewInquiriesInEnglish_TheOthersStayInSwedish()
    {
        await using var app = App();
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator, EnglishCoordinator);
        var page = await client.GetDocumentAsync("/office/konto");
        Assert.Equal("sv", page.QuerySelector("#Language option[selected]")!.GetAttribute("value"));

        using (var refused = await OfficeUsers.PostFormAsync(client, "/office/konto", "Language", new() { ["Language"] = "de" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var shown = await Html.ParseAsync(refused);
            Assert.Contains("svenska eller engelska", shown.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
        using (var saved = await OfficeUsers.PostFormAsync(client, "/office/konto", "Language", new() { ["Language"] = "en" }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var shown = await Html.ParseAsync(saved);
            Assert.Contains("Språket för din e-post är sparat.", shown.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("en", (await client.GetDocumentAsync("/office/konto")).QuerySelector("#Language option[selected]")!.GetAttribute("value"));

        await using var scope = app.Services.CreateAsyncScope();
        var inquiry = await scope.ServiceProvider.GetRequiredService<InquiryService>().SubmitAsync(new InquiryForm
        {
            OrganisationName = "Timrå kommun",
            OrganisationNumber = "212000-2247",
            ContactName = "Eva Lindgren",
            Email = "eva.lindgren@timra.example.se",
            Participants = "25",
            Description = "Vi vill stärka lärarnas arbete med extra anpassningar.",
            Modules = ["specialpedagogik-for-larare"],
            Consent = true,
        }, "sv", CancellationToken.None);
        var messages = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Reference == inquiry.ReferenceNumber).ToListAsync();

        var english = Assert.Single(messages, m => m.ToAddress == EnglishCoordinator);
        Assert.Equal($"New inquiry {inquiry.ReferenceNumber}: Timrå kommun", english.Subject);
        Assert.Contains($"Reference number: {inquiry.ReferenceNumber}", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Number of participants: 25", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Special Education for Teachers (Special Education)", english.TextBody, StringComparison.Ordinal);
        foreach (var swedish in new[] { "samordnare@uu-demo.se", "anders.holm@uu-demo.se" })
        {
            var notification = Assert.Single(messages, m => m.ToAddress == swedish);
            Assert.Equal($"Ny förfrågan {inquiry.ReferenceNumber}: Timrå kommun", notification.Subject);
            Assert.Contains("Antal deltagare: 25", notification.TextBody, StringComparison.Ordinal);
        }
        Assert.Equal($"Vi har tagit emot din förfrågan {inquiry.ReferenceNumber}", Assert.Single(messages, m => m.ToAddress == "eva.lindgren@timra.example.se").Subject);
    }

    [Fact]
    public async Task TheMorningDigest_IsWrittenInEachRecipientsLanguage()
    {
        await using var app = App();
        await OfficeUsers.CreateAsync(app, Roles.Coordinator, EnglishCoordinator);
        await MailLanguage.SetAsync(app, EnglishCoordinator, "en");
        await OfficeUsers.CreateAsync(app, Roles.SubjectContact, "Anders.Holm@uu-demo.se");
        await MailLanguage.SetAsync(app, "anders.holm@uu-demo.se", "en");

        var now = app.Clock.GetUtcNow();
        var deadline = new DateTimeOffset(2026, 8, 25, 21, 59, 0, TimeSpan.Zero);
        Lead special, other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            special = new Lead { Title = "Utbildning i specialpedagogik för grundskolans lärare", Buyer = "Sundsvalls kommun", Deadline = deadline, Score = 80, Status = LeadStatus.New, CreatedAt = now.AddHours(-1), UpdatedAt = now.AddHours(-1) };
            other = new Lead { Title = "Kurs i upphandlingsjuridik", Buyer = "Region Jämtland Härjedalen", Score = 40, Status = LeadStatus.New, CreatedAt = now.AddHours(-2), UpdatedAt = now.AddHours(-2) };
            db.Leads.AddRange(special, other);
            await db.SaveChangesAsync();
            var subjectId = await db.Subjects.Where(s => s.Slug == "specialpedagogik").Select(s => s.Id).SingleAsync();
            db.LeadSubjects.Add(new LeadSubject { LeadId = special.Id, SubjectId = subjectId });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<LeadDigest>().SendAsync(CancellationToken.None);
            var mails = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Reference == "lead-digest-2026-03-16").ToListAsync();
            Assert.Equal(sent, mails.Count);

            var swedish = Assert.Single(mails, m => m.ToAddress == "samordnare@uu-demo.se");
            Assert.Equal("Nya leads 2026-03-16: 2", swedish.Subject);
            Assert.StartsWith("2 nya leads sedan förra sammanställningen, bäst matchade först.", swedish.TextBody, StringComparison.Ordinal);
            Assert.Contains($"[80] {special.Title}\n    Sundsvalls kommun · sista anbudsdag 2026-08-25 23:59 · /office/leads/{special.Id}", swedish.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Region Jämtland Härjedalen · sista anbudsdag – · /office/leads/{other.Id}", swedish.TextBody, StringComparison.Ordinal);
            Assert.True(swedish.TextBody.IndexOf(special.Title, StringComparison.Ordinal) < swedish.TextBody.IndexOf(other.Title, StringComparison.Ordinal));

            var english = Assert.Single(mails, m => m.ToAddress == EnglishCoordinator);
            Assert.Equal("New leads 16 March 2026: 2", english.Subject);
            Assert.StartsWith("2 new leads since the last digest, best matches first.", english.TextBody, StringComparison.Ordinal);
            Assert.Contains($"[80] {special.Title}\n    Sundsvalls kommun · tender deadline 25 August 2026 23:59 (Swedish time) · /office/leads/{special.Id}", english.TextBody, StringComparison.Ordinal);
            Assert.Contains(other.Title, english.TextBody, StringComparison.Ordinal);

            // The subject contact person's own digest, in the language of their office user (found whatever the case of the address).
            var personal = Assert.Single(mails, m => m.ToAddress == "anders.holm@uu-demo.se");
            Assert.Equal("Leads for you 16 March 2026: 1 new, 0 to follow up", personal.Subject);
            Assert.StartsWith("1 new leads in Special Education, best matches first.", personal.TextBody, StringComparison.Ordinal);
            Assert.Contains(special.Title, personal.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Title, personal.TextBody, StringComparison.Ordinal);
        }
    }
}

public sealed class StaffLanguageTestsOnSqlite() : StaffLanguageTests(Provider.Sqlite);

public sealed class StaffLanguageTestsOnPostgres() : StaffLanguageTests(Provider.Postgres);
