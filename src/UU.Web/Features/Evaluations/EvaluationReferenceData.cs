using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Evaluations;

/// <summary>The questions every database starts with (demo or not); admins change them under /office/utvarderingar/fragor.</summary>
public sealed class EvaluationReferenceData : IDatabaseStartupTask
{
    public static readonly (QuestionKind Kind, string Sv, string En)[] Questions =
    [
        (QuestionKind.Rating, "Hur nöjd är du med utbildningen som helhet?", "How satisfied are you with the course as a whole?"),
        (QuestionKind.Rating, "Hur väl motsvarade innehållet behoven i ert arbete?", "How well did the content meet the needs of your work?"),
        (QuestionKind.Rating, "Hur bedömer du lärarnas insatser?", "How do you rate the teachers' contribution?"),
        (QuestionKind.Rating, "Hur väl fungerade upplägget (tider, format, lärplattform)?", "How well did the arrangements work (times, format, learning platform)?"),
        (QuestionKind.FreeText, "Vad var mest värdefullt?", "What was most valuable?"),
        (QuestionKind.FreeText, "Vad kan vi göra bättre?", "What could we do better?"),
    ];

    public async Task RunAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        if (await db.EvaluationQuestions.AnyAsync(cancellationToken))
        {
            return;
        }
        db.EvaluationQuestions.AddRange(Questions.Select((q, i) => new EvaluationQuestion { Kind = q.Kind, TextSv = q.Sv, TextEn = q.En, SortOrder = (i + 1) * 10 }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
