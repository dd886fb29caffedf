using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Office;

[Authorize(Roles = Roles.Coordinators)]
public sealed class LeadsModel(LeadList list) : PageModel
{
    public LeadList.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<LeadListItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Filter, Errors) = LeadList.Parse(Request.Query);
        (Items, Total) = await list.ListAsync(Filter, cancellationToken);
    }
}
