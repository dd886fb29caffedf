using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Clients;

namespace UU.Web.Features.Agreements.Office;

/// <summary>The agreements register with the API's filters: in force, ending within 90 days, client, type.</summary>
public sealed class AgreementsModel(UuDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Agreement> Rows { get; private set; } = [];
    public IReadOnlyList<Client> Clients { get; private set; } = [];
    public AgreementFilter Filter { get; private set; } = new(null, null, null, false);
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public AgreementAccess Access { get; private set; } = new(false, false, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Filter, Errors) = AgreementFilter.Parse(Request.Query);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Access = await AgreementAccess.ForAsync(User, db, cancellationToken);
        var visible = Access.Visible(db.Set<Agreement>().AsNoTracking());
        var clients = Access.CanEdit ? db.Clients.AsNoTracking() : db.Clients.AsNoTracking().Where(c => visible.Any(a => a.ClientId == c.Id));
        Clients = await clients.OrderBy(c => c.Name).ToListAsync(cancellationToken);
        Rows = await Filter.Apply(visible.Include(a => a.Client), Today)
            .OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id).Take(1000).ToListAsync(cancellationToken);
    }

    public DateOnly Today => UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
}
