using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Evaluations;

/// <summary>
/// Evaluation answers on won demo commissions: each of <see cref="RatedModules"/> gets two closed cases of its subject with
/// a client's and three participants' answers, so those module pages show a rating (eight answers each). Deterministic.
/// </summary>
public static class DemoEvaluations
{
    public static readonly string[] RatedModules = ["bedomning-for-larande", "specialpedagogik-for-larare", "engelska-for-larare-4-6", "svenska-som-andrasprak-for-larare", "historiedidaktik-for-larare"];

    private static readonly string[] Valuable =
    [
        "Kopplingen till vår egen vardag i klassrummet. Vi har redan börjat använda arbetssätten.",
        "Att få diskutera med kollegor från andra skolor under ledning av lärare som kan forskningen.",
        "Tydliga föreläsningar och uppgifter som gick att göra på arbetstid.",
        "Handledningen mellan träffarna var mycket värdefull.",
    ];

    private static readonly string[] Better = ["Fler exempel från gymnasieskolan.", "Lite mer tid mellan uppgifterna.", "Lärplattformen var svår att hitta i i början."];

    public static async Task SeedAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        var questions = await db.EvaluationQuestions.Where(q => q.Active).OrderBy(q => q.SortOrder).ToListAsync(cancellationToken);
        if (questions.Count == 0 || await db.EvaluationResponses.AnyAsync(cancellationToken))
        {
            return;
        }
        var modules = await db.Modules.Where(m => RatedModules.Contains(m.Slug)).ToListAsync(cancellationToken);
        var used = new HashSet<int>();
        var step = 0;
        foreach (var module in modules.OrderBy(m => Array.IndexOf(RatedModules, m.Slug)))
        {
            var cases = await db.Inquiries
                .Where(i => i.Outcome == CaseOutcome.Won && i.ForYear == 2024 && i.Subjects.Any(s => s.SubjectId == module.SubjectId) && !i.Modules.Any())
                .OrderBy(i => i.ReferenceNumber).Take(4).ToListAsync(cancellationToken);
            foreach (var inquiry in cases.Where(c => used.Add(c.Id)).Take(2))
            {
                db.InquiryModules.Add(new InquiryModule { InquiryId = inquiry.Id, ModuleId = module.Id });
                foreach (var respondent in new[] { Respondent.Client, Respondent.Participant, Respondent.Participant, Respondent.Participant })
                {
                    step++;
                    var sent = inquiry.ClosedAt ?? inquiry.ReceivedAt;
                    db.EvaluationInvitations.Add(new EvaluationInvitation
                    {
                        InquiryId = inquiry.Id, Respondent = respondent, Token = EvaluationInvitations.NewToken(), CreatedAt = sent, SentAt = sent, ExpiresAt = sent.AddDays(30), Answered = true,
                    });
                    db.EvaluationResponses.Add(new EvaluationResponse
                    {
                        InquiryId = inquiry.Id, Respondent = respondent, MayQuote = step % 2 == 0,
                        Answers = questions.Select((q, n) => q.Kind == QuestionKind.Rating
                            ? new EvaluationAnswer { QuestionId = q.Id, Rating = (step + n) % 4 == 0 ? 3 : (step + n) % 3 == 0 ? 4 : 5 }
                            : new EvaluationAnswer { QuestionId = q.Id, Text = n % 2 == 0 ? Valuable[step % Valuable.Length] : Better[step % Better.Length] }).ToList(),
                    });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
