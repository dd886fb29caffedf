using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Inventory.Office;

/// <summary>A round: who was invited, and its end (the collegium's decision and summary, recorded by a coordinator); the record as CSV or Excel.</summary>
public sealed class RoundModel(InventoryRounds rounds, CourseInventory inventory, UuDbContext db, Localization.Texts texts) : PageModel
{
    public InventoryRound Round { get; private set; } = null!;
    public IReadOnlyList<InventoryRow> Candidates { get; private set; } = [];
    public bool Coordinates { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? DecisionOn { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<int> Decided { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Export(false);

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Export(true);

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken)
    {
        DateOnly? on = DateOnly.TryParseExact(DecisionOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var outcome = await rounds.DecideAsync(InventoryActor.For(User), id, on, Summary, Decided, cancellationToken);
        switch (outcome.Result)
        {
            case InventoryResult.Done:
                return Redirect($"/office/inventering/omgang/{id}");
            case InventoryResult.NotFound:
                return NotFound();
            case InventoryResult.Forbidden:
                return Forbid();
        }
        foreach (var (field, key) in outcome.Errors)
        {
            Errors[field] = texts[key];
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private IActionResult Export(bool excel)
    {
        if (Round.IsOpen)
        {
            return NotFound();
        }
        var (header, rows) = rounds.Table(Round);
        var name = $"inventering-{Round.Subject!.Slug}-{Round.CollegiumDecisionOn:yyyy-MM-dd}";
        return excel
            ? File(TableExport.Excel("Inventering", header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(TableExport.Csv(header, rows), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var round = await rounds.FindAsync(id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        var actor = InventoryActor.For(User);
        if (!await actor.MayWorkOnAsync(db, round.SubjectId, cancellationToken))
        {
            return Forbid();
        }
        Round = round;
        Coordinates = actor.Coordinates;
        if (round.IsOpen)
        {
            Candidates = (await inventory.ListAsync(round.SubjectId, InventoryFilter.None, signals: false, cancellationToken)).Where(r => r.State == InventoryState.Candidate).ToList();
        }
        return null;
    }
}
