using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Catalogue;

/// <summary>A subject's contact persons as an editor types them, one a line: every bad line is named with its number, and nothing is saved then.</summary>
public abstract class SubjectContactsTests(UuWebFactory app)
{
    private static readonly string Phone41 = "010-142 80 00 (växel, fråga efter Per N.)".PadRight(41, '.')[..41];

    private async Task<List<string>> StoredContactsAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UuDbContext>().SubjectContacts.Where(c => c.Subject!.Slug == slug).OrderBy(c => c.Id).Select(c => c.Name + "|" + c.Email + "|" + c.Phone).ToListAsync();
    }

    [Fact]
    public async Task APhoneNumberLongerThanTheColumn_IsRefusedWithItsLineNumber_AndNothingIsSaved()
    {
        app.CreateClient().Dispose();
        var before = await StoredContactsAsync("historia");
        Assert.Equal(41, Phone41.Length);
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SubjectContactEditing>().SaveAsync("historia",
            "Per Nyström | Ämnesföreträdare | per.nystrom@uu-demo.se\nAnna Ek | Studierektor | anna.ek@uu-demo.se | " + Phone41, "samordnare@uu-demo.se", CancellationToken.None);

        Assert.Equal(SubjectSaveResult.Invalid, outcome.Result);
        var (field, message) = Assert.Single(outcome.Errors);
        Assert.Equal("Contacts", field);
        Assert.Contains("Rad 2", message, StringComparison.Ordinal);
        Assert.Contains("telefonnumret har 41 tecken", message, StringComparison.Ordinal);
        Assert.Contains("högst 40", message, StringComparison.Ordinal);
        Assert.Equal(before, await StoredContactsAsync("historia"));
    }

    [Fact]
    public void EveryBadLine_IsNamed_WithWhatIsWrong()
    {
        var (contacts, problems) = SubjectContactList.Parse(string.Join("\n",
            " | Studierektor | anna.ek@uu-demo.se",                     // 1: no name
            "Per Nyström | Ämnesföreträdare | per.nystrom@uu-demo.se",   // 2: fine
            "",                                                          // 3: blank, counted
            "Eva Berg | Prefekt | eva.berg(at)uu-demo.se",               // 4: not an address
            new string('A', 201) + " | Prefekt | a@uu-demo.se",          // 5: name too long
            "Lars Ek | Prefekt",                                         // 6: too few parts
            "Maria Lind | " + new string('R', 201) + " | maria@uu-demo.se | 010-1"));  // 7: role too long

        Assert.Empty(contacts); // nothing is kept when any line is bad
        Assert.Equal(
            new[] { (1, "Name", SubjectContactProblemKind.Missing), (4, "Email", SubjectContactProblemKind.NotAnEmail), (5, "Name", SubjectContactProblemKind.TooLong), (6, "Line", SubjectContactProblemKind.Parts), (7, "Role", SubjectContactProblemKind.TooLong) },
            problems.Select(p => (p.Line, p.Field, p.Kind)));
        var texts = new UU.Web.Localization.Texts();
        Assert.Equal("Rad 4: ”eva.berg(at)uu-demo.se” är ingen giltig e-postadress.", SubjectContactList.Describe(problems[1], texts));
        Assert.Equal("Rad 5: namnet har 201 tecken; högst 200 får plats.", SubjectContactList.Describe(problems[2], texts));

        var (fine, none) = SubjectContactList.Parse("Anna Ek | Studierektor | anna.ek@uu-demo.se | 010-142 80 10\r\n\r\nPer Nyström | Ämnesföreträdare | per.nystrom@uu-demo.se");
        Assert.Empty(none);
        Assert.Equal(new (string, string?)[] { ("Anna Ek", "010-142 80 10"), ("Per Nyström", null) }, fine.Select(c => (c.Name, c.Phone)));
    }

    [Fact]
    public async Task TheContactsPage_ShowsEveryBadLine_AndKeepsWhatTheCoordinatorTyped()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var before = await StoredContactsAsync("historia");
        var form = await coordinator.GetDocumentAsync("/office/amnen/historia/kontaktpersoner");
        var typed = "Per Nyström | Ämnesföreträdare | per.nystrom@uu-demo.se | " + Phone41 + "\nEva Berg | Prefekt | inte-en-adress";
        using var response = await coordinator.PostAsync("/office/amnen/historia/kontaktpersoner", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Contacts"] = typed,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var items = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Rad 1:", items[0], StringComparison.Ordinal);
        Assert.StartsWith("Rad 2:", items[1], StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("textarea#Contacts")!.TextContent.ReplaceLineEndings("\n").TrimStart('\n'));
        Assert.Equal(before, await StoredContactsAsync("historia"));
    }

    [Fact]
    public async Task AnEditor_CannotChangeWhoReceivesASubjectsInquiries()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var before = await StoredContactsAsync("psykologi");
        var form = await editor.GetDocumentAsync("/office/amnen/psykologi");
        Assert.Null(form.QuerySelector("textarea#Contacts")); // the editor's page shows them, without a field to change them
        using (var sneaked = await editor.PostAsync("/office/amnen/psykologi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["NameSv"] = "Psykologi",
            ["Contacts"] = "Mallory | Redaktör | mallory@uu-demo.se",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, sneaked.StatusCode); // the texts are saved, the contacts untouched
        }
        Assert.Equal(before, await StoredContactsAsync("psykologi"));
        using var contactsPage = await editor.GetAsync("/office/amnen/psykologi/kontaktpersoner");
        Assert.Equal(HttpStatusCode.Forbidden, contactsPage.StatusCode);
    }

    [Fact]
    public async Task ACoordinatorsChange_IsAudited_AndThePeopleAddedAndRemovedAreTold()
    {
        var coordinatorEmail = await OfficeUsers.CreateAsync(app, Roles.Coordinator);
        var coordinator = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(coordinator, coordinatorEmail)).Dispose();
        string removedEmail;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var contacts = await db.SubjectContacts.Where(c => c.Subject!.Slug == "foretagsekonomi").OrderBy(c => c.Id).ToListAsync();
            Assert.NotEmpty(contacts);
            removedEmail = contacts[0].Email;
        }
        var kept = string.Join("\n", (await StoredContactsAsync("foretagsekonomi")).Skip(1).Select(c => c.Split('|')).Select(p => $"{p[0]} | Kontakt | {p[1]}"));
        var typed = (kept.Length > 0 ? kept + "\n" : "") + "Lina Sjöberg | Studierektor | lina.sjoberg@uu-demo.se";
        var form = await coordinator.GetDocumentAsync("/office/amnen/foretagsekonomi/kontaktpersoner");
        using (var saved = await coordinator.PostAsync("/office/amnen/foretagsekonomi/kontaktpersoner", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Contacts"] = typed,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using var check = app.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<UuDbContext>();
        var audit = await stored.AuditEntries.Where(a => a.Action == "subject-contacts-changed" && a.UserEmail == coordinatorEmail).SingleAsync();
        Assert.Contains("lina.sjoberg@uu-demo.se", audit.Details, StringComparison.Ordinal);
        Assert.Contains(removedEmail, audit.Details, StringComparison.Ordinal);
        var mail = await stored.OutboxMessages.Where(m => m.Reference != null && m.Reference.StartsWith("subject-contacts-")).ToListAsync();
        var added = Assert.Single(mail, m => m.ToAddress == "lina.sjoberg@uu-demo.se");
        Assert.Contains("Du är nu kontaktperson", added.Subject, StringComparison.Ordinal);
        Assert.Contains(coordinatorEmail, added.TextBody, StringComparison.Ordinal);
        var removed = Assert.Single(mail, m => m.ToAddress == removedEmail);
        Assert.Contains("inte längre kontaktperson", removed.Subject, StringComparison.Ordinal);
    }
}

public sealed class SubjectContactsTestsOnSqlite(SqliteApp app) : SubjectContactsTests(app), IClassFixture<SqliteApp>;

public sealed class SubjectContactsTestsOnPostgres(PostgresApp app) : SubjectContactsTests(app), IClassFixture<PostgresApp>;
