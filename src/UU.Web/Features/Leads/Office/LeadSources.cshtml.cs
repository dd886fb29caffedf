using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Runs;
using UU.Scrapers.Sources;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Leads.Office;

/// <summary>What a coordinator types to add or change a web list source.</summary>
public sealed class WebSourceForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string ItemSelector { get; set; } = "";
    public string TitleSelector { get; set; } = "";
    public string LinkSelector { get; set; } = "";
    public string? DateSelector { get; set; }
    public string? DeadlineSelector { get; set; }
    public string? SummarySelector { get; set; }
    public string Schedule { get; set; } = "0 30 6 * * ?";
    public bool Enabled { get; set; } = true;
    public bool EducationOnly { get; set; } = true;

    public WebSource ApplyTo(WebSource source)
    {
        source.Name = (Name ?? "").Trim();
        source.Url = (Url ?? "").Trim();
        source.ItemSelector = (ItemSelector ?? "").Trim();
        source.TitleSelector = (TitleSelector ?? "").Trim();
        source.LinkSelector = (LinkSelector ?? "").Trim();
        source.DateSelector = Blank(DateSelector);
        source.DeadlineSelector = Blank(DeadlineSelector);
        source.SummarySelector = Blank(SummarySelector);
        source.Schedule = (Schedule ?? "").Trim();
        source.Enabled = Enabled;
        source.EducationOnly = EducationOnly;
        return source;
    }

    /// <summary>A new, unsaved web source holding what was typed.</summary>
    public WebSource ToNew() => ApplyTo(new WebSource { Name = "", Url = "", ItemSelector = "", TitleSelector = "", LinkSelector = "" });

    public static WebSourceForm From(WebSource s) => new()
    {
        Id = s.Id, Version = s.Version, Name = s.Name, Url = s.Url, ItemSelector = s.ItemSelector, TitleSelector = s.TitleSelector, LinkSelector = s.LinkSelector,
        DateSelector = s.DateSelector, DeadlineSelector = s.DeadlineSelector, SummarySelector = s.SummarySelector, Schedule = s.Schedule, Enabled = s.Enabled, EducationOnly = s.EducationOnly,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Every source with its latest run (failing ones say why), and the coordinators' own web list sources: a page and
/// CSS selectors, tried out with "test this source" before saving, then scheduled like the built-in ones.
/// </summary>
public sealed class LeadSourcesModel(UuDbContext db, ScrapeRunner runner, WebListTester tester, SourceSchedule schedule, TimeProvider clock, AuditTrail audit, Localization.Texts texts,
    Microsoft.Extensions.Options.IOptions<UU.Scrapers.Fetching.ScraperOptions> scraperOptions, Quartz.ISchedulerFactory schedulers, IEnumerable<IScrapeSource> builtInSources) : PageModel
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
        var candidate = Form.ToNew();
        if (!Check(candidate))
        {
            return await InvalidAsync(cancellationToken);
        }
        Test = await tester.TestAsync(new Uri(candidate.Url), WebSourceCatalog.Definition(candidate), cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var candidate = Form.ToNew();
        if (!Check(candidate))
        {
            return await InvalidAsync(cancellationToken);
        }
        if (await db.WebSources.AnyAsync(s => s.Name == candidate.Name && s.Id != Form.Id, cancellationToken))
        {
            Errors["Name"] = texts["sources.error.nameTaken"];
            return await InvalidAsync(cancellationToken);
        }
        WebSource source;
        if (Form.Id is { } id)
        {
            if (await db.WebSources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
            {
                return NotFound();
            }
            if (found.Version != Form.Version)
            {
                // Another coordinator saved first: their version is shown, this coordinator's typing is not lost (it is still in the form).
                Error = texts["sources.error.conflict", found.UpdatedBy ?? "–"];
                Theirs = found;
                Form.Version = found.Version; // saving again is a deliberate overwrite
                await LoadAsync(cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
            source = Form.ApplyTo(found);
        }
        else
        {
            source = candidate;
            db.WebSources.Add(source);
        }
        source.Version++;
        source.UpdatedAt = clock.GetUtcNow();
        source.UpdatedBy = User.Identity?.Name;
        audit.Add(Form.Id is null ? "web-source-added" : "web-source-changed", "web-source", source.Name, source.Url);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Error = texts["sources.error.conflict", "–"];
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await schedule.SyncAsync(cancellationToken);
        return Redirect("/office/leads/kallor?sparad=" + Uri.EscapeDataString(source.Name));
    }

    /// <summary>The source's scheduled job, fired now (on whichever node of the cluster takes it); the run appears in the list when done.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = SourceSchedule.KeyFor(name ?? "");
        if (string.IsNullOrEmpty(name) || !await scheduler.Exists(key, cancellationToken))
        {
            Error = texts["sources.error.notScheduled"];
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await scheduler.TriggerJob(key, null, cancellationToken);
        audit.Add("source-run-started", "source", name, null);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/office/leads/kallor?startad=" + Uri.EscapeDataString(name));
    }

    /// <summary>Removes a web source and its schedule; the leads it found stay.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (Form.Id is not { } id || await db.WebSources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        db.WebSources.Remove(found);
        audit.Add("web-source-deleted", "web-source", found.Name, found.Url);
        await db.SaveChangesAsync(cancellationToken);
        await schedule.SyncAsync(cancellationToken);
        return Redirect("/office/leads/kallor");
    }

    private bool Check(WebSource candidate)
    {
        foreach (var (field, message) in WebSourceRules.Validate(candidate, builtInSources.Select(s => s.Name), scraperOptions.Value.AllowPrivateAddresses))
        {
            Errors[field] = message;
        }
        return Errors.Count == 0;
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Error = texts["sources.error.form"];
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
