using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Staff;

public sealed class StaffIndexModel(StaffPages pages) : PageModel
{
    public IReadOnlyList<StaffPageCard> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pages = await pages.ListAsync(cancellationToken);
}
