using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Evaluations.Office;

/// <summary>
/// Who may do what with a case's evaluation: coordinators and admins everything; the case's subject contacts invite and read
/// every comment; a faculty office reads the figures; an editor reads the figures and the comments that may be quoted, and
/// turns one into a story.
/// </summary>
public sealed record EvaluationAccess(CaseAccess Case, bool IsEditor)
{
    public bool SeesAllComments => Case.View is CaseView.All or CaseView.Subjects;
    public bool SeesQuotableComments => SeesAllComments || IsEditor;
    public bool CanInvite => Case.CanWork;
    public bool CanMakeStory => IsEditor;

    public static async Task<EvaluationAccess> ForAsync(ClaimsPrincipal user, UuDbContext db, CancellationToken cancellationToken) =>
        new(await CaseAccess.ForAsync(user, db, cancellationToken), user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin));
}

public sealed record EvaluationPanel(string Reference, string Organisation, CasePhase Phase, CaseEvaluation Results, EvaluationAccess Access, string? Error = null, string? Pasted = null)
{
    public IEnumerable<EvaluationComment> VisibleComments => Results.Comments.Where(c => Access.SeesAllComments || (Access.SeesQuotableComments && c.MayQuote));
}

public sealed class EvaluationPanels(UuDbContext db, EvaluationResults results)
{
    /// <summary>The case if the user may see its evaluation (null: 404 for an unknown case or one they may not see).</summary>
    public async Task<(Inquiry Case, EvaluationAccess Access)?> FindAsync(string reference, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var access = await EvaluationAccess.ForAsync(user, db, cancellationToken);
        var cases = access.Case.View != CaseView.None ? db.Inquiries.VisibleTo(db, access.Case) : access.IsEditor ? db.Inquiries : db.Inquiries.Where(i => false);
        var inquiry = await cases.FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
        if (inquiry is null && access.IsEditor && access.Case.View != CaseView.None)
        {
            // A faculty office or subject contact who is also an editor reads any case's figures as an editor.
            inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
            access = access with { Case = access.Case with { View = CaseView.None } };
        }
        return inquiry is null ? null : (inquiry, access);
    }

    public async Task<EvaluationPanel> LoadAsync(Inquiry inquiry, EvaluationAccess access, CancellationToken cancellationToken, string? error = null, string? pasted = null) =>
        new(inquiry.ReferenceNumber, inquiry.OrganisationName, inquiry.Phase, await results.ForCaseAsync(inquiry.Id, cancellationToken), access, error, pasted);
}

/// <summary>The evaluation section of the case page (Features/Commissions/Office/Case.cshtml).</summary>
public sealed class CaseEvaluationPanel(EvaluationPanels panels) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string reference)
    {
        if (await panels.FindAsync(reference, UserClaimsPrincipal, HttpContext.RequestAborted) is not { } found)
        {
            return Content("");
        }
        return View("/Features/Evaluations/Office/_EvaluationPanel.cshtml", await panels.LoadAsync(found.Case, found.Access, HttpContext.RequestAborted));
    }
}
