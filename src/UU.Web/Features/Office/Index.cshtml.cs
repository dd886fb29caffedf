using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Office;

public sealed class IndexModel(UuDbContext db) : PageModel
{
    public int NewInquiries { get; private set; }
    public int PublishedModules { get; private set; }
    public int DraftModules { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewInquiries = await db.Inquiries.CountAsync(i => i.Status == InquiryStatus.Received, cancellationToken);
        PublishedModules = await db.Modules.CountAsync(m => m.Status == ContentStatus.Published, cancellationToken);
        DraftModules = await db.Modules.CountAsync(m => m.Status == ContentStatus.Draft, cancellationToken);
    }
}
