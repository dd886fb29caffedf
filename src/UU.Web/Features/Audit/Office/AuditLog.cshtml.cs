using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Audit.Office;

public sealed class AuditLogModel(UuDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "atgard")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "anvandare")] public string? UserFilter { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ActionFilter)) query = query.Where(a => a.Action == ActionFilter);
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var user = UserFilter.Trim().ToLowerInvariant(); // addresses are compared without regard to case, on both databases
            query = query.Where(a => a.UserEmail != null && UuDbContext.Fold(a.UserEmail).Contains(user));
        }
        Entries = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken);
    }
}
