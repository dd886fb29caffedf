using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions;

/// <summary>The head of department and the faculty office are told when a case reaches the decision and the signed agreement.</summary>
public abstract class CaseMilestoneTests(Provider provider)
{
    private const string Subject = "statsvetenskap";

    private static async Task<T> QueryAsync<T>(UuWebFactory app, Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    /// <summary>A faculty office user given the faculty of <paramref name="subject"/>'s department, or another faculty.</summary>
    private static async Task<string> FacultyOfficeAsync(UuWebFactory app, string subject, bool sameFaculty)
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.FacultyOffice);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var faculty = await db.Subjects.Where(s => s.Slug == subject).Select(s => s.Department!.FacultyId).SingleAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.FacultyId = sameFaculty ? faculty : await db.Faculties.Where(f => f.Id != faculty).Select(f => f.Id).FirstAsync();
        await users.UpdateAsync(user);
        return email;
    }

    private static Dictionary<string, string> Calculation(UuWebFactory app) => new()
    {
        ["Form.BaseVersion"] = "0",
        ["Form.CalculatedOn"] = UU.Scrapers.SwedishTime.Today(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Form.PriceModel"] = "Fixed",
        ["Form.Participants"] = "20",
        ["Form.Teaching[0].Category"] = "lektor", ["Form.Teaching[0].Hours"] = "10",
        ["Form.AdministrationHours"] = "4",
    };

    private static Task<List<(string To, string Subject, string Body)>> MailsAsync(UuWebFactory app, string startOfSubject) =>
        QueryAsync(app, async db => (await db.OutboxMessages.Where(m => m.Subject.StartsWith(startOfSubject)).ToListAsync())
            .Select(m => (m.ToAddress, m.Subject, m.TextBody)).OrderBy(m => m.ToAddress, StringComparer.Ordinal).ToList());

    [Fact]
    public async Task DecisionAndSignedAgreement_TellTheHeadOfDepartmentAndThatFacultysOffice_NotOthers()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var ourOffice = await FacultyOfficeAsync(app, Subject, sameFaculty: true);
        var otherOffice = await FacultyOfficeAsync(app, Subject, sameFaculty: false);
        var head = await QueryAsync(app, db => db.SubjectContacts.Where(c => c.Subject!.Slug == Subject).Select(c => c.Email).SingleAsync());
        var reference = await OfficeCases.EnterAsync(app, coordinator, Subject, organisation: "Sollefteå kommun");
        await OfficeCases.AdvancePastOpenStepsAsync(coordinator, reference); // initiation → agreement

        var page = $"{CaseRoutes.Case(reference)}/kalkyl";
        using (var saved = await OfficeUsers.PostFormAsync(coordinator, page, "Save", Calculation(app)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.NotNull((await coordinator.GetDocumentAsync(page)).QuerySelector("form[action*=RequestDecision]"));
        using (var requested = await OfficeUsers.PostFormAsync(coordinator, page, "RequestDecision", new() { ["Decision.Version"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }
        var decisionMails = await MailsAsync(app, "Beslut behövs: ärende " + reference);
        Assert.Equal(new[] { head, ourOffice }.Order(StringComparer.Ordinal), decisionMails.Select(m => m.To));
        Assert.All(decisionMails, m => Assert.Contains("Kalkyl version 1: pris", m.Body, StringComparison.Ordinal));
        Assert.All(decisionMails, m => Assert.Contains(CaseRoutes.Case(reference), m.Body, StringComparison.Ordinal));
        var calculationPage = await coordinator.GetDocumentAsync(page);
        Assert.Contains(head, calculationPage.QuerySelector("[data-testid=decision-requested]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(calculationPage.QuerySelector("form[action*=RequestDecision]")); // sent once; the page says when and to whom

        using (var decided = await OfficeUsers.PostFormAsync(coordinator, page, "Decide", new() { ["Decision.Version"] = "1", ["Decision.Approved"] = "true", ["Decision.DecidedBy"] = "Jonas Berg" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }
        Assert.Empty(await MailsAsync(app, "Avtal undertecknat"));
        await OfficeCases.AdvancePastOpenStepsAsync(coordinator, reference); // agreement → delivery: the agreement is signed

        var signedMails = await MailsAsync(app, "Avtal undertecknat: ärende " + reference);
        Assert.Equal(new[] { head, ourOffice }.Order(StringComparer.Ordinal), signedMails.Select(m => m.To));
        Assert.All(signedMails, m => Assert.Contains("inte kopplat till något avtal", m.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(otherOffice, (await MailsAsync(app, "")).Select(m => m.To));
        var history = (await coordinator.GetDocumentAsync(CaseRoutes.Case(reference))).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Skickad för prefektens beslut", history, StringComparison.Ordinal);
        Assert.Contains("Prefekt och fakultetskansli underrättade", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseWithNoHeadOfDepartmentOrFacultyOffice_IsToldThereIsNoOneToSendTo()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await OfficeCases.EnterAsync(app, coordinator, subject: null, organisation: "Kramfors kommun");
        await OfficeCases.AdvancePastOpenStepsAsync(coordinator, reference);
        var page = $"{CaseRoutes.Case(reference)}/kalkyl";
        using (var saved = await OfficeUsers.PostFormAsync(coordinator, page, "Save", Calculation(app)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var refused = await OfficeUsers.PostFormAsync(coordinator, page, "RequestDecision", new() { ["Decision.Version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ingen att skicka till", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=request-decision-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MailsAsync(app, "Beslut behövs"));
        Assert.False(await QueryAsync(app, db => db.CaseEvents.AnyAsync(e => e.Action == "decisionRequested")));
    }
}

public sealed class CaseMilestoneTestsOnSqlite() : CaseMilestoneTests(Provider.Sqlite);

public sealed class CaseMilestoneTestsOnPostgres() : CaseMilestoneTests(Provider.Postgres);
