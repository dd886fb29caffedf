using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;

namespace UU.Web.Features.Content.Office;

/// <summary>The draft rendered exactly as visitors will see it once published (the same partial, the same sanitiser).</summary>
public sealed class ContentPreviewModel(UuDbContext db, ContentRenderer renderer) : PageModel
{
    public ContentView View { get; private set; } = null!;
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Id = id;
        View = await renderer.RenderAsync(item.Type, item.Draft, cancellationToken);
        return Page();
    }
}
