using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Runs;
using UU.Scrapers.Sources;
using UU.Web.Data;

namespace UU.Web.Features.Leads.Office;

/// <summary>
/// Every source with its latest run (failing ones say why), and the coordinators' own web list sources: a page and
/// CSS selectors, tried out with "test this source" before saving, then scheduled like the built-in ones.
/// </summary>
public sealed class LeadSourcesModel(UuDbContext db, ScrapeRunner runner, WebSourceService sources, Localization.Texts texts) : PageModel
{
    public sealed record Row(ScrapeSourceEntry Entry, ScrapeRun? Latest, int? WebSourceId);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty] public WebSourceForm Form { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public string? Error { get; private set; }
    public WebListTestResult? Test { get; private set; }
    /// <summary>The version another coordinator saved while this one was typing.</summary>
    public WebSource? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } wanted)
        {
            if (await db.WebSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == wanted, cancellationToken) is not { } found)
            {
                return NotFound();
            }
            Form = WebSourceForm.From(found);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Shows what the source would extract now; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var tested = await sources.TestAsync(Form, cancellationToken);
        if (tested.Result is null)
        {
            return await InvalidAsync(texts["sources.error.form"], tested.FieldErrors, cancellationToken);
        }
        Test = tested.Result;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await sources.SaveAsync(Form, User.Identity?.Name, cancellationToken);
        switch (outcome.Result)
        {
            case WebSourceResult.Saved:
                return Redirect("/office/leads/kallor?sparad=" + Uri.EscapeDataString(outcome.Source!.Name));
            case WebSourceResult.NotFound:
                return NotFound();
            case WebSourceResult.Conflict:
                // Their version is shown; this coordinator's typing is not lost (it is still in the form).
                Error = outcome.Error;
                if (outcome.Theirs is { } theirs)
                {
                    Theirs = theirs;
                    Form.Version = theirs.Version; // saving again is a deliberate overwrite
                }
                await LoadAsync(cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return await InvalidAsync(outcome.Error, outcome.Fields, cancellationToken);
        }
    }

    /// <summary>The source's scheduled job, fired now; the run appears in the list when done.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken)
    {
        if (await sources.RunNowAsync(name, cancellationToken))
        {
            return Redirect("/office/leads/kallor?startad=" + Uri.EscapeDataString(name!));
        }
        Error = texts["sources.error.notScheduled"];
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Removes a web source and its schedule; the leads it found stay.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) =>
        await sources.DeleteAsync(Form.Id, cancellationToken) ? Redirect("/office/leads/kallor") : NotFound();

    private async Task<IActionResult> InvalidAsync(string? error, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in fields)
        {
            Errors[field] = message;
        }
        Error = error;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var sources = await runner.SourcesAsync(cancellationToken);
        var latest = (await db.LatestRunsAsync(cancellationToken))
            .ToDictionary(r => r.Source, StringComparer.OrdinalIgnoreCase);
        var ids = await db.WebSources.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        Rows = sources.Select(s => new Row(s, latest.GetValueOrDefault(s.Name), ids.TryGetValue(s.Name, out var id) ? id : null)).ToList();
    }

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
