using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Office;

/// <summary>Admins keep the phases' checklists: a step's title, who does it, whether it is required, whether only credit-bearing cases have it.</summary>
public sealed class ChecklistsModel(UuDbContext db, Texts texts, AuditTrail audit) : PageModel
{
    public IReadOnlyList<ChecklistStep> Steps { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public int? Id { get; set; }
    [BindProperty] public CasePhase Phase { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public StepRole Responsible { get; set; }
    [BindProperty] public bool Required { get; set; }
    [BindProperty] public bool CreditBearingOnly { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public int SortOrder { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var title = Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > CaseLimits.StepTitle || !Enum.IsDefined(Phase) || Phase == CasePhase.Closed || !Enum.IsDefined(Responsible))
        {
            Error = texts["case.checklists.error"];
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var step = Id is { } id ? await db.ChecklistSteps.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : db.ChecklistSteps.Add(new ChecklistStep { TitleSv = title, Active = true }).Entity;
        if (step is null)
        {
            return NotFound();
        }
        (step.Phase, step.TitleSv, step.Responsible, step.Required, step.CreditBearingOnly, step.SortOrder) = (Phase, title, Responsible, Required, CreditBearingOnly, SortOrder);
        if (Id is not null)
        {
            step.Active = Active;
        }
        audit.Add("checklist-step-saved", "checklist-step", Id?.ToString(System.Globalization.CultureInfo.InvariantCulture), title);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(CaseRoutes.List + "/checklistor");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Steps = (await db.ChecklistSteps.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => Array.IndexOf(CasePhases.Order, s.Phase)).ThenBy(s => s.SortOrder).ToList();
}
