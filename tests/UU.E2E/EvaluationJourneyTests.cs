using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UU.E2E.Pages;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Features.Evaluations;
using UU.Web.Features.Inquiries;

namespace UU.E2E;

/// <summary>A participant answers the evaluation by their link; the module page then shows its rating (the fifth answer).</summary>
[Collection(SiteGroup.Name)]
public sealed class EvaluationJourneyTests(SiteFixture site)
{
    private const string ModuleSlug = "palliativ-vard";

    [Fact]
    public async Task Participant_AnswersByTheirLink_AndTheFifthAnswerPutsTheRatingOnTheModulePage()
    {
        var token = await FollowUpCaseWithFourAnswersAsync();
        var module = await site.NewPageAsync();
        await module.GotoAsync("/utbildningar/" + ModuleSlug);
        await Assertions.Expect(module.Locator("[data-testid=module-rating]")).ToHaveCountAsync(0);

        var participant = await site.NewPageAsync();
        await participant.GotoAsync("/utvardering/" + token);
        var evaluation = new EvaluationPage(participant);
        await Assertions.Expect(evaluation.Course).ToContainTextAsync("Palliativ vård");
        await AssertNoViolationsAsync(participant);
        foreach (var question in await evaluation.Questions.AllTextContentsAsync())
        {
            await evaluation.RateAsync(question.Trim(), "4 – bra");
        }
        await evaluation.CommentAsync("Vad var mest värdefullt?", "Samtalen om brytpunkter.");
        await evaluation.SubmitAsync();
        await Assertions.Expect(evaluation.Thanks).ToContainTextAsync("Tack för dina svar");

        // The link is spent.
        var again = await participant.GotoAsync("/utvardering/" + token);
        Assert.Equal(409, again!.Status);

        await module.GotoAsync("/utbildningar/" + ModuleSlug);
        await Assertions.Expect(module.Locator("[data-testid=module-rating]")).ToHaveTextAsync(new Regex(@"4,8 av 5 \(5 svar\)"));
        var jsonLd = await module.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains("\"aggregateRating\"", jsonLd, StringComparison.Ordinal);
        Assert.Contains("\"ratingCount\":5", jsonLd, StringComparison.Ordinal);
    }

    /// <summary>A case of the module in follow-up with four answers already in, and an open anonymous link; returns its token.</summary>
    private async Task<string> FollowUpCaseWithFourAnswersAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var module = await db.Modules.SingleAsync(m => m.Slug == ModuleSlug);
        var (year, sequence, reference) = await InquiryReferences.NextAsync(db, 2099, CancellationToken.None);
        var inquiry = new Inquiry
        {
            ReferenceNumber = reference, Year = year, Sequence = sequence, ReceiptKey = InquiryReferences.NewReceiptKey(),
            OrganisationName = "Ånge kommun", OrganisationNumber = "212000-2445", ContactName = "Lars Ek", Email = "lars.ek@ange.example",
            Description = "Palliativ vård i hemtjänsten.", ReceivedAt = clock.GetUtcNow(), ConsentGivenAt = clock.GetUtcNow(),
            Phase = CasePhase.FollowUp, Status = InquiryStatus.Won, Language = "sv",
            Modules = [new InquiryModule { ModuleId = module.Id }], Subjects = [new CaseSubject { SubjectId = module.SubjectId }],
        };
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync();
        var ratings = await db.EvaluationQuestions.Where(q => q.Active && q.Kind == QuestionKind.Rating).Select(q => q.Id).ToListAsync();
        for (var i = 0; i < 4; i++)
        {
            db.EvaluationResponses.Add(new EvaluationResponse
            {
                InquiryId = inquiry.Id, Respondent = Respondent.Participant,
                Answers = ratings.Select(id => new EvaluationAnswer { QuestionId = id, Rating = 5 }).ToList(),
            });
        }
        var token = EvaluationInvitations.NewToken();
        db.EvaluationInvitations.Add(new EvaluationInvitation
        {
            InquiryId = inquiry.Id, Respondent = Respondent.Participant, Token = token, CreatedAt = clock.GetUtcNow(), SentAt = clock.GetUtcNow(), ExpiresAt = clock.GetUtcNow().AddDays(30),
        });
        await db.SaveChangesAsync();
        return token;
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
