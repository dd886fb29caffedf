using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Localization;

namespace UU.Web.Features.Staff;

public sealed class StaffSearchModel(StaffSearch search, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<StaffHit> Hits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Query?.Length > StaffSearch.MaxQueryLength)
        {
            Error = texts["staff.search.tooLong", StaffSearch.MaxQueryLength];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Hits = await search.SearchAsync(Query, cancellationToken);
    }
}
