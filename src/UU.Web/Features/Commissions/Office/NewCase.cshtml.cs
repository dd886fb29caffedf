using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Office;

/// <summary>A coordinator enters a case that came by the registry, e-mail, phone or a Skolverket call; each wrong field is named.</summary>
public sealed class NewCaseModel(UuDbContext db, CaseManualEntry entry, Texts texts, AuditTrail audit) : PageModel
{
    [BindProperty] public CaseForm Form { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<CommissionType> Types { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Subjects { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, key) in Form.Validate())
        {
            Errors.TryAdd(field, texts[key]);
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var inquiry = await entry.CreateAsync(Form, User.Identity?.Name, cancellationToken);
        await audit.RecordAsync("case-created", "inquiry", inquiry.ReferenceNumber, inquiry.WayIn.ToString(), cancellationToken: cancellationToken);
        return Redirect(CaseRoutes.Case(inquiry.ReferenceNumber));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Types = await db.CommissionTypes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Id, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.NameSv)).ToList();
    }
}
