using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;

namespace UU.Web.Features.Content.Office;

public sealed class ContentListModel(UuDbContext db) : PageModel
{
    public IReadOnlyList<ContentItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.ContentItems.AsNoTracking().OrderBy(c => c.Type).ThenByDescending(c => c.UpdatedAt).ToListAsync(cancellationToken);
}
