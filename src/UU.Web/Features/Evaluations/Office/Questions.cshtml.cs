using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Evaluations.Office;

/// <summary>
/// Admins keep the evaluation's questions: a rating (1–5) or free text, in Swedish and English, ordered, active or not.
/// A question's kind is fixed once it exists, so the answers already given keep their meaning.
/// </summary>
public sealed class QuestionsModel(UuDbContext db, Texts texts, AuditTrail audit) : PageModel
{
    public IReadOnlyList<EvaluationQuestion> Questions { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public int? Id { get; set; }
    [BindProperty] public QuestionKind Kind { get; set; }
    [BindProperty] public string? TextSv { get; set; }
    [BindProperty] public string? TextEn { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public int SortOrder { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var sv = TextSv?.Trim();
        var en = string.IsNullOrWhiteSpace(TextEn) ? null : TextEn.Trim();
        var error = string.IsNullOrEmpty(sv) ? "evaluation.questions.error.textSv"
            : sv.Length > EvaluationLimits.QuestionText || en is { Length: > EvaluationLimits.QuestionText } ? "evaluation.questions.error.long"
            : Id is null && !Enum.IsDefined(Kind) ? "evaluation.questions.error.kind"
            : null;
        if (error is not null)
        {
            Error = texts[error, EvaluationLimits.QuestionText];
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var question = Id is { } id
            ? await db.EvaluationQuestions.FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
            : db.EvaluationQuestions.Add(new EvaluationQuestion { Kind = Kind, TextSv = sv!, Active = true }).Entity;
        if (question is null)
        {
            return NotFound();
        }
        (question.TextSv, question.TextEn, question.SortOrder) = (sv!, en, SortOrder);
        if (Id is not null)
        {
            question.Active = Active;
        }
        audit.Add("evaluation-question-saved", "evaluation-question", Id?.ToString(System.Globalization.CultureInfo.InvariantCulture), sv);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(EvaluationRoutes.Questions);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Questions = await db.EvaluationQuestions.AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken);
}
