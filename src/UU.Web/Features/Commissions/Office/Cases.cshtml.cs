using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Commissions.Office;

/// <summary>The case list: every filter in the address, so a filtered list can be linked, exported and fetched as JSON.</summary>
public sealed class CasesModel(UuDbContext db, CaseList list, TimeProvider clock) : PageModel
{
    public CaseList.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<CaseListItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public CaseAccess Access { get; private set; } = null!;
    public IReadOnlyList<CommissionType> Types { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Faculties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // A bad page number shows the first page with its notice; a bad filter is refused, since the list would not be the one asked for.
        if (Errors.Keys.Any(k => k != ListLinks.PageParameter))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        (Items, Total) = await list.ListAsync(Filter, Access, cancellationToken);
        Types = await db.CommissionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        Faculties = (await db.Faculties.AsNoTracking().OrderBy(f => f.NameSv).Select(f => new { f.Id, f.NameSv }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.NameSv)).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Errors.Count > 0 ? BadRequest(new ValidationProblemDetails(Errors))
            : File(CaseExport.Csv(await list.AllAsync(Filter, Access, cancellationToken)), "text/csv; charset=utf-8", FileName("csv"));
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Errors.Count > 0 ? BadRequest(new ValidationProblemDetails(Errors))
            : File(CaseExport.Excel(await list.AllAsync(Filter, Access, cancellationToken)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Filter, Errors) = CaseList.Parse(Request.Query);
        Access = await CaseAccess.ForAsync(User, db, cancellationToken);
    }

    private string FileName(string extension) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"arenden-{UU.Scrapers.SwedishTime.Today(clock.GetUtcNow()):yyyy-MM-dd}.{extension}");

    /// <summary>This list's page and sort links, with its filters kept.</summary>
    public ListLinks Links => new(Request, Filter.Sort);

    /// <summary>This list's page <paramref name="page"/>, with its filters kept.</summary>
    public string PageHref(int page) => Links.Page(page);

    /// <summary>This list's address with one more parameter (the export links keep the filters).</summary>
    public string With(string handler) => CaseRoutes.List + "?" + string.Join("&", Filters().Prepend("handler=" + handler));

    private IEnumerable<string> Filters() =>
        Request.Query.Where(q => q.Key != "handler" && q.Key != "page").SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")));
}
