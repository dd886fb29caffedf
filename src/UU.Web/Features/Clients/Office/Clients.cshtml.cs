using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Agreements;

namespace UU.Web.Features.Clients.Office;

/// <summary>
/// Clients (from inquiries, or added here) and the agreements in force that the agreements register holds for them
/// (registered at /office/avtal).
/// </summary>
public sealed class ClientsModel(UuDbContext db, ClientRegister register, TimeProvider clock, Localization.Texts texts) : PageModel
{
    public sealed record Row(Client Client, int Inquiries, int Leads, IReadOnlyList<Agreement> InForce);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Error { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? OrganisationNumber { get; set; }
    [BindProperty] public ClientType? Type { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await register.AddAsync(new ClientInput(Name, OrganisationNumber, Type), cancellationToken), cancellationToken);

    private async Task<IActionResult> ShowAsync(ClientOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case ClientResult.Saved:
                return Redirect("/office/kunder");
            case ClientResult.NotFound:
                return NotFound();
        }
        foreach (var (field, message) in outcome.FieldErrors)
        {
            Errors[field] = message;
        }
        return await InvalidAsync(cancellationToken);
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Error = texts["clients.error.form"];
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Name).Take(1000).ToListAsync(cancellationToken);
        var inquiries = await db.Inquiries.Where(i => i.ClientId != null).GroupBy(i => i.ClientId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = clients.Select(c => c.Name).ToList();
        var leads = await db.Leads.Where(l => l.Buyer != null && names.Contains(l.Buyer) && l.MergedIntoId == null).GroupBy(l => l.Buyer!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var agreements = (await db.Set<Agreement>().AsNoTracking().Where(Agreement.InForceOn(Today)).OrderBy(a => a.EndsOn).ToListAsync(cancellationToken)).ToLookup(a => a.ClientId);
        Rows = clients.Select(c => new Row(c, inquiries.GetValueOrDefault(c.Id), leads.GetValueOrDefault(c.Name), agreements[c.Id].ToList())).ToList();
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
