using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Office;

/// <summary>Admins keep the list of commission types and whether the handling order governs each.</summary>
public sealed class CommissionTypesModel(UuDbContext db, Texts texts, AuditTrail audit) : PageModel
{
    public IReadOnlyList<CommissionType> Types { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public int? Id { get; set; }
    [BindProperty] public string? NameSv { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public HandlingOrderScope HandlingOrder { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public int SortOrder { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var name = NameSv?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > CaseLimits.TypeName || NameEn is { Length: > CaseLimits.TypeName } || !Enum.IsDefined(HandlingOrder))
        {
            return await RefuseAsync("case.types.error", cancellationToken);
        }
        if (await db.CommissionTypes.AnyAsync(t => t.NameSv == name && t.Id != (Id ?? 0), cancellationToken))
        {
            return await RefuseAsync("case.types.duplicate", cancellationToken);
        }
        var type = Id is { } id ? await db.CommissionTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) : db.CommissionTypes.Add(new CommissionType { NameSv = name }).Entity;
        if (type is null)
        {
            return NotFound();
        }
        (type.NameSv, type.NameEn, type.HandlingOrder, type.SortOrder) = (name, string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim(), HandlingOrder, SortOrder);
        type.Active = Id is null || Active;
        audit.Add("commission-type-saved", "commission-type", Id?.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(CaseRoutes.List + "/uppdragstyper");
    }

    private async Task<IActionResult> RefuseAsync(string key, CancellationToken cancellationToken)
    {
        Error = texts[key];
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Types = await db.CommissionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
}
