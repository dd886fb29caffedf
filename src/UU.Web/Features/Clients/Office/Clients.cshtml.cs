using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Agreements;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Clients.Office;

/// <summary>
/// Clients (from inquiries, or added here) and the agreements in force that the agreements register holds for them
/// (registered at /office/avtal).
/// </summary>
public sealed class ClientsModel(UuDbContext db, ClientRegister register, TimeProvider clock, Localization.Texts texts) : SortedListPageModel(DefaultSort)
{
    public sealed record Row(Client Client, int Inquiries, int Leads, IReadOnlyList<Agreement> InForce);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The columns the register sorts by (<c>sortera=</c>): name, organisation number, type, when added.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["namn", "orgnr", "typ", "tillagd"];

    public static readonly ListSort DefaultSort = new("namn", Descending: false);

    public const int PageSize = 50;

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
        ReadText();
        ReadSort(SortKeys);
        var query = db.Clients.AsNoTracking();
        if (Text is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            query = query.Where(c => EF.Functions.Like(UuDbContext.Fold(c.Name), pattern, e) || (c.OrganisationNumber != null && EF.Functions.Like(c.OrganisationNumber, pattern, e)));
        }
        // A page number that is not a page (text, 0, past the end) shows the first page.
        SetTotal(await query.CountAsync(cancellationToken), PageSize);
        var ordered = Sort.Key switch
        {
            "orgnr" => Sort.Apply(query, c => c.OrganisationNumber).ThenBy(c => c.Id),
            "typ" => Sort.Apply(query, c => c.Type).ThenBy(c => c.Name).ThenBy(c => c.Id),
            "tillagd" => Sort.Apply(query, c => c.CreatedAt).ThenBy(c => c.Id),
            _ => Sort.Apply(query, c => c.Name).ThenBy(c => c.Id),
        };
        var clients = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        // Counted for the clients on this page only, not for the whole register.
        var ids = clients.Select(c => c.Id).ToList();
        var inquiries = await db.Inquiries.Where(i => i.ClientId != null && ids.Contains(i.ClientId.Value)).GroupBy(i => i.ClientId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = clients.Select(c => c.Name).ToList();
        var leads = await db.Leads.Where(l => l.Buyer != null && names.Contains(l.Buyer) && l.MergedIntoId == null).GroupBy(l => l.Buyer!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var agreements = (await db.Set<Agreement>().AsNoTracking().Where(Agreement.InForceOn(Today)).Where(a => ids.Contains(a.ClientId)).OrderBy(a => a.EndsOn).ToListAsync(cancellationToken)).ToLookup(a => a.ClientId);
        Rows = clients.Select(c => new Row(c, inquiries.GetValueOrDefault(c.Id), leads.GetValueOrDefault(c.Name), agreements[c.Id].ToList())).ToList();
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
