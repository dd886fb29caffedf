using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Agreements;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Clients.Office;

/// <summary>
/// Clients (from inquiries, or added here) and the agreements in force that the agreements register holds for them
/// (registered at /office/avtal). A new client's leads are scored again, since its earlier inquiries count.
/// </summary>
public sealed class ClientsModel(UuDbContext db, LeadMatcher matcher, TimeProvider clock, AuditTrail audit, Localization.Texts texts) : PageModel
{
    public sealed record Row(Client Client, int Inquiries, int Leads, IReadOnlyList<Agreement> InForce);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Error { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? OrganisationNumber { get; set; }
    [BindProperty] public ClientType? Type { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            Errors["Name"] = texts["clients.error.name"];
        }
        var problem = UU.Scrapers.Normalisation.OrganisationNumber.Validate(OrganisationNumber, out var number);
        if (problem != OrganisationNumberProblem.None)
        {
            Errors["OrganisationNumber"] = texts["inquiry.error.orgNumber." + problem];
        }
        else if (await db.Clients.AnyAsync(c => c.OrganisationNumber == number.ToString(), cancellationToken))
        {
            Errors["OrganisationNumber"] = texts["clients.error.exists"];
        }
        if (Type is not { } type || !Enum.IsDefined(type))
        {
            Errors["Type"] = texts["clients.error.type"];
        }
        if (Errors.Count > 0)
        {
            return await InvalidAsync(cancellationToken);
        }
        var client = new Client { Name = name!, OrganisationNumber = number.ToString(), Type = Type!.Value, CreatedAt = clock.GetUtcNow() };
        db.Clients.Add(client);
        audit.Add("client-added", "client", client.OrganisationNumber, client.Name);
        await RescoreAsync(client.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/office/kunder");
    }

    private async Task RescoreAsync(string buyer, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken); // the matcher reads the agreement from the database
        foreach (var lead in await db.Leads.Where(l => l.Buyer == buyer && l.MergedIntoId == null).OrderByDescending(l => l.Id).Take(200).ToListAsync(cancellationToken))
        {
            await matcher.MatchAsync(lead, cancellationToken);
        }
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
        var today = Today;
        var agreements = (await db.Set<Agreement>().AsNoTracking().Where(Agreement.InForceOn(today)).OrderBy(a => a.EndsOn).ToListAsync(cancellationToken)).ToLookup(a => a.ClientId);
        Rows = clients.Select(c => new Row(c, inquiries.GetValueOrDefault(c.Id), leads.GetValueOrDefault(c.Name), agreements[c.Id].ToList())).ToList();
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
