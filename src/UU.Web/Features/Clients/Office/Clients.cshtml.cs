using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Clients.Office;

/// <summary>
/// Clients (from inquiries, or added here) and their framework agreements (ramavtal, SKO-avtal) with the university.
/// An agreement in force raises the score of the client's leads, which are scored again when it changes.
/// </summary>
public sealed class ClientsModel(UuDbContext db, LeadMatcher matcher, TimeProvider clock, AuditTrail audit, Localization.Texts texts) : PageModel
{
    public sealed record Row(Client Client, int Inquiries, int Leads);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Error { get; private set; }

    [BindProperty] public int? ClientId { get; set; }
    [BindProperty] public string? AgreementUntil { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? OrganisationNumber { get; set; }
    [BindProperty] public ClientType? Type { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Sets or clears (empty date) a client's agreement, and scores the client's open leads again.</summary>
    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken cancellationToken)
    {
        var client = ClientId is { } id ? await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (client is null)
        {
            return NotFound();
        }
        if (!TryDate(AgreementUntil, out var until))
        {
            Errors["AgreementUntil"] = texts["clients.error.date"];
            return await InvalidAsync(cancellationToken);
        }
        client.AgreementUntil = until;
        audit.Add("client-agreement", "client", client.Id.ToString(CultureInfo.InvariantCulture), until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none");
        await RescoreAsync(client.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/office/kunder");
    }

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
        if (!TryDate(AgreementUntil, out var until))
        {
            Errors["AgreementUntil"] = texts["clients.error.date"];
        }
        if (Errors.Count > 0)
        {
            return await InvalidAsync(cancellationToken);
        }
        var client = new Client { Name = name!, OrganisationNumber = number.ToString(), Type = Type!.Value, AgreementUntil = until, CreatedAt = clock.GetUtcNow() };
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

    private static bool TryDate(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
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
        Rows = clients.Select(c => new Row(c, inquiries.GetValueOrDefault(c.Id), leads.GetValueOrDefault(c.Name))).ToList();
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
