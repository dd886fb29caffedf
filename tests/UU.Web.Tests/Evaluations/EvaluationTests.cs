using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Content;
using UU.Web.Features.Evaluations;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Evaluations;

/// <summary>Evaluation links from follow-up to the module page: one answer per link, expiry, anonymity, results, rating, story.</summary>
public abstract class EvaluationTests(Provider provider)
{
    private const string ModuleSlug = "palliativ-vard";

    private UuWebFactory App() => new(provider);

    private static async Task<T> QueryAsync<T>(UuWebFactory app, Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    /// <summary>A won case in delivery for the module, its delivery checklist done, so it can move on to follow-up.</summary>
    private static async Task<string> DeliveryCaseAsync(UuWebFactory app, string moduleSlug = ModuleSlug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var module = await db.Modules.SingleAsync(m => m.Slug == moduleSlug);
        var (year, sequence, reference) = await InquiryReferences.NextAsync(db, 2026, CancellationToken.None);
        var inquiry = new Inquiry
        {
            ReferenceNumber = reference, Year = year, Sequence = sequence, ReceiptKey = InquiryReferences.NewReceiptKey(),
            OrganisationName = "Timrå kommun", OrganisationNumber = "212000-2411", ContactName = "Maja Ek", Email = "maja.ek@timra.example",
            Description = "Palliativ vård för undersköterskor i hemtjänsten.", ReceivedAt = app.Clock.GetUtcNow(), ConsentGivenAt = app.Clock.GetUtcNow(),
            Phase = CasePhase.Delivery, Status = InquiryStatus.Won, GivesCredits = false, Language = "sv",
            Modules = [new InquiryModule { ModuleId = module.Id }], Subjects = [new CaseSubject { SubjectId = module.SubjectId }],
        };
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync();
        foreach (var step in await db.ChecklistSteps.Where(s => s.Phase == CasePhase.Delivery && s.Required && !s.CreditBearingOnly).ToListAsync())
        {
            db.CaseSteps.Add(new CaseStep { InquiryId = inquiry.Id, ChecklistStepId = step.Id, State = StepState.Done, At = app.Clock.GetUtcNow() });
        }
        await db.SaveChangesAsync();
        return reference;
    }

    private static Task<HttpResponseMessage> AdvanceAsync(HttpClient coordinator, string reference) =>
        OfficeUsers.PostFormAsync(coordinator, CaseRoutes.Case(reference), "Advance");

    private static Task<List<EvaluationInvitation>> InvitationsAsync(UuWebFactory app, string reference) =>
        QueryAsync(app, db => db.EvaluationInvitations.AsNoTracking().Where(i => db.Inquiries.Any(c => c.Id == i.InquiryId && c.ReferenceNumber == reference)).OrderBy(i => i.Id).ToListAsync());

    /// <summary>Answers the evaluation behind the link as a visitor would: every rating the same, the first free-text question with the comment.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(UuWebFactory app, string token, int rating, string? comment = null, bool mayQuote = false)
    {
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await visitor.GetDocumentAsync(EvaluationRoutes.Swedish + token);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = page.QuerySelector("form.evaluation-form input[name=__RequestVerificationToken]")!.GetAttribute("value")! };
        foreach (var name in page.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")!).Distinct())
        {
            fields[name] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (comment is not null)
        {
            fields[page.QuerySelector("textarea")!.GetAttribute("name")!] = comment;
        }
        if (mayQuote)
        {
            fields["MayQuote"] = "true";
        }
        return await visitor.PostAsync(EvaluationRoutes.Swedish + token, new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonElement?> AggregateRatingAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/utbildningar/" + ModuleSlug);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        return json.RootElement.TryGetProperty("aggregateRating", out var rating) ? rating.Clone() : null;
    }

    [Fact]
    public async Task FollowUp_MailsTheClientAndTheParticipantsEnteredBefore_AndEachLinkTakesOneAnswer()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);

        using (var refused = await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Participants", new() { ["Participants"] = "anna.berg@timra.example, inte-en-adress" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("inte-en-adress", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=evaluation-error]")!.TextContent, StringComparison.Ordinal);
        }
        using (var added = await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Participants", new() { ["Participants"] = "anna.berg@timra.example\nBo.Lund@timra.example; anna.berg@timra.example" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Equal(0, await QueryAsync(app, db => db.OutboxMessages.CountAsync(m => m.Reference == "evaluation-" + reference))); // not before follow-up

        using (var advanced = await AdvanceAsync(coordinator, reference))
        {
            Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
        }
        var mails = await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Reference == "evaluation-" + reference).OrderBy(m => m.ToAddress).ToListAsync());
        Assert.Equal(["anna.berg@timra.example", "bo.lund@timra.example", "maja.ek@timra.example"], mails.Select(m => m.ToAddress));
        Assert.All(mails, m => Assert.Contains("Palliativ vård", m.Subject, StringComparison.Ordinal));
        var invitations = await InvitationsAsync(app, reference);
        Assert.All(invitations, i => Assert.Contains("https://uppdrag.example.se/utvardering/" + i.Token, mails.Single(m => m.ToAddress == i.Email).TextBody, StringComparison.Ordinal));
        Assert.Equal(Respondent.Client, invitations.Single(i => i.Email == "maja.ek@timra.example").Respondent);

        var token = invitations.First(i => i.Respondent == Respondent.Participant).Token;
        using (var answered = await AnswerAsync(app, token, 5, "Mycket användbart i vardagen."))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.NotNull((await Html.ParseAsync(answered)).QuerySelector("[data-testid=evaluation-thanks]"));
        }
        var visitor = app.CreateClient();
        var again = await visitor.GetDocumentAsync(EvaluationRoutes.Swedish + token, HttpStatusCode.Conflict);
        Assert.Contains("redan besvarad", again.QuerySelector("[data-testid=evaluation-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("form.evaluation-form"));
        Assert.Equal(1, await QueryAsync(app, db => db.EvaluationResponses.CountAsync()));

        // The case page shows the result and the comment to the coordinator.
        var casePage = await coordinator.GetDocumentAsync(CaseRoutes.Case(reference));
        Assert.Contains("1 har svarat", casePage.QuerySelector("[data-testid=evaluation-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5,0 av 5, 1 svar", casePage.QuerySelector("[data-testid=evaluation-average]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mycket användbart i vardagen.", casePage.QuerySelector("[data-testid=evaluation-comments]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithoutEveryRating_NamesTheQuestion_AndSavesNothing()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);
        await AdvanceAsync(coordinator, reference);
        var token = (await InvitationsAsync(app, reference)).Single().Token;
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var page = await visitor.GetDocumentAsync(EvaluationRoutes.Swedish + token);
        var first = page.QuerySelector("input[type=radio]")!.GetAttribute("name")!;
        using var response = await visitor.PostAsync(EvaluationRoutes.Swedish + token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form.evaluation-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            [first] = "9",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Hur nöjd är du med utbildningen som helhet?: betyget måste vara ett heltal från 1 till 5", summary, StringComparison.Ordinal);
        Assert.Contains("Hur bedömer du lärarnas insatser?: välj ett betyg från 1 till 5", summary, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(app, db => db.EvaluationResponses.CountAsync()));
        Assert.False((await InvitationsAsync(app, reference)).Single().Answered);
    }

    [Fact]
    public async Task Link_ExpiresAfterLinkValidDays_AndOnlyTheUnansweredAreReminded()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);
        await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Participants", new() { ["Participants"] = "anna.berg@timra.example bo.lund@timra.example" });
        await AdvanceAsync(coordinator, reference);
        var invitations = await InvitationsAsync(app, reference);
        Assert.All(invitations, i => Assert.Equal(app.Clock.GetUtcNow().AddDays(30), i.ExpiresAt));
        (await AnswerAsync(app, invitations.Single(i => i.Email == "anna.berg@timra.example").Token, 4)).Dispose();

        app.Clock.Advance(TimeSpan.FromDays(8));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<EvaluationInvitations>().RemindAsync(CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EvaluationInvitations>().RemindAsync(CancellationToken.None)); // not again the same day
        }
        var reminders = await QueryAsync(app, db => db.OutboxMessages.Where(m => m.Subject.StartsWith("Påminnelse")).Select(m => m.ToAddress).OrderBy(a => a).ToListAsync());
        Assert.Equal(["bo.lund@timra.example", "maja.ek@timra.example"], reminders);

        app.Clock.Advance(TimeSpan.FromDays(23));
        var visitor = app.CreateClient();
        var expired = await visitor.GetDocumentAsync(EvaluationRoutes.Swedish + invitations.Single(i => i.Email == "bo.lund@timra.example").Token, HttpStatusCode.Gone);
        Assert.Contains("har gått ut", expired.QuerySelector("[data-testid=evaluation-state]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EvaluationInvitations>().RemindAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task ParticipantAnswer_IsStoredWithNothingThatLeadsBackToTheInvitation()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);
        await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Participants", new() { ["Participants"] = "anna.berg@timra.example, bo.lund@timra.example" });
        await AdvanceAsync(coordinator, reference);
        var participants = (await InvitationsAsync(app, reference)).Where(i => i.Respondent == Respondent.Participant).ToList();
        (await AnswerAsync(app, participants[1].Token, 3, "Bra lärare.")).Dispose();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var response = db.Model.FindEntityType(typeof(EvaluationResponse))!;
        Assert.Equal(["Id", "InquiryId", "Language", "MayQuote", "Respondent"], response.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(response.GetForeignKeys(), k => k.PrincipalEntityType.ClrType == typeof(EvaluationInvitation));
        var answer = db.Model.FindEntityType(typeof(EvaluationAnswer))!;
        Assert.DoesNotContain(answer.GetForeignKeys(), k => k.PrincipalEntityType.ClrType == typeof(EvaluationInvitation));
        // The invitation learns only that it was answered: no time to match against the order answers were stored in.
        var invitation = db.Model.FindEntityType(typeof(EvaluationInvitation))!;
        Assert.DoesNotContain(invitation.GetProperties(), p => p.Name.Contains("Answered", StringComparison.Ordinal) && p.ClrType != typeof(bool));
        var stored = await db.EvaluationResponses.AsNoTracking().Include(r => r.Answers).SingleAsync();
        Assert.Equal(Respondent.Participant, stored.Respondent);
        Assert.DoesNotContain(stored.Answers, a => a.Text is { } t && (t.Contains("anna", StringComparison.Ordinal) || t.Contains("bo.lund", StringComparison.Ordinal)));
        Assert.True((await db.EvaluationInvitations.AsNoTracking().SingleAsync(i => i.Id == participants[1].Id)).Answered);
        Assert.False((await db.EvaluationInvitations.AsNoTracking().SingleAsync(i => i.Id == participants[0].Id)).Answered);
    }

    [Theory]
    [InlineData("/utvardering/", "Länken finns inte")]
    [InlineData("/en/evaluation/", "This link does not exist")]
    public async Task UnknownToken_Is404WithAClearMessage(string path, string message)
    {
        await using var app = App();
        var page = await app.CreateClient().GetDocumentAsync(path + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound);
        Assert.Contains(message, page.QuerySelector("[data-testid=evaluation-state]")!.TextContent, StringComparison.Ordinal);
        using var posted = await app.CreateClient().PostAsync(path + "x", new FormUrlEncodedContent([]));
        Assert.True((int)posted.StatusCode is >= 400 and < 500);
    }

    [Fact]
    public async Task ModulePage_ShowsTheRatingAndAggregateRating_FromTheFifthAnswerOn()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);
        await AdvanceAsync(coordinator, reference);
        using (var links = await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Links", new() { ["LinkCount"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, links.StatusCode);
        }
        var tokens = (await InvitationsAsync(app, reference)).Where(i => i.Email is null).Select(i => i.Token).ToList();
        Assert.Equal(5, tokens.Count);
        var visitor = app.CreateClient();
        foreach (var (token, rating) in tokens.Take(4).Zip([5, 4, 5, 4]))
        {
            (await AnswerAsync(app, token, rating)).Dispose();
        }
        Assert.Null((await visitor.GetDocumentAsync("/utbildningar/" + ModuleSlug)).QuerySelector("[data-testid=module-rating]"));
        Assert.Null(await AggregateRatingAsync(visitor));

        (await AnswerAsync(app, tokens[4], 3)).Dispose();
        var module = await visitor.GetDocumentAsync("/utbildningar/" + ModuleSlug);
        Assert.Equal("Betyg från deltagare och uppdragsgivare: 4,2 av 5 (5 svar)", module.QuerySelector("[data-testid=module-rating]")!.TextContent.Trim());
        var aggregate = (await AggregateRatingAsync(visitor))!.Value;
        Assert.Equal("AggregateRating", aggregate.GetProperty("@type").GetString());
        Assert.Equal(4.2, aggregate.GetProperty("ratingValue").GetDouble());
        Assert.Equal(5, aggregate.GetProperty("ratingCount").GetInt32());
        Assert.Equal(5, aggregate.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, aggregate.GetProperty("worstRating").GetInt32());

        // The office overview aggregates per module and per subject.
        var overview = await coordinator.GetDocumentAsync(EvaluationRoutes.Overview);
        var row = overview.QuerySelector($"[data-testid=per-module] tr[data-slug={ModuleSlug}]")!;
        Assert.Equal(["4,2", "5"], row.QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.TextContent.Trim()));
        Assert.Contains("Omvårdnad", overview.QuerySelector("[data-testid=per-subject]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_TurnsAQuotableComment_IntoADraftStory_InOneStep()
    {
        await using var app = App();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var reference = await DeliveryCaseAsync(app);
        await AdvanceAsync(coordinator, reference);
        var client = (await InvitationsAsync(app, reference)).Single();
        (await AnswerAsync(app, client.Token, 5, "Personalen känner sig tryggare i samtalen med anhöriga.", mayQuote: true)).Dispose();
        await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Links", new() { ["LinkCount"] = "1" });
        var link = (await InvitationsAsync(app, reference)).Single(i => i.Email is null);
        (await AnswerAsync(app, link.Token, 4, "Inget att citera, tack.")).Dispose();

        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var page = await editor.GetDocumentAsync(EvaluationRoutes.Case(reference));
        var comments = page.QuerySelector("[data-testid=evaluation-comments]")!;
        Assert.Contains("tryggare i samtalen", comments.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Inget att citera", comments.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea[name=Participants]"));
        var answerId = comments.QuerySelector("li[data-answer]")!.GetAttribute("data-answer")!;

        using var created = await OfficeUsers.PostFormAsync(editor, EvaluationRoutes.Case(reference), "Story", new() { ["AnswerId"] = answerId });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/office/innehall/", location, StringComparison.Ordinal);
        var id = int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var story = await QueryAsync(app, db => db.ContentItems.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(ContentTypes.Story, story.Type);
        Assert.Equal(ContentState.Draft, story.State);
        var fields = story.Draft;
        Assert.Equal("Timrå kommun", fields.ClientName);
        Assert.Equal([ModuleSlug], fields.ModuleSlugs);
        Assert.Equal("Personalen känner sig tryggare i samtalen med anhöriga.", fields.QuoteSv);
        Assert.StartsWith("4,5 | ", fields.ResultsSv, StringComparison.Ordinal);
        var editorPage = await editor.GetDocumentAsync(location);
        Assert.Equal("Timrå kommun", editorPage.QuerySelector("input[name='Form.ClientName']")!.GetAttribute("value"));

        // A comment its author did not allow to be quoted cannot become a story, and a coordinator is not an editor.
        var otherId = await QueryAsync(app, db => db.EvaluationAnswers.Where(a => a.Text == "Inget att citera, tack.").Select(a => a.Id).SingleAsync());
        using (var refused = await OfficeUsers.PostFormAsync(editor, EvaluationRoutes.Case(reference), "Story", new() { ["AnswerId"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("inte gett lov", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=evaluation-error]")!.TextContent, StringComparison.Ordinal);
        }
        using (var forbidden = await OfficeUsers.PostFormAsync(coordinator, EvaluationRoutes.Case(reference), "Story", new() { ["AnswerId"] = answerId }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }
}

public sealed class EvaluationTestsOnSqlite() : EvaluationTests(Provider.Sqlite);

public sealed class EvaluationTestsOnPostgres() : EvaluationTests(Provider.Postgres);
