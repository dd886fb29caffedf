using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Evaluations.Office;

/// <summary>
/// A case's evaluation on its own page (for editors, who do not see the case page) and the target of the evaluation forms
/// on the case page: participants' addresses, anonymous links, a story from a comment.
/// </summary>
public sealed class CaseEvaluationModel(EvaluationPanels panels, EvaluationInvitations invitations, StoryFromEvaluation stories, UuDbContext db, AuditTrail audit) : PageModel
{
    public EvaluationPanel Panel { get; private set; } = null!;

    [BindProperty] public string? Participants { get; set; }
    [BindProperty] public int? LinkCount { get; set; }
    [BindProperty] public int AnswerId { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await panels.FindAsync(reference, User, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Panel = await panels.LoadAsync(found.Case, found.Access, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostParticipantsAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, a => a.CanInvite, async c =>
        {
            await invitations.AddParticipantsAsync(c, Participants, cancellationToken);
            return CaseRoutes.Case(reference) + "#evaluation";
        }, cancellationToken);

    public Task<IActionResult> OnPostLinksAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, a => a.CanInvite, async c =>
        {
            await invitations.CreateAnonymousLinksAsync(c, LinkCount, cancellationToken);
            return CaseRoutes.Case(reference) + "#evaluation";
        }, cancellationToken);

    public Task<IActionResult> OnPostStoryAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, a => a.CanMakeStory, async c =>
        {
            var id = await stories.CreateDraftAsync(c.ReferenceNumber, AnswerId, cancellationToken);
            return "/office/innehall/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Runs one action if the user may; a refused rule shows on this page with what is wrong (400).</summary>
    private async Task<IActionResult> ActAsync(string reference, Func<EvaluationAccess, bool> may, Func<Inquiry, Task<string>> action, CancellationToken cancellationToken)
    {
        if (await panels.FindAsync(reference, User, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        if (!may(found.Access))
        {
            return Forbid();
        }
        try
        {
            var target = await action(found.Case);
            await audit.RecordAsync("evaluation-" + (Request.Query["handler"].ToString() is { Length: > 0 } h ? h.ToLowerInvariant() : "change"), "inquiry", reference, cancellationToken: cancellationToken);
            return Redirect(target);
        }
        catch (CaseRuleException ex)
        {
            db.ChangeTracker.Clear();
            Panel = await panels.LoadAsync(found.Case, found.Access, cancellationToken, ex.Message, Participants);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
