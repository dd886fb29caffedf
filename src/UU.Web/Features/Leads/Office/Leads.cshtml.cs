using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Leads.Office;

public sealed class LeadsModel(LeadList list, UuDbContext db, LeadWorkflow workflow, IEnumerable<UU.Scrapers.Runs.IScrapeSource> sources, UU.Scrapers.Runs.ScrapeRunner runner) : PageModel
{
    /// <summary>With an empty list: the sources that are switched off (or have no address), so the page can say where to turn them on.</summary>
    public IReadOnlyList<string> SourcesOff { get; private set; } = [];

    [BindProperty] public List<int> BulkIds { get; set; } = [];
    [BindProperty] public LeadStatus? BulkStatus { get; set; }
    [BindProperty] public string? BulkNote { get; set; }
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<string> SourceNames { get; private set; } = [];
    /// <summary>Sources whose latest run is marked failing.</summary>
    public IReadOnlyList<string> Failing { get; private set; } = [];
    public string? BulkError { get; private set; }

    public LeadList.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<LeadListItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>This list's page and sort links, with its filters kept.</summary>
    public UU.Web.Features.Shared.ListLinks Links => new(Request, Filter.Sort);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Filter, Errors) = LeadList.Parse(Request.Query);
        Filter = Filter with { VisibleTo = LeadAccess.ContactEmail(User) };
        (Items, Total) = await list.ListAsync(Filter, cancellationToken);
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        Failing = (await db.LatestRunsAsync(cancellationToken))
            .Where(r => r.Failing).Select(r => r.Source).Order().ToList();
        SourceNames = [.. sources.Select(s => s.Name), .. await db.WebSources.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken)];
        if (Total == 0)
        {
            SourcesOff = (await runner.SourcesAsync(cancellationToken)).Where(s => !s.Runnable).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Gives every chosen lead the same status (for example "not relevant" for a batch of noise), each with its history entry, in one transaction.</summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        var outcome = await workflow.ChangeManyAsync(BulkIds, BulkStatus, BulkNote, LeadAccess.Actor(User), cancellationToken);
        if (outcome.Result == LeadResult.Forbidden)
        {
            return Forbid();
        }
        if (!outcome.Succeeded)
        {
            BulkError = outcome.Error;
            await OnGetAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var query = QueryString.Create(Request.Query.Where(p => p.Key != "handler"));
        return Redirect("/office/leads" + query.ToUriComponent());
    }

    /// <summary>The filtered list (all pages, at most 10,000 leads) as CSV.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(LeadExport.Csv(await AllAsync(cancellationToken)), "text/csv; charset=utf-8", "leads.csv");

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        File(LeadExport.Excel(await AllAsync(cancellationToken)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "leads.xlsx");

    private async Task<IReadOnlyList<LeadListItem>> AllAsync(CancellationToken cancellationToken)
    {
        var (filter, _) = LeadList.Parse(Request.Query);
        return (await list.ListAsync(filter with { Page = 1, PageSize = 10_000, VisibleTo = LeadAccess.ContactEmail(User) }, cancellationToken)).Items;
    }
}
