using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;
using UU.Scrapers.Sources;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Leads;

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

public enum WebSourceResult
{
    Saved,
    Invalid,
    /// <summary>Another coordinator saved the source since this form was loaded (409).</summary>
    Conflict,
    NotFound,
}

/// <summary>
/// What saving a web source came to: the saved source, or the message for the form and one per field
/// (field name → message), and on a conflict the version the other coordinator saved.
/// </summary>
public sealed record WebSourceOutcome(WebSourceResult Result, WebSource? Source = null, string? Error = null, IReadOnlyDictionary<string, string>? FieldErrors = null, WebSource? Theirs = null)
{
    public IReadOnlyDictionary<string, string> Fields => FieldErrors ?? new Dictionary<string, string>();
}

/// <summary>"Test this source": what it would extract now, or the field errors that stop it from being tried.</summary>
public sealed record WebSourceTest(WebListTestResult? Result, IReadOnlyDictionary<string, string> FieldErrors);

/// <summary>
/// The coordinators' own web list sources: checked field by field, tried out without saving, saved with an optimistic
/// check against another coordinator's save, kept on the Quartz schedule (<see cref="SourceSchedule"/>), run at once, deleted.
/// </summary>
public sealed class WebSourceService(UuDbContext db, WebListTester tester, SourceSchedule schedule, ISchedulerFactory schedulers, TimeProvider clock, AuditTrail audit,
    Localization.Texts texts, IOptions<ScraperOptions> scraperOptions, IEnumerable<IScrapeSource> builtInSources)
{
    /// <summary>Every problem of the form, each under its field's name; empty when it may be saved or tried.</summary>
    public IReadOnlyDictionary<string, string> Validate(WebSourceForm form) =>
        WebSourceRules.Validate(form.ToNew(), builtInSources.Select(s => s.Name), scraperOptions.Value.AllowPrivateAddresses);

    /// <summary>Shows what the source would extract now; nothing is saved.</summary>
    public async Task<WebSourceTest> TestAsync(WebSourceForm form, CancellationToken cancellationToken)
    {
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new WebSourceTest(null, errors);
        }
        var candidate = form.ToNew();
        return new WebSourceTest(await tester.TestAsync(new Uri(candidate.Url), WebSourceCatalog.Definition(candidate), cancellationToken), errors);
    }

    /// <summary>
    /// Adds the source (no <see cref="WebSourceForm.Id"/>) or changes it, when nobody saved it since the form's
    /// <see cref="WebSourceForm.Version"/>; then the schedule follows.
    /// </summary>
    public async Task<WebSourceOutcome> SaveAsync(WebSourceForm form, string? by, CancellationToken cancellationToken)
    {
        var candidate = form.ToNew();
        var errors = new Dictionary<string, string>(Validate(form));
        if (errors.Count == 0 && await db.WebSources.AnyAsync(s => s.Name == candidate.Name && s.Id != form.Id, cancellationToken))
        {
            errors["Name"] = texts["sources.error.nameTaken"];
        }
        if (errors.Count > 0)
        {
            return new WebSourceOutcome(WebSourceResult.Invalid, Error: texts["sources.error.form"], FieldErrors: errors);
        }
        WebSource source;
        if (form.Id is { } id)
        {
            if (await db.WebSources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
            {
                return new WebSourceOutcome(WebSourceResult.NotFound);
            }
            if (found.Version != form.Version)
            {
                db.Entry(found).State = EntityState.Detached;
                return new WebSourceOutcome(WebSourceResult.Conflict, Error: texts["sources.error.conflict", found.UpdatedBy ?? "–"], Theirs: found);
            }
            source = form.ApplyTo(found);
        }
        else
        {
            source = candidate;
            db.WebSources.Add(source);
        }
        source.Version++;
        source.UpdatedAt = clock.GetUtcNow();
        source.UpdatedBy = by;
        audit.Add(form.Id is null ? "web-source-added" : "web-source-changed", "web-source", source.Name, source.Url);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else in between (the version token), or the same new name added at once.
            db.ChangeTracker.Clear();
            return new WebSourceOutcome(WebSourceResult.Conflict, Error: texts["sources.error.conflict", "–"]);
        }
        await schedule.SyncAsync(cancellationToken);
        return new WebSourceOutcome(WebSourceResult.Saved, source);
    }

    /// <summary>Removes a web source and its schedule; the leads it found stay. False when there is no such source.</summary>
    public async Task<bool> DeleteAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null || await db.WebSources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
        {
            return false;
        }
        db.WebSources.Remove(found);
        audit.Add("web-source-deleted", "web-source", found.Name, found.Url);
        await db.SaveChangesAsync(cancellationToken);
        await schedule.SyncAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Fires the source's scheduled job now (on whichever node of the cluster takes it); the run appears in the list
    /// when done. False when the source is not scheduled (switched off or unknown).
    /// </summary>
    public async Task<bool> RunNowAsync(string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = SourceSchedule.KeyFor(name);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return false;
        }
        await scheduler.TriggerJob(key, null, cancellationToken);
        audit.Add("source-run-started", "source", name, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
