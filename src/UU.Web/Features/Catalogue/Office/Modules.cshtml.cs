using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue.Office;

public sealed class ModulesModel(UuDbContext db) : PageModel
{
    public IReadOnlyList<Module> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.Modules.AsNoTracking().Include(m => m.Subject).OrderBy(m => m.TitleSv).ToListAsync(cancellationToken);
}
