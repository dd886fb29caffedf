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

    /// <summary>The filtered list (all pages, at most 10,000 leads) as CSV.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(LeadExport.Csv(await AllAsync(cancellationToken)), "text/csv; charset=utf-8", "leads.csv");

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        File(LeadExport.Excel(await AllAsync(cancellationToken)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "leads.xlsx");

    private async Task<IReadOnlyList<LeadListItem>> AllAsync(CancellationToken cancellationToken)
    {
        var (filter, _) = LeadList.Parse(Request.Query);
        return (await list.ListAsync(filter with { Page = 1, PageSize = 10_000 }, cancellationToken)).Items;
    }
}
