using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Features.Notifications;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Notifications;

/// <summary>Every kind of e-mail, written by the one composer in the recipient's language.</summary>
public abstract class EmailComposerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    /// <summary>2026-08-25 23:59 in Sweden (summer time).</summary>
    private static readonly DateTimeOffset Deadline = new(2026, 8, 25, 21, 59, 0, TimeSpan.Zero);

    /// <summary>A staff address in the language: an office user who chose English, or an address no office user has (Swedish).</summary>
    private async Task<string> StaffAddressAsync(string language)
    {
        if (language == "sv")
        {
            return $"personal-{Guid.NewGuid():N}@uu-demo.se";
        }
        var email = await OfficeUsers.CreateAsync(app, Roles.SubjectContact);
        await MailLanguage.SetAsync(app, email, language);
        return email;
    }

    private static void AssertComplete(OutboxMessage message)
    {
        Assert.DoesNotContain("{", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("{", message.TextBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
    }

    private static Lead Lead(int id, string title, int score) => new()
    {
        Id = id,
        Title = title,
        Buyer = "Sundsvalls kommun",
        Deadline = Deadline,
        Score = score,
        Value = 1_500_000m,
        Currency = "SEK",
        MatchReasons = "specialpedagogik",
    };

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task EachKindOfMail_IsWrittenInTheRecipientsLanguage_WithEveryPlaceholderFilled(string language)
    {
        var english = language == "en";
        var address = await StaffAddressAsync(language);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var now = app.Clock.GetUtcNow();
        var module = await db.Modules.Include(m => m.Subject).AsNoTracking().SingleAsync(m => m.Slug == "specialpedagogik-for-larare");
        var subject = module.Subject!;

        // The inquiry: the notification to staff, and the buyer's receipt in the inquiry's language.
        var inquiry = new Inquiry
        {
            ReferenceNumber = "UU-2026-0417",
            ReceiptKey = "k",
            OrganisationName = "Timrå kommun",
            OrganisationNumber = "212000-2247",
            ContactName = "Eva Lindgren",
            Email = "eva.lindgren@timra.example.se",
            Phone = "060-16 30 00",
            Participants = 1250,
            PreferredPeriod = "hösten 2027",
            Description = "Vi vill stärka lärarnas arbete med extra anpassningar.",
            Language = language,
            LeadId = 42,
        };
        var notification = Assert.Single(await composer.InquiryNotificationsAsync(inquiry, [module], [new MailRecipient(address, "Anna")], now, CancellationToken.None));
        AssertComplete(notification);
        Assert.Equal(address, notification.ToAddress);
        Assert.Equal("UU-2026-0417", notification.Reference);
        Assert.Equal((english ? "New inquiry" : "Ny förfrågan") + " UU-2026-0417: Timrå kommun", notification.Subject);
        Assert.Contains("Timrå kommun (212000-2247)", notification.TextBody, StringComparison.Ordinal);
        Assert.Contains("Eva Lindgren, eva.lindgren@timra.example.se, 060-16 30 00", notification.TextBody, StringComparison.Ordinal);
        Assert.Contains(english ? "Special Education for Teachers (Special Education)" : "Specialpedagogik för lärare (Specialpedagogik)", notification.TextBody, StringComparison.Ordinal);
        Assert.Matches(english ? "Number of participants: 1,250" : "Antal deltagare: 1[\u00a0\u202f ]250", notification.TextBody);
        Assert.Contains(english ? "Preferred period: hösten 2027" : "Önskad period: hösten 2027", notification.TextBody, StringComparison.Ordinal);
        Assert.Contains("/office/leads/42", notification.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Vi vill stärka lärarnas arbete med extra anpassningar.\n", notification.TextBody, StringComparison.Ordinal);

        var receipt = composer.InquiryReceipt(inquiry, now);
        AssertComplete(receipt);
        Assert.Equal("eva.lindgren@timra.example.se", receipt.ToAddress);
        Assert.Equal(english ? "We have received your inquiry UU-2026-0417" : "Vi har tagit emot din förfrågan UU-2026-0417", receipt.Subject);
        Assert.Contains(english ? "Your reference number is UU-2026-0417" : "Ditt referensnummer är UU-2026-0417", receipt.TextBody, StringComparison.Ordinal);

        // The lead assigned to a subject contact person.
        var lead = Lead(42, "Utbildning i specialpedagogik för grundskolans lärare", 80);
        var contact = new SubjectContact { Name = "Anna", Role = "Studierektor", Email = address, Subject = subject };
        var assigned = await composer.LeadAssignedAsync(lead, contact, "samordnare@uu-demo.se", new DateOnly(2026, 8, 1), now, CancellationToken.None);
        AssertComplete(assigned);
        Assert.Equal("lead-42", assigned.Reference);
        Assert.Equal((english ? "A lead for you: " : "Lead till dig: ") + lead.Title, assigned.Subject);
        Assert.Contains(english ? "samordnare@uu-demo.se has assigned a lead in Special Education to you." : "samordnare@uu-demo.se har tilldelat dig en lead inom Specialpedagogik.", assigned.TextBody, StringComparison.Ordinal);
        Assert.Contains(english ? "Tender deadline: 25 August 2026 23:59 (Swedish time)" : "Sista anbudsdag: 2026-08-25 23:59", assigned.TextBody, StringComparison.Ordinal);
        Assert.Matches(english ? "Value: 1,500,000 SEK" : "Värde: 1[\u00a0\u202f ]500[\u00a0\u202f ]000 SEK", assigned.TextBody);
        Assert.Contains(english ? "Follow up by 1 August 2026" : "Följ upp senast 2026-08-01", assigned.TextBody, StringComparison.Ordinal);
        Assert.Contains("/office/leads/42", assigned.TextBody, StringComparison.Ordinal);

        // The coordinators' digest lists at most 50 leads, best first as given, and says how many more there are.
        var leads = Enumerable.Range(1, EmailComposer.MaxListedLeads + 1).Select(i => Lead(1000 + i, $"Lead nummer {i}", 100 - i)).ToList();
        var day = new DateOnly(2026, 3, 16);
        var overdue = new OverdueCase("UU-2026-0007", "Timrå kommun", "Skicka offert", new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 3), "/office/forfragningar/UU-2026-0007");
        var digest = Assert.Single(await composer.NewLeadsDigestAsync([new MailRecipient(address)], leads, [overdue], day, "lead-digest-2026-03-16", now, CancellationToken.None));
        AssertComplete(digest);
        Assert.Equal(english ? "New leads 16 March 2026: 51" : "Nya leads 2026-03-16: 51", digest.Subject);
        Assert.StartsWith(english ? "51 new leads since the last digest" : "51 nya leads sedan förra sammanställningen", digest.TextBody, StringComparison.Ordinal);
        Assert.True(digest.TextBody.IndexOf("Lead nummer 1\n", StringComparison.Ordinal) < digest.TextBody.IndexOf("Lead nummer 2\n", StringComparison.Ordinal));
        Assert.Contains("[99] Lead nummer 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(english ? "Sundsvalls kommun · tender deadline 25 August 2026 23:59 (Swedish time) · /office/leads/1001" : "Sundsvalls kommun · sista anbudsdag 2026-08-25 23:59 · /office/leads/1001", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lead nummer 51", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(english ? "… and 1 more: /office/leads?status=New" : "… och 1 till: /office/leads?status=New", digest.TextBody, StringComparison.Ordinal);
        // ...and, after the leads, the overdue cases with why each is late.
        Assert.Contains(english ? "Overdue cases (1):" : "Försenade ärenden (1):", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(english
            ? "UU-2026-0007 Timrå kommun · next step \"Skicka offert\" was due 13 March 2026 · /office/forfragningar/UU-2026-0007"
            : "UU-2026-0007 Timrå kommun · nästa steg \"Skicka offert\" skulle vara klart 2026-03-13 · /office/forfragningar/UU-2026-0007", digest.TextBody, StringComparison.Ordinal);

        // A contact person's digest: the new leads in their subjects and their own due for follow-up.
        var personal = await composer.PersonalDigestAsync(new MailRecipient(address, "Anna"), [subject], [leads[0]], [lead], day, "lead-digest-2026-03-16", now, CancellationToken.None);
        AssertComplete(personal);
        Assert.Equal(english ? "Leads for you 16 March 2026: 1 new, 1 to follow up" : "Leads för dig 2026-03-16: 1 nya, 1 att följa upp", personal.Subject);
        Assert.Contains(english ? "1 new leads in Special Education" : "1 nya leads inom Specialpedagogik", personal.TextBody, StringComparison.Ordinal);
        Assert.Contains(english ? "1 of your leads are due for follow-up" : "1 av dina leads ska följas upp", personal.TextBody, StringComparison.Ordinal);
        Assert.Contains(lead.Title, personal.TextBody, StringComparison.Ordinal);

        // The alarm when a source starts failing.
        var alarm = Assert.Single(await composer.SourceFailingAsync([new MailRecipient(address)], "KommersAnnons", UuWebFactory.StartTime, "HTTP 500 tre gånger i rad", now, CancellationToken.None));
        AssertComplete(alarm);
        Assert.Equal("source-failing-KommersAnnons", alarm.Reference);
        Assert.Equal(english ? "The source KommersAnnons is failing" : "Källan KommersAnnons fallerar", alarm.Subject);
        Assert.Contains(english ? "since the run at 16 March 2026 10:00 (Swedish time): HTTP 500 tre gånger i rad" : "sedan körningen 2026-03-16 10:00: HTTP 500 tre gånger i rad", alarm.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInquiryInEnglish_GivesTheBuyerAnEnglishReceipt_AndTheStaffTheirSwedishNotification()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var inquiry = await scope.ServiceProvider.GetRequiredService<InquiryService>().SubmitAsync(new InquiryForm
        {
            OrganisationName = "Region Västernorrland",
            OrganisationNumber = "232100-0156",
            ContactName = "Sofia Berg",
            Email = "sofia.berg@rvn.example.se",
            Description = "We would like to train our unit managers.",
            Modules = ["specialpedagogik-for-larare"],
            Consent = true,
        }, "en", CancellationToken.None);

        var messages = await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Reference == inquiry.ReferenceNumber).ToListAsync();
        var receipt = Assert.Single(messages, m => m.ToAddress == "sofia.berg@rvn.example.se");
        Assert.Equal($"We have received your inquiry {inquiry.ReferenceNumber}", receipt.Subject);
        Assert.Contains("A coordinator will contact you within three working days.", receipt.TextBody, StringComparison.Ordinal);
        foreach (var staff in new[] { "samordnare@uu-demo.se", "anders.holm@uu-demo.se" })
        {
            var notification = Assert.Single(messages, m => m.ToAddress == staff);
            Assert.Equal($"Ny förfrågan {inquiry.ReferenceNumber}: Region Västernorrland", notification.Subject);
            Assert.Contains("Specialpedagogik för lärare (Specialpedagogik)", notification.TextBody, StringComparison.Ordinal);
            Assert.Contains("Behov:\nWe would like to train our unit managers.", notification.TextBody, StringComparison.Ordinal);
        }
    }
}

public sealed class EmailComposerTestsOnSqlite(SqliteApp app) : EmailComposerTests<SqliteApp>(app);

public sealed class EmailComposerTestsOnPostgres(PostgresApp app) : EmailComposerTests<PostgresApp>(app);

internal static class MailLanguage
{
    /// <summary>Sets an office user's e-mail language directly (the page that does it has its own test).</summary>
    public static async Task SetAsync(UuWebFactory app, string email, string language)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No office user " + email);
        user.Language = language;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
